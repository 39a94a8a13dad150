import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { registry } from '../../models/index.js';
import { Run } from '../../sim/run/run.js';
import { validateScenario } from '../../sim/scenario/validate.js';
import { plainBoltzmann } from './plain-boltzmann.js';
import { bestOfEach, millions } from './timing.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * kinetic-exchange (sweep, unit, initialWealth 1: the Mesa Boltzmann wealth model) at N = 1e3 … 1e6 agents, the same
 * agent-steps each (6e7: the target case is 1e6 agents × 60 ticks):
 * agent-steps per second of the plain loop, of the engine in-process (run + metrics + fingerprint every tick),
 * and of a whole `mimo run` process (start-up, validation, CSV and summary included).
 */
export async function benchKineticExchange(steps = 6e7): Promise<string[]> {
  const lines = [
    'kinetic-exchange (sweep, unit, initialWealth 1) — agent-steps per second, millions (best of 3, timed in turns)',
    '       N  ticks    plain   engine  ratio  process  ratio   plain+metrics  engine/that   plain+tracked',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-'));
  for (const n of [1e3, 1e4, 1e5, 1e6]) {
    const ticks = Math.max(30, Math.round(steps / n));
    const work = n * ticks;
    const params = { agents: n, initialWealth: 1, activation: 'sweep', rule: 'unit' };
    const raw = { name: `bench-${n}`, model: 'kinetic-exchange', seed: 1, ticks, params };
    const file = join(dir, `bench-${n}.json`);
    writeFileSync(file, JSON.stringify(raw));
    const best = await bestOfEach(3, {
      plain: () => void plainBoltzmann(n, ticks, 1, 1),
      measured: () => void plainBoltzmann(n, ticks, 1, 1, 'recount'),
      tracked: () => void plainBoltzmann(n, ticks, 1, 1, 'tracked'),
      engine: () => {
        const scenario = validateScenario(raw, registry);
        new Run(registry.get('kinetic-exchange')!, scenario).runToEnd();
      },
      process: () => {
        const r = spawnSync(process.execPath, [
          join(ROOT, 'bin/mimo.js'),
          'run',
          file,
          '--out',
          join(dir, 'out'),
          '--quiet',
        ]);
        if (r.status !== 0) throw new Error(`mimo run failed: ${r.stderr}`);
      },
    });
    const [plain, measured, tracked, engine, process_] = [
      best.plain,
      best.measured,
      best.tracked,
      best.engine,
      best.process,
    ].map((seconds) => work / seconds);
    lines.push(
      `${String(n).padStart(8)} ${String(ticks).padStart(6)}  ${millions(plain)}  ${millions(engine)}  ${(engine / plain).toFixed(2).padStart(5)}  ${millions(process_)}  ${(process_ / plain).toFixed(2).padStart(5)}        ${millions(measured)}  ${(engine / measured).toFixed(2).padStart(11)}         ${millions(tracked)}`,
    );
  }
  lines.push(
    'plain: one hand-written loop on an Int32Array, no ledger checks, no metrics (test/bench/plain-boltzmann.ts);',
    '  the ratios are against it. plain+metrics: the same loop computing the same 8 statistics per tick by hand',
    '  from a count of the wealth at the end of the tick; plain+tracked: the same from a histogram kept up to date',
    '  by every transfer instead (four dependent read-modify-writes per transfer into a few hot buckets).',
  );
  lines.push(
    'engine: ledger book (int32 storage here; limit- and overflow-checked transfers), 8 metrics, invariants and SHA-256 fingerprint every tick.',
  );
  return lines;
}
