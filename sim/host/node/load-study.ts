import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ModelRegistry } from '../../model.js';
import { EVERY_TICK, type Recording } from '../../run/recording.js';
import { InputError, type Problem } from '../../scenario/problems.js';
import { parseInput } from '../../scenario/parse-input.js';
import { parseScenarioText, validateScenario, type Override } from '../../scenario/validate.js';
import {
  designPoints,
  designProblems,
  type DesignPoints,
  type DesignSpec,
} from '../../study/design/index.js';
import { factorList, type Factor } from '../../study/factors.js';
import { pointProblems } from '../../study/point-checks.js';
import type { RunPlan } from '../../study/run-plan.js';
import { seedList, studyFileSchema } from '../../study/study-file.js';

/** One scenario file of a study (the base scenario, or one of the policies). */
export interface StudyPolicy {
  /** Its scenario name, made unique among the policies. */
  readonly name: string;
  /** As written in the study file (relative to it). */
  readonly file: string;
  /** Where it is read from. */
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
  readonly model: string;
  /** The metrics its runs record, in the model's order. */
  readonly metrics: readonly string[];
  /** Its runs' ticks (with the study's fixed overrides). */
  readonly ticks: number;
}

/** A study file with everything it refers to read and checked: what `mimo study` runs. */
export interface ResolvedStudy {
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly policies: readonly StudyPolicy[];
  readonly ticks: number | null;
  readonly seeds: readonly number[];
  /** The fixed overrides (`set`, then `ticks`), applied before each point's factor values. */
  readonly fixed: readonly Override[];
  readonly factors: readonly Factor[];
  readonly design: DesignSpec | null;
  /** The design's points; null for a study without factors (one point: the base scenario). */
  readonly points: DesignPoints | null;
  readonly record: Recording;
  /** The metrics of the tables and series, in order. */
  readonly metrics: readonly string[];
  readonly plan: RunPlan;
  /** The longest run's ticks (to size batches). */
  readonly runTicks: number;
}

/**
 * Reads and checks a study file and the scenarios it names: the file's fields, each scenario with the fixed
 * overrides, the design on the factors, the metrics, and every point of the design on every policy. Every failure
 * is an InputError (one line per problem, exit 2) before anything runs. `raw`: the file already read and parsed.
 */
export function loadStudy(
  file: string,
  registry: ModelRegistry,
  raw: unknown = parseScenarioText(readText(file, file, ''), file),
): ResolvedStudy {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(file, [{ path: '', message: 'a study is a mapping of fields' }]);
  }
  const study = parseInput(studyFileSchema, raw, file);
  const fixed: Override[] = Object.entries(study.set).map(([path, value]) => ({ path, value }));
  if (study.ticks !== undefined) fixed.push({ path: 'ticks', value: study.ticks });
  const factors = study.factors ? factorList(study.factors) : [];
  const problems: Problem[] = study.design ? designProblems(study.design, factors) : [];
  if (problems.length) throw new InputError(file, problems);

  const entries = study.policies ?? [study.scenario!];
  const field = study.policies ? 'policies' : 'scenario';
  const names = uniqueNames();
  const policies = entries.map((entry, i) => {
    const path = resolve(dirname(file), entry);
    const text = readText(path, file, study.policies ? `${field}.${i}` : field);
    try {
      return studyPolicy(entry, path, text, fixed, registry, names);
    } catch (e) {
      throw blameStudy(e, file, entry, path, text, fixed, registry);
    }
  });
  const known = [...new Set(policies.flatMap((p) => p.metrics))];
  const metrics = study.metrics ?? known;
  const unknown = metrics.filter((m) => !known.includes(m));
  if (unknown.length) {
    throw new InputError(file, [
      {
        path: 'metrics',
        message: `no such metric ${unknown.join(', ')} (metrics: ${known.join(', ')})`,
      },
    ]);
  }
  const points = study.design ? designPoints(study.design, factors) : null;
  checkPoints(file, points, policies, fixed, registry);
  return {
    file,
    name: study.name,
    description: study.description,
    policies,
    ticks: study.ticks ?? null,
    seeds: seedList(study.seeds),
    fixed,
    factors,
    design: study.design ?? null,
    points,
    record: study.record,
    metrics,
    plan: { points: points?.count ?? 1, policies: policies.length, seeds: seedList(study.seeds) },
    runTicks: Math.max(1, ...policies.map((p) => p.ticks)),
  };
}

