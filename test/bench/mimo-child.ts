/**
 * One measured `mimo` run in its own process (so peak memory is the run's own): prints JSON with the set-up and
 * run seconds (wall clock, and the process's CPU time, which other jobs on a loaded machine inflate far less),
 * the peak resident set and the run's fingerprint (a refactor must leave it unchanged at every size). Used by
 * `npm run bench`; `node dist/test/bench/mimo-child.js N T`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { registry } from '../../models/index.js';
import { Run } from '../../sim/run/run.js';
import { validateScenario } from '../../sim/scenario/validate.js';

const [members, ticks] = process.argv.slice(2).map(Number);
const root = resolve(import.meta.dirname, '../../..');
const raw = parse(readFileSync(join(root, 'scenarios/baseline.yaml'), 'utf8'));
const scenario = validateScenario(raw, registry, 'baseline', [
  { path: 'params.members', value: members },
  { path: 'ticks', value: ticks },
]);
/** CPU seconds (user + system) this process has used. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const run = new Run(registry.get('mimo')!, scenario);
const t1 = performance.now();
const c1 = cpuSeconds();
run.runToEnd();
const t2 = performance.now();
const c2 = cpuSeconds();
console.log(
  JSON.stringify({
    setupSeconds: (t1 - t0) / 1000,
    runSeconds: (t2 - t1) / 1000,
    runCpuSeconds: c2 - c1,
    fingerprint: run.result().fingerprint,
    rssBefore,
    maxRss: process.resourceUsage().maxRSS * 1024,
  }),
);
