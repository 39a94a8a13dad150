import type { FORMULA_DESIGNER, FormulaDesigner } from '../../models/mimo/dividends/designer-extension.js';
import type { FormulaReport } from '../../models/mimo/dividends/designer-report.js';
import { histogramChart } from '../charts/histogram.js';
import { lorenzChart } from '../charts/lorenz.js';
import { scatterChart } from '../charts/scatter.js';
import { extensionOf, startEngine, type Engine } from '../engine.js';
import { checkedWhole, overridesFrom } from '../route.js';
import { scenarioTexts } from '../scenarios.js';
import { designerSummary } from './designer-summary.js';
import { button, el, labelled, notice } from './dom.js';

/** Ready-made formulas: the shapes of dividend policy a designer starts from. */
export const PRESETS: readonly { readonly name: string; readonly formula: string }[] = [
  { name: 'equal', formula: '1' },
  { name: 'proportional', formula: 'records' },
  { name: 'mixed', formula: '0.5 / count + 0.5 * records / max(sum(records), 1)' },
  { name: 'concave', formula: 'sqrt(records)' },
];

const POOL = 1_000_000;
/** mimo's formula designer extension (the type checks the name against the model's). */
const DESIGNER: typeof FORMULA_DESIGNER = 'formula-designer';

/** The scenarios of the `mimo` model (the designer pays dividends on a MIMO population). */
function mimoScenarios(): string[] {
  return [...scenarioTexts].filter(([, text]) => /^model:\s*mimo\s*$/m.test(text)).map(([name]) => name);
}

/**
 * The dividend-formula designer: runs a MIMO scenario to a tick in the worker, then pays a pool by the formula
 * being edited, at once on every edit: each member's payout, the Lorenz curve and Gini of dividends, payout
 * against contribution, and the shares of the top and bottom tenths. A refused formula shows its problem at its
 * position. Everything is computed in the worker (mimo's `formula-designer` extension); the page only draws.
 */
export class DesignerView {
  readonly element = el('div', 'designer-view');
  private readonly engine: Engine = startEngine();
  private readonly designer = extensionOf<FormulaDesigner>(this.engine, DESIGNER);
  private readonly formula = document.createElement('textarea');
  private readonly problem = el('div', 'formula-problem');
  private readonly stats = el('p', 'designer-stats');
  private readonly charts = el('section', 'panels');
  private readonly status = el('p', 'status');
  private ready = false;
  private request = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(query: URLSearchParams) {
    const names = mimoScenarios();
    const wanted = query.get('scenario') ?? '';
    const scenario = names.includes(wanted)
      ? wanted
      : names.includes('dividend-mixed')
        ? 'dividend-mixed'
        : names[0];
    const picker = document.createElement('select');
    for (const n of names) picker.append(new Option(n, n, false, n === scenario));
    picker.dataset.testid = 'designer-scenario';
    const ticks = document.createElement('input');
    ticks.type = 'number';
    ticks.min = '1';
    const ticksWanted = checkedWhole(query, 'ticks', 1);
    ticks.value = String(ticksWanted.value ?? 60);
    // What the address asked for that cannot be, and what is shown instead.
    const notes = [
      wanted && scenario !== wanted
        ? `no MIMO scenario named "${wanted}" (the designer pays dividends in one of: ${names.join(', ')}): ` +
          `showing ${scenario}`
        : '',
      ticksWanted.wrong ? `${ticksWanted.wrong}: running to tick ${ticks.value}` : '',
    ].filter(Boolean);
    const members = document.createElement('input');
    members.type = 'number';
    members.min = '2';
    const overrides = overridesFrom(query);
    const setMembers = overrides.find((o) => o.path === 'params.members');
    members.value = String(setMembers?.value ?? 3000);
    const run = () => void this.open(picker.value, Number(ticks.value), Number(members.value));
    const controls = el('div', 'designer-controls');
    controls.append(
      labelled('Scenario', picker),
      labelled('Members', members),
      labelled('Run to tick', ticks),
      button('Run', run, 'designer-run'),
    );
    this.formula.rows = 3;
    this.formula.cols = 70;
    this.formula.spellcheck = false;
    this.formula.dataset.testid = 'formula';
    this.formula.value = query.get('formula') ?? PRESETS[2].formula;
    this.formula.oninput = () => this.schedule();
    const presets = el('div', 'presets');
    for (const p of PRESETS) {
      presets.append(
        button(
          p.name,
          () => {
            this.formula.value = p.formula;
            this.schedule();
          },
          `preset-${p.name}`,
        ),
      );
    }
    this.problem.dataset.testid = 'formula-error';
    this.stats.dataset.testid = 'designer-stats';
    this.status.dataset.testid = 'designer-status';
    const intro = el('p');
    intro.textContent =
      `Each member's dividend = pool × weight / Σ weights, the weight given by the formula (variables: records, ` +
      `hours_given, hours_received, value_given, privacy_spent, tenure, groups, count; sum/mean/max/min(x)). ` +
      `Pool: ${POOL.toLocaleString('en')} minor units.`;
    this.element.append(
      ...notes.map(notice),
      controls,
      intro,
      labelled('Formula', this.formula),
      presets,
      this.problem,
      this.stats,
      this.status,
      this.charts,
    );
    run();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.engine.terminate();
  }

