import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

/** One command's flags and positionals, as its usage line shows them. */
export interface CommandSpec {
  /** e.g. `mimo run`. */
  readonly name: string;
  /** The usage text printed by `--help` and after a usage error. */
  readonly usage: string;
  readonly options: Readonly<Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>;
  /** How many positionals, and what they are (e.g. "scenario file"). */
  readonly positionals: { readonly min: number; readonly max: number; readonly what: string };
}

export interface CommandLine {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

/**
 * Reads a command's arguments, or returns 'help' for `--help`/`-h`. Refused as a usage error (exit 2), with the
 * command's usage: an unknown flag, a flag given twice (unless it may repeat), a missing value, too few or too many
 * positionals. A negative number after a flag (`--ticks -3`) is read as that flag's value, for its own check to
 * refuse clearly.
 */
export function parseCommandLine(argv: readonly string[], spec: CommandSpec): CommandLine | 'help' {
  const end = argv.indexOf('--');
  const flags = end < 0 ? argv : argv.slice(0, end);
  if (flags.includes('--help') || flags.includes('-h')) return 'help';
  const args = joinNegativeValues(argv, spec);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: spec.options,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (e) {
    throw new UsageError(`${spec.name}: ${readableParseError(e, spec)}\nusage: ${spec.usage}`);
  }
  const seen = new Map<string, number>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind !== 'option' || spec.options[t.name]?.multiple) continue;
    seen.set(t.name, (seen.get(t.name) ?? 0) + 1);
    if (seen.get(t.name) === 2)
      throw new UsageError(`${spec.name}: --${t.name} is given more than once: give it once`);
  }
  const { min, max, what } = spec.positionals;
  const n = parsed.positionals.length;
  if (n < min || n > max) {
    const expected =
      max === 0
        ? `no ${what}`
        : min === max
          ? `${min} ${what}`
          : max === Infinity
            ? `at least ${min} ${what}`
            : `${min === 0 ? 'at most' : `${min} to`} ${max} ${what}`;
    const got = n === 0 ? 'none' : parsed.positionals.map((p) => JSON.stringify(p)).join(' ');
    throw new UsageError(`${spec.name}: expected ${expected} (got ${got})\nusage: ${spec.usage}`);
  }
  return { values: parsed.values as CommandLine['values'], positionals: parsed.positionals };
}

/** `--ticks -3` as `--ticks=-3`: node's parser would take `-3` for a flag and call the value ambiguous. */
function joinNegativeValues(argv: readonly string[], spec: CommandSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : '';
    const next = argv[i + 1];
    if (spec.options[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

function readableParseError(e: unknown, spec: CommandSpec): string {
  const err = e as { code?: string; message?: string };
  const flag = /'(-[^'\s]*)/.exec(err.message ?? '')?.[1] ?? '';
  const known = Object.keys(spec.options)
    .map((o) => `--${o}`)
    .join(', ');
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag} (options: ${known || 'none'})`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "argument missing" (the flag is last) or "argument is ambiguous" (another flag follows it, as in
      // `--seed --quiet`): either way the flag named lacks its value; otherwise a boolean flag was given one.
      return /argument missing|argument is ambiguous/.test(err.message ?? '')
        ? `${flag} needs a value`
        : `${flag.replace(/=.*/, '')} takes no value`;
    default:
      return err.message ?? String(e);
  }
}
