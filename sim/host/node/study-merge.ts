import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../scenario/problems.js';
import { designPoints, type DesignSpec } from '../../study/design/index.js';
import type { Factor } from '../../study/factors.js';
import { plannedRun } from '../../study/run-plan.js';
import {
  rankingKey,
  sensitivityColumns,
  sensitivityOf,
  type SensitivityRow,
} from '../../study/sensitivity.js';
import { writeDurably } from './durable-file.js';
import { parquetBytes, type ParquetColumn } from './parquet-table.js';
import { formatNumber } from './run-writer.js';
import { csvCell, SERIES, StudyFolder, type RunRow } from './study-folder.js';
import { recordPlan, type StudyRecord } from './study-record.js';
import { folderShards } from './study-shards.js';

/** What a merge wrote and found. */
export interface MergeResult {
  readonly runs: number;
  readonly files: string[];
  /** Per policy (null: the study has one), the sensitivity rows; empty for designs without an analysis. */
  readonly sensitivity: readonly { policy: string | null; rows: SensitivityRow[] }[];
  /** The column that ranks factors (ST, mu_star), or null. */
  readonly rankBy: string | null;
}

/** Reads a study folder's study.json (exit 2 if it has none). */
export function readStudyRecord(dir: string): StudyRecord {
  const path = join(dir, 'study.json');
  if (!existsSync(path))
    throw new InputError(dir, [{ path: '', message: 'not a study folder (no study.json)' }]);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StudyRecord;
  } catch (e) {
    throw new InputError(path, [{ path: '', message: `not valid JSON (${(e as Error).message})` }]);
  }
}

/**
 * Merges a study folder: checks that every run is journalled exactly once (in any shard's journal) and that every
 * part a journal names is there, then writes runs.parquet and runs.csv (one row per run, in run order) and, for
 * sobol and morris designs, sensitivity.csv. Parts no journal names (left by a stopped study) are removed.
 */
export function mergeStudy(dir: string, record: StudyRecord): MergeResult {
  const folder = new StudyFolder(dir);
  const entries = folder.entries();
  const byRun: (RunRow | undefined)[] = new Array(record.runs);
  const duplicates: number[] = [];
  const parts = new Set<string>();
  for (const entry of entries) {
    if (entry.part) parts.add(entry.part);
    for (const run of entry.runs) {
      if (byRun[run.k]) duplicates.push(run.k);
      byRun[run.k] = run;
    }
  }
  const plan = recordPlan(record);
  const describe = (k: number) => {
    const r = plannedRun(plan, k);
    return `run ${k} (point ${r.point}, ${record.policies[r.policy].name}, seed ${r.seed})`;
  };
  const missing: number[] = [];
  for (let k = 0; k < record.runs; k++) if (!byRun[k]) missing.push(k);
  const problems = [];
  if (missing.length) {
    const unfinished = folderShards(folder, record).shards.filter((s) => s.state !== 'done');
    const shards = unfinished.map((s) => `${s.index}/${s.count} (${s.runs - s.done} of ${s.runs})`);
    const where = unfinished.length
      ? ` in ${unfinished.length === 1 ? 'shard' : `${unfinished.length} shards`} ${shards.slice(0, 10).join(', ')}${shards.length > 10 ? ', …' : ''}`
      : '';
    const hint = unfinished.length
      ? `run ${unfinished.length === 1 ? 'it' : 'them'}, each resumes where it stopped; mimo study status ${dir} prints the commands`
      : 'run the study or the shards that hold them: run k is in shard I/N with I = k mod N + 1';
    problems.push({
      path: 'runs',
      message: `${missing.length} of ${record.runs} runs missing${where}: ${missing.slice(0, 5).map(describe).join(', ')}${missing.length > 5 ? ', …' : ''} (${hint})`,
    });
  }
  if (duplicates.length) {
    problems.push({
      path: 'runs',
      message: `${duplicates.length} runs recorded more than once: ${duplicates.slice(0, 5).map(describe).join(', ')} (the same shard run twice into this folder?)`,
    });
  }
  for (const part of parts) {
    if (!existsSync(join(dir, part)))
      problems.push({ path: part, message: 'a journalled series part is missing' });
  }
  if (problems.length) throw new InputError(dir, problems);
  for (const name of readdirSync(join(dir, SERIES))) {
    if (!parts.has(`${SERIES}/${name}`)) rmSync(join(dir, SERIES, name), { force: true });
  }

  const rows = byRun as RunRow[];
  const provenance = studyProvenance(record);
  const files = [join(dir, 'runs.csv'), join(dir, 'runs.parquet')];
  writeDurably(files[0], runsCsv(record, rows));
  writeDurably(files[1], parquetBytes(runsColumns(record, rows), provenance));

  const design = record.design ? designPoints(record.design as DesignSpec, record.factors as Factor[]) : null;
  const sensitivity: { policy: string | null; rows: SensitivityRow[] }[] = [];
  const columns = design ? sensitivityColumns(design) : [];
  if (design && columns.length) {
    const R = record.seeds.length;
    const P = record.policies.length;
    record.policies.forEach((policy, p) => {
      const out: SensitivityRow[] = [];
      record.metrics.forEach((metric, m) => {
        const values = new Float64Array(design.count * R);
        for (let point = 0; point < design.count; point++) {
          for (let s = 0; s < R; s++) values[point * R + s] = rows[(point * P + p) * R + s].final[m];
        }
        out.push(...sensitivityOf(design, metric, values, R));
      });
      sensitivity.push({ policy: P > 1 ? policy.name : null, rows: out });
    });
    const header = [...(P > 1 ? ['policy'] : []), 'metric', 'factor', ...columns].join(',');
    const lines = sensitivity.flatMap(({ policy, rows: rs }) =>
      rs.map((r) =>
        [
          ...(policy === null ? [] : [csvCell(policy)]),
          csvCell(r.metric),
          csvCell(r.factor),
          ...columns.map((c) => formatNumber(r.values[c])),
        ].join(','),
      ),
    );
    const path = join(dir, 'sensitivity.csv');
    writeDurably(path, [header, ...lines].join('\n') + '\n');
    files.push(path);
  }
  return { runs: rows.length, files, sensitivity, rankBy: design ? rankingKey(design) : null };
}

