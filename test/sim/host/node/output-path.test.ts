import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputPath } from '../../../../sim/host/node/output-path.js';

const temp = () => mkdtempSync(join(tmpdir(), 'mimo-out-'));

/** The message of a refused output path. */
function refusal(dir: string): string {
  try {
    checkOutputPath(dir, '--out');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`accepted: ${dir}`);
}

describe('checkOutputPath: every output folder problem is found before a run starts', () => {
  it('accepts a new folder, nested or not, and an empty one', () => {
    const root = temp();
    expect(checkOutputPath(join(root, 'a', 'b'), '--out')).toBe(join(root, 'a', 'b'));
    mkdirSync(join(root, 'empty'));
    expect(checkOutputPath(join(root, 'empty'), '--out')).toBe(join(root, 'empty'));
  });

  it('refuses kernel file systems, where a recursive mkdir would spin for ever', () => {
    expect(refusal('/proc/x')).toBe(
      '--out: /proc is on the proc file system (a view of the kernel), not a place for files',
    );
    expect(refusal('/proc/self/x/y')).toMatch(/proc file system/);
    expect(refusal('/sys/x')).toMatch(/sysfs file system/);
  });

  it('refuses an empty name, files and devices, and paths under them', () => {
    expect(refusal('')).toBe('--out: an empty name: give a folder, e.g. --out runs/mine');
    expect(refusal('  ')).toMatch(/an empty name/);
    expect(refusal('/dev/null')).toBe('--out: /dev/null exists and is a device, not a folder');
    expect(refusal('/dev/null/x')).toBe('--out: /dev/null is a device: no folder can be made under it');
    const file = join(temp(), 'f.txt');
    writeFileSync(file, 'x');
    expect(refusal(file)).toBe(`--out: ${file} exists and is a file, not a folder`);
    expect(refusal(join(file, 'a', 'b'))).toBe(`--out: ${file} is a file: no folder can be made under it`);
  });

  it('refuses a symbolic link to nothing', () => {
    const link = join(temp(), 'link');
    symlinkSync('/nowhere/at/all', link);
    expect(refusal(link)).toBe(
      `--out: ${link} is a symbolic link to nothing: remove it or choose another folder`,
    );
  });

  it('refuses the root, the current folder and the folders that hold it', () => {
    expect(refusal('/')).toMatch(/the root of the file system/);
    expect(refusal('.')).toMatch(/is the current folder or holds it/);
    expect(refusal('..')).toMatch(/is the current folder or holds it/);
  });
});
