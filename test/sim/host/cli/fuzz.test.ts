import fc from 'fast-check';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../../models/index.js';
import { FormulaError } from '../../../../models/mimo/dividends/formula/formula-error.js';
import { compileFormula } from '../../../../models/mimo/dividends/formula/formula.js';
import { planCompare } from '../../../../sim/host/cli/compare-command.js';
import { planRun } from '../../../../sim/host/cli/run-command.js';
import { UsageError } from '../../../../sim/host/cli/usage-error.js';
import { StagedFolder } from '../../../../sim/host/node/staged-folder.js';
import { InputError } from '../../../../sim/scenario/problems.js';
import { parseScenarioText, validateScenario } from '../../../../sim/scenario/validate.js';
import { mimo } from './cli-helpers.js';
import {
  flagTokens,
  formula,
  OUT_KINDS,
  outPath,
  scenarioText,
  snapshot,
  type OutKind,
} from './fuzz-inputs.js';

/**
 * Property-based tests of every input the CLI reads (issue 11). The property: bad input is refused as bad input
 * (exit 2, a message, no stack trace) and leaves the output folder as it was; good input runs (exit 0); nothing is
 * ever an internal error (exit 1), a crash or a hang. The bulk runs in process (parse and check what a command
 * would run, and its output folder); a sample goes through the real binary.
 *
 * `npm test` runs a fixed seed; `npm run fuzz` (MIMO_FUZZ=long) runs many more cases from a fresh seed, which
 * fast-check prints with any counterexample, to replay with MIMO_FUZZ_SEED=<seed>.
 */
const LONG = process.env.MIMO_FUZZ === 'long';
const SEED = Number(process.env.MIMO_FUZZ_SEED ?? (LONG ? Date.now() % 2 ** 31 : 20_251_111));
const RUNS = LONG ? 3000 : 200;
const SPAWNED = LONG ? 80 : 6;
const settings = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

const temp = () => mkdtempSync(join(tmpdir(), 'mimo-fuzz-'));

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);

/**
 * Runs `work`; a refusal must be bad input with a clean message, anything else fails the property, and so does any
 * key added to Object.prototype on the way.
 */
function refusedCleanly(work: () => void): 'ok' | 'refused' {
  try {
    work();
    return 'ok';
  } catch (e) {
    if (!(e instanceof InputError || e instanceof UsageError || e instanceof FormulaError)) throw e;
    expect(e.message).not.toMatch(/\n\s+at /);
    expect(e.message.length).toBeGreaterThan(0);
    return 'refused';
  } finally {
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(PROTOTYPE_KEYS);
  }
}

const outKind = fc.constantFrom<OutKind>(...OUT_KINDS);

describe(`fuzz (seed ${SEED}): never an internal error, never a change on refusal`, () => {
  it('scenario texts: parsed and validated, or refused as bad input', () => {
    fc.assert(
      fc.property(scenarioText, (text) => {
        refusedCleanly(() => validateScenario(parseScenarioText(text, 'f.yaml'), registry, 'f.yaml'));
      }),
      settings(RUNS * 2),
    );
  });

  it('formulas: compiled, or refused with a caret at the problem', () => {
    fc.assert(
      fc.property(formula, (source) => {
        try {
          compileFormula(source);
        } catch (e) {
          if (!(e instanceof FormulaError)) throw e;
          expect(e.message.split('\n').at(-1)).toMatch(/^ *\^$/);
        }
      }),
      settings(RUNS * 2),
    );
  });

  it('mimo run command lines: planned with their output folder, or refused leaving every folder as it was', () => {
    fc.assert(
      fc.property(scenarioText, flagTokens, outKind, (text, tokens, kind) => {
        const root = temp();
        const file = join(root, 's.yaml');
        writeFileSync(file, text);
        const out = outPath(root, kind);
        const before = snapshot(root);
        refusedCleanly(() => {
          const plan = planRun([file, '--out', out, ...tokens], registry);
          if (plan !== 'help') StagedFolder.open(plan.out, plan.outLabel).abort();
        });
        expect(snapshot(root)).toBe(before);
      }),
      settings(RUNS),
    );
  });

  it('mimo compare command lines: planned, or refused before any run', () => {
    fc.assert(
      fc.property(
        fc.array(scenarioText, { minLength: 1, maxLength: 3 }),
        flagTokens,
        outKind,
        (texts, tokens, kind) => {
          const root = temp();
          const files = texts.map((text, i) => {
            const file = join(root, `s${i}.yaml`);
            writeFileSync(file, text);
            return file;
          });
          const out = outPath(root, kind);
          const before = snapshot(root);
          refusedCleanly(() => {
            const plan = planCompare([...files, '--out', out, ...tokens], registry);
            if (plan !== 'help') StagedFolder.open(plan.out, plan.outLabel).abort();
          });
          expect(snapshot(root)).toBe(before);
        },
      ),
      settings(RUNS / 2),
    );
  });

  it('the real binary: exit 0 or 2 within the time bound, no stack trace, folders unchanged on exit 2', () => {
    const command = fc.constantFrom('run', 'run', 'validate', 'compare');
    fc.assert(
      fc.property(scenarioText, flagTokens, outKind, command, (text, tokens, kind, name) => {
        const root = temp();
        const file = join(root, 's.yaml');
        writeFileSync(file, text);
        const out = outPath(root, kind);
        const before = snapshot(root);
        const args =
          name === 'validate'
            ? ['validate', file, ...tokens]
            : name === 'compare'
              ? ['compare', file, '--seeds', '2', '--workers', '2', '--out', out, ...tokens]
              : ['run', file, '--out', out, ...tokens];
        const r = mimo(args, root, { timeout: 90_000 });
        expect(r.signal, `hung: mimo ${args.join(' ')}`).toBeNull();
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        expect([0, 2], `exit ${r.code}: ${r.stderr}`).toContain(r.code);
        if (r.code === 2) expect(snapshot(root)).toBe(before);
        if (r.code === 0 && name !== 'validate' && !tokens.includes('--help') && !tokens.includes('-h'))
          expect(readdirSync(out)).toContain(name === 'run' ? 'summary.json' : 'comparison.json');
        expect(readdirSync(root).filter((f) => f.startsWith('.'))).toEqual([]);
      }),
      settings(SPAWNED),
    );
  }, 900_000);
});
