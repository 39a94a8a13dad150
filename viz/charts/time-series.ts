import * as d3 from 'd3';
import { describeSeries } from './describe/series.js';
import { showAsImage } from './describe/text-alternative.js';
import { ThrottledText } from './describe/throttled.js';
import { fontSize, palette } from './palette.js';

export interface TimeSeriesOptions {
  readonly title: string;
  /** Unit of the y axis, e.g. `share`, `units`. */
  readonly unit: string;
  readonly series: readonly { readonly name: string; readonly description?: string }[];
  /** Names of series drawn as stacked areas (in series order, from 0 up); the others are lines on top. */
  readonly stacked?: readonly string[];
  readonly width?: number;
  readonly height?: number;
}

/**
 * A live time-series chart (D3): the element is built once, `update` redraws the lines (and stacked areas, for
 * the series named in `stacked`) from columns of values for ticks 1..n. Legend, axis units and a tooltip with
 * every series' value at the hovered tick.
 */
export class LiveTimeSeries {
  readonly element: HTMLElement;
  private readonly svg: d3.Selection<SVGSVGElement, undefined, null, undefined>;
  private readonly x: d3.ScaleLinear<number, number>;
  private readonly y: d3.ScaleLinear<number, number>;
  private readonly paths: d3.Selection<SVGPathElement, undefined, null, undefined>[];
  private readonly xAxis: d3.Selection<SVGGElement, undefined, null, undefined>;
  private readonly yAxis: d3.Selection<SVGGElement, undefined, null, undefined>;
  private readonly tip: HTMLDivElement;
  private columns: readonly Float64Array[] = [];
  private readonly isStacked: boolean[];
  /** Per stacked series, the cumulative base and top of its band at each tick. */
  private bases: Float64Array[] = [];
  private tops: Float64Array[] = [];
  private n = 0;
  /** Live changes marked on the chart: a dashed rule at their tick, with a label. */
  private readonly marks: { tick: number; label: string }[] = [];
  private readonly markLayer: d3.Selection<SVGGElement, undefined, null, undefined>;
  private readonly margin = { top: 30, right: 16, bottom: 44, left: 64 };
  /** The svg's text alternative (title, unit, ticks, each line's latest, least and greatest), at most once a second. */
  private readonly alt: ThrottledText;

  constructor(private readonly options: TimeSeriesOptions) {
    const width = options.width ?? 560;
    const height = options.height ?? 300;
    const m = this.margin;
    this.element = document.createElement('figure');
    this.element.className = 'chart';
    const caption = document.createElement('figcaption');
    caption.textContent = options.title;
    this.element.append(caption, this.legend());
    this.x = d3.scaleLinear().range([m.left, width - m.right]);
    this.y = d3.scaleLinear().range([height - m.bottom, m.top]);
    this.svg = d3
      .create('svg')
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('width', width)
      .attr('height', height)
      .attr('font-size', fontSize)
      .attr('font-family', 'system-ui, sans-serif');
    this.xAxis = this.svg.append('g').attr('transform', `translate(0,${height - m.bottom})`);
    this.yAxis = this.svg.append('g').attr('transform', `translate(${m.left},0)`);
    this.svg
      .append('text')
      .attr('x', width - m.right)
      .attr('y', height - 6)
      .attr('text-anchor', 'end')
      .attr('fill', 'currentColor')
      .text('tick (day)');
    this.svg
      .append('text')
      .attr('x', 4)
      .attr('y', 4)
      .attr('dy', '0.8em')
      .attr('fill', 'currentColor')
      .text(`↑ ${options.unit}`);
    this.isStacked = options.series.map((s) => options.stacked?.includes(s.name) ?? false);
    this.paths = options.series.map((_, i) =>
      this.isStacked[i]
        ? this.svg
            .append('path')
            .attr('fill', palette[i % palette.length])
            .attr('fill-opacity', 0.75)
            .attr('stroke', 'none')
            .attr('data-stacked', 'true')
        : this.svg
            .append('path')
            .attr('fill', 'none')
            .attr('stroke', palette[i % palette.length])
            .attr('stroke-width', 2.5),
    );
    // Lines stay above the areas.
    this.paths.forEach((path, i) => {
      if (!this.isStacked[i]) path.raise();
    });
    this.markLayer = this.svg.append('g').attr('class', 'change-marks');
    const rule = this.svg
      .append('line')
      .attr('stroke', '#888')
      .attr('y1', m.top)
      .attr('y2', height - m.bottom);
    rule.attr('visibility', 'hidden');
    this.tip = document.createElement('div');
    this.tip.className = 'tooltip';
    this.tip.hidden = true;
    this.svg
      .on('pointermove', (event: PointerEvent) => {
        if (this.n === 0) return;
        const [px] = d3.pointer(event);
        const tick = Math.max(1, Math.min(this.n, Math.round(this.x.invert(px))));
        rule.attr('x1', this.x(tick)).attr('x2', this.x(tick)).attr('visibility', 'visible');
        const lines = options.series.map((s, i) => `${s.name}: ${format(this.columns[i][tick - 1])}`);
        this.tip.textContent = `tick ${tick}\n${lines.join('\n')} (${options.unit})`;
        this.tip.hidden = false;
      })
      .on('pointerleave', () => {
        rule.attr('visibility', 'hidden');
        this.tip.hidden = true;
      });
    this.element.append(this.svg.node()!, this.tip);
    const svg = this.svg.node()!;
    this.alt = new ThrottledText((alt) => showAsImage(svg, alt));
    this.alt.set(() =>
      describeSeries({ title: options.title, unit: options.unit, series: [], n: 0, ticks: 0 }),
    );
  }

