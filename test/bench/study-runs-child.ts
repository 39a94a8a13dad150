/**
 * Runs `R` `baseline` runs of `N` members × 365 ticks one after another in this process, seeds `S` … `S + R − 1`,
 * with no study runner, no files and no messages: what a study's worker does, minus everything around it. Two of
 * these side by side, against one doing all the runs, give the ceiling of parallel efficiency on this machine
 * (`npm run bench`). It says `ready` once loaded and starts on a line on stdin, so that the parent times the runs
 * alone, started together. `node dist/test/bench/study-runs-child.js N R S`.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { registry } from '../../models/index.js';
import { Run } from '../../sim/run/run.js';
import { validateScenario } from '../../sim/scenario/validate.js';

const [members, runs, firstSeed] = process.argv.slice(2).map(Number);
const root = resolve(import.meta.dirname, '../../..');
const raw = parse(readFileSync(join(root, 'scenarios/baseline.yaml'), 'utf8')) as Record<string, unknown>;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) if (line === 'go') break;
for (let k = 0; k < runs; k++) {
  const scenario = validateScenario({ ...raw, seed: firstSeed + k }, registry, 'baseline', [
    { path: 'params.members', value: members },
  ]);
  const run = new Run(registry.get('mimo')!, scenario);
  run.runToEnd();
  run.result();
}
