// What a notebook cell shows: tables as HTML, Observable Plot charts as SVG. Each value carries a text/plain
// form too, so a terminal (and the notebook test) can read it. Runs under Deno's Jupyter kernel.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** What Deno's kernel calls to display a value: a MIME bundle. */
const DISPLAY = Symbol.for('Jupyter.display');

export interface Displayable {
  [DISPLAY](): Record<string, unknown>;
}

function displayable(bundle: Record<string, unknown>): Displayable {
  return { [DISPLAY]: () => bundle };
}

/** A cell of a table: a number is formatted with `digits` significant digits, anything else as text. */
export type Cell = string | number | bigint | boolean | null | undefined;

export interface TableOptions {
  /** The columns to show, in order (default: the first row's keys). */
  readonly columns?: readonly string[];
  /** Significant digits of numbers (default 3). */
  readonly digits?: number;
  /** A caption above the table. */
  readonly caption?: string;
}

/** A number in `digits` significant digits, without trailing zeros; integers below a million in full. */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '';
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-4)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}

function formatCell(value: Cell, digits: number): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? formatNumber(value, digits) : String(value);
}

/** A cell as JSON, which has no NaN, infinity or bigint: null stands for the first two (and a missing cell). */
function json(value: Cell): string | number | boolean | null {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value ?? null;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rows of objects as an HTML table, aligned plain text, and JSON (the rows as computed, for programs). */
export function table(rows: readonly Record<string, Cell>[], options: TableOptions = {}): Displayable {
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  const digits = options.digits ?? 3;
  const cells = rows.map((row) => columns.map((c) => formatCell(row[c], digits)));
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === 'number' || typeof r[c] === 'bigint'));
  const align = (i: number) => (numeric[i] ? ' style="text-align:right"' : '');
  const html = [
    '<table>',
    options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '',
    `<thead><tr>${columns.map((c, i) => `<th${align(i)}>${escapeHtml(c)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...cells.map((r) => `<tr>${r.map((v, i) => `<td${align(i)}>${escapeHtml(v)}</td>`).join('')}</tr>`),
    '</tbody></table>',
  ]
    .filter((line) => line !== '')
    .join('\n');
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (r: readonly string[]) =>
    r.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ');
  const text = [...(options.caption ? [options.caption] : []), line(columns), ...cells.map(line)].join('\n');
  const data = { columns, rows: rows.map((row) => columns.map((c) => json(row[c]))) };
  return displayable({ 'text/html': html, 'text/plain': text, 'application/json': data });
}

/** A small DOM for Plot to draw into, outside a browser. */
const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as {
  document: NonNullable<Plot.PlotOptions['document']>;
};

/** What this module reads of the element Plot draws. */
interface DrawnElement {
  readonly tagName: string;
  readonly outerHTML: string;
  setAttribute(name: string, value: string): void;
}

/**
 * An Observable Plot chart (the options of `Plot.plot`) drawn to SVG. A chart with a legend or a title is a
 * figure, shown as HTML; a bare chart is an SVG image (what GitHub's notebook viewer shows best).
 */
export function plot(options: Plot.PlotOptions): Displayable {
  const element = Plot.plot({ ...options, document }) as unknown as DrawnElement;
  if (element.tagName.toLowerCase() === 'svg') {
    element.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    return displayable({
      'image/svg+xml': roundGeometry(element.outerHTML),
      'text/plain': describe(options),
    });
  }
  return displayable({ 'text/html': roundGeometry(element.outerHTML), 'text/plain': describe(options) });
}

/** Positions to 0.01 pixel: far below what shows, and a chart of thousands of dots gets half as big. */
function roundGeometry(svg: string): string {
  return svg.replace(
    / (cx|cy|x|y|x1|x2|y1|y2|width|height|d|transform|points)="([^"]*)"/g,
    (_, name, value) => {
      const rounded = value.replace(/-?\d+\.\d{3,}/g, (n: string) =>
        String(Math.round(Number(n) * 100) / 100),
      );
      return ` ${name}="${rounded}"`;
    },
  );
}

function describe(options: Plot.PlotOptions): string {
  const marks = options.marks?.length ?? 0;
  return `[chart: ${marks} mark${marks === 1 ? '' : 's'}${options.title ? `, ${String(options.title)}` : ''}]`;
}

/** Markdown text computed by a cell (e.g. a sentence with the numbers just measured). */
export function markdown(text: string): Displayable {
  return displayable({ 'text/markdown': text, 'text/plain': text });
}

export { Plot };
