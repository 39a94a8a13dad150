import { resolve } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { recordingFlag } from '../../run/recording.js';
import { totalRuns, type RunPlan } from '../../study/run-plan.js';
import type { ResolvedStudy } from './load-study.js';

/** What `study.json` holds: the resolved study, everything needed to re-run it, and its hash. */
export interface StudyRecord {
  readonly name: string;
  readonly description: string;
  /** SHA-256 of everything that decides the runs' results (not the command line, the Node version or the time). */
  readonly hash: string;
  /** The study file, as an absolute path: the commands `mimo study status` prints work from any folder. */
  readonly file: string;
  readonly engineVersion: string;
  readonly policies: readonly { name: string; file: string; model: string; sha256: string; text: string }[];
  readonly ticks: number | null;
  readonly seeds: readonly number[];
  readonly set: Record<string, unknown>;
  readonly factors: readonly { path: string; spec: unknown }[];
  readonly design: unknown;
  readonly record: string;
  readonly metrics: readonly string[];
  readonly runs: number;
  /** Each point's factor values, by factor path. */
  readonly points: readonly Record<string, unknown>[];
  readonly commandLine: string;
  readonly nodeVersion: string;
}

/** The study.json of a resolved study. */
export function studyRecord(study: ResolvedStudy, engineVersion: string, commandLine: string): StudyRecord {
  const decisive = {
    engineVersion,
    policies: study.policies.map((p) => ({
      name: p.name,
      file: p.file,
      model: p.model,
      sha256: p.sha256,
      text: p.text,
    })),
    ticks: study.ticks,
    seeds: study.seeds,
    set: Object.fromEntries(study.fixed.filter((o) => o.path !== 'ticks').map((o) => [o.path, o.value])),
    factors: study.factors.map((f) => ({ path: f.path, spec: f.spec })),
    design: study.design,
    record: recordingFlag(study.record),
    metrics: study.metrics,
    runs: totalRuns(study.plan),
    points: pointRows(study),
  };
  const hash = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(decisive))));
  return {
    name: study.name,
    description: study.description,
    hash,
    file: study.file === '' ? '' : resolve(study.file),
    ...decisive,
    commandLine,
    nodeVersion: process.version,
  };
}

/** The run plan a study.json describes. */
export function recordPlan(record: StudyRecord): RunPlan {
  return { points: record.points.length, policies: record.policies.length, seeds: record.seeds };
}

function pointRows(study: ResolvedStudy): Record<string, unknown>[] {
  if (!study.points) return [{}];
  return study.points.values.map((values) =>
    Object.fromEntries(study.factors.map((f, i) => [f.path, values[i]])),
  );
}
