import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { indexRanges } from '../../study/shard-progress.js';
import { slurmDir } from '../../study/slurm/job-scripts.js';
import { StudyFolder } from '../node/study-folder.js';
import { readStudyRecord } from '../node/study-merge.js';
import { folderShards } from '../node/study-shards.js';
import { parseCommandLine, type CommandSpec } from './arguments.js';

export const STATUS_USAGE = 'mimo study status DIR';

const STATUS_HELP = `usage: ${STATUS_USAGE}

Reads a study's folder and lists each shard of it (from its journals, journal-IofN.jsonl): done (every run
finished), partial (some: the shard stopped, or is still running) or missing (none yet), with its runs. For the
unfinished shards it prints the command that runs them again, each resuming where it stopped: the sbatch line
when the folder was prepared by mimo study slurm, else the mimo study --shard commands. Writes nothing.`;

const STATUS_SPEC: CommandSpec = {
  name: 'mimo study status',
  usage: STATUS_USAGE,
  options: {},
  positionals: { min: 1, max: 1, what: 'study folder' },
};

/** At most this many `mimo study --shard` commands are printed. */
const COMMANDS = 10;

/** `mimo study status DIR`: each shard's progress and the commands that finish the study. */
export function statusCommand(argv: string[]): number {
  const line = parseCommandLine(argv, STATUS_SPEC);
  if (line === 'help') {
    process.stdout.write(STATUS_HELP + '\n');
    return 0;
  }
  const dir = resolve(line.positionals[0]);
  const record = readStudyRecord(dir);
  const { counts, shards, done } = folderShards(new StudyFolder(dir), record);
  const out = [`study ${record.name}: ${done} of ${record.runs} runs done (${dir})`];
  if (counts.length === 0) out.push('no shard has started yet (no journal in the folder)');
  else if (counts.length > 1)
    out.push(`journals of several shardings (${counts.join(', ')} shards): merge reads them all`);
  const width = String(Math.max(1, ...shards.map((s) => s.runs))).length;
  for (const s of shards) {
    const label = `${s.index}/${s.count}`.padEnd(2 * String(s.count).length + 1);
    out.push(`  shard ${label}  ${s.state.padEnd(7)}  ${String(s.done).padStart(width)} of ${s.runs} runs`);
  }
  const unfinished = shards.filter((s) => s.state !== 'done');
  if (done === record.runs) {
    out.push(`every run is done: mimo study merge ${dir} writes the tables (if it has not yet)`);
  } else if (unfinished.length) {
    const script = join(slurmDir(dir), 'study.sbatch');
    const slurm = existsSync(script);
    const shards = `${unfinished.length} ${unfinished.length === 1 ? 'shard' : 'shards'} unfinished`;
    out.push(
      `${shards}: ${slurm ? 'resubmit' : 'run'} ${unfinished.length === 1 ? 'it' : 'them'} (each resumes where it stopped; a partial shard may still be running${slurm ? ': check squeue first' : ''}):`,
    );
    if (slurm) out.push(`  sbatch --array=${indexRanges(unfinished.map((s) => s.index))} ${script}`);
    else {
      for (const s of unfinished.slice(0, COMMANDS))
        out.push(`  mimo study ${record.file} --out ${dir} --shard ${s.index}/${s.count}`);
      if (unfinished.length > COMMANDS) out.push(`  … and ${unfinished.length - COMMANDS} more`);
    }
    out.push(`then: mimo study merge ${dir}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
