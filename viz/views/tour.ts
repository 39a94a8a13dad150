import { scenarioTexts } from '../scenarios.js';
import { el } from './dom.js';

/** One stop of the educator tour: a scenario to open and what to look at, in plain words. */
interface Stop {
  readonly title: string;
  readonly scenario: string;
  /** The view the stop opens (default: the run view). */
  readonly view?: 'run' | 'designer';
  readonly query?: string;
  readonly text: string;
}

const STOPS: readonly Stop[] = [
  {
    title: 'Fair rules, unequal outcomes',
    scenario: 'money-game',
    query: 'ticks=300&autoplay=1',
    text:
      'Everyone starts with 10 units and, every day, gives one unit to someone picked at random. Nobody is ' +
      'smarter or luckier by design. Watch the Gini line: it climbs from 0 (all equal) towards 0.5.',
  },
  {
    title: 'The shape of chance',
    scenario: 'money-game',
    query: 'ticks=500&autoplay=1',
    text:
      'Look at the wealth histogram: many have little, few have a lot. The orange curve is the law physics ' +
      'predicts for randomly shared energy (a geometric law); the bars settle onto it.',
  },
  {
    title: 'Reading a Lorenz curve',
    scenario: 'money-game',
    query: 'ticks=500&autoplay=1',
    text:
      'The Lorenz curve shows what share of all money the poorest part of the population holds. The further ' +
      'it sags below the diagonal, the more unequal. The Gini number is the gap between them.',
  },
  {
    title: 'Debt changes the picture',
    scenario: 'money-game',
    query: 'ticks=500&autoplay=1&set.debtLimit=10',
    text:
      'Now agents may go up to 10 units into debt. Watch the share of agents in debt and the spread: credit ' +
      'lets more trades happen, and inequality grows further.',
  },
  {
    title: 'Two values per trade',
    scenario: 'baseline',
    text:
      'In the MIMO economy every trade carries a money value and a cultural value in hours. Watch the ' +
      'cultural share of trade rise and the Gini of money against the Gini of cultural holdings.',
  },
  {
    title: 'Hour currencies',
    scenario: 'time-bank',
    text:
      "One hour of anyone's help is worth one hour. Members pay each other in hours on credit, so the hours " +
      'always add up to zero: watch how much of the trade is paid in hours, and the cultural Lorenz curve.',
  },
  {
    title: 'Negotiated exchange between currencies',
    scenario: 'many-currencies',
    text: 'Several groups issue their own currencies. Watch the exchange rates and the currency shares (HHI).',
  },
  {
    title: 'Privacy has a price',
    scenario: 'privacy-strict',
    text: 'Stricter privacy means fewer released statistics. Watch the privacy budget spent and data revenue.',
  },
  {
    title: 'Who gets the dividends?',
    scenario: 'dividend-mixed',
    text: 'Dividends pay members for what they contributed. Watch dividends against contribution and their Gini.',
  },
  {
    title: 'Design the dividend yourself',
    scenario: 'dividend-mixed',
    view: 'designer',
    query: 'ticks=60',
    text:
      'Write the rule that shares the pool: try the presets (equal, proportional, mixed, concave) or your own ' +
      'formula, and see at once who gains: the Lorenz curve, the top and bottom tenths, payout against records.',
  },
];

/** The educator tour: the stops whose scenario exists, each a link that opens and plays it. */
export function tourView(): HTMLElement {
  const view = el('div', 'tour');
  const h = el('h2');
  h.textContent = 'A guided tour';
  const present = document.createElement('a');
  present.href = '#/present?step=1';
  present.textContent =
    'Present it to a class: one idea per screen, a question, then the answer from the run';
  present.dataset.testid = 'present-link';
  view.append(h, present);
  const list = el('ol');
  for (const stop of STOPS) {
    if (!scenarioTexts.has(stop.scenario)) continue;
    const item = el('li');
    const link = document.createElement('a');
    const view = stop.view ?? 'run';
    const query = stop.query ? `&${stop.query}` : view === 'run' ? '&autoplay=1' : '';
    link.href = `#/${view}?scenario=${stop.scenario}${query}`;
    link.textContent = stop.title;
    const p = el('p');
    p.textContent = stop.text;
    item.append(link, p);
    list.append(item);
  }
  view.append(list);
  return view;
}
