import type { Override } from '../../../sim/scenario/validate.js';

export { column, scenarioRun } from '../run-model.js';

/** Overrides that shrink a shipped mimo scenario for a test: fewer members, fewer ticks. */
export const small = (members: number, ticks: number): Override[] => [
  { path: 'params.members', value: members },
  { path: 'ticks', value: ticks },
];
