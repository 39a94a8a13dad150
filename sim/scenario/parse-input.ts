import type { z } from 'zod';
import { InputError, problemsFromZod } from './problems.js';
import { fieldsAt } from './schema-fields.js';

/**
 * `input` parsed by `schema` (defaults filled in), or an InputError from `source` naming every problem: paths under
 * `prefix`, and for an unknown key the fields `schema` allows there.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  source: string,
  prefix = '',
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InputError(
      source,
      problemsFromZod(result.error, input, prefix, (p) => fieldsAt(schema, p)),
    );
  }
  return result.data;
}
