import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ModelRegistry } from '../../model.js';
import { InputError } from '../../scenario/problems.js';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import { studyJsonSchema } from '../../study/json-schema.js';
import { loadScenario } from '../node/load-scenario.js';
import { parseCommandLine, type CommandSpec } from './arguments.js';
import { packageRoot } from './package-info.js';
import { UsageError } from './usage-error.js';

const VALIDATE_SPEC: CommandSpec = {
  name: 'mimo validate',
  usage: 'mimo validate <scenario...>     check files; one line per problem',
  options: {},
  positionals: { min: 1, max: Infinity, what: 'scenario file' },
};
const LIST_SPEC: CommandSpec = {
  name: 'mimo list',
  usage: 'mimo list                       models and shipped scenarios, with descriptions',
  options: {},
  positionals: { min: 0, max: 0, what: 'argument' },
};
const SCHEMA_SPEC: CommandSpec = {
  name: 'mimo schema',
  usage: 'mimo schema [study]             the JSON Schema of scenario files (or of study files)',
  options: {},
  positionals: { min: 0, max: 1, what: 'argument' },
};

/** Reads a command line that takes no flags; true when it asked for help (the usage is then printed). */
function help(argv: readonly string[], spec: CommandSpec): { help: boolean; files: string[] } {
  const line = parseCommandLine(argv, spec);
  if (line === 'help') {
    process.stdout.write(`usage: ${spec.usage}\n`);
    return { help: true, files: [] };
  }
  return { help: false, files: line.positionals };
}

/** `mimo validate <files...>`: checks each file; prints every problem; exit 2 if any file is bad. */
export function validateCommand(argv: string[], registry: ModelRegistry): number {
  const { help: asked, files } = help(argv, VALIDATE_SPEC);
  if (asked) return 0;
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
export function listCommand(argv: string[], registry: ModelRegistry): number {
  if (help(argv, LIST_SPEC).help) return 0;
  const out: string[] = ['Models:'];
  const width = Math.max(...[...registry.keys()].map((k) => k.length));
  for (const m of registry.values()) out.push(`  ${m.name.padEnd(width)}  ${m.description}`);
  out.push('', 'Scenarios (scenarios/):');
  const dir = join(packageRoot(), 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('schema.json'))
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

/** `mimo schema [study]`: the JSON Schema of scenario files, or of study files. */
export function schemaCommand(argv: string[], registry: ModelRegistry): number {
  const { help: asked, files } = help(argv, SCHEMA_SPEC);
  if (asked) return 0;
  if (files.length === 1 && files[0] !== 'study') {
    throw new UsageError(
      `mimo schema: expected no argument (got ${JSON.stringify(files[0])})\nusage: ${SCHEMA_SPEC.usage}`,
    );
  }
  const schema = files[0] === 'study' ? studyJsonSchema() : scenarioJsonSchema(registry);
  process.stdout.write(JSON.stringify(schema, null, 2) + '\n');
  return 0;
}
