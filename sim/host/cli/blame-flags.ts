import type { Override } from '../../scenario/validate.js';
import { InputError } from '../../scenario/problems.js';

/**
 * Reads a scenario with the command line's overrides (`read`); if it is refused, each problem at (or under) a path a
 * flag set is said to come from that flag, `--set params.members: too small…`, `--ticks: …`, so the user does not
 * look for it in the file. The file stays named (a comparison has several). Any other error passes unchanged.
 */
export function blamingFlags<T>(overrides: readonly Override[], read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw blameFlags(e, overrides);
  }
}

/** The error `e` with its problems blamed on the flags that set their paths (see `blamingFlags`). */
export function blameFlags(e: unknown, overrides: readonly Override[]): unknown {
  if (!(e instanceof InputError) || overrides.length === 0) return e;
  let changed = false;
  const problems = e.problems.map((p) => {
    const o = overrides.find((x) => p.path === x.path || p.path.startsWith(`${x.path}.`));
    if (!o) return p;
    changed = true;
    const flag = o.path === 'seed' || o.path === 'ticks' ? `--${o.path}` : `--set ${p.path}`;
    return { ...p, path: flag };
  });
  return changed ? new InputError(e.source, problems) : e;
}
