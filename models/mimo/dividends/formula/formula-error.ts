/** A refused or failing dividend formula: the message shows the formula and a caret under the problem. */
export class FormulaError extends Error {
  constructor(
    /** The formula as written. */
    readonly formula: string,
    /** 0-based character index of the problem in `formula`. */
    readonly position: number,
    /** What is wrong, without the formula. */
    readonly reason: string,
  ) {
    super(formatFormulaProblem(formula, position, reason));
    this.name = 'FormulaError';
  }
}

/** Renders `reason` at `position`: `dividends.formula: <reason> (at char N)`, the formula, and a caret line. */
export function formatFormulaProblem(formula: string, position: number, reason: string): string {
  const at = Math.max(0, Math.min(position, formula.length));
  // Show the line holding the problem; tabs stay tabs so the caret lines up in a terminal.
  const lineStart = formula.lastIndexOf('\n', at - 1) + 1;
  const lineEndRaw = formula.indexOf('\n', at);
  const lineEnd = lineEndRaw === -1 ? formula.length : lineEndRaw;
  const line = formula.slice(lineStart, lineEnd);
  const pad = line.slice(0, at - lineStart).replace(/[^\t]/g, ' ');
  return `dividends.formula: ${reason} (at char ${at + 1})\n  ${line}\n  ${pad}^`;
}
