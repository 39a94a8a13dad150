import type { Ais } from '../ais/ais.js';
import { HOUR } from '../params.js';
import type { Population } from '../economy/population.js';

/**
 * Fills the per-member columns of the dividend formula language (cumulative since the start) for the variables
 * `names`. With AIS on, contributions come from its quasi-bank; with AIS off there are no records and no privacy
 * spent, and hours and value come from the population's own contribution records.
 */
export function fillMemberVariables(
  names: readonly string[],
  columns: Record<string, Float64Array>,
  population: Population,
  ais: Ais | null,
  tick: number,
): void {
  const n = population.n;
  for (const name of names) {
    const col = columns[name];
    if (name === 'records') {
      if (ais) col.set(ais.records);
      else col.fill(0);
    } else if (name === 'hours_given') {
      if (ais) col.set(ais.hoursDeposited);
      else for (let i = 0; i < n; i++) col[i] = population.hoursGiven[i] / HOUR;
    } else if (name === 'hours_received') {
      if (ais) col.set(ais.hoursWithdrawn);
      else for (let i = 0; i < n; i++) col[i] = population.hoursReceived[i] / HOUR;
    } else if (name === 'value_given') {
      if (ais) col.set(ais.valueDeposited);
      else col.set(population.valueGiven);
    } else if (name === 'privacy_spent') {
      if (ais) col.set(ais.statistics.budget.spentTotal);
      else col.fill(0);
    } else if (name === 'tenure') for (let i = 0; i < n; i++) col[i] = tick - population.joined[i];
    else if (name === 'groups') for (let i = 0; i < n; i++) col[i] = popcount(population.groups[i]);
    else throw new Error(`dividends.formula: no column for variable ${name}`);
  }
}

/** Number of set bits of a 32-bit mask. */
function popcount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
