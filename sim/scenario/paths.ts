/** Dotted paths into plain data: `income.mean`, `groups.0.creditLimit`. */

/** Keys that reach into JavaScript's object machinery instead of data: refused in every path and mapping. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** Why `path` cannot name a field (an empty segment, a forbidden key), or null when it can. */
export function pathProblem(path: string): string | null {
  const keys = splitPath(path);
  if (keys.length === 0 || keys.some((k) => k === ''))
    return 'not a dotted path of field names (e.g. income.mean)';
  const bad = keys.find((k) => FORBIDDEN_KEYS.has(k));
  return bad === undefined ? null : `"${bad}" is not a field name`;
}

/** The value at a path (own fields only), or undefined where the path leads nowhere. */
export function getPath(root: unknown, path: string | readonly string[]): unknown {
  let node = root;
  for (const key of typeof path === 'string' ? splitPath(path) : path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Why `path` cannot be set in `root`, or null: a forbidden key, or an index into a list that is not a whole number
 * or lies past its end (the index equal to the length adds an item).
 */
export function setPathProblem(root: unknown, path: string): string | null {
  const problem = pathProblem(path);
  if (problem) return problem;
  const keys = splitPath(path);
  let node = root;
  for (let i = 0; i < keys.length && node !== null && typeof node === 'object'; i++) {
    const key = keys[i];
    if (Array.isArray(node)) {
      const where = keys.slice(0, i).join('.') || 'the list';
      if (!/^\d+$/.test(key)) return `${where} is a list: "${key}" is not an index (0, 1, ...)`;
      if (Number(key) > node.length) {
        const items = node.length === 1 ? '1 item' : `${node.length} items`;
        return `${where} has ${items}: index ${key} is past its end (use 0 to ${node.length})`;
      }
    }
    node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return null;
}

/**
 * A deep copy of `root` with the value at `path` replaced (intermediate objects created as needed). Throws on a
 * forbidden key: callers check paths with `setPathProblem` first, this only guards against a missed check.
 */
export function withPath<T>(root: T, path: string, value: unknown): T {
  const problem = pathProblem(path);
  if (problem) throw new Error(`${path}: ${problem}`);
  const keys = splitPath(path);
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  return copy as T;
}
