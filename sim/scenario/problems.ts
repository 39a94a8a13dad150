import type { z } from 'zod';
import { getPath } from './paths.js';

/** One thing wrong with an input: where (dotted path) and what. */
export interface Problem {
  readonly path: string;
  readonly message: string;
  /** The file it is in, when not the error's own (e.g. a scenario that a study file names). */
  readonly source?: string;
}

/** A bad input, with every problem found, each once; hosts print one line per problem and exit 2. */
export class InputError extends Error {
  readonly problems: readonly Problem[];

  constructor(
    readonly source: string,
    problems: readonly Problem[],
  ) {
    const distinct = distinctProblems(problems);
    super(distinct.map((p) => formatProblem(source, p)).join('\n'));
    this.problems = distinct;
  }
}

/** The problems without repeats (the same file, path and message), in the order first met. */
export function distinctProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.source ?? '', p.path, p.message]);
    return !seen.has(key) && seen.add(key);
  });
}

/** One line of an InputError: `file: path: message`, the file being the problem's own if it has one. */
export function formatProblem(source: string, p: Problem): string {
  const where = p.path === '' ? '' : `${p.path}: `;
  const file = p.source ?? source;
  return file === '' ? `${where}${p.message}` : `${file}: ${where}${p.message}`;
}

/** Shows a value in an error message, shortened. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Turns zod issues into problems: `path: what is wrong (got …)`, with allowed keys for unknown ones. */
export function problemsFromZod(
  error: z.ZodError,
  input: unknown,
  prefix: string,
  allowedKeys: (path: readonly PropertyKey[]) => string[] = () => [],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const keys = issue.path.map(String);
    const path = [prefix, ...keys].filter((k) => k !== '').join('.');
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(issue.path);
      for (const key of issue.keys) {
        const hint = allowed.length ? ` (allowed: ${allowed.join(', ')})` : '';
        problems.push({ path: path === '' ? key : `${path}.${key}`, message: `unknown field${hint}` });
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // The key is what is wrong, not its value: say why, and show the key.
      const why = issue.issues.map((i) => i.message).join('; ');
      problems.push({ path, message: `${lowerFirst(why)} (got ${show(keys.at(-1))})` });
      continue;
    }
    const got = getPath(input, keys);
    const message = got === undefined && issue.code === 'invalid_type' ? 'is required' : issue.message;
    // A multi-line message (e.g. a formula with a caret under the problem) already shows the value.
    const shown = message.includes('\n') ? '' : ` (got ${show(got)})`;
    problems.push({ path, message: `${lowerFirst(message)}${shown}` });
  }
  return problems;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
