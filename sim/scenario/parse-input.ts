import type { z } from 'zod';
import { InputError, problemsFromZod, type Problem } from './problems.js';
import { fieldsAt } from './schema-fields.js';

/**
 * `input` parsed by `schema` (defaults filled in), or an InputError from `source` naming every problem (see
 * `checkInput`).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  source: string,
  prefix = '',
): z.output<S> {
  const checked = checkInput(schema, input, prefix);
  if (checked.problems.length) throw new InputError(source, checked.problems);
  return checked.value as z.output<S>;
}

/**
 * `input` parsed by `schema`, or undefined with every problem: paths under `prefix`, and for an unknown key the
 * fields `schema` allows there. For a caller that gathers the problems of several checks before it reports them.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix = '',
): { value: z.output<S> | undefined; problems: Problem[] } {
  const result = schema.safeParse(input);
  if (result.success) return { value: result.data, problems: [] };
  return {
    value: undefined,
    problems: problemsFromZod(result.error, input, prefix, (p) => fieldsAt(schema, p)),
  };
}
