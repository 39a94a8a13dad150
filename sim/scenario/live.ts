import { z } from 'zod';

/**
 * Live params: the params a timeline event (or the lab, between ticks) may change during a run. A model marks
 * them in its params schema itself, so validation, the JSON Schema (`"live": true`, which the lab's controls
 * read) and the model agree by construction. Marking an object marks the whole section.
 */
export function live<T extends z.ZodType>(schema: T): T {
  return schema.meta({ live: true }) as T;
}

const cache = new WeakMap<z.ZodType, readonly string[]>();

/** The dotted paths marked live in a params schema (a marked section is one path), in schema order. */
export function livePaths(schema: z.ZodType): readonly string[] {
  let paths = cache.get(schema);
  if (!paths) {
    const found: string[] = [];
    collect(schema, '', found);
    cache.set(schema, (paths = found));
  }
  return paths;
}

/** Whether `path` is, or lies inside, one of the live `paths`. */
export function isLivePath(paths: readonly string[], path: string): boolean {
  return paths.some((l) => path === l || path.startsWith(`${l}.`));
}

function isMarked(schema: z.ZodType): boolean {
  return z.globalRegistry.get(schema)?.live === true;
}

function collect(schema: z.ZodType, path: string, out: string[]): void {
  // Wrappers (defaults, optionals, refinements) may carry the mark themselves, or pass it on from inside.
  for (let s: z.ZodType | undefined = schema; s; s = inner(s)) {
    if (path && isMarked(s)) {
      out.push(path);
      return;
    }
    const def = s._zod.def as { type: string; shape?: Record<string, z.ZodType> };
    if (def.type === 'object' && def.shape) {
      for (const [key, field] of Object.entries(def.shape))
        collect(field, path ? `${path}.${key}` : key, out);
      return;
    }
  }
}

/** The schema a wrapper wraps, or undefined for a leaf, an object or a list. */
function inner(schema: z.ZodType): z.ZodType | undefined {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
  if (def.type === 'pipe') return def.in;
  return def.innerType;
}
