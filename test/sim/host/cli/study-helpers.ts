import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ROOT } from './cli-helpers.js';

/** The Ishigami scenario of the study tests (with a little noise so that seeds matter), in `dir`. */
export function writeIshigami(dir: string, ticks = 3): string {
  const path = join(dir, 'ishigami.yaml');
  writeFileSync(
    path,
    `name: ishigami\nmodel: ishigami\nticks: ${ticks}\nparams: { x1: 1, x2: 2, x3: 3, noise: 0.2 }\n`,
  );
  return path;
}

/** A study file in `dir` (its text after the name line). */
export function writeStudy(dir: string, body: string, file = 'study.yaml'): string {
  const path = join(dir, file);
  writeFileSync(path, body);
  return path;
}

/** CSV text as rows of cells (no quoted commas in these tests). */
export function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

/** Rows of a DuckDB query, as plain JS values. */
export async function duckdb(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Starts `mimo study …` and SIGKILLs it after `ms` (or lets it end); resolves with its exit code or signal. */
export function studyKilledAfter(args: string[], ms: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/mimo.js'), 'study', ...args, '--quiet'], {
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? String(code));
    });
  });
}
