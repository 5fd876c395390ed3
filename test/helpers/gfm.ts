/**
 * GitHub markdown as GitHub renders it: cmark-gfm (the renderer github.com is built on) with the
 * GFM extensions, run as a child process, and the HTML it makes checked for structure rather than
 * for strings. CI installs /usr/bin/cmark-gfm (`npm run setup`); without it these checks fail.
 */
import { execFileSync } from 'node:child_process';
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * GitHub's extensions. `--unsafe` keeps raw HTML (`<details>`, `<code>`, `<sub>`) as github.com
 * does; `tagfilter` still disarms the tags GFM filters (`<script>`, `<iframe>`, ...).
 */
export const CMARK_ARGS = [
  '--unsafe',
  '--extension',
  'table',
  '--extension',
  'strikethrough',
  '--extension',
  'autolink',
  '--extension',
  'tagfilter',
];

/** Markdown rendered to HTML by cmark-gfm. */
export function renderGfm(markdown: string): string {
  try {
    return execFileSync('cmark-gfm', CMARK_ARGS, {
      input: markdown,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') {
      throw new Error(
        'cmark-gfm is missing: the render tests need it (npm run setup installs it)',
        {
          cause: err,
        },
      );
    }
    throw err;
  }
}

/** What a rendered comment or summary is expected to hold. */
export interface GfmShape {
  /** Body rows of each table, in order. */
  tables: number[];
  /** `<details>` folds whose summary is `stack`: one per folded goroutine stack. */
  foldedStacks: number;
  /** Every link's target; any other `<a>` was made from data (autolinks included). */
  links?: string[];
  /** Text from the data that may show markdown's characters (`|`, `**`), hostile names. */
  dataText?: string[];
  /** The text the last top-level paragraph must end with (the report and run links). */
  endsWith?: string;
}

/**
 * Elements perfgate writes; anything else in the HTML was injected. No `<blockquote>`: notes and
 * warnings are list items, each its own, never quoted lines that run together.
 */
const allowed = new Set([
  'h3',
  'h4',
  'p',
  'ul',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'pre',
  'details',
  'summary',
  'sub',
  'br',
  'strong',
  'a',
  'wbr',
]);

/** Markdown syntax that must never show as text: it means a construct broke. */
const leakedSyntax = ['|', '```', '</details>', '<details', '<summary', '**'];

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function children(n: Node): Node[] {
  return 'childNodes' in n ? n.childNodes : [];
}

function elements(n: Node, tag?: string): Element[] {
  const out: Element[] = [];
  const walk = (x: Node) => {
    for (const c of children(x)) {
      if (isElement(c)) {
        if (tag === undefined || c.tagName === tag) out.push(c);
        walk(c);
      }
    }
  };
  walk(n);
  return out;
}

/** The text of a node, as a reader sees it. */
export function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return children(n).map(textOf).join('');
}

function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

/** Elements whose text a reader takes in as one run (a paragraph, a cell, a list item's line). */
const textBlocks = new Set(['p', 'td', 'th', 'li', 'summary', 'h3', 'h4']);

/**
 * The text of each paragraph, cell or list item outside `<code>` and `<pre>`, inline elements
 * joined: where markdown syntax must not survive.
 */
function proseTexts(n: Node, out: string[] = []): string[] {
  const inline = (x: Node): string => {
    if (x.nodeName === '#text') return (x as DefaultTreeAdapterMap['textNode']).value;
    if (!isElement(x) || x.tagName === 'code' || x.tagName === 'pre') return '';
    if (textBlocks.has(x.tagName)) return (proseTexts(x, out), '');
    return children(x).map(inline).join('');
  };
  const own = children(n).map(inline).join('');
  if (own.trim() !== '') out.push(own);
  return out;
}

/**
 * @mentions and #references as GitHub finds them: in a text node outside code, pre and links
 * (an escaped `@` is followed by `<wbr>`, which ends the text node).
 */