/**
 * One scenario of a study, checked with the study's fixed overrides (an InputError otherwise). `names` makes its
 * name unique among the study's policies (a scenario given twice gets #2, #3…).
 */
export function studyPolicy(
  file: string,
  path: string,
  text: string,
  fixed: readonly Override[],
  registry: ModelRegistry,
  names: (name: string) => string,
): StudyPolicy {
  const scenario = validateScenario(parseScenarioText(text, path), registry, path, fixed);
  return {
    name: names(scenario.name),
    file,
    path,
    text,
    sha256: bytesToHex(sha256(new TextEncoder().encode(text))),
    model: scenario.model,
    metrics: registry
      .get(scenario.model)!
      .metrics(scenario.params)
      .map((m) => m.name),
    ticks: scenario.ticks,
  };
}

/** A namer that makes names unique in the order they are met: `a`, `a#2`, `a#3`… */
export function uniqueNames(): (name: string) => string {
  const seen = new Map<string, number>();
  return (name) => {
    const k = (seen.get(name) ?? 0) + 1;
    seen.set(name, k);
    return k === 1 ? name : `${name}#${k}`;
  };
}

/**
 * A scenario refused with the study's fixed overrides: when the scenario alone is valid, its study's `set` (a
 * params path) or `ticks` (e.g. a timeline event past them) is what is wrong, so the problems are the study file's,
 * at that field, as the factors' are; otherwise the scenario file's own problems stand.
 */
function blameStudy(
  e: unknown,
  file: string,
  entry: string,
  path: string,
  text: string,
  fixed: readonly Override[],
  registry: ModelRegistry,
): unknown {
  if (!(e instanceof InputError) || e.source !== path || fixed.length === 0) return e;
  try {
    validateScenario(parseScenarioText(text, path), registry, path);
  } catch {
    return e;
  }
  return new InputError(
    file,
    e.problems.map((q) => ({
      path: `${q.path.startsWith('params') ? 'set' : 'ticks'} (${entry}): ${q.path}`,
      message: q.message,
    })),
  );
}

/** Every point's scenario on every policy is valid (a factor value may be refused by the model's schema). */
function checkPoints(
  file: string,
  points: DesignPoints | null,
  policies: readonly StudyPolicy[],
  fixed: readonly Override[],
  registry: ModelRegistry,
): void {
  if (!points) return;
  const read = policies.map((p) => ({ file: p.file, path: p.path, raw: parseScenarioText(p.text, p.path) }));
  const problems = pointProblems(points, read, fixed, registry);
  if (problems.length) throw new InputError(file, problems);
}

function readText(path: string, source: string, where: string): string {
  try {
    if (!statSync(path).isFile())
      throw new InputError(source, [{ path: where, message: `not a file (got ${path})` }]);
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`;
    throw new InputError(source, [{ path: where, message: `${message} (got ${path})` }]);
  }
}

/**
 * A study of policies and no factors (what `mimo compare` runs): every policy on every seed, recording every
 * tick, with the fixed overrides; the metrics are every metric any policy records, in the order first met.
 */
export function policyStudy(
  name: string,
  policies: readonly StudyPolicy[],
  seeds: readonly number[],
  fixed: readonly Override[],
): ResolvedStudy {
  const ticks = fixed.find((o) => o.path === 'ticks')?.value;
  return {
    file: '',
    name,
    description: `${policies.map((p) => p.name).join(' vs ')} on seeds ${seeds.join(', ')}`,
    policies,
    ticks: typeof ticks === 'number' ? ticks : null,
    seeds,
    fixed,
    factors: [],
    design: null,
    points: null,
    record: EVERY_TICK,
    metrics: [...new Set(policies.flatMap((p) => p.metrics))],
    plan: { points: 1, policies: policies.length, seeds },
    runTicks: Math.max(1, ...policies.map((p) => p.ticks)),
  };
}
