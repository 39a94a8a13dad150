import { closeSync, openSync, writeSync } from 'node:fs';
import type { MetricDef } from '../../model.js';
import type { Frame } from '../../run/recorder.js';
import type { ChannelSink } from '../../run/run.js';
import { StagedFolder } from './staged-folder.js';

export type MetricsFormat = 'csv' | 'jsonl';

/**
 * Writes a run's files: metrics (CSV or JSONL, one row per tick), one JSONL file per model channel, and the
 * summary, into a staged folder published only when the run has finished (see `StagedFolder`): the output folder
 * holds one whole run, never a part of one nor a mix of two.
 */
export class RunWriter implements ChannelSink {
  private readonly metricsFd: number;
  private readonly channels = new Map<string, number>();
  /** Records the model sent to its `warnings` channel: how many, and the first. */
  warnings = 0;
  firstWarning = '';

  constructor(
    private readonly folder: StagedFolder,
    private readonly metrics: readonly MetricDef[],
    readonly format: MetricsFormat,
  ) {
    this.metricsFd = this.open(`metrics.${format}`);
    if (format === 'csv') writeSync(this.metricsFd, ['tick', ...metrics.map((m) => m.name)].join(',') + '\n');
  }

  /** Appends a frame of ticks to the metrics file. */
  frame(frame: Frame): void {
    let text = '';
    const rows = frame.columns[0]?.length ?? frame.to - frame.from + 1;
    for (let t = 0; t < rows; t++) {
      const tick = frame.ticks ? frame.ticks[t] : frame.from + t;
      if (this.format === 'csv') {
        text += String(tick);
        for (const column of frame.columns) text += ',' + formatNumber(column[t]);
        text += '\n';
      } else {
        const row: Record<string, number | null> = { tick };
        this.metrics.forEach((m, i) => (row[m.name] = finiteOrNull(frame.columns[i][t])));
        text += JSON.stringify(row) + '\n';
      }
    }
    writeSync(this.metricsFd, text);
  }

  emit(channel: string, record: unknown): void {
    if (channel === 'warnings' && this.warnings++ === 0) {
      const message = (record as { message?: unknown } | null)?.message;
      this.firstWarning = typeof message === 'string' ? message : JSON.stringify(record);
    }
    let fd = this.channels.get(channel);
    if (fd === undefined) {
      fd = this.open(`${channel}.jsonl`);
      this.channels.set(channel, fd);
    }
    writeSync(fd, JSON.stringify(record) + '\n');
  }

  /** Writes the summary, closes every file and moves them all into DIR; returns their final paths. */
  commit(summary: unknown): string[] {
    const fd = this.open('summary.json');
    writeSync(
      fd,
      JSON.stringify(summary, (_k, v) => (typeof v === 'number' ? finiteOrNull(v) : v), 2) + '\n',
    );
    this.closeAll();
    return this.folder.commit();
  }

  /** Drops everything written so far. */
  abort(): void {
    this.closeAll();
    this.folder.abort();
  }

  private open(name: string): number {
    return openSync(this.folder.path(name), 'w');
  }

  private closeAll(): void {
    for (const fd of [this.metricsFd, ...this.channels.values()]) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    this.channels.clear();
  }
}

/** Shortest text that reads back to the same double; empty for NaN (a missing value in CSV). */
export function formatNumber(v: number): string {
  return Number.isNaN(v) ? '' : String(v);
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
