import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ModelRegistry } from '../../model.js';
import { InputError } from '../../scenario/problems.js';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import { loadScenario } from '../node/load-scenario.js';
import { packageRoot } from './package-info.js';
import { UsageError } from './usage-error.js';

/** `mimo validate <files...>`: checks each file; prints every problem; exit 2 if any file is bad. */
export function validateCommand(files: string[], registry: ModelRegistry): number {
  if (files.length === 0)
    throw new UsageError('expected at least one scenario file\nusage: mimo validate <scenario...>');
  let bad = 0;
  for (const file of files) {
    try {
      const s = loadScenario(file, registry);
      process.stdout.write(`ok ${file} (model ${s.model}, ${s.ticks} ticks, seed ${s.seed})\n`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      bad++;
      process.stderr.write(e.message + '\n');
    }
  }
  return bad ? 2 : 0;
}

/** `mimo list`: the models and the scenarios shipped in scenarios/, with their descriptions. */
export function listCommand(registry: ModelRegistry): number {
  const out: string[] = ['Models:'];
  const width = Math.max(...[...registry.keys()].map((k) => k.length));
  for (const m of registry.values()) out.push(`  ${m.name.padEnd(width)}  ${m.description}`);
  out.push('', 'Scenarios (scenarios/):');
  const dir = join(packageRoot(), 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'schema.json')
    .sort();
  for (const f of files) {
    const doc = parseYaml(readFileSync(join(dir, f), 'utf8')) as {
      model?: string;
      description?: string;
    } | null;
    out.push(`  ${f}  [${doc?.model ?? '?'}]`);
    if (doc?.description) out.push(`      ${doc.description.trim().replace(/\s+/g, ' ')}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

/** `mimo schema`: the JSON Schema of scenario files. */
export function schemaCommand(registry: ModelRegistry): number {
  process.stdout.write(JSON.stringify(scenarioJsonSchema(registry), null, 2) + '\n');
  return 0;
}
