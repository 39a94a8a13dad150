import type { Interval, ModelInfo, RunInfo } from '../../sim/host/worker/api.js';
import type { MetricDef } from '../../sim/model.js';
import { bandChart } from '../charts/band-chart.js';
import { download } from '../charts/export.js';
import { startEngine, type Engine } from '../engine.js';
import { overridesFrom, wholeParam } from '../route.js';
import { scenarioTexts } from '../scenarios.js';
import { el } from './dom.js';

/** One policy: a scenario with its own overrides (`p<i>.set.<path>=<value>` in the URL). */
interface Policy {
  label: string;
  readonly scenario: string;
  readonly overrides: { path: string; value: unknown }[];
}

interface Job {
  readonly policy: number;
  readonly seed: number;
}

/** Final values and columns of each run, by policy then seed. */
interface Outcome {
  metrics: readonly MetricDef[];
  finals: number[][][]; // [policy][metric][seed]
  columns: Float64Array[][][]; // [policy][metric][seed]
}

/**
 * The compare view: 2-4 policies (scenarios) x K seeds, run in parallel workers with the same seeds for
 * each policy; overlaid means with a 90% band, and a table of each metric's final value (mean and 95%
 * interval) per policy and its paired difference from the first.
 */
export class CompareView {
  readonly element = el('div', 'compare-view');
  private readonly engines: Engine[] = [];
  private readonly status = el('p', 'status');
  private disposed = false;

  constructor(query: URLSearchParams, _models: ReadonlyMap<string, ModelInfo>) {
    const names = (query.get('scenarios') ?? '').split(',').filter(Boolean);
    const seeds = Math.min(50, Math.max(1, wholeParam(query, 'seeds') ?? 5));
    const ticks = wholeParam(query, 'ticks');
    this.status.dataset.testid = 'compare-status';
    const form = this.form(names, seeds, ticks);
    this.element.append(form, this.status);
    if (names.length < 1) {
      this.status.textContent = 'Pick 2 to 4 scenarios to compare.';
      return;
    }
    const common = overridesFrom(query);
    const policies = names.slice(0, 4).map((scenario, i) => {
      const own = overridesFrom(query, `p${i + 1}.set.`);
      const changes = own.map((o) => `${o.path.replace(/^params\./, '')}=${String(o.value)}`).join(', ');
      return {
        scenario,
        label: changes ? `${scenario} (${changes})` : scenario,
        overrides: [...common, ...own],
      };
    });
    // Two identical labels would merge in the legend: number them.
    policies.forEach((p, i) => {
      if (policies.some((q, j) => j !== i && q.label === p.label)) p.label = `${p.label} #${i + 1}`;
    });
    void this.run(policies, seeds, ticks);
  }

  dispose(): void {
    this.disposed = true;
    for (const e of this.engines) e.terminate();
  }

  private form(names: string[], seeds: number, ticks?: number): HTMLElement {
    const form = el('form', 'controls');
    const pick = document.createElement('select');
    pick.multiple = true;
    pick.size = Math.min(6, Math.max(2, scenarioTexts.size));
    for (const n of scenarioTexts.keys()) pick.append(new Option(n, n, false, names.includes(n)));
    const k = document.createElement('input');
    k.type = 'number';
    k.min = '1';
    k.value = String(seeds);
    const t = document.createElement('input');
    t.type = 'number';
    t.min = '1';
    t.placeholder = 'from file';
    if (ticks) t.value = String(ticks);
    const go = document.createElement('button');
    go.textContent = 'Compare';
    form.onsubmit = (e) => {
      e.preventDefault();
      const chosen = [...pick.selectedOptions].map((o) => o.value).join(',');
      location.hash = `#/compare?scenarios=${chosen}&seeds=${k.value}${t.value ? `&ticks=${t.value}` : ''}`;
    };
    form.append('Scenarios ', pick, ' seeds ', k, ' ticks ', t, go);
    return form;
  }