/** Provenance in every Parquet file's metadata. */
export function studyProvenance(
  record: Pick<StudyRecord, 'name' | 'hash' | 'engineVersion'>,
): Record<string, string> {
  return {
    'mimo.study': record.name,
    'mimo.study_hash': record.hash,
    'mimo.engine_version': record.engineVersion,
  };
}

/** points.csv: one row per design point, its factor values. */
export function pointsCsv(record: StudyRecord): string {
  const paths = record.factors.map((f) => f.path);
  const lines = [['point', ...paths].join(',')];
  record.points.forEach((values, p) =>
    lines.push([String(p), ...paths.map((path) => csvCell(values[path]))].join(',')),
  );
  return lines.join('\n') + '\n';
}

function runsHeader(record: StudyRecord): string[] {
  return [
    'point',
    ...(record.policies.length > 1 ? ['policy'] : []),
    'seed',
    'fingerprint',
    ...record.factors.map((f) => f.path),
    ...record.metrics.flatMap((m) => [m, `${m}_mean`]),
  ];
}

function runsCsv(record: StudyRecord, rows: readonly RunRow[]): string {
  const several = record.policies.length > 1;
  const lines = [runsHeader(record).map(csvCell).join(',')];
  for (const r of rows) {
    const values = record.points[r.point];
    lines.push(
      [
        String(r.point),
        ...(several ? [csvCell(record.policies[r.policy].name)] : []),
        String(r.seed),
        r.fingerprint,
        ...record.factors.map((f) => csvCell(values[f.path])),
        ...record.metrics.flatMap((_, m) => [formatNumber(r.final[m]), formatNumber(r.mean[m])]),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

function runsColumns(record: StudyRecord, rows: readonly RunRow[]): ParquetColumn[] {
  const n = rows.length;
  const columns: ParquetColumn[] = [
    { name: 'point', type: 'INT32', data: Int32Array.from(rows, (r) => r.point) },
  ];
  if (record.policies.length > 1) {
    columns.push({ name: 'policy', type: 'STRING', data: rows.map((r) => record.policies[r.policy].name) });
  }
  columns.push({ name: 'seed', type: 'INT64', data: BigInt64Array.from(rows, (r) => BigInt(r.seed)) });
  columns.push({ name: 'fingerprint', type: 'STRING', data: rows.map((r) => r.fingerprint) });
  for (const f of record.factors) {
    const values = rows.map((r) => record.points[r.point][f.path]);
    if (values.every((v) => typeof v === 'number')) {
      columns.push({ name: f.path, type: 'DOUBLE', data: Float64Array.from(values as number[]) });
    } else {
      columns.push({
        name: f.path,
        type: 'STRING',
        data: values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      });
    }
  }
  record.metrics.forEach((m, i) => {
    const final = new Float64Array(n);
    const mean = new Float64Array(n);
    rows.forEach((r, j) => {
      final[j] = r.final[i];
      mean[j] = r.mean[i];
    });
    columns.push({ name: m, type: 'DOUBLE', data: final }, { name: `${m}_mean`, type: 'DOUBLE', data: mean });
  });
  return columns;
}
