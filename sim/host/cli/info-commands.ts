import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ModelRegistry } from '../../model.js';
import { InputError } from '../../scenario/problems.js';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import { studyJsonSchema } from '../../study/json-schema.js';
import { parseScenarioText, validateScenario } from '../../scenario/validate.js';
import { totalRuns } from '../../study/run-plan.js';
import { isStudyFile } from '../../study/study-file.js';
import { readScenarioFile } from '../node/load-scenario.js';
import { loadStudy } from '../node/load-study.js';
import { parseCommandLine, type CommandSpec } from './arguments.js';
import { packageRoot } from './package-info.js';
import { studySize } from './study-summary.js';
import { UsageError } from './usage-error.js';

const VALIDATE_SPEC: CommandSpec = {
  name: 'mimo validate',
  usage: 'mimo validate <file...>         check scenario and study files; one line per problem',
  options: {},
  positionals: { min: 1, max: Infinity, what: 'scenario or study file' },
};

const VALIDATE_HELP = `usage: ${VALIDATE_SPEC.usage}

Checks each file as mimo run checks a scenario, or as mimo study checks a study before it runs (the study file,
the scenarios it names, its design and every design point), without running or writing anything. A study file is
one with \`scenario\` or \`policies\` and no \`model\`; any other file is checked as a scenario. Prints
"ok FILE (scenario NAME: …)" or "ok FILE (study NAME: …)" for a good file, and one line per problem for a bad one
(FILE: path: what is wrong); exits 2 if any file is bad.`;
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

/**
 * `mimo validate <files...>`: checks each file, a scenario or a study (see `isStudyFile`), with the checks `run`
 * or `study` make before running; prints every problem; exit 2 if any file is bad.
 */
export function validateCommand(argv: string[], registry: ModelRegistry): number {
  const line = parseCommandLine(argv, VALIDATE_SPEC);
  if (line === 'help') {
    process.stdout.write(VALIDATE_HELP + '\n');
    return 0;
  }
  let bad = 0;
  for (const file of line.positionals) {
    try {
      process.stdout.write(`ok ${file} (${checkFile(file, registry)})\n`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      bad++;
      process.stderr.write(e.message + '\n');
    }
  }
  return bad ? 2 : 0;
}

/** Checks a scenario or study file; what it is, in words. */
function checkFile(file: string, registry: ModelRegistry): string {
  const raw = parseScenarioText(readScenarioFile(file), file);
  if (isStudyFile(raw)) {
    const s = loadStudy(file, registry, raw);
    const { points, policies, seeds } = s.plan;
    return `study ${s.name}: ${studySize(totalRuns(s.plan), points, policies, seeds.length)}`;
  }
  const s = validateScenario(raw, registry, file);
  return `scenario ${s.name}: model ${s.model}, ${s.ticks} ticks, seed ${s.seed}`;
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
      `mimo schema: expected no argument (the schema of scenario files) or "study" (the schema of study files) (got ${JSON.stringify(files[0])})\nusage: ${SCHEMA_SPEC.usage}`,
    );
  }
  const schema = files[0] === 'study' ? studyJsonSchema() : scenarioJsonSchema(registry);
  process.stdout.write(JSON.stringify(schema, null, 2) + '\n');
  return 0;
}
