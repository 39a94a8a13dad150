/**
 * What a chart says to someone who cannot see it: a label (what it shows and its key values, the accessible name
 * of its drawing) and, where there is more to tell, a longer description.
 */
export interface TextAlternative {
  readonly label: string;
  readonly description?: string;
}

/** A number as words read it: up to 4 significant digits, thousands separated, `no value` for NaN or none. */
export function spoken(v: number): string {
  if (v === Infinity) return 'infinity';
  if (v === -Infinity) return 'minus infinity';
  if (!Number.isFinite(v)) return 'no value';
  // Rounded first, so 0.30000000000000004 reads 0.3 and 1234567 reads 1,235,000.
  return Number(v.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/** A share as a percentage, e.g. `21%` (one decimal below 10%). */
export function percent(share: number): string {
  if (!Number.isFinite(share)) return spoken(share);
  const p = 100 * share;
  return `${Math.abs(p) < 10 && p !== 0 ? p.toFixed(1) : p.toFixed(0)}%`;
}

/** Observable Plot's options for a text alternative (it writes them on its svg). */
export function plotAria(alt: TextAlternative): { ariaLabel: string; ariaDescription: string | null } {
  return { ariaLabel: alt.label, ariaDescription: alt.description ?? null };
}

/** Marks a chart's drawing (an svg or a canvas) as one image named by its text alternative. */
export function showAsImage(drawing: Element, alt: TextAlternative): void {
  drawing.setAttribute('role', 'img');
  drawing.setAttribute('aria-label', alt.label);
  if (alt.description) drawing.setAttribute('aria-description', alt.description);
  else drawing.removeAttribute('aria-description');
}

/**
 * The drawing of an Observable Plot chart: the svg itself, or the svg beside its legends when Plot wrapped them in
 * a figure (a legend's swatches are small svgs of their own).
 */
export function plotDrawing(plot: Element): SVGSVGElement {
  const svg = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector(':scope > svg');
  if (!svg) throw new Error('a Plot chart without its svg');
  return svg as SVGSVGElement;
}
