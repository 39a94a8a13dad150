import { z } from 'zod';
import { unwrap } from './schema-fields.js';

/** The numbers a number schema takes: whole or not, and its bounds (each inclusive or not, or absent). */
export interface NumberRange {
  readonly integer: boolean;
  readonly min?: { readonly value: number; readonly inclusive: boolean };
  readonly max?: { readonly value: number; readonly inclusive: boolean };
}

/** The range a schema takes, read from its JSON Schema; null where it is not a plain number schema. */
export function numberRange(schema: z.ZodType): NumberRange | null {
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(unwrap(schema), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (json.type !== 'integer' && json.type !== 'number') return null;
  // A whole-number schema is bounded by the safe integers even where the model sets no bound: not worth saying.
  const bound = (inclusive: unknown, exclusive: unknown) =>
    typeof inclusive === 'number' && Math.abs(inclusive) !== Number.MAX_SAFE_INTEGER
      ? { value: inclusive, inclusive: true }
      : typeof exclusive === 'number'
        ? { value: exclusive, inclusive: false }
        : undefined;
  return {
    integer: json.type === 'integer',
    min: bound(json.minimum, json.exclusiveMinimum),
    max: bound(json.maximum, json.exclusiveMaximum),
  };
}

/** The range in words: "whole numbers from 2 to 50000000", "numbers from 0 to below 1". */
export function describeRange(range: NumberRange): string {
  const what = range.integer ? 'whole numbers' : 'numbers';
  const from = range.min ? ` from ${range.min.inclusive ? '' : 'above '}${range.min.value}` : '';
  const to = range.max ? ` to ${range.max.inclusive ? '' : 'below '}${range.max.value}` : '';
  return `${what}${from}${to}`;
}
