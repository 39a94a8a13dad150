import { describe, expect, it } from 'vitest';
import { aisParams, type AisParams } from '../../../../../models/mimo/ais/privacy/params.js';
import {
  ProtectedStatistics,
  type AggregateQuery,
} from '../../../../../models/mimo/ais/privacy/protected-statistics.js';
import { buyerContext, Pseudonyms } from '../../../../../models/mimo/ais/privacy/pseudonyms.js';
import { RecordLog, type RecordBatch } from '../../../../../models/mimo/ais/privacy/record-log.js';
import { RELEASED_CELL_KEYS } from '../../../../../models/mimo/ais/privacy/released-cell.js';
import { stream } from '../../../../../sim/random/streams.js';

const query: AggregateQuery = {
  buyer: 'acme',
  measure: 'spend',
  period: 'p1',
  groups: ['g0', 'g1', 'g2'],
  categories: ['food', 'care'],
};

const params = (over: Partial<AisParams> = {}): AisParams =>
  aisParams.parse({ k: 3, epsilon: 0.5, budget: 2, clip: 100, ...over });

const ais = (members: number, over: Partial<AisParams> = {}, seed = 1) =>
  underParams(members, params(over), seed);

/** Params outside the schema's ranges (epsilon 1e11: noise of scale 1e-9), to read true sums in tests. */
const exact = (members: number, over: Partial<AisParams>) =>
  underParams(members, { ...params(), ...over }, 1);

/** Protected statistics released, period after period, under the same params `p`. */
function underParams(members: number, p: AisParams, seed: number) {
  const statistics = new ProtectedStatistics(members, p.budget, stream(seed, 0, 'ais.noise'));
  return {
    budget: statistics.budget,
    release: (query: AggregateQuery, records: RecordBatch) => statistics.release(query, records, p),
    exhaustedShare: () => statistics.exhaustedShare(p.epsilon),
    startPeriod: () => statistics.startPeriod(),
  };
}

/** A random period of records: members spend in a few cells each; some cells stay small. */
function randomRecords(members: number, seed: number): RecordLog {
  const rng = stream(seed, 0, 'test.records');
  const log = new RecordLog(4);
  for (let m = 0; m < members; m++) {
    const g = m % 3 === 2 && m > 6 ? 0 : m % 3; // group 2 is small: only members 2 and 5
    const trades = 1 + rng.int(4);
    for (let t = 0; t < trades; t++) log.append(m, g, rng.int(2), 1 + rng.int(60));
  }
  return log;
}

/** Distinct members per cell (index group * categories + category), counted independently of AIS. */
function distinctPerCell(
  log: RecordLog,
  eligible: (m: number) => boolean = () => true,
): Map<string, Set<number>> {
  const cells = new Map<string, Set<number>>();
  for (let r = 0; r < log.length; r++) {
    if (!eligible(log.member[r])) continue;
    const key = `${query.groups[log.group[r]]}/${query.categories[log.category[r]]}`;
    if (!cells.has(key)) cells.set(key, new Set());
    cells.get(key)!.add(log.member[r]);
  }
  return cells;
}

