import type { MetricDef } from '../../sim/model.js';
import type { Distribution } from '../../sim/host/worker/api.js';
import { exportPng, exportSvg } from '../charts/export.js';
import { LiveTimeSeries } from '../charts/time-series.js';
import { panelMetrics, type Panel } from '../dashboards/index.js';
import type { SeriesStore } from '../series-store.js';

interface Shown {
  panel: Panel;
  box: HTMLElement;
  chart?: LiveTimeSeries;
  indices?: number[];
}

/** Unit shared by a panel's metrics, or each metric's own when they differ. */
function unitOf(metrics: readonly MetricDef[]): string {
  const units = [...new Set(metrics.map((m) => m.unit))];
  return units.length === 1 ? units[0] : units.join(', ');
}

/** The dashboard of one run: a box per panel, each with SVG/PNG export; charts redrawn on demand. */
export class PanelGrid {
  readonly element: HTMLElement;
  private readonly shown: Shown[] = [];
  private generic: { box: HTMLElement; chart: LiveTimeSeries; index: number } | null = null;
  private readonly marks: { tick: number; label: string }[] = [];

  constructor(
    panels: readonly Panel[],
    private readonly store: SeriesStore,
    private readonly params: Record<string, unknown>,
  ) {
    this.element = document.createElement('section');
    this.element.className = 'panels';
    for (const panel of panels) {
      const box = this.box(panel.id, panel.title);
      const shown: Shown = { panel, box };
      if (panel.kind === 'series') {
        const metrics = panelMetrics(panel, store.metrics);
        shown.indices = metrics.map((m) => store.index(m.name));
        shown.chart = new LiveTimeSeries({
          title: panel.title,
          unit: unitOf(metrics),
          series: metrics.map((m) => ({ name: m.name, description: m.description })),
          stacked: metrics
            .filter((m) =>
              panel.stacked?.some((p) => (typeof p === 'string' ? p === m.name : p.test(m.name))),
            )
            .map((m) => m.name),
        });
        box.querySelector('.slot')!.append(shown.chart.element);
      }
      this.shown.push(shown);
    }
    this.addGeneric();
  }

  /** Redraws every time series from the store. */
  drawSeries(): void {
    const { store } = this;
    for (const s of this.shown)
      if (s.chart)
        s.chart.update(
          s.indices!.map((i) => store.columns[i]),
          store.length,
          store.ticks,
        );
    if (this.generic)
      this.generic.chart.update([store.columns[this.generic.index]], store.length, store.ticks);
  }

  /** Marks a live change at `tick` on every time series (and on the next ones drawn). */
  mark(tick: number, label: string): void {
    this.marks.push({ tick, label });
    for (const s of this.shown) s.chart?.mark(tick, label);
    this.generic?.chart.mark(tick, label);
    this.drawSeries();
  }

  /** Names of the snapshot arrays the distribution panels need. */
  arrays(): string[] {
    return [...new Set(this.shown.flatMap((s) => (s.panel.kind === 'distribution' ? [s.panel.array] : [])))];
  }

  /** Redraws the distribution panels from fresh distributions (by array name). */
  drawDistributions(distributions: ReadonlyMap<string, Distribution>): void {
    for (const s of this.shown) {
      if (s.panel.kind !== 'distribution') continue;
      const d = distributions.get(s.panel.array);
      if (d) s.box.querySelector('.slot')!.replaceChildren(s.panel.render(d, this.params));
    }
  }

  /** A chart of any metric, picked from a list, with its unit and description. */
  private addGeneric(): void {
    const { store } = this;
    if (store.metrics.length === 0) return;
    const box = this.box('any-metric', 'Any metric');
    const select = document.createElement('select');
    select.dataset.testid = 'metric-picker';
    select.setAttribute('aria-label', 'Metric to chart');
    for (const m of store.metrics) select.append(new Option(`${m.name} (${m.unit})`, m.name));
    const draw = (index: number) => {
      const m = store.metrics[index];
      const chart = new LiveTimeSeries({
        title: `${m.name}: ${m.description}`,
        unit: m.unit,
        series: [{ name: m.name, description: m.description }],
      });
      box.querySelector('.slot')!.replaceChildren(chart.element);
      for (const m of this.marks) chart.mark(m.tick, m.label);
      this.generic = { box, chart, index };
      chart.update([store.columns[index]], store.length, store.ticks);
    };
    select.onchange = () => draw(store.index(select.value));
    box.querySelector('.panel-tools')!.prepend(select);
    draw(0);
  }

  private box(id: string, title: string): HTMLElement {
    const box = document.createElement('article');
    box.className = 'panel';
    box.dataset.testid = `panel-${id}`;
    const tools = document.createElement('div');
    tools.className = 'panel-tools';
    const slot = document.createElement('div');
    slot.className = 'slot';
    for (const [label, save] of [
      ['SVG', exportSvg],
      ['PNG', exportPng],
    ] as const) {
      const b = document.createElement('button');
      b.textContent = label;
      b.title = `Save "${title}" as ${label}`;
      // Read out by a screen reader among many such buttons: which chart, not just "SVG".
      b.setAttribute('aria-label', `Download the "${title}" chart as ${label}`);
      b.onclick = () => save(slot, id);
      tools.append(b);
    }
    box.append(tools, slot);
    this.element.append(box);
    return box;
  }
}
