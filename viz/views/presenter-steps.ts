import type { RunReader } from './run-reader.js';

/** One step of the presented tour: plain words, a question for the class, and the answer read from the run. */
export interface PresenterStep {
  readonly title: string;
  /** What the idea is, in plain words (a paragraph or two). */
  readonly words: readonly string[];
  readonly scenario: string;
  /** Run query beside the scenario (`ticks=…&set.<param>=…`): small enough to answer within seconds. */
  readonly query: string;
  /** The one or two key controls (param paths) and the panels (ids; `economy` the live view) the step is about. */
  readonly controls: readonly string[];
  readonly panels: readonly string[];
  readonly question: string;
  /** What happened, in words, from the run's own metrics. */
  answer(read: RunReader): string;
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const num = (x: number, digits = 2) => x.toFixed(digits);

/** The ideas of the MIMO proposal, one step each. */
export const PRESENTER_STEPS: readonly PresenterStep[] = [
  {
    title: 'Two values in every trade',
    words: [
      'When one member helps another, the trade carries two values: a price in money (fiat), and a cultural ' +
        'value counted in hours of service, paid in a community currency.',
      'Each dot is a member, placed by the groups it belongs to. Each arc is a trade of the last day: blue paid ' +
        'in fiat, dashed pink paid partly in fiat and partly in hours.',
    ],
    scenario: 'baseline',
    query: 'ticks=90&set.members=5000',
    controls: ['payment.culturalPreference'],
    panels: ['economy', 'cultural-share'],
    question:
      'After 90 days, what share of the value traded will be paid in community currency rather than fiat?',
    answer: (r) =>
      `${pct(r.at('cultural_share'))} of the value traded on day ${r.ticks} was paid in community currency ` +
      `(${pct(r.mean('cultural_share', 1, 10))} on average over the first 10 days).`,
  },
  {
    title: 'Hour currencies and mutual credit',
    words: [
      'In a time bank, one hour of anyone’s help is worth one hour. Nobody needs to hold hours before spending ' +
        'them: paying creates a debt for the buyer and a credit for the provider, up to a limit.',
      'So hours are created by trading, and all balances always add up to zero.',
    ],
    scenario: 'time-bank',
    query: 'ticks=90&set.members=5000',
    controls: ['payment.culturalPreference'],
    panels: ['economy', 'shares'],
    question:
      'After 90 days, how many hours will be held by members in credit, and what will all balances add up to?',
    answer: (r) =>
      `Members in credit held ${num(r.at('supply_hours'), 0)} hours on day ${r.ticks}; all balances ` +
      `added up to ${num(r.at('mutual_credit_imbalance') / 100, 0)} (debts and credits cancel exactly).`,
  },
  {
    title: 'Negotiated exchange between currencies',
    words: [
      'Five groups issue their own currencies. Nobody sets an exchange rate: members who hold one currency and ' +
        'need another bid and ask on a market, and the rate is whatever they agree on.',
    ],
    scenario: 'many-currencies',
    query: 'ticks=90&set.members=5000',
    controls: ['market.mechanism'],
    panels: ['fx'],
    question: 'After 90 days, how much fiat will one hour of the “hours” currency buy?',
    answer: (r) =>
      `On day ${r.ticks} one hour of “hours” traded for ${num(r.at('rate_hours') / 100)} fiat ` +
      `(it started at ${num(r.at('rate_hours', 1) / 100)}).`,
  },
  {
    title: 'No currency dominates',
    words: [
      'The Herfindahl index (HHI) measures concentration: 1 means one currency carries all trade, 1/6 would be ' +
        'an even split between fiat and five community currencies.',
    ],
    scenario: 'many-currencies',
    query: 'ticks=90&set.members=5000',
    controls: ['market.makers'],
    panels: ['shares'],
    question: 'After 90 days, will the HHI be near 1 (one currency wins) or near 1/6 (all share the trade)?',
    answer: (r) =>
      `The HHI was ${num(r.at('hhi_currency'))} on day ${r.ticks}: fiat carried ${pct(r.at('share_fiat'))} ` +
      `of the trade, the largest community currency ${pct(Math.max(r.at('share_hours'), r.at('share_care'), r.at('share_commons')))}.`,
  },
  {
    title: 'Privacy as a value',
    words: [
      'With AIS, every trade is recorded anonymously and statistics are sold to data buyers (the squares outside). ' +
        'Each release adds noise and spends some of each member’s privacy budget (ε).',
      'A stricter ε protects members more but makes the statistics noisier and worth less.',
    ],
    scenario: 'privacy-strict',
    query: 'ticks=90&set.members=5000',
    controls: ['ais.epsilon', 'ais.k'],
    panels: ['economy', 'privacy'],
    question:
      'With strict privacy (ε = 0.1), will AIS sell its statistics at all, and how noisy will they be?',
    answer: (r) =>
      `By day ${r.ticks} AIS released ${num(r.at('released_cells'), 0)} cells and suppressed ` +
      `${num(r.at('suppressed_cells'), 0)}; the reports were off by ${num(r.at('report_abs_error'))} on average, ` +
      `and data sales brought in ${num(r.at('data_revenue_cum') / 100, 0)} fiat. A member's exposure, the most a ` +
      `buyer could learn about whether its records were used (0 nothing, 1 everything), was ` +
      `${num(r.at('reidentification_bound_mean'))} on average.`,
  },
  {
    title: 'Dividends by contribution',
    words: [
      'The money AIS earns from data is paid back to members as dividends, shared by how much each contributed ' +
        '(the trades recorded, the hours given).',
    ],
    scenario: 'dividend-contribution',
    query: 'ticks=120&set.members=5000',
    controls: ['ais.epsilon'],
    panels: ['economy', 'dividends'],
    question: 'Will dividends be shared more or less unequally than fiat money is?',
    answer: (r) =>
      `The Gini of the last dividend was ${num(r.at('dividend_gini'))}, against ${num(r.at('gini_fiat'))} ` +
      `for fiat (0: all equal, 1: one takes all); ${num(r.at('dividends_paid_cum') / 100, 0)} fiat paid in all.`,
  },
  {
    title: 'A fiat recession',
    words: [
      'On day 180 every fiat income falls by 30%. Fiat becomes scarce; hours do not, because members create ' +
        'them by helping each other.',
    ],
    scenario: 'fiat-recession',
    query: 'ticks=240&set.members=5000',
    controls: ['income.scale'],
    panels: ['cultural-share', 'unmet'],
    question: 'When incomes fall on day 180, will the share of trade paid in hours rise or fall?',
    answer: (r) => {
      const before = r.mean('cultural_share', 150, 179);
      const after = r.mean('cultural_share', 211, 240);
      return (
        `The cultural share ${after > before ? 'rose' : 'fell'} from ${pct(before)} (days 150–179) to ` +
        `${pct(after)} (days 211–240); the share of needs left unmet went from ` +
        `${pct(r.mean('unmet_needs', 150, 179))} to ${pct(r.mean('unmet_needs', 211, 240))}.`
      );
    },
  },
];
