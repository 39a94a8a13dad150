import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of eslint.config.js, checked on sample imports: the engine imports no model and no scenario
// file; host entry points import the registry and nothing else of the models.
const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath: file });
  return result.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

describe('the composition root, enforced by lint', () => {
  it('refuses models and scenario files anywhere in the engine, hosts included', async () => {
    expect(
      await restricted('sim/run/x.ts', "import { registry as x } from '../../models/index.js';"),
    ).toHaveLength(1);
    expect(
      await restricted('sim/stats/x.ts', "import { mimo as x } from '../../models/mimo/model.js';"),
    ).toHaveLength(1);
    expect(
      await restricted('sim/host/worker/x.ts', "import x from '../../../scenarios/schema.json';"),
    ).toHaveLength(1);
    expect(
      await restricted('sim/host/cli/x.ts', "import { registry as x } from '../../../models/index.js';"),
    ).toHaveLength(1);
  });

  it('lets host entry points import the registry, and only the registry', async () => {
    expect(
      await restricted('sim/host/cli/entry.ts', "import { registry as x } from '../../../models/index.js';"),
    ).toEqual([]);
    expect(
      await restricted('viz/sim.worker.ts', "import { registry as x } from '../models/index.js';"),
    ).toEqual([]);
    expect(
      await restricted('viz/sim.worker.ts', "import { mimo as x } from '../models/mimo/model.js';"),
    ).toHaveLength(1);
  });

  it('lets the engine import its own parts', async () => {
    expect(
      await restricted('sim/host/worker/x.ts', "import { gini as x } from '../../stats/gini.js';"),
    ).toEqual([]);
  });
});
