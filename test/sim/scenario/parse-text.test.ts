import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../sim/scenario/limits.js';
import { parseScenarioText, parseValueText } from '../../../sim/scenario/parse-text.js';
import { InputError } from '../../../sim/scenario/problems.js';

/** The problem lines of a text that is refused (fails the test if it is read). */
function refused(text: string): string[] {
  try {
    parseScenarioText(text, 'f.yaml');
  } catch (e) {
    if (e instanceof InputError) return e.message.split('\n');
    throw e;
  }
  throw new Error(`read: ${text.slice(0, 80)}`);
}

describe('scenario text: plain YAML or JSON data only, one line per problem', () => {
  it('reads YAML and JSON', () => {
    expect(parseScenarioText('name: a\nticks: 3\n', 'f')).toEqual({ name: 'a', ticks: 3 });
    expect(parseScenarioText('{"name": "a", "params": {"x": [1, 2]}}', 'f')).toEqual({
      name: 'a',
      params: { x: [1, 2] },
    });
  });

  it('refuses tags such as !!js/function in one line, with no YAML warning printed', () => {
    const lines = refused('name: a\nparams:\n  f: !!js/function "function () {}"\n');
    expect(lines).toEqual([
      'f.yaml: line 3, column 20: the tag !!js/function is not plain YAML data (only plain YAML and JSON are read)',
    ]);
    expect(refused('a: !!binary aGVsbG8=\n')[0]).toMatch(/line 1, column 13: the tag !!binary /);
    expect(refused('a: !custom 1\n')[0]).toMatch(/the tag !custom/);
  });

  it('refuses the keys __proto__, constructor and prototype at any depth, with their line', () => {
    expect(refused('params:\n  __proto__: {x: 1}\n')).toEqual([
      'f.yaml: line 2, column 3: "__proto__" is not a field name',
    ]);
    expect(refused('{"a": {"constructor": 1}}')[0]).toMatch(/"constructor" is not a field name/);
    expect(refused('timeline:\n  - set: {prototype: 2}\n')[0]).toMatch(/line 2.*"prototype"/);
  });

  it('refuses an alias bomb (aliases of aliases) at once', () => {
    let bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    for (const [name, prev] of ['ba', 'cb', 'dc', 'ed', 'fe', 'gf', 'hg', 'ih']) {
      bomb += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    }
    expect(refused(bomb)).toEqual([
      `f.yaml: too many aliases (*name) in one file (at most ${LIMITS.yamlAliases})`,
    ]);
    expect(parseScenarioText('a: &a [1]\nb: *a\n', 'f')).toEqual({ a: [1], b: [1] });
  });

  it('refuses keys that are lists or mappings, duplicate keys, and syntax errors, with their line', () => {
    expect(refused('? [1, 2]\n: 3\n')[0]).toMatch(/line 1, column 3: a key must be a plain name/);
    expect(refused('a: 1\na: 2\n')[0]).toMatch(
      /line 2, column 1: not valid YAML or JSON: Map keys must be unique/,
    );
    expect(refused('name: [unclosed\n')[0]).toMatch(/^f\.yaml: line \d+, column \d+: not valid YAML/);
  });

  it('refuses a text over the size limit without parsing it', () => {
    const big = 'a: ' + 'x'.repeat(LIMITS.scenarioFileBytes) + '\n';
    expect(refused(big)).toEqual([
      `f.yaml: larger than ${LIMITS.scenarioFileBytes} bytes, the limit for a scenario file`,
    ]);
  });

  it('refuses nesting too deep to read instead of overflowing the stack', () => {
    const lines = refused('['.repeat(200_000) + ']'.repeat(200_000));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^f\.yaml: /);
  });
});

describe('a --set value', () => {
  it('is read as YAML, or as a string when it is not valid YAML', () => {
    expect(parseValueText('500', '--set x')).toBe(500);
    expect(parseValueText('[1, 2]', '--set x')).toEqual([1, 2]);
    expect(parseValueText('a: b: c', '--set x')).toBe('a: b: c');
  });

  it('follows the rules of scenario files otherwise', () => {
    expect(() => parseValueText('!!js/function x', '--set params.f')).toThrow(/^--set params\.f: .*tag/);
    expect(() => parseValueText('{__proto__: 1}', '--set params.f')).toThrow(
      /"__proto__" is not a field name/,
    );
  });
});