  /** Redraws with the first `n` values of each column (one column per series, tick t at index t-1). */
  update(columns: readonly Float64Array[], n: number, ticks: number): void {
    this.columns = columns;
    this.n = n;
    this.stack(columns, n);
    let lo = Infinity;
    let hi = -Infinity;
    columns.forEach((c, s) => {
      const values = this.isStacked[s] ? this.tops[s] : c;
      for (let t = 0; t < n; t++) {
        const v = values[t];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (this.isStacked[s]) lo = Math.min(lo, 0);
    });
    if (!(lo <= hi)) [lo, hi] = [0, 1];
    if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
    this.x.domain([1, Math.max(2, ticks)]);
    this.y.domain([lo, hi]).nice();
    // d3.axis writes a 10px font on its group: take it off so the chart's projector-sized font applies.
    this.xAxis.call(d3.axisBottom(this.x).ticks(6)).attr('font-size', null);
    this.yAxis.call(d3.axisLeft(this.y).ticks(5)).attr('font-size', null);
    this.paths.forEach((path, s) => {
      const column = columns[s];
      if (this.isStacked[s]) {
        const base = this.bases[s];
        const top = this.tops[s];
        const area = d3
          .area<number>()
          .defined((i) => Number.isFinite(top[i]))
          .x((i) => this.x(i + 1))
          .y0((i) => this.y(base[i]))
          .y1((i) => this.y(top[i]));
        path.attr('d', area(d3.range(n)) ?? '');
        return;
      }
      const line = d3
        .line<number>()
        .defined((i) => Number.isFinite(column[i]))
        .x((i) => this.x(i + 1))
        .y((i) => this.y(column[i]));
      path.attr('d', line(d3.range(n)) ?? '');
    });
    this.drawMarks();
    const { title, unit, series } = this.options;
    this.alt.set(
      () =>
        describeSeries({
          title,
          unit,
          series: series.map((s, i) => ({ name: s.name, values: columns[i] })),
          n,
          ticks,
        }),
      n === ticks,
    );
  }

  /** Marks a live change at `tick` (drawn at the next update). */
  mark(tick: number, label: string): void {
    this.marks.push({ tick, label });
  }

  private drawMarks(): void {
    const top = this.margin.top;
    const bottom = (this.options.height ?? 300) - this.margin.bottom;
    const groups = this.markLayer
      .selectAll<SVGGElement, { tick: number; label: string }>('g')
      .data(this.marks)
      .join((enter) => {
        const g = enter.append('g').attr('data-testid', 'change-mark');
        g.append('line').attr('stroke', '#111').attr('stroke-dasharray', '4 3').attr('stroke-width', 1.5);
        g.append('text').attr('font-size', 12).attr('fill', '#111');
        return g;
      })
      .attr('data-tick', (m) => m.tick);
    groups
      .select('line')
      .attr('x1', (m) => this.x(m.tick))
      .attr('x2', (m) => this.x(m.tick))
      .attr('y1', top)
      .attr('y2', bottom);
    groups
      .select('text')
      .attr('x', (m) => this.x(m.tick) + 3)
      .attr('y', top + 12)
      .text((m) => m.label);
  }

  /** Cumulates the stacked series tick by tick (buffers reused while they are long enough). */
  private stack(columns: readonly Float64Array[], n: number): void {
    const running = new Float64Array(n);
    columns.forEach((c, s) => {
      if (!this.isStacked[s]) return;
      if (!this.bases[s] || this.bases[s].length < n) {
        this.bases[s] = new Float64Array(Math.max(n, 64));
        this.tops[s] = new Float64Array(Math.max(n, 64));
      }
      for (let t = 0; t < n; t++) {
        const v = Number.isFinite(c[t]) ? c[t] : 0;
        this.bases[s][t] = running[t];
        running[t] += v;
        this.tops[s][t] = running[t];
      }
    });
  }

  private legend(): HTMLElement {
    const legend = document.createElement('div');
    legend.className = 'legend';
    this.options.series.forEach((s, i) => {
      const item = document.createElement('span');
      item.title = s.description ?? s.name;
      const swatch = document.createElement('i');
      swatch.style.background = palette[i % palette.length];
      item.append(swatch, document.createTextNode(s.name));
      legend.append(item);
    });
    return legend;
  }
}

function format(v: number): string {
  return Number.isFinite(v) ? d3.format('.4~g')(v) : String(v);
}
