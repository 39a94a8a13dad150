import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ModelRegistry } from '../../model.js';
import { EVERY_TICK, type Recording } from '../../run/recording.js';
import { InputError, type Problem } from '../../scenario/problems.js';
import { parseScenarioText, validateScenario, type Override } from '../../scenario/validate.js';
import {
  designPoints,
  designProblems,
  type DesignPoints,
  type DesignSpec,
} from '../../study/design/index.js';
import { factorList, type Factor } from '../../study/factors.js';
import { pointProblems, type PointPolicy } from '../../study/point-checks.js';
import type { RunPlan } from '../../study/run-plan.js';
import { checkStudyFields } from '../../study/study-fields.js';
import { seedList, type StudyFile } from '../../study/study-file.js';

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
 * is an InputError (one line per problem, exit 2) before anything runs, naming every problem at once: a check
 * runs whenever the fields it uses are fine (see `checkStudyFields`), and is skipped, not failed, when one is not.
 * `raw`: the file already read and parsed.
 */
export function loadStudy(
  file: string,
  registry: ModelRegistry,
  raw: unknown = parseScenarioText(readText(file, file, ''), file),
): ResolvedStudy {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(file, [{ path: '', message: 'a study is a mapping of fields' }]);
  }
  const { whole, fine: study, broken, problems } = checkStudyFields(raw as Record<string, unknown>);
  const found = [...problems];
  // The fixed overrides of the fields that are fine; the points need both (`set` and `ticks`).
  const fixed: Override[] = Object.entries(study.set ?? {}).map(([path, value]) => ({ path, value }));
  if (study.ticks !== undefined) fixed.push({ path: 'ticks', value: study.ticks });
  const fixedFine = !broken.has('set') && !broken.has('ticks');
  const factors = study.factors ? factorList(study.factors) : [];
  const design = study.design && study.factors ? designProblems(study.design, factors) : [];
  found.push(...design);

  const { policies, problems: scenarios } = studyPolicies(file, study, fixed, registry);
  found.push(...scenarios);
  const known = [...new Set((policies ?? []).flatMap((p) => p.metrics))];
  const metrics = study.metrics ?? known;
  // Which metrics a scenario records depends on its params, so on `set` too.
  if (policies && !broken.has('set')) found.push(...metricProblems(metrics, known));
  const pointsFine = study.design && study.factors && design.length === 0 && policies && fixedFine;
  const points = pointsFine ? designPoints(study.design!, factors) : null;
  if (points) found.push(...pointProblems(points, pointPolicies(policies!), fixed, registry));
  if (found.length || !whole || !policies) throw new InputError(file, found);
  return {
    file,
    name: whole.name,
    description: whole.description,
    policies,
    ticks: whole.ticks ?? null,
    seeds: seedList(whole.seeds),
    fixed,
    factors,
    design: whole.design ?? null,
    points,
    record: whole.record,
    metrics,
    plan: { points: points?.count ?? 1, policies: policies.length, seeds: seedList(whole.seeds) },
    runTicks: Math.max(1, ...policies.map((p) => p.ticks)),
  };
}

/**
 * The study's scenarios (its `scenario` or `policies`), each read and checked with the fixed overrides; null, with
 * the problems, when one cannot be, or when the study names none that can be known. A missing file is the study
 * file's problem, at its field; a scenario's own problems stay at its file.
 */
function studyPolicies(
  file: string,
  study: Partial<StudyFile>,
  fixed: readonly Override[],
  registry: ModelRegistry,
): { policies: StudyPolicy[] | null; problems: Problem[] } {
  const entries = study.policies ?? (study.scenario === undefined ? [] : [study.scenario]);
  const names = uniqueNames();
  const policies: StudyPolicy[] = [];
  const problems: Problem[] = [];
  entries.forEach((entry, i) => {
    const path = resolve(dirname(file), entry);
    try {
      const text = readText(path, file, study.policies ? `policies.${i}` : 'scenario');
      try {
        policies.push(studyPolicy(entry, path, text, fixed, registry, names));
      } catch (e) {
        throw blameStudy(e, file, entry, path, text, fixed, registry);
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems.map((p) => (e.source === file ? p : { source: e.source, ...p })));
    }
  });
  return { policies: entries.length && !problems.length ? policies : null, problems };
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

/** The metrics a study asks for that its scenarios do not record. */
function metricProblems(metrics: readonly string[], known: readonly string[]): Problem[] {
  const unknown = metrics.filter((m) => !known.includes(m));
  if (!unknown.length) return [];
  return [
    { path: 'metrics', message: `no such metric ${unknown.join(', ')} (metrics: ${known.join(', ')})` },
  ];
}

/** The policies as the point checks read them: each scenario's text parsed again. */
function pointPolicies(policies: readonly StudyPolicy[]): PointPolicy[] {
  return policies.map((p) => ({ file: p.file, path: p.path, raw: parseScenarioText(p.text, p.path) }));
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
