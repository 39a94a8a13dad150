import type { Interval, ModelInfo, RunInfo } from '../../sim/host/worker/api.js';
import type { MetricDef } from '../../sim/model.js';
import { bandChart } from '../charts/band-chart.js';
import { download } from '../charts/export.js';
import { startEngine, type Engine } from '../engine.js';
import { navigate } from '../navigate.js';
import { overridesFrom, wholeParam } from '../route.js';
import { scenarioTexts } from '../scenarios.js';
import { compareQuery, policyCountProblem } from './compare-query.js';
import { comparedRunsTable, csvText, type ComparedRun } from './compare-runs.js';
import { el, labelled } from './dom.js';

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

/** What each policy's runs recorded: its metrics, and each metric's final values and columns by seed. */
interface Outcome {
  metrics: (readonly MetricDef[] | null)[]; // [policy], from its first run back
  finals: Map<string, number[]>[]; // [policy] metric -> [seed]
  columns: Map<string, Float64Array[]>[]; // [policy] metric -> [seed]
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
    const form = this.form(query, names, seeds, ticks);
    this.element.append(form, this.status);
    const countProblem = policyCountProblem(names);
    if (countProblem) {
      this.status.textContent = countProblem;
      return;
    }
    const common = overridesFrom(query);
    const policies = names.map((scenario, i) => {
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

  private form(query: URLSearchParams, names: string[], seeds: number, ticks?: number): HTMLElement {
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
      const chosen = [...pick.selectedOptions].map((o) => o.value);
      const q = compareQuery(query, chosen, k.value, t.value);
      // The form unchanged, its address is this view's: the comparison runs again from the start.
      navigate(`#/compare?${q.toString().replace(/%2C/g, ',')}`);
    };
    form.append(labelled('Scenarios', pick), labelled('Seeds', k), labelled('Ticks', t), go);
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
    const progress = (done: number) => `running: ${done} / ${jobs.length} runs in ${workers} workers`;
    // Said at once: the first run can take a while, and a comparison started again must not look idle.
    this.status.textContent = progress(0);
    const outcome: Outcome = {
      metrics: policies.map(() => null),
      finals: policies.map(() => new Map()),
      columns: policies.map(() => new Map()),
    };
    const runs: ComparedRun[] = []; // [job]
    let next = 0;
    let finished = 0;
    // The first refusal or failure stops every worker: the others must not cover it with their progress.
    let failure: string | null = null;
    const started = performance.now();
    const worker = async (engine: Engine): Promise<void> => {
      while (next < jobs.length && !this.disposed && failure === null) {
        const index = next++;
        const job = jobs[index];
        const p = policies[job.policy];
        const overrides = [...p.overrides, { path: 'seed', value: job.seed }];
        if (ticks) overrides.push({ path: 'ticks', value: ticks });
        const reply = await engine.api.open({
          text: scenarioTexts.get(p.scenario)!,
          source: p.scenario,
          overrides,
        });
        if (!reply.ok) {
          failure ??= `${p.label}: ${reply.problems.map((x) => `${x.path}: ${x.message}`).join('; ')}`;
          return;
        }
        runs[index] = { policy: p.label, result: await engine.api.runToEnd() };
        this.collect(outcome, reply.info, job, await engine.api.columns());
        finished++;
        if (failure === null) this.status.textContent = progress(finished);
      }
    };
    await Promise.all(
      this.engines.map((engine) =>
        worker(engine).catch((e: unknown) => {
          failure ??= e instanceof Error ? e.message : String(e);
        }),
      ),
    );
    if (this.disposed) return;
    if (failure !== null) {
      this.status.textContent = `error: ${failure}`;
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    this.status.textContent = `${policies.length} policies × ${seeds} seeds (seeds 1..${seeds}, the same for each policy) in ${this.engines.length} workers, ${seconds} s`;
    await this.show(policies, outcome, runs);
  }

  private collect(outcome: Outcome, info: RunInfo, job: Job, columns: Float64Array[]): void {
    outcome.metrics[job.policy] ??= info.metrics;
    info.metrics.forEach((m, i) => {
      const finals = outcome.finals[job.policy];
      const cols = outcome.columns[job.policy];
      if (!finals.has(m.name)) finals.set(m.name, []);
      if (!cols.has(m.name)) cols.set(m.name, []);
      finals.get(m.name)![job.seed - 1] = columns[i][columns[i].length - 1];
      cols.get(m.name)![job.seed - 1] = columns[i];
    });
  }

  /** Every metric any policy records, in policy order: scenarios of different models or options keep them all. */
  private static allMetrics(outcome: Outcome): MetricDef[] {
    const byName = new Map<string, MetricDef>();
    for (const list of outcome.metrics)
      for (const m of list ?? []) if (!byName.has(m.name)) byName.set(m.name, m);
    return [...byName.values()];
  }

  private async show(policies: Policy[], outcome: Outcome, runs: ComparedRun[]): Promise<void> {
    const api = this.engines[0].api;
    const metrics = CompareView.allMetrics(outcome);
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
    for (const metric of metrics) {
      // A policy whose scenario does not record the metric has no sample: its cells stay empty.
      const samples = policies.map((_, p) => outcome.finals[p].get(metric.name) ?? null);
      const first = samples[0];
      const diffs = samples.slice(1).map((s) => (s && first ? s.map((v, k) => v - first[k]) : null));
      const present = [...samples, ...diffs];
      const computed = await api.intervals(
        present.filter((s): s is number[] => s !== null),
        0.95,
      );
      let next = 0;
      const intervals = present.map((s) => (s ? computed[next++] : null));
      const row = body.insertRow();
      row.insertCell().textContent = `${metric.name} (${metric.unit})`;
      intervals.forEach((iv, j) => {
        const cell = row.insertCell();
        cell.textContent = iv ? formatInterval(iv) : '—';
        if (!iv) cell.title = 'not recorded by this scenario';
        const p = j < policies.length ? j : j - policies.length + 1;
        const label = j < policies.length ? policies[p].label : `${policies[p].label} - ${policies[0].label}`;
        const values = iv ? [iv.mean, iv.low, iv.high] : ['', '', ''];
        const cells = j < policies.length ? [...values, '', '', ''] : ['', '', '', ...values];
        // A label with several overrides holds commas: quoted, or the file's columns shift.
        csv.push([metric.name, metric.unit, csvText(label), ...cells].join(','));
      });
      const bands = [];
      for (let p = 0; p < policies.length; p++) {
        const series = outcome.columns[p].get(metric.name);
        if (series) bands.push({ name: policies[p].label, ...(await api.band(series, 0.9)) });
      }
      const box = el('article', 'panel');
      box.dataset.testid = `compare-${metric.name}`;
      box.append(
        bandChart(`${metric.name}: ${metric.description}`, metric.unit, '90% band over seeds', bands),
      );
      charts.append(box);
    }
    const save = document.createElement('button');
    save.textContent = 'Table CSV';
    save.setAttribute('aria-label', 'Table CSV: download the comparison table');
    save.onclick = () => download(new Blob([csv.join('\n') + '\n'], { type: 'text/csv' }), 'compare.csv');
    const listed = comparedRunsTable(
      runs,
      metrics.map((m) => m.name),
    );
    // Stopped while the table was computed: the view is gone, and shows neither the table nor its runs.
    if (this.disposed) return;
    this.element.append(table, save, listed.save, listed.table, charts);
  }
}

function formatInterval(iv: Interval): string {
  const f = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v));
  return `${f(iv.mean)} [${f(iv.low)}, ${f(iv.high)}]`;
}
