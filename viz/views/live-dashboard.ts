import type { Distribution, SimWorkerApi } from '../../sim/host/worker/api.js';
import type { Remote } from 'comlink';
import type { PanelGrid } from './panel-grid.js';

/** How often (ms) distributions are fetched from the worker while a run plays. */
const DISTRIBUTION_EVERY_MS = 400;

/**
 * Redraws a run's dashboard at most once per animation frame however many frames arrive, and fetches the
 * per-agent distributions from the worker a few times a second (and at once after a pause, step or end).
 */
export class LiveDashboard {
  private pending = false;
  /** When the last fetch started (−∞: fetch at the next redraw, whatever the time). */
  private lastFetch = -Infinity;
  private busy = false;
  /** Set when the view goes: its worker is gone, so nothing more may be asked of it. */
  private disposed = false;

  constructor(
    private readonly grid: PanelGrid,
    private readonly api: Remote<SimWorkerApi>,
  ) {}

  /** Asks for a redraw on the next animation frame. */
  request(): void {
    if (this.pending || this.disposed) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (this.disposed) return;
      this.grid.drawSeries();
      void this.fetchDistributions();
    });
  }

  /**
   * The next redraw fetches fresh distributions whatever the time since the last (if a fetch is under way, another
   * follows it: the one under way may hold an earlier tick, e.g. when the run ends).
   */
  refreshSoon(): void {
    this.lastFetch = -Infinity;
    this.request();
  }

  /** Stops all redraws and fetches (the run's worker is going away). */
  dispose(): void {
    this.disposed = true;
  }

  private async fetchDistributions(): Promise<void> {
    if (this.busy || performance.now() - this.lastFetch < DISTRIBUTION_EVERY_MS) return;
    const arrays = this.grid.arrays();
    if (arrays.length === 0) return;
    this.busy = true;
    this.lastFetch = performance.now();
    try {
      const map = new Map<string, Distribution>();
      for (const name of arrays) {
        if (this.disposed) return;
        const d = await this.api.distribution(name, 40);
        if (d) map.set(name, d);
      }
      if (!this.disposed) this.grid.drawDistributions(map);
    } finally {
      this.busy = false;
      // refreshSoon was called while this fetch was under way: fetch again.
      if (this.lastFetch === -Infinity) this.request();
    }
  }
}