  /** Opens the scenario in the worker and runs it to `ticks`, then designs the current formula. */
  private async open(scenario: string, ticks: number, members: number): Promise<void> {
    this.ready = false;
    this.status.textContent = `running ${scenario} to tick ${ticks}…`;
    const reply = await this.engine.api.open({
      text: scenarioTexts.get(scenario)!,
      source: `scenarios/${scenario}.yaml`,
      overrides: [
        { path: 'params.members', value: members },
        { path: 'ticks', value: ticks },
      ],
    });
    if (!reply.ok) {
      this.status.textContent = reply.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
      return;
    }
    await this.engine.api.step(ticks);
    this.ready = true;
    this.status.textContent = `${scenario}: ${members.toLocaleString('en')} members at tick ${ticks}`;
    await this.design();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.design(), 150);
  }

  /** Asks the worker for the current formula's payouts; draws the answer unless a newer request was sent. */
  private async design(): Promise<void> {
    if (!this.ready) return;
    const id = ++this.request;
    const report = await this.designer.call('report', this.formula.value, POOL);
    if (id !== this.request) return;
    this.show(report);
  }

  private show(report: FormulaReport): void {
    const { problem } = report;
    this.problem.replaceChildren();
    this.formula.classList.toggle('invalid', problem !== null);
    // A refused formula pays nobody: the last valid formula's figures would read as this one's, so they go, and
    // its charts stay only faded (no flicker while a formula is being typed).
    this.charts.classList.toggle('stale', problem !== null);
    if (problem) {
      this.stats.textContent = '';
      const text = this.formula.value;
      const at = Math.min(problem.position, text.length);
      const mark = el('mark');
      mark.dataset.testid = 'formula-mark';
      mark.textContent = text.slice(at, at + 1) || ' ';
      const code = el('code');
      code.append(text.slice(0, at), mark, text.slice(at + 1));
      const reason = el('div');
      reason.textContent = `${problem.reason} (at character ${at + 1})`;
      this.problem.append(reason, code);
      return;
    }
    const summary = designerSummary(report);
    this.stats.textContent = summary.text;
    // Nobody paid: no distribution to draw (a full bar at 0 would read as a payout); the charts stay faded.
    this.charts.classList.toggle('stale', summary.nobodyPaid);
    if (summary.nobodyPaid) return;
    const d = report.payouts!;
    this.charts.replaceChildren(
      histogramChart({
        title: `Dividends per member (tick ${report.tick})`,
        unit: 'dividend (minor units)',
        binStart: d.binStart,
        binWidth: d.binWidth,
        counts: d.counts,
      }),
      lorenzChart({
        title: 'Lorenz curve of dividends',
        population: d.lorenzPopulation,
        share: d.lorenzShare,
        gini: d.gini,
      }),
      scatterChart({
        title: `Dividend against ${report.contributionName}`,
        x: report.sampleContribution,
        y: report.samplePayout,
        xLabel: report.contributionName,
        yLabel: 'dividend (minor units)',
      }),
    );
  }
}
