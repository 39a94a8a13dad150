import { lognormal, poissonByInversion } from '../../../sim/random/distributions.js';
import type { Rng } from '../../../sim/random/rng.js';
import { listsByBit, listsByBitPair } from '../../../sim/space/bit-lists.js';
import { RingList } from '../../../sim/space/ring-list.js';
import { HOUR, type MimoParams } from '../params.js';

/**
 * The members, struct-of-arrays: one typed array per attribute, indexed by member id (0 … n−1). Companies are
 * members with other parameters (more income, more hours, more skills). A directory lists the providers of each
 * category, overall and within each group, and the members of each group, as ring lists: a search draws from the
 * members within a member's reach (its local market).
 */
export class Population {
  readonly n: number;
  readonly isCompany: Uint8Array;
  /** Bit c set: the member can provide service category c. */
  readonly skills: Int32Array;
  /** Hours of service the member can give per tick, in minor units (HOUR per hour). */
  readonly capacity: Int32Array;
  /** What is left of `capacity` this tick. */
  readonly remaining: Int32Array;
  /** How active the member is (mean 1 over active persons, 0: inactive; 1 for companies): scales needs and hours. */
  readonly activity: Float32Array;
  /** Mean needs per tick (Poisson) of each member … */
  readonly needRate: Float32Array;
  /** … and exp(−rate), the chance of none, for the draw by inversion … */
  private readonly noNeedChance: Float32Array;
  /** … for these `needs.rate` and `companies.capacityScale`. */
  private readonly ratesFor = new Float64Array([NaN, NaN]);
  /** Income relative to the median of the member's kind (person or company), before the economy-wide scale. */
  readonly relativeIncome: Float32Array;
  /** relativeIncome^η (`valuation.incomeElasticity`): what fiat is worth to the member, relative to the median. */
  readonly incomeFactor: Float32Array;
  /** The member's last provider (−1: none yet), asked first for the next need it offers (`activity.partners`). */
  readonly partner: Int32Array;
  /** Private reservation value of an hour of service as a buyer (fiat minor units). */
  readonly hourValue: Float32Array;
  /** Private reservation cost of an hour of service as a provider (fiat minor units). */
  readonly hourCost: Float32Array;
  /** Share of a price the member is willing to settle in cultural currency. */
  readonly culturalPreference: Float32Array;
  /** Fiat income per tick before the economy-wide scale (minor units). */
  readonly income: Float64Array;
  /** Bit g set: the member belongs to group g. */
  readonly groups: Int32Array;
  /** Tick the member joined (0: from the start). */
  readonly joined: Int32Array;
  /** Members of each group, in id order. */
  readonly groupMembers: Int32Array[];
  /** The directory of providers: members offering each category … */
  readonly providers: RingList[];
  /** … and, at g × categories + c, the members of group g offering category c. */
  readonly groupProviders: RingList[];
  readonly categories: number;
  // Contribution records (what dividends are computed from).
  readonly hoursGiven: Float64Array;
  readonly hoursReceived: Float64Array;
  /** Fiat-equivalent value of the service given. */
  readonly valueGiven: Float64Array;

