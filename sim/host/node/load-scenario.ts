import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { ModelRegistry } from '../../model.js';
import { LIMITS } from '../../scenario/limits.js';
import { InputError } from '../../scenario/problems.js';
import type { Scenario } from '../../scenario/scenario.js';
import { parseScenarioText, validateScenario, type Override } from '../../scenario/validate.js';

/** Reads, parses and validates a scenario file; every failure is an InputError naming the file. */
export function loadScenario(
  file: string,
  registry: ModelRegistry,
  overrides: readonly Override[] = [],
): Scenario {
  return validateScenario(parseScenarioText(readScenarioFile(file), file), registry, file, overrides);
}

/**
 * A scenario file's text. Refused as bad input: a missing or unreadable file, a folder or device, a file larger
 * than `LIMITS.scenarioFileBytes` (never read beyond that), text that is not UTF-8.
 */
export function readScenarioFile(file: string): string {
  const fail = (message: string): never => {
    throw new InputError(file, [{ path: '', message }]);
  };
  let fd: number;
  try {
    // Non-blocking: opening a named pipe must not wait for a writer (it is then refused as not a file).
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`);
  }
  try {
    if (!fstatSync(fd).isFile()) fail('not a file');
    // Read at most one byte past the limit: the size a stat reports can change, and /proc files report 0.
    const buffer = Buffer.alloc(LIMITS.scenarioFileBytes + 1);
    let size = 0;
    for (let n = -1; n !== 0 && size < buffer.length; size += n)
      n = readSync(fd, buffer, size, buffer.length - size, null);
    if (size > LIMITS.scenarioFileBytes)
      fail(`larger than ${LIMITS.scenarioFileBytes} bytes, the limit for a scenario file`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, size));
    } catch {
      return fail('not UTF-8 text');
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    return fail(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    closeSync(fd);
  }
}
