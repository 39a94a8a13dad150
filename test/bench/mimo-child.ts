/**
 * One measured `mimo` run in its own process (so peak memory is the run's own): prints JSON with the set-up and
 * run seconds and the peak resident set. Used by `npm run bench`; `node dist/test/bench/mimo-child.js N T`.
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
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const run = new Run(registry.get('mimo')!, scenario);
const t1 = performance.now();
run.runToEnd();
const t2 = performance.now();
console.log(
  JSON.stringify({
    setupSeconds: (t1 - t0) / 1000,
    runSeconds: (t2 - t1) / 1000,
    rssBefore,
    maxRss: process.resourceUsage().maxRSS * 1024,
  }),
);
