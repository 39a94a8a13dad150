import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tidyLeftovers } from '../../../../sim/host/node/leftovers.js';
import { StagedFolder } from '../../../../sim/host/node/staged-folder.js';
import { InputError } from '../../../../sim/scenario/problems.js';

const temp = () => mkdtempSync(join(tmpdir(), 'mimo-staged-'));

/** Writes files through a staged folder and publishes them. */
function publish(dir: string, files: Record<string, string>): string[] {
  const folder = StagedFolder.open(dir, '--out');
  for (const [name, text] of Object.entries(files)) writeFileSync(folder.path(name), text);
  return folder.commit();
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('StagedFolder: an output folder holds one whole output', () => {
  it('publishes into a new folder, making its parents, and leaves nothing beside it', () => {
    const root = temp();
    const dir = join(root, 'a', 'b', 'seed-1');
    expect(publish(dir, { 'metrics.csv': '1\n', 'summary.json': '{}' })).toEqual([
      join(dir, 'metrics.csv'),
      join(dir, 'summary.json'),
    ]);
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['seed-1']);
  });

  it('replaces a previous output whole: none of its other files stay beside the new ones', () => {
    const dir = join(temp(), 'run');
    publish(dir, { 'metrics.jsonl': 'old', 'negotiations.jsonl': 'old', 'summary.json': '{"old":1}' });
    publish(dir, { 'metrics.csv': 'new', 'summary.json': '{"new":1}' });
    expect(readdirSync(dir).sort()).toEqual(['metrics.csv', 'summary.json']);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('{"new":1}');
    expect(readdirSync(join(dir, '..'))).toEqual(['run']);
  });

  it('aborts without a trace: the previous output untouched, no staging folder, no parent it made', () => {
    const root = temp();
    const dir = join(root, 'run');
    publish(dir, { 'summary.json': 'old' });
    const folder = StagedFolder.open(dir, '--out');
    writeFileSync(folder.path('summary.json'), 'new');
    folder.abort();
    expect(readdirSync(root)).toEqual(['run']);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('old');
    const fresh = StagedFolder.open(join(root, 'x', 'y', 'z'), '--out');
    fresh.abort();
    expect(readdirSync(root)).toEqual(['run']);
  });

  it('never replaces a folder of other files, even one that looks like an output folder', () => {
    const dir = temp();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(() => StagedFolder.open(dir, '--out')).toThrow(InputError);
    const csvOnly = temp();
    writeFileSync(join(csvOnly, 'data.csv'), 'mine');
    expect(() => StagedFolder.open(csvOnly, '--out')).toThrow(/no summary\.json or comparison\.json/);
    expect(readdirSync(csvOnly)).toEqual(['data.csv']);
    // A folder named like an output file is not an output file: never half-published over.
    const odd = temp();
    writeFileSync(join(odd, 'metrics.csv'), '');
    mkdirSync(join(odd, 'summary.json'));
    expect(() => StagedFolder.open(odd, '--out')).toThrow(
      /holds other files than a previous mimo output \(summary\.json\)/,
    );
  });

  it('keeps the new output apart when the folder got other files during the run', () => {
    const dir = join(temp(), 'run');
    publish(dir, { 'summary.json': 'old' });
    const folder = StagedFolder.open(dir, '--out');
    writeFileSync(folder.path('summary.json'), 'new');
    writeFileSync(join(dir, 'notes.txt'), 'added meanwhile');
    expect(() => folder.commit()).toThrow(
      /now holds other files \(notes\.txt\); the new output is in .*run\.mimo-\d+/,
    );
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('added meanwhile');
  });
});

describe('tidyLeftovers: what a killed process left', () => {
  it('removes staging folders of dead processes, and keeps those of live ones', () => {
    const root = temp();
    const dead = deadPid();
    mkdirSync(join(root, `.partial-run-${dead}-abc123`));
    const live = join(root, `.partial-run-${process.ppid}-abc123`);
    mkdirSync(live);
    tidyLeftovers(root);
    expect(readdirSync(root)).toEqual([`.partial-run-${process.ppid}-abc123`]);
  });

  it('puts back a previous output set aside when its place is empty, and drops it when the new one is in', () => {
    const root = temp();
    const dead = deadPid();
    const aside = join(root, `.previous-seed-1-${dead}-Xy12zz`);
    mkdirSync(aside);
    writeFileSync(join(aside, 'summary.json'), 'previous');
    mkdirSync(join(root, `.partial-seed-1-${dead}-Xy12zw`));
    tidyLeftovers(root);
    expect(readdirSync(root)).toEqual(['seed-1']);
    expect(readFileSync(join(root, 'seed-1', 'summary.json'), 'utf8')).toBe('previous');
    mkdirSync(aside);
    tidyLeftovers(root);
    expect(readdirSync(root)).toEqual(['seed-1']);
  });

  it('runs when a new output is opened beside them', () => {
    const root = temp();
    mkdirSync(join(root, `.partial-run-${deadPid()}-abc123`));
    publish(join(root, 'run'), { 'summary.json': '{}' });
    expect(readdirSync(root)).toEqual(['run']);
  });
});
