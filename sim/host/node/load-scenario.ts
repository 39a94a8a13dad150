import { readFileSync, statSync } from 'node:fs';
import type { ModelRegistry } from '../../model.js';
import { InputError } from '../../scenario/problems.js';
import type { Scenario } from '../../scenario/scenario.js';
import { parseScenarioText, validateScenario, type Override } from '../../scenario/validate.js';

/** Reads, parses and validates a scenario file; every failure is an InputError naming the file. */
export function loadScenario(
  file: string,
  registry: ModelRegistry,
  overrides: readonly Override[] = [],
): Scenario {
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new InputError(file, [{ path: '', message: 'not a file' }]);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`;
    throw new InputError(file, [{ path: '', message }]);
  }
  return validateScenario(parseScenarioText(text, file), registry, file, overrides);
}
