import type { MetricDef } from '../../sim/model.js';
import type { Distribution } from '../../sim/host/worker/api.js';

/** A panel of time series: the metrics it lists that the run has (names or patterns); hidden when none. */
export interface SeriesPanel {
  readonly kind: 'series';
  readonly id: string;
  readonly title: string;
  readonly metrics: readonly (string | RegExp)[];
  /** Of those, the ones drawn as stacked areas (shares of a whole); the rest are lines. */
  readonly stacked?: readonly (string | RegExp)[];
}

/** A panel drawn from a per-agent array of the model's snapshot; hidden when the model has no such array. */
export interface DistributionPanel {
  readonly kind: 'distribution';
  readonly id: string;
  readonly title: string;
  /** Name of the snapshot array, e.g. `wealth`. */
  readonly array: string;
  readonly render: (d: Distribution, params: Record<string, unknown>) => HTMLElement;
}

export type Panel = SeriesPanel | DistributionPanel;

const dashboards = new Map<string, readonly Panel[]>();

/** Registers a model's dashboard (its panels, in display order). */
export function registerDashboard(model: string, panels: readonly Panel[]): void {
  dashboards.set(model, panels);
}

/** The metrics of a run a series panel shows, in the run's order. */
export function panelMetrics(panel: SeriesPanel, metrics: readonly MetricDef[]): MetricDef[] {
  return metrics.filter((m) =>
    panel.metrics.some((p) => (typeof p === 'string' ? p === m.name : p.test(m.name))),
  );
}

/**
 * The panels to show for a run: the model's registered panels whose data exists (series panels with at
 * least one of their metrics; distribution panels whose array the snapshot has).
 */
export function panelsFor(model: string, metrics: readonly MetricDef[], arrays: readonly string[]): Panel[] {
  return (dashboards.get(model) ?? []).filter((p) =>
    p.kind === 'series' ? panelMetrics(p, metrics).length > 0 : arrays.includes(p.array),
  );
}
