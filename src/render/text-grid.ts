/**
 * A grid of text cells laid out in aligned columns, with cells that span columns and left
 * margins per cell: the layout rules of benchstat's tables, so perfgate's output lines up the
 * same way (column widths from single cells first, then spans widen only stretchable columns).
 */

type Align = 'left' | 'center' | 'right';

interface Cell {
  row: number;
  col: number;
  span: number;
  value: string;
  margin: string;
  align: Align;
}

/** Options of one cell. */
export interface CellOptions {
  align?: Align;
  /** Text before the cell (default one space, none in the first column or for empty cells). */
  margin?: string;
}

const runes = (s: string) => [...s].length;

/** Builds rows of cells, then formats them. */
export class TextGrid {
  private cells: Cell[] = [];
  private cols = 0;
  private shrinkable = new Set<number>();
  private row = 0;
  private col = 0;

  /** Starts a new row. */
  newRow(): this {
    if (this.cells.length > 0) this.row++;
    this.col = 0;
    return this;
  }

  /** Moves to a column of the current row (never backwards). */
  at(col: number): this {
    if (col < this.col) throw new Error(`cannot move from column ${this.col} back to ${col}`);
    this.col = col;
    return this;
  }

  /** The current column. */
  get column(): number {
    return this.col;
  }

  /** Adds a cell of one column. */
  cell(value: string, options: CellOptions = {}): this {
    return this.span(1, value, options);
  }

  /** Adds a cell spanning `cols` columns. */
  span(cols: number, value: string, options: CellOptions = {}): this {
    const margin = options.margin ?? (this.col === 0 || value === '' ? '' : ' ');
    this.cells.push({
      row: this.row,
      col: this.col,
      span: cols,
      value,
      margin,
      align: options.align ?? 'left',
    });
    this.col += cols;
    this.cols = Math.max(this.cols, this.col);
    return this;
  }

  /** Marks a column as one that spans do not widen. */
  shrink(col: number): void {
    this.shrinkable.add(col);
  }

  /** The laid-out text, one line per row, each ending in a newline. */
  format(): string {
    const margins = new Array<number>(this.cols).fill(0);
    for (const c of this.cells) margins[c.col] = Math.max(margins[c.col]!, runes(c.margin));
    const widths = new Array<number>(this.cols).fill(0);
    const bySpan = [...this.cells].sort((a, b) => a.span - b.span);
    for (const c of bySpan) {
      let w = runes(c.value) + margins[c.col]!;
      if (c.span === 1) {
        widths[c.col] = Math.max(widths[c.col]!, w);
        continue;
      }
      let have = 0;
      for (let i = c.col; i < c.col + c.span; i++) have += widths[i]!;
      if (have >= w) continue;
      const stretch: number[] = [];
      for (let i = c.col; i < c.col + c.span; i++) {
        if (this.shrinkable.has(i)) w -= widths[i]!;
        else stretch.push(i);
      }
      stretch.sort((a, b) => widths[b]! - widths[a]!);
      let left = stretch.length;
      for (const i of stretch) {
        const avg = Math.floor((w + left - 1) / left);
        widths[i] = Math.max(widths[i]!, avg);
        w -= widths[i]!;
        left--;
      }
    }
    const offsets = [0];
    for (const w of widths) offsets.push(offsets[offsets.length - 1]! + w);

    const ordered = [...this.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    let out = '';
    let row = 0;
    let pos = 0;
    for (const c of ordered) {
      if (c.value.trim() === '' && c.margin.trim() === '') continue;
      while (c.row > row) {
        out += '\n';
        row++;
        pos = 0;
      }
      const gap = offsets[c.col]! - pos;
      out += ' '.repeat(Math.max(gap, 0)) + c.margin.padStart(margins[c.col]!);
      pos += Math.max(gap, 0) + margins[c.col]!;
      const width = offsets[c.col + c.span]! - offsets[c.col]! - margins[c.col]!;
      const text = pad(c.value, width, c.align);
      out += text;
      pos += runes(text);
    }
    if (this.cells.length > 0) out += '\n';
    return out;
  }
}

function pad(s: string, width: number, align: Align): string {
  const n = runes(s);
  if (align === 'right') return ' '.repeat(Math.max(width - n, 0)) + s;
  if (align === 'center') return ' '.repeat(Math.max(Math.floor((width - n) / 2), 0)) + s;
  return s;
}
