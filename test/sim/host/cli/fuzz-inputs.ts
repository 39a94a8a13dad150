import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Generators of hostile input for the fuzz suite: scenario files, flags, `--set` values, formulas, output folders. */

/** Small valid scenarios of every model, the starting points of mutation. */
export const BASES: readonly Record<string, unknown>[] = [
  {
    name: 'money',
    model: 'kinetic-exchange',
    seed: 1,
    ticks: 20,
    params: { agents: 100 },
    timeline: [{ at: 10, set: { transfer: 2 } }],
  },
  { name: 'nash', model: 'bargaining', ticks: 10, params: { protocol: 'nash' } },
  { name: 'zi', model: 'zi-market', ticks: 5, params: { buyers: 10, sellers: 10 } },
  {
    name: 'mimo',
    model: 'mimo',
    ticks: 5,
    params: { members: 200, ais: { enabled: true }, dividends: { every: 5, formula: 'records' } },
  },
];

const DEEP_FORMULA = '('.repeat(60) + 'records' + ')'.repeat(60);

/** Values chosen to break things: boundaries, wrong types, paths, prototype names, long and deep text. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    -1,
    0,
    1,
    2,
    0.5,
    1000,
    2 ** 31,
    2 ** 53,
    1e308,
    -0,
    '',
    '../x',
    '/abs',
    'a/b',
    '__proto__',
    true,
    false,
    null,
    [],
    {},
    [1, 2],
    { a: 1 },
    'x'.repeat(2500),
    'records',
    'log(records, 0)',
    DEEP_FORMULA,
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const KEYS = ['__proto__', 'constructor', 'prototype', 'extra', 'agents', 'ticks', 'name', '0', '', 'a.b'];

/** Every path to a value in plain data. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.keys(value).flatMap((k) => pathsOf((value as never)[k], [...prefix, k]))];
}

/** Sets an own property (even `__proto__`) at `path`, making objects on the way. */
function setOwn(root: Record<string, unknown>, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  let node: Record<string, unknown> = root;
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    const next = last
      ? value
      : Object.hasOwn(node, key) && node[key] !== null && typeof node[key] === 'object'
        ? node[key]
        : {};
    Object.defineProperty(node, key, { value: next, enumerable: true, writable: true, configurable: true });
    node = next as Record<string, unknown>;
  });
  return root;
}

type Mutation = { kind: 'set' | 'add' | 'delete'; pick: number; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'add', 'delete'),
  pick: fc.nat(),
  key: fc.constantFrom(...KEYS),
  value: weirdValue,
});

function mutate(base: Record<string, unknown>, mutations: readonly Mutation[]): unknown {
  const doc = structuredClone(base);
  for (const m of mutations) {
    const all = pathsOf(doc);
    if (m.kind === 'add') {
      const objects = all.filter((p) => {
        const v = p.reduce<unknown>((n, k) => (n as never)[k], doc);
        return v !== null && typeof v === 'object';
      });
      setOwn(doc, [...objects[m.pick % objects.length], m.key], structuredClone(m.value));
      continue;
    }
    const paths = all.filter((p) => p.length > 0);
    const path = paths[m.pick % paths.length];
    // A copy: the generated constants ({}, [1, 2]...) are shared between cases.
    if (m.kind === 'set') setOwn(doc, path, structuredClone(m.value));
    else {
      const parent = path.slice(0, -1).reduce<unknown>((n, k) => (n as never)[k], doc);
      if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[path.at(-1)!];
    }
  }
  return doc;
}

const SNIPPETS = [
  '&a ',
  '*a',
  '!!js/function ',
  '{',
  '[',
  ': ',
  '\t',
  '%YAML 1.1\n',
  '---\n',
  '? ',
  '- ',
  '"',
];
const MORE_SNIPPETS = ["'", '\u0000', '#', '<<: *a\n', '!foo ', '\ufeff', '\r\n', '...\n'];

/** Text edits: cut the text short, or insert a YAML-special snippet. */
const textEdit = fc.record({
  kind: fc.constantFrom('truncate', 'insert'),
  at: fc.nat(),
  snippet: fc.constantFrom(...SNIPPETS, ...MORE_SNIPPETS),
});

const write = (doc: unknown, format: 'yaml' | 'json'): string =>
  format === 'json' ? (JSON.stringify(doc) ?? 'null') : stringify(doc);
const format = fc.constantFrom<'yaml' | 'json'>('yaml', 'json');
const base = fc.constantFrom(...BASES);

/**
 * A scenario file's text: a valid base; a base mutated as data (fields set to odd values, added, removed); a base
 * written and then edited as text (cut short, YAML-special snippets inserted); or any string.
 */
