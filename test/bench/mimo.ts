import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

interface ChildResult {
  setupSeconds: number;
  runSeconds: number;
  runCpuSeconds: number;
  rssBefore: number;
  maxRss: number;
}

function measure(members: number, ticks: number): ChildResult {
  const r = spawnSync(
    process.execPath,
    [join(import.meta.dirname, 'mimo-child.js'), String(members), String(ticks)],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`mimo bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

/**
 * The `baseline` MIMO economy at 1e4, 1e5 and 1e6 members: member-ticks per second, and memory per member (peak
 * resident set above the process's own before the run). The 1e6 row runs the whole year the target is about; the
 * 1e5 row runs fewer ticks, and its last column extrapolates a year.
 */
export function benchMimo(): string[] {
  const lines = [
    'mimo baseline — member-ticks per second (one core), memory per member',
    ' members  ticks  setup s    run s  run CPU s  member-ticks/s  bytes/member  365 ticks (set-up + run)',
  ];
  for (const [members, ticks] of [
    [1e4, 365],
    [1e5, 60],
    [1e6, 365],
  ]) {
    const r = measure(members, ticks);
    const rate = (members * ticks) / r.runSeconds;
    const perMember = (r.maxRss - r.rssBefore) / members;
    const year = r.setupSeconds + (365 * r.runSeconds) / ticks;
    lines.push(
      `${String(members).padStart(8)} ${String(ticks).padStart(6)} ${r.setupSeconds.toFixed(2).padStart(8)} ${r.runSeconds.toFixed(2).padStart(8)} ${r.runCpuSeconds.toFixed(2).padStart(10)} ${(rate / 1e6).toFixed(2).padStart(13)}M ${perMember.toFixed(0).padStart(13)} ${year.toFixed(1).padStart(14)} s`,
    );
  }
  lines.push(
    'Target: 1,000,000 members x 365 ticks under 60 s (the in-process run; `mimo run` adds start-up and files).',
  );
  return lines;
}
