import type { ModelRegistry } from '../../model.js';
import { InputError } from '../../scenario/problems.js';
import { COMPARE_USAGE, compareCommand } from './compare-command.js';
import { listCommand, schemaCommand, validateCommand } from './info-commands.js';
import { packageVersion } from './package-info.js';
import { RUN_USAGE, runCommand } from './run-command.js';
import { STUDY_USAGE, STUDY_WORKER_COMMAND, studyCommand, studyWorkerCommand } from './study-command.js';
import { UsageError } from './usage-error.js';

const USAGE = `MIMO Lab: deterministic simulations of a two-value economy.

usage:
  ${RUN_USAGE}
  ${COMPARE_USAGE}
                                scenarios (policies) x seeds in worker processes, with 95% intervals
  ${STUDY_USAGE}
                                a study file: design points x policies x seeds in worker processes,
                                Parquet tables and series, sensitivity indices; resumes where it stopped
  mimo validate <file...>       check scenario and study files, one line per problem
  mimo list                     models and shipped scenarios
  mimo schema [study]           JSON Schema of scenario files (or of study files)
  mimo --version | --help        (and mimo <command> --help)

exit codes: 0 ok, 2 bad input (file, field or flag), 1 internal error`;

/** Runs the CLI on `argv` (without node and script); resolves to the exit code. Never throws. */
export async function main(argv: string[], registry: ModelRegistry): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest, registry);
      case 'compare':
        return await compareCommand(rest, registry);
      case 'study':
        return await studyCommand(rest, registry);
      case STUDY_WORKER_COMMAND:
        return await studyWorkerCommand(registry);
      case 'validate':
        return validateCommand(rest, registry);
      case 'list':
        return listCommand(rest, registry);
      case 'schema':
        return schemaCommand(rest, registry);
      case '--version':
      case '-v':
        process.stdout.write(packageVersion() + '\n');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"\n(see mimo --help)`);
    }
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message.startsWith('mimo ') ? '' : 'mimo: '}${e.message}\n`);
      return 2;
    }
    process.stderr.write(`mimo: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.MIMO_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    else process.stderr.write('(set MIMO_DEBUG=1 for the stack trace; please report it)\n');
    return 1;
  }
}