export const scenarioText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(base, format).map(([b, f]) => write(b, f)) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 }), format)
      .map(([b, mutations, f]) => write(mutate(b, mutations), f)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(base, format, fc.array(textEdit, { minLength: 1, maxLength: 2 }))
      .map(([b, f, edits]) => {
        let text = write(b, f);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = e.kind === 'truncate' ? text.slice(0, at) : text.slice(0, at) + e.snippet + text.slice(at);
        }
        return text;
      }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

const flagValue = fc.constantFrom(
  '1',
  '2',
  '0',
  '-3',
  '-0',
  '1e3',
  '0x10',
  '',
  'abc',
  '99999999999999999999',
  '4294967295',
  '4294967296',
  '10000001',
  '3',
  ' 5',
);

const SEGMENTS = ['params', 'agents', 'groups', '0', '5', 'name', '__proto__', 'constructor', 'prototype'];
const setPath = fc
  .array(fc.constantFrom(...SEGMENTS, 'dividends', 'formula', 'x', ''), { minLength: 1, maxLength: 4 })
  .map((a) => a.join('.'));
const setText = fc.oneof(
  fc.constantFrom('500', '1', '-1', '[1, 2]', '{__proto__: 1}', '!!js/function x', '&a [*a]', 'a: b: c', ''),
  weirdValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
);

/** `--set` flags: paths with and without `params.`, prototype segments, list indexes; values as YAML text. */
export const setFlag: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      setPath,
      setPath.map((p) => `params.${p}`),
    ),
    setText,
  )
  .map(([path, value]) => `${path}=${value}`);

/** Command-line tokens after the scenario files: known and unknown flags, good and bad values, `--set`. */
export const flagTokens: fc.Arbitrary<string[]> = fc
  .array(
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom('--seed', '--ticks', '--trace', '--seeds', '--first-seed', '--workers'),
          flagValue,
        )
        .map(([f, v]) => [f, v]),
      fc.constantFrom(
        ['--quiet'],
        ['--help'],
        ['--colour'],
        ['-x'],
        ['--'],
        ['--seed'],
        ['--ticks=3'],
        ['--quiet=1'],
        ['--format', 'jsonl'],
        ['--format', 'xml'],
        ['extra.yaml'],
      ),
      setFlag.map((s) => ['--set', s]),
    ),
    { maxLength: 4 },
  )
  .map((groups) => groups.flat());

/** Formulas: tokens of the language and of what it refuses, joined at random. */
export const formula: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(
      fc.constantFrom(
        'records',
        'tenure',
        'count',
        'sum(',
        'max(',
        'log(',
        'count(',
        '(',
        ')',
        '+',
        '-',
        '*',
        '/',
        '^',
        '?',
        ':',
        ',',
        '1',
        '0',
        '2.5',
        'and',
        'not',
        '.',
        '[',
        ']',
        '"',
        'import(',
        '×',
        ' ',
        '==',
        'mod',
      ),
      { maxLength: 40 },
    )
    .map((t) => t.join(' ')),
  fc.nat({ max: 400 }).map((n) => '('.repeat(n) + 'records' + ')'.repeat(n)),
  fc.tuple(fc.constantFrom('+', '^', ' and ', '-', '?1:'), fc.nat({ max: 1200 })).map(([op, n]) =>
    Array(n + 1)
      .fill('1')
      .join(op),
  ),
  fc.string({ maxLength: 60 }),
);

/** Output folders in a fresh root: new, previous output, foreign, file, under a file, kernel, empty name... */
export const OUT_KINDS = [
  'new',
  'previous',
  'foreign',
  'file',
  'under-file',
  'empty-folder',
  'empty-name',
  'proc',
  'dev-null',
  'sys',
  'root',
  'too-long',
] as const;
export type OutKind = (typeof OUT_KINDS)[number];

/** Lays out `root` for an output folder of this kind and returns the path to pass as --out. */
export function outPath(root: string, kind: OutKind): string {
  writeFileSync(join(root, 'file.txt'), 'mine');
  const previous = join(root, 'previous');
  mkdirSync(previous, { recursive: true });
  writeFileSync(join(previous, 'summary.json'), '{"previous": true}\n');
  writeFileSync(join(previous, 'metrics.csv'), 'tick\n1\n');
  mkdirSync(join(root, 'foreign'), { recursive: true });
  writeFileSync(join(root, 'foreign', 'notes.txt'), 'mine');
  mkdirSync(join(root, 'empty-folder'), { recursive: true });
  switch (kind) {
    case 'new':
      return join(root, 'new', 'deep');
    case 'file':
      return join(root, 'file.txt');
    case 'under-file':
      return join(root, 'file.txt', 'under');
    case 'empty-name':
      return '';
    case 'proc':
      return '/proc/x';
    case 'dev-null':
      return '/dev/null';
    case 'sys':
      return '/sys/x';
    case 'root':
      return '/';
    case 'too-long':
      return join(root, 'x'.repeat(300));
    default:
      return join(root, kind);
  }
}

/** Everything under `dir` (names, kinds and file contents): equal snapshots mean nothing changed. */
export function snapshot(dir: string): string {
  if (!existsSync(dir)) return 'absent';
  const hash = createHash('sha256');
  const walk = (p: string, rel: string) => {
    const s = lstatSync(p);
    if (s.isDirectory()) {
      hash.update(`d ${rel}\n`);
      for (const name of readdirSync(p).sort()) walk(join(p, name), `${rel}/${name}`);
    } else hash.update(`f ${rel} `).update(readFileSync(p)).update('\n');
  };
  walk(dir, '.');
  return hash.digest('hex');
}
