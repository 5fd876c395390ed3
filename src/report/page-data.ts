/**
 * The data the HTML report's page draws from, as it is embedded in the page (JSON). The builder
 * (`pageData` in html-build.ts) writes it and the page's script (src/render/html/page) reads it,
 * both against these types. Function names and file paths repeat across frames, graphs and
 * tables, so they are sent once, in `strings`, and referred to by index (a third of the size).
 *
 * This module imports nothing: the page's script is type-checked against the DOM alone.
 */

/** One frame of a flame graph: `name` and `file` index `PageData.strings`. */
export interface PageFrame {
  name: number;
  file: number;
  line: number;
  head: number;
  base: number;
  /** True for the box that stands for merged small frames. */
  small?: true;
  children: PageFrame[];
}

/** The differential flame graph of one profile pair and sample type. */
export interface PageGraph {
  profile: string;
  sampleType: string;
  unit: string;
  headTotal: number;
  baseTotal: number;
  /** Frames under this fraction of the larger total were merged into "small frames" boxes. */
  minFraction: number;
  root: PageFrame;
}

/** One row of a top table: `name` and `file` index `PageData.strings`. */
export interface PageTopRow {
  name: number;
  file: number;
  line: number;
  headFlat: number;
  baseFlat: number;
  headCum: number;
  baseCum: number;
}

/** The top table of one profile pair and sample type. */
export interface PageTopTable {
  profile: string;
  sampleType: string;
  unit: string;
  headTotal: number;
  baseTotal: number;
  rows: PageTopRow[];
}

/** Everything the page's script draws: graphs and tables, the same pairs in the same order. */
export interface PageData {
  strings: string[];
  graphs: PageGraph[];
  tops: PageTopTable[];
}
