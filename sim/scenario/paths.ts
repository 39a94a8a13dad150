/** Dotted paths into plain data: `income.mean`, `groups.0.creditLimit`. */

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** The value at a path, or undefined where the path leads nowhere. */
export function getPath(root: unknown, path: string | readonly string[]): unknown {
  let node = root;
  for (const key of typeof path === 'string' ? splitPath(path) : path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** True where every segment of the path but the last exists and is an object or array. */
export function hasParent(root: unknown, path: string): boolean {
  const keys = splitPath(path);
  const parent = getPath(root, keys.slice(0, -1));
  return parent !== null && typeof parent === 'object';
}

/** A deep copy of `root` with the value at `path` replaced (intermediate objects created as needed). */
export function withPath<T>(root: T, path: string, value: unknown): T {
  const keys = splitPath(path);
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  return copy as T;
}
