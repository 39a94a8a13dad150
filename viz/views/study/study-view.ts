import { factorScatter } from '../../charts/factor-scatter.js';
import { sensitivityBars, type SensitivityBar } from '../../charts/sensitivity-bars.js';
import { el, labelled } from '../dom.js';
import { droppedFiles } from './dropped-files.js';
import { readStudyFiles, type StudyData } from './study-files.js';

/**
 * `#/study`: a study folder's results, read in the page from the files the user picks or drops (nothing is
 * uploaded): for a metric, the factors' sensitivity indices as bars with their intervals (from sensitivity.csv),
 * and the metric's final value against each factor, a dot per run and the mean of each design point.
 */
export class StudyView {
  readonly element = el('section', 'study-view');
  private readonly status = el('p', 'status');
  private readonly controls = el('div', 'controls');
  private readonly bars = el('div', 'panels');
  private readonly scatters = el('div', 'panels');
  private data: StudyData | null = null;
  private metric = '';
  private policy: string | null = null;

  constructor() {
    const heading = el('h2');
    heading.textContent = 'Study results';
    const intro = el('p');
    intro.textContent =
      'Drop a study folder written by `mimo study` here (or its runs.parquet, sensitivity.csv and study.json), ' +
      'or pick the files or the folder. The files are read in this page; nothing leaves your computer.';
    const drop = el('div', 'drop-zone');
    drop.dataset.testid = 'study-drop';
    const files = document.createElement('input');
    files.type = 'file';
    files.multiple = true;
    files.accept = '.parquet,.csv,.json';
    files.dataset.testid = 'study-files';
    files.onchange = () => this.load([...(files.files ?? [])]);
    const folder = document.createElement('input');
    folder.type = 'file';
    folder.webkitdirectory = true;
    folder.dataset.testid = 'study-folder';
    folder.onchange = () => this.load([...(folder.files ?? [])]);
    drop.append(intro, labelled('Files', files), labelled('Folder', folder));
    drop.ondragover = (e) => {
      e.preventDefault();
      drop.classList.add('over');
    };
    drop.ondragleave = () => drop.classList.remove('over');
    drop.ondrop = (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      if (e.dataTransfer) void droppedFiles(e.dataTransfer).then((f) => this.load(f));
    };
    this.status.dataset.testid = 'study-status';
    this.bars.dataset.testid = 'study-sensitivity';
    this.scatters.dataset.testid = 'study-scatter';
    this.element.append(heading, drop, this.status, this.controls, this.bars, this.scatters);
  }

  dispose(): void {}

  private async load(files: File[]): Promise<void> {
    this.status.textContent = `reading ${files.length} file(s)…`;
    try {
      this.data = await readStudyFiles(files);
    } catch (e) {
      this.data = null;
      this.status.textContent = (e as Error).message;
      this.controls.replaceChildren();
      this.bars.replaceChildren();
      this.scatters.replaceChildren();
      return;
    }
    const d = this.data;
    this.metric = d.metrics[0] ?? '';
    this.policy = d.policies?.[0] ?? null;
    this.status.textContent =
      `${d.name}: ${count(d.runs.length, 'run')}, ${count(d.factors.length, 'factor')}, ` +
      count(d.metrics.length, 'metric') +
      (d.sensitivity.length ? '' : ' (no sensitivity.csv: a sobol or morris study writes one)');
    this.controls.replaceChildren(
      labelled(
        'Metric',
        this.select(d.metrics, this.metric, 'study-metric', (v) => (this.metric = v)),
      ),
      ...(d.policies
        ? [
            labelled(
              'Policy',
              this.select(d.policies, this.policy!, 'study-policy', (v) => (this.policy = v)),
            ),
          ]
        : []),
    );
    this.render();
  }

  private select(
    options: readonly string[],
    value: string,
    testid: string,
    onChange: (value: string) => void,
  ): HTMLSelectElement {
    const s = document.createElement('select');
    s.dataset.testid = testid;
    for (const o of options) s.add(new Option(o, o, false, o === value));
    s.onchange = () => {
      onChange(s.value);
      this.render();
    };
    return s;
  }

  private render(): void {
    const d = this.data;
    if (!d) return;
    const rows = d.sensitivity.filter(
      (r) => r.metric === this.metric && (r.policy === null || r.policy === this.policy),
    );
    const key = d.rankBy;
    const ranked = key ? [...rows].sort((a, b) => b.values[key] - a.values[key]) : [];
    this.bars.replaceChildren();
    if (ranked.length) {
      const indices =
        d.rankBy === 'ST'
          ? [
              ['ST', 'ST_low', 'ST_high'],
              ['S1', 'S1_low', 'S1_high'],
            ]
          : [
              ['mu_star', '', ''],
              ['sigma', '', ''],
            ];
      const bars: SensitivityBar[] = ranked.flatMap((r) =>
        indices.map(([index, low, high]) => ({
          factor: r.factor,
          index,
          value: r.values[index],
          low: low ? r.values[low] : NaN,
          high: high ? r.values[high] : NaN,
        })),
      );
      const share = rows[0].values.seed_share;
      const title =
        d.rankBy === 'ST'
          ? `${this.metric}: total (ST) and first-order (S1) Sobol' indices, 95% intervals`
          : `${this.metric}: Morris μ* and σ of the elementary effects`;
      this.bars.append(
        sensitivityBars(
          Number.isFinite(share) ? `${title}; seed share of variance ${share.toPrecision(2)}` : title,
          bars,
        ),
      );
    }
    const runs = d.runs.filter((r) => this.policy === null || r.policy === this.policy);
    // The factors most influential first, as in the bars.
    const order = ranked.length ? ranked.map((r) => r.factor) : d.factors;
    const factors = [...d.factors].sort((a, b) => rank(order, a) - rank(order, b));
    this.scatters.replaceChildren(
      ...factors.map((factor) =>
        factorScatter({
          title: `${this.metric} against ${factor} (dots: runs; rings: each point's mean)`,
          factor,
          metric: this.metric,
          runs: runs.map((r) => ({
            x: typeof r[factor] === 'number' ? (r[factor] as number) : String(r[factor]),
            y: Number(r[this.metric]),
            point: Number(r.point),
          })),
        }),
      ),
    );
  }
}

function rank(order: readonly string[], factor: string): number {
  const i = order.indexOf(factor);
  return i < 0 ? order.length : i;
}

/** `1 run`, `2 runs`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
