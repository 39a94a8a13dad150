import { LIMITS } from './limits.js';
import { FORBIDDEN_KEYS } from './paths.js';
import type { Problem } from './problems.js';

/**
 * Problems of a parsed scenario as plain data, before any schema sees it: keys that reach into JavaScript objects
 * (`__proto__`, `constructor`, `prototype`), nesting deeper than `LIMITS.yamlDepth`, texts longer than their limit.
 * Walks without recursion, so no input can overflow the stack; stops after 20 problems.
 */
export function documentProblems(raw: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value: raw, path: [] }];
  while (stack.length && problems.length < 20) {
    const { value, path } = stack.pop()!;
    const where = path.join('.');
    if (typeof value === 'string') {
      const limit = where === 'description' ? LIMITS.descriptionLength : LIMITS.textLength;
      if (value.length > limit)
        problems.push({ path: where, message: `longer than ${limit} characters (got ${value.length})` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= LIMITS.yamlDepth) {
      problems.push({ path: where, message: `nested deeper than ${LIMITS.yamlDepth} levels` });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ path: [...path, key].join('.'), message: `"${key}" is not a field name` });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
