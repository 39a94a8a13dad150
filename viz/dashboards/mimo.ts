import { histogramChart } from '../charts/histogram.js';
import { lorenzChart } from '../charts/lorenz.js';
import type { Panel } from './registry.js';
import { registerDashboard } from './registry.js';

// The `mimo` dashboards (issues 3 and 4). Each panel appears only when the run has its metrics or arrays,
// so panels light up as the model grows; metric names follow the issues.

const wealth = (array: string, label: string): Panel[] => [
  {
    kind: 'distribution',
    id: `${array}-histogram`,
    title: `${label} holdings`,
    array,
    render: (d) =>
      histogramChart({
        title: `${label} holdings at tick ${d.tick}`,
        unit: `${label.toLowerCase()} holdings`,
        binStart: d.binStart,
        binWidth: d.binWidth,
        counts: d.counts,
      }),
  },
  {
    kind: 'distribution',
    id: `${array}-lorenz`,
    title: `Lorenz curve, ${label.toLowerCase()}`,
    array,
    render: (d) =>
      lorenzChart({
        title: `Lorenz curve, ${label.toLowerCase()}, tick ${d.tick}`,
        population: d.lorenzPopulation,
        share: d.lorenzShare,
        gini: d.gini,
      }),
  },
];

registerDashboard('mimo', [
  {
    kind: 'series',
    id: 'gini',
    title: 'Gini over time',
    metrics: ['gini_fiat', 'gini_cultural', 'gini_total'],
  },
  ...wealth('fiat', 'Fiat'),
  ...wealth('cultural', 'Cultural'),
  ...wealth('total', 'Total'),
  { kind: 'series', id: 'fx', title: 'Exchange rates', metrics: [/^fx_rate/, /^rate_/, 'fx_volatility'] },
  {
    kind: 'series',
    id: 'shares',
    title: 'Currency shares (stacked) and Herfindahl index',
    metrics: [/^share_/, 'hhi_currency'],
    stacked: [/^share_/],
  },
  {
    kind: 'series',
    id: 'cultural-share',
    title: 'Cultural vs fiat share of trade value',
    metrics: ['cultural_share'],
  },
  {
    kind: 'series',
    id: 'unmet',
    title: 'Unmet needs and breakdowns',
    metrics: ['unmet_needs', 'breakdowns'],
  },
  {
    kind: 'series',
    id: 'dividends',
    title: 'Dividends against contribution',
    metrics: ['dividends_paid_cum', 'dividend_contribution_corr', 'dividend_gini'],
  },
  {
    kind: 'series',
    id: 'privacy',
    title: 'Privacy: budget spent and exposure',
    metrics: ['privacy_spent_mean', 'members_exhausted_share', 'reidentification_bound_mean'],
  },
]);