export function mentions(n: Node, out: string[] = []): string[] {
  for (const c of children(n)) {
    if (c.nodeName === '#text') {
      const text = (c as DefaultTreeAdapterMap['textNode']).value;
      out.push(...(text.match(/(?:^|[^\w`&])[@#][\w-]+/g) ?? []).map((m) => m.trim()));
    } else if (isElement(c) && !['code', 'pre', 'a'].includes(c.tagName)) {
      mentions(c, out);
    }
  }
  return out;
}

/** The parsed HTML of markdown rendered by cmark-gfm, with the parser's complaints. */
export function parseGfm(markdown: string): { html: string; root: Node; parseErrors: string[] } {
  const html = renderGfm(markdown);
  const parseErrors: string[] = [];
  const root = parseFragment(html, {
    onParseError: (e) => parseErrors.push(`${e.code} at line ${e.startLine}`),
  });
  return { html, root, parseErrors };
}

/** Everything wrong with the markdown as GitHub would show it; empty when it renders whole. */
export function gfmProblems(markdown: string, shape: GfmShape): string[] {
  const { html, root, parseErrors } = parseGfm(markdown);
  const problems = parseErrors.map((e) => `HTML parse error: ${e}`);
  const opened = html.match(/<details>/g)?.length ?? 0;
  const closed = html.match(/<\/details>/g)?.length ?? 0;
  if (opened !== closed) problems.push(`${opened} <details> opened, ${closed} closed`);

  for (const e of elements(root)) {
    if (!allowed.has(e.tagName)) problems.push(`injected element <${e.tagName}>`);
    if (e.tagName === 'a' && !(shape.links ?? []).includes(attr(e, 'href') ?? '')) {
      problems.push(`link made from data: <a href="${attr(e, 'href')}">`);
    }
  }

  for (let text of proseTexts(root)) {
    for (const d of shape.dataText ?? []) text = text.split(d).join('');
    for (const s of leakedSyntax) {
      if (text.includes(s)) problems.push(`markdown shows as text: ${JSON.stringify(text.trim())}`);
    }
  }

  for (const m of mentions(root)) problems.push(`a mention or reference in the text: ${m}`);

  const tables = elements(root, 'table');
  const rows = tables.map((t) => elements(t, 'tbody').flatMap((b) => elements(b, 'tr')).length);
  if (JSON.stringify(rows) !== JSON.stringify(shape.tables)) {
    problems.push(
      `tables with ${JSON.stringify(rows)} rows, expected ${JSON.stringify(shape.tables)}`,
    );
  }
  for (const t of tables) {
    const width = elements(t, 'th').length;
    for (const tr of elements(t, 'tbody').flatMap((b) => elements(b, 'tr'))) {
      const cells = elements(tr, 'td').length;
      if (cells !== width) problems.push(`a table row with ${cells} cells under ${width} headers`);
    }
  }

  const folds = elements(root, 'details');
  for (const d of folds) {
    const first = children(d).find(isElement);
    if (first?.tagName !== 'summary') problems.push('a <details> without its <summary> first');
  }
  const stacks = folds.filter((d) => textOf(elements(d, 'summary')[0] ?? d).trim() === 'stack');
  if (stacks.length !== shape.foldedStacks) {
    problems.push(`${stacks.length} folded stacks, expected ${shape.foldedStacks}`);
  }
  for (const d of stacks) {
    if (elements(d, 'pre').length !== 1) problems.push('a folded stack without its one <pre>');
  }

  if (shape.endsWith !== undefined) {
    const last = children(root).filter(isElement).at(-1);
    const text = last ? textOf(last).trim() : '';
    if (!text.endsWith(shape.endsWith)) {
      problems.push(`ends with ${JSON.stringify(text.slice(-120))}, not the links`);
    }
  }
  return problems;
}

/** The sources of the mermaid blocks, as GitHub hands them to mermaid. */
export function mermaidSources(markdown: string): string[] {
  const { root } = parseGfm(markdown);
  return elements(root, 'code')
    .filter((c) => attr(c, 'class') === 'language-mermaid')
    .map(textOf);
}

/**
 * The shape markdown written by perfgate means to have, read from its source: each table
 * (a `|` header, a delimiter row, then `|` rows), each `<summary>stack</summary>` fold, each
 * `[text](url)` link. For checking renderings whose contents a test does not know in advance.
 */
export function intendedShape(markdown: string): GfmShape {
  const lines = markdown.split('\n');
  const tables: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!/^\|( *:?-+:? *\|)+$/.test(lines[i]!) || !lines[i - 1]!.startsWith('|')) continue;
    let rows = 0;
    while (lines[i + 1 + rows]?.startsWith('|')) rows++;
    tables.push(rows);
  }
  return {
    tables,
    foldedStacks: markdown.match(/<summary>stack<\/summary>/g)?.length ?? 0,
    links: [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!),
  };
}

/** Markdown a run wrote (a comment body, a job summary), named for the failure message. */
export interface Written {
  what: string;
  markdown: string;
}

/**
 * Every problem of every written text as GitHub would render it, against its intended shape;
 * `dataText` is text from the run that may show markdown's characters as text.
 */
export function renderingProblems(written: Written[], dataText: string[] = []): string[] {
  return written.flatMap(({ what, markdown }) =>
    gfmProblems(markdown, { ...intendedShape(markdown), dataText }).map((p) => `${what}: ${p}`),
  );
}

/** Each rendered table's body rows, as the text of their cells; and the paragraph before it. */
export function renderedTables(markdown: string): { before: string; rows: string[][] }[] {
  const { root } = parseGfm(markdown);
  const out: { before: string; rows: string[][] }[] = [];
  const walk = (n: Node) => {
    let before = '';
    for (const c of children(n)) {
      if (!isElement(c)) continue;
      if (c.tagName === 'table') {
        const rows = elements(c, 'tbody')
          .flatMap((b) => elements(b, 'tr'))
          .map((tr) => elements(tr, 'td').map((td) => textOf(td).trim()));
        out.push({ before, rows });
      } else walk(c);
      before = c.tagName === 'p' ? textOf(c).trim() : '';
    }
  };
  walk(root);
  return out;
}

/** Each rendered `<details>`: its summary, the texts of its list items, and its tables. */
export function renderedFolds(
  markdown: string,
): { summary: string; items: string[]; tables: number; quotes: number }[] {
  const { root } = parseGfm(markdown);
  return elements(root, 'details').map((d) => ({
    summary: textOf(elements(d, 'summary')[0] ?? d).trim(),
    items: elements(d, 'li').map((li) => textOf(li).trim()),
    tables: elements(d, 'table').length,
    quotes: elements(d, 'blockquote').length,
  }));
}

/** How many `<blockquote>` elements the rendering has (notes are a list, never quotes). */
export function blockquotes(markdown: string): number {
  return elements(parseGfm(markdown).root, 'blockquote').length;
}