  private async run(policies: Policy[], seeds: number, ticks?: number): Promise<void> {
    for (const p of policies)
      if (!scenarioTexts.has(p.scenario)) {
        this.status.textContent = `no scenario named "${p.scenario}"`;
        return;
      }
    const jobs: Job[] = policies.flatMap((_, policy) =>
      Array.from({ length: seeds }, (_, s) => ({ policy, seed: s + 1 })),
    );
    const workers = Math.max(1, Math.min(jobs.length, navigator.hardwareConcurrency || 2, 4));
    for (let i = 0; i < workers; i++) this.engines.push(startEngine());
    const outcome: Outcome = {
      metrics: [],
      finals: policies.map(() => []),
      columns: policies.map(() => []),
    };
    let next = 0;
    let finished = 0;
    const started = performance.now();
    const worker = async (engine: Engine): Promise<void> => {
      while (next < jobs.length && !this.disposed) {
        const job = jobs[next++];
        const p = policies[job.policy];
        const overrides = [...p.overrides, { path: 'seed', value: job.seed }];
        if (ticks) overrides.push({ path: 'ticks', value: ticks });
        const reply = await engine.api.open({
          text: scenarioTexts.get(p.scenario)!,
          source: p.scenario,
          overrides,
        });
        if (!reply.ok)
          throw new Error(`${p.label}: ${reply.problems.map((x) => `${x.path}: ${x.message}`).join('; ')}`);
        await engine.api.runToEnd();
        this.collect(outcome, reply.info, job, await engine.api.columns());
        finished++;
        this.status.textContent = `running: ${finished} / ${jobs.length} runs in ${workers} workers`;
      }
    };
    try {
      await Promise.all(this.engines.map(worker));
    } catch (e) {
      this.status.textContent = `error: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    if (this.disposed) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    this.status.textContent = `${policies.length} policies × ${seeds} seeds (seeds 1..${seeds}, the same for each policy) in ${this.engines.length} workers, ${seconds} s`;
    await this.show(policies, outcome);
  }

  private collect(outcome: Outcome, info: RunInfo, job: Job, columns: Float64Array[]): void {
    if (outcome.metrics.length === 0) outcome.metrics = info.metrics;
    info.metrics.forEach((m, i) => {
      const at = outcome.metrics.findIndex((x) => x.name === m.name);
      if (at < 0) return;
      const finals = (outcome.finals[job.policy][at] ??= []);
      const cols = (outcome.columns[job.policy][at] ??= []);
      finals[job.seed - 1] = columns[i][columns[i].length - 1];
      cols[job.seed - 1] = columns[i];
    });
  }

  private async show(policies: Policy[], outcome: Outcome): Promise<void> {
    const api = this.engines[0].api;
    const { metrics } = outcome;
    const table = el('table', 'compare-table') as HTMLTableElement;
    table.dataset.testid = 'compare-table';
    const head = table.createTHead().insertRow();
    for (const h of [
      'metric (final value)',
      ...policies.map((p) => `${p.label}: mean [95% CI]`),
      ...policies.slice(1).map((p) => `${p.label} − ${policies[0].label}`),
    ]) {
      const th = document.createElement('th');
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    const charts = el('section', 'panels');
    const csv = [
      ['metric', 'unit', 'policy', 'mean', 'low95', 'high95', 'diff_mean', 'diff_low95', 'diff_high95'].join(
        ',',
      ),
    ];
    for (let m = 0; m < metrics.length; m++) {
      const samples = policies.map((_, p) => outcome.finals[p][m] ?? []);
      const diffs = samples.slice(1).map((s) => s.map((v, k) => v - samples[0][k]));
      const intervals = await api.intervals([...samples, ...diffs], 0.95);
      const row = body.insertRow();
      row.insertCell().textContent = `${metrics[m].name} (${metrics[m].unit})`;
      intervals.forEach((iv, j) => {
        row.insertCell().textContent = formatInterval(iv);
        const p = j < policies.length ? j : j - policies.length + 1;
        const base = intervals[p];
        if (j < policies.length)
          csv.push(
            [
              metrics[m].name,
              metrics[m].unit,
              policies[p].label,
              base.mean,
              base.low,
              base.high,
              '',
              '',
              '',
            ].join(','),
          );
        else
          csv.push(
            [
              metrics[m].name,
              metrics[m].unit,
              `${policies[p].label} - ${policies[0].label}`,
              '',
              '',
              '',
              iv.mean,
              iv.low,
              iv.high,
            ].join(','),
          );
      });
      const bands = [];
      for (let p = 0; p < policies.length; p++)
        bands.push({ name: policies[p].label, ...(await api.band(outcome.columns[p][m], 0.9)) });
      const box = el('article', 'panel');
      box.dataset.testid = `compare-${metrics[m].name}`;
      box.append(
        bandChart(
          `${metrics[m].name}: ${metrics[m].description}`,
          metrics[m].unit,
          '90% band over seeds',
          bands,
        ),
      );
      charts.append(box);
    }
    const save = document.createElement('button');
    save.textContent = 'Table CSV';
    save.onclick = () => download(new Blob([csv.join('\n') + '\n'], { type: 'text/csv' }), 'compare.csv');
    this.element.append(table, save, charts);
  }
}

function formatInterval(iv: Interval): string {
  const f = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v));
  return `${f(iv.mean)} [${f(iv.low)}, ${f(iv.high)}]`;
}
