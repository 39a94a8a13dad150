import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../scenario/problems.js';
import { shardLabel, type Shard } from '../../study/run-plan.js';
import { appendDurably, syncFolder, writeDurably } from './durable-file.js';
import { makeFolders } from './output-path.js';
import { formatNumber } from './run-writer.js';
import type { StudyRecord } from './study-record.js';

/** One finished run as journalled: its place in the study, fingerprint, and each metric's final and mean value. */
export interface RunRow {
  readonly k: number;
  readonly point: number;
  readonly policy: number;
  readonly seed: number;
  readonly fingerprint: string;
  /** In the study's metric order; NaN where the run has no such metric. */
  readonly final: number[];
  readonly mean: number[];
}

/** A journal line: the runs of one finished batch and the series part that holds their ticks (if any). */
export interface JournalEntry {
  readonly part: string | null;
  readonly runs: RunRow[];
}

export const SERIES = 'series';
const JOURNAL = /^journal-(\d+)of(\d+)\.jsonl$/;
/** What a study writes in its folder (`mimo study slurm` adds `slurm/`; `.tmp-…` are files being written). */
const STUDY_ENTRY =
  /^(study\.json|points\.csv|journal-\d+of\d+\.jsonl|runs\.(csv|parquet)|sensitivity\.csv|series|slurm|\.tmp-.*)$/;

/** Whether a folder entry is one a study writes (a folder of nothing else may become a study's). */
export function isStudyEntry(name: string): boolean {
  return STUDY_ENTRY.test(name);
}

/**
 * A study's folder: `study.json`, `points.csv`, a journal per shard (`journal-IofN.jsonl`), the series parts
 * (`series/part-IofN-….parquet`) and, after a merge, the tables. A run counts as finished only once its line is in
 * a journal, and a line is appended only after the part it names is durably in place; so a study stopped at any
 * moment loses at most the runs not yet journalled, and a part no journal names is left over from such a stop.
 */
export class StudyFolder {
  constructor(readonly dir: string) {}

  path(name: string): string {
    return join(this.dir, name);
  }

  journalPath(shard: Shard): string {
    return this.path(`journal-${shardLabel(shard)}.jsonl`);
  }

  /**
   * Makes the folder hold this study: a new folder gets study.json and points.csv; a folder of the same study is
   * kept (to resume); a folder of another study is refused unless `restart`, which empties it first.
   */
  prepare(record: StudyRecord, pointsCsv: string, restart: boolean): void {
    try {
      // One folder at a time: a recursive mkdir never returns on a kernel file system such as /proc.
      makeFolders(this.path(SERIES));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new InputError(this.dir, [
        { path: '', message: `cannot make the study's folder here (${code})` },
      ]);
    }
    const studyJson = this.path('study.json');
    if (existsSync(studyJson)) {
      let hash: unknown;
      try {
        hash = (JSON.parse(readFileSync(studyJson, 'utf8')) as { hash?: unknown }).hash;
      } catch {
        hash = undefined;
      }
      if (restart) this.empty();
      else if (hash !== record.hash) {
        throw new InputError(studyJson, [
          {
            path: 'hash',
            message: `this folder holds another study (or another version of it): use --restart to start it over, or --out for another folder (got ${String(hash)}, the study file gives ${record.hash})`,
          },
        ]);
      }
    }
    writeDurably(studyJson, JSON.stringify(record, finiteOrNull, 2) + '\n');
    writeDurably(this.path('points.csv'), pointsCsv);
  }

  /** Drops every run and table (keeps nothing of a previous study). */
  private empty(): void {
    for (const name of readdirSync(this.dir)) {
      if (
        JOURNAL.test(name) ||
        /^(runs\.(csv|parquet)|sensitivity\.csv)$/.test(name) ||
        name.startsWith('.tmp-')
      ) {
        rmSync(this.path(name), { force: true });
      }
    }
    rmSync(this.path(SERIES), { recursive: true, force: true });
    mkdirSync(this.path(SERIES), { recursive: true });
  }

  /** The shard counts N of the folder's journals (`journal-IofN.jsonl`), ascending; empty when none is there. */
  shardCounts(): number[] {
    const counts = readdirSync(this.dir).flatMap((name) => {
      const m = JOURNAL.exec(name);
      return m ? [Number(m[2])] : [];
    });
    return [...new Set(counts)].sort((a, b) => a - b);
  }

  /** Creates the journals of shards 1…N that are not there yet, empty: the folder then knows its sharding. */
  createJournals(count: number): void {
    for (let index = 1; index <= count; index++) closeSync(openSync(this.journalPath({ index, count }), 'a'));
    syncFolder(this.dir);
  }

  /** Every journal's entries (every shard's). */
  entries(): JournalEntry[] {
    return readdirSync(this.dir)
      .filter((name) => JOURNAL.test(name))
      .sort()
      .flatMap((name) => readJournal(this.path(name)));
  }

  /**
   * Opens this shard's journal for appending, after cutting a line left half-written by a stop and removing
   * this shard's parts that no journal line names; returns the finished runs and the journal's descriptor. The
   * finished runs are those of every journal in the folder, not only this shard's: a folder run in shards and then
   * as a whole (or in another number of shards) runs each run once, and the merge finds no run twice.
   */
  openJournal(shard: Shard): { finished: Set<number>; fd: number } {
    const path = this.journalPath(shard);
    const fd = openSync(path, 'a+');
    const text = readFileSync(path, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end < Buffer.byteLength(text)) ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
    const entries = this.entries();
    const finished = new Set(entries.flatMap((e) => e.runs.map((r) => r.k)));
    const named = new Set(entries.map((e) => e.part));
    const prefix = `part-${shardLabel(shard)}-`;
    for (const name of readdirSync(this.path(SERIES))) {
      // Only this shard's: other shards may be writing theirs at this moment (`.tmp-<host>-<pid>-part-IofN-…`).
      const own = name.startsWith(prefix) || (name.startsWith('.tmp-') && name.includes(`-${prefix}`));
      if (own && !named.has(`${SERIES}/${name}`)) rmSync(join(this.path(SERIES), name), { force: true });
    }
    syncFolder(this.path(SERIES));
    return { finished, fd };
  }

  append(fd: number, entry: JournalEntry): void {
    appendDurably(fd, JSON.stringify(entry, finiteOrNull));
  }

  close(fd: number): void {
    closeSync(fd);
  }
}

function readJournal(path: string): JournalEntry[] {
  const text = readFileSync(path, 'utf8');
  return parseJournal(text.slice(0, text.lastIndexOf('\n') + 1));
}

/** Complete lines only (a line is complete once its newline is written); null numbers back to NaN. */
function parseJournal(text: string): JournalEntry[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const entry = JSON.parse(line) as JournalEntry;
      for (const r of entry.runs) {
        r.final.forEach((v, i) => (r.final[i] = v ?? NaN));
        r.mean.forEach((v, i) => (r.mean[i] = v ?? NaN));
      }
      return entry;
    });
}

function finiteOrNull(_key: string, v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

/** CSV cell of a factor value: numbers as shortest round-trip text, strings quoted if needed, others as JSON. */
export function csvCell(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
