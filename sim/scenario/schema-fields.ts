import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
}

function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips default/optional/nullable/pipe wrappers to reach the schema that gives the value its shape. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const d = def(s);
    if (d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

/** The schema at a path inside a schema (object fields and array elements), or null. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | null {
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    if (!s) return null;
    const d = def(unwrap(s));
    if (d.type === 'object' && d.shape) s = d.shape[String(key)];
    else if (d.type === 'array' && d.element) s = d.element;
    else return null;
  }
  return s ?? null;
}

/** The field names an object schema at `path` allows (empty where it is not an object). */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(schema, path);
  if (!s) return [];
  const d = def(unwrap(s));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}