  constructor(p: MimoParams, rng: Rng) {
    const n = (this.n = p.members);
    this.isCompany = new Uint8Array(n);
    this.skills = new Int32Array(n);
    this.capacity = new Int32Array(n);
    this.activity = new Float32Array(n);
    this.needRate = new Float32Array(n);
    this.noNeedChance = new Float32Array(n);
    this.relativeIncome = new Float32Array(n);
    this.incomeFactor = new Float32Array(n);
    this.partner = new Int32Array(n).fill(-1);
    this.remaining = new Int32Array(n);
    // Single precision (7 digits) is plenty for a private valuation, and halves the memory a trade reads.
    this.hourValue = new Float32Array(n);
    this.hourCost = new Float32Array(n);
    this.culturalPreference = new Float32Array(n);
    this.income = new Float64Array(n);
    this.groups = new Int32Array(n);
    this.joined = new Int32Array(n);
    this.hoursGiven = new Float64Array(n);
    this.hoursReceived = new Float64Array(n);
    this.valueGiven = new Float64Array(n);
    const { companies, valuation, activity } = p;
    // Lognormal activity of mean 1: mu = −sigma² / 2.
    const muActivity = (-activity.sigma * activity.sigma) / 2;
    const muValue = Math.log(valuation.hourValue);
    const muCost = Math.log(valuation.hourCost);
    const muIncome = Math.log(Math.max(1, p.income.median));
    for (let i = 0; i < n; i++) {
      const company = rng.float() < companies.share;
      this.isCompany[i] = company ? 1 : 0;
      const skills = randomSkills(rng, p.categories, company ? companies.skills : p.skills.perMember);
      const active = company
        ? 1
        : rng.float() < activity.inactive
          ? 0
          : lognormal(rng, muActivity, activity.sigma);
      this.activity[i] = active;
      this.skills[i] = active > 0 ? skills : 0; // an inactive member is not in the directory of providers
      // Hours per tick: uniform within ±50% of the mean, times the member's activity.
      const hours = (0.5 + rng.float()) * p.skills.hours * (company ? companies.capacityScale : active);
      this.capacity[i] = Math.round(hours * HOUR);
      this.hourValue[i] = lognormal(rng, muValue, valuation.spread);
      this.hourCost[i] = lognormal(rng, muCost, valuation.spread);
      this.culturalPreference[i] = Math.min(1, 2 * p.payment.culturalPreference * rng.float());
      const income = p.income.median > 0 ? lognormal(rng, muIncome, p.income.sigma) : 0;
      this.income[i] = income * (company ? companies.incomeScale : 1);
      this.relativeIncome[i] = p.income.median > 0 ? income / p.income.median : 1;
      this.incomeFactor[i] = Math.pow(this.relativeIncome[i], valuation.incomeElasticity);
      let mask = 0;
      for (let g = 0; g < p.groups.length; g++) if (rng.float() < p.groups[g].members) mask |= 1 << g;
      this.groups[i] = mask;
    }
    this.useNeedRates(p);
    this.categories = p.categories;
    this.groupMembers = listsByBit(this.groups, p.groups.length);
    this.providers = listsByBit(this.skills, p.categories).map((ids) => new RingList(ids, n));
    this.groupProviders = listsByBitPair(this.groups, p.groups.length, this.skills, p.categories).map(
      (ids) => new RingList(ids, n),
    );
  }

  /**
   * Sets every member's need rate from `needs.rate` times its activity (companies need as much more as they can
   * give); the trading day calls it each tick with the params of that tick, and it recomputes only when they
   * changed (one exponential per member).
   */
  useNeedRates(p: MimoParams): void {
    if (p.needs.rate === this.ratesFor[0] && p.companies.capacityScale === this.ratesFor[1]) return;
    this.ratesFor[0] = p.needs.rate;
    this.ratesFor[1] = p.companies.capacityScale;
    for (let i = 0; i < this.n; i++) {
      const rate = p.needs.rate * (this.isCompany[i] ? p.companies.capacityScale : this.activity[i]);
      this.needRate[i] = rate;
      this.noNeedChance[i] = Math.exp(-rate);
    }
  }

  /** The member's needs this tick (Poisson). */
  drawNeeds(i: number, rng: Rng): number {
    const rate = this.needRate[i];
    return rate > 0 ? poissonByInversion(rng, rate, this.noNeedChance[i]) : 0;
  }

  /** Fiat each member starts with. */
  openingFiat(i: number, p: MimoParams): number {
    return Math.round(p.initialFiat * (this.isCompany[i] ? p.companies.incomeScale : 1));
  }
}

/** A bitmask of `k` distinct categories out of `categories`, drawn uniformly. */
function randomSkills(rng: Rng, categories: number, k: number): number {
  let mask = 0;
  let chosen = 0;
  while (chosen < k) {
    const bit = 1 << rng.int(categories);
    if (!(mask & bit)) {
      mask |= bit;
      chosen++;
    }
  }
  return mask;
}