describe('AIS protected statistics', () => {
  it('releases only cells of at least k members, and counts the others as suppressed', () => {
    const log = randomRecords(60, 2);
    const out = ais(60).release(query, log);
    const truth = distinctPerCell(log);
    for (const cell of out.cells)
      expect(truth.get(`${cell.group}/${cell.category}`)!.size).toBeGreaterThanOrEqual(3);
    const big = [...truth.values()].filter((s) => s.size >= 3).length;
    expect(out.cells.length).toBe(big);
    expect(out.suppressed).toBe(truth.size - big);
    expect(out.suppressed).toBeGreaterThan(0);
  });

  it('sends a buyer labels and noisy numbers only: no member id, no member pseudonym', () => {
    const members = 60;
    const log = randomRecords(members, 3);
    const out = ais(members).release(query, log);
    const names = new Pseudonyms(1, 0);
    const json = out.cells.map((c) => JSON.stringify(c)).join('\n');
    expect(out.cells.length).toBeGreaterThan(0);
    for (const cell of out.cells) {
      expect(Object.keys(cell)).toEqual([...RELEASED_CELL_KEYS]);
      expect(query.groups).toContain(cell.group);
      expect(query.categories).toContain(cell.category);
      expect([cell.buyer, cell.measure, cell.period]).toEqual(['acme', 'spend', 'p1']);
      // The only numbers: the query's sequence number, the noisy value and the public mechanism parameters.
      expect(cell.query).toBe(1);
      expect([cell.epsilon, cell.noise_scale]).toEqual([0.5, 200]);
      expect(Number.isInteger(cell.value)).toBe(false);
    }
    for (let m = 0; m < members; m++) expect(json).not.toContain(names.of(buyerContext('acme'), m));
    expect(json).not.toMatch(/member|pseudonym|"id"/);
  });

  it('charges epsilon once per query to a member in one cell (parallel composition over disjoint cells)', () => {
    const log = new RecordLog();
    for (let m = 0; m < 12; m++) log.append(m, m % 3, m % 2, 10);
    const a = ais(12);
    const out = a.release(query, log);
    expect(out.cells.length).toBe(0); // 6 cells of 2 members each: all under k = 3
    for (let m = 12; m < 24; m++) log.append(m % 12, (m % 12) % 3, (m % 12) % 2, 5);
    const b = ais(12, { k: 2 });
    const out2 = b.release(query, log);
    expect(out2.cells.length).toBe(6);
    expect(out2.membersUsed).toBe(12);
    for (let m = 0; m < 12; m++) expect(b.budget.spentPeriod[m]).toBe(0.5);
  });

  it('charges epsilon per cell used to a member in several cells, and adds up across queries (sequential)', () => {
    const log = new RecordLog();
    for (let m = 0; m < 4; m++) {
      log.append(m, 0, 0, 10);
      log.append(m, 0, 1, 10);
    }
    log.append(4, 1, 0, 10); // alone in its cell: suppressed, never charged
    const a = ais(5, { k: 4, budget: 10 });
    expect(a.release(query, log).cells.length).toBe(2);
    for (let m = 0; m < 4; m++) expect(a.budget.spentPeriod[m]).toBe(1);
    expect(a.budget.spentPeriod[4]).toBe(0);
    a.release(query, log);
    for (let m = 0; m < 4; m++) expect(a.budget.spentPeriod[m]).toBe(2);
    expect(a.budget.spentTotal[0]).toBe(2);
  });

  it('drops exhausted members for the rest of the period and uses them again in the next', () => {
    const log = new RecordLog();
    for (let m = 0; m < 5; m++) log.append(m, 0, 0, 20);
    const a = ais(5, { k: 3, epsilon: 0.5, budget: 1 });
    expect(a.release(query, log).cells.length).toBe(1);
    expect(a.release(query, log).cells.length).toBe(1);
    expect(a.exhaustedShare()).toBe(1);
    const third = a.release(query, log);
    expect(third.cells.length).toBe(0);
    expect(third.membersDropped).toBe(5);
    expect(third.suppressed).toBe(1);
    for (let m = 0; m < 5; m++) expect(a.budget.spentPeriod[m]).toBe(1);
    a.startPeriod();
    expect(a.exhaustedShare()).toBe(0);
    expect(a.release(query, log).cells.length).toBe(1);
    expect(a.budget.spentTotal[0]).toBe(1.5);
  });

  it('with a lifetime budget, leaves a member out for good once it is spent, whatever the period', () => {
    const log = new RecordLog();
    for (let m = 0; m < 5; m++) log.append(m, 0, 0, 20);
    const a = ais(5, { k: 3, epsilon: 0.5, budget: 1, lifetimeBudget: 1.5 });
    expect(a.release(query, log).cells.length).toBe(1);
    expect(a.release(query, log).cells.length).toBe(1);
    a.startPeriod();
    expect(a.release(query, log).cells.length).toBe(1);
    for (let m = 0; m < 5; m++) expect(a.budget.spentTotal[m]).toBe(1.5);
    for (let period = 0; period < 3; period++) {
      a.startPeriod();
      expect(a.exhaustedShare()).toBe(1);
      const later = a.release(query, log);
      expect(later.cells.length).toBe(0);
      expect(later.membersDropped).toBe(5);
    }
    for (let m = 0; m < 5; m++) expect(a.budget.spentTotal[m]).toBe(1.5);
  });

  it('with no lifetime budget (0, the default), a new period always gives members their budget again', () => {
    const log = new RecordLog();
    for (let m = 0; m < 5; m++) log.append(m, 0, 0, 20);
    const a = ais(5, { k: 3, epsilon: 0.5, budget: 0.5 });
    for (let period = 0; period < 10; period++) {
      expect(a.release(query, log).cells.length).toBe(1);
      a.startPeriod();
    }
    expect(a.budget.spentTotal[0]).toBe(5);
  });

  it('recomputes a cell without a dropped member: it no longer counts for k nor for the sum', () => {
    const log = new RecordLog();
    for (let m = 0; m < 4; m++) log.append(m, 0, 0, 10 * (m + 1)); // 10, 20, 30, 40
    for (let m = 0; m < 3; m++) log.append(m, 1, 1, 7);
    // Huge epsilon: noise scale 1e-9, so the released value is the true sum of the members kept.
    const a = exact(4, { k: 3, epsilon: 1e11, budget: 3e11, clip: 100 });
    a.budget.charge(3, 2.5e11); // member 3 can no longer afford a release
    const out = a.release(query, log);
    expect(out.membersDropped).toBe(1);
    expect(out.cells.map((c) => [c.group, c.category])).toEqual([
      ['g0', 'food'],
      ['g1', 'care'],
    ]);
    expect(out.cells[0].value).toBeCloseTo(60, 6); // 10 + 20 + 30, member 3's 40 left out
    const k4 = exact(4, { k: 4, epsilon: 1e11, budget: 3e11 });
    k4.budget.charge(3, 2.5e11);
    expect(k4.release(query, log).cells.length).toBe(0); // 4 members, but only 3 with budget
  });

  it('drops a member from a whole query when it can afford only part of it', () => {
    const log = new RecordLog();
    for (let m = 0; m < 3; m++) log.append(m, 0, 0, 5);
    log.append(0, 2, 1, 5); // member 0 also in a second cell: its query costs 2 epsilon
    const a = ais(3, { k: 2, epsilon: 0.5, budget: 0.75 });
    const out = a.release(query, log);
    expect(out.membersDropped).toBe(1);
    expect(a.budget.spentPeriod[0]).toBe(0);
    expect(a.budget.spentPeriod[1]).toBe(0.5);
  });

  it('clips each member’s contribution to a cell at `clip` (the sensitivity)', () => {
    const log = new RecordLog();
    log.append(0, 0, 0, 1e6);
    log.append(0, 0, 0, 1e6);
    log.append(1, 0, 0, 30);
    log.append(2, 0, 0, -50);
    const a = exact(3, { k: 3, epsilon: 1e11, budget: 1e12, clip: 100 });
    expect(a.release(query, log).cells[0].value).toBeCloseTo(130, 6);
  });

  it('is deterministic for a seed and reports the absolute error it added', () => {
    const log = randomRecords(90, 4);
    const x = ais(90, {}, 9).release(query, log);
    const y = ais(90, {}, 9).release(query, log);
    expect(y.cells).toEqual(x.cells);
    expect(ais(90, {}, 10).release(query, log).cells[0].value).not.toBe(x.cells[0].value);
    expect(x.absErrorSum).toBeGreaterThan(0);
    expect(x.recordsUsed).toBeGreaterThan(0);
  });

  it('refuses records outside the query grid', () => {
    const log = new RecordLog();
    log.append(0, 5, 0, 1);
    expect(() => ais(2).release(query, log)).toThrow(/group 5/);
  });
});
