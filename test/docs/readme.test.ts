import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registry } from '../../models/index.js';
import { LIMITS } from '../../sim/scenario/limits.js';
import { fieldsAt } from '../../sim/scenario/schema-fields.js';

const ROOT = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README stays true', () => {
  it('has a quick start of exactly two commands: install and run, then npm test', () => {
    const block = readme.split('## Quick start')[1].split('```sh')[1].split('```')[0].trim().split('\n');
    expect(block).toHaveLength(2);
    expect(block[0]).toMatch(/^npm ci && npx mimo run scenarios\/[\w-]+\.yaml$/);
    expect(block[1]).toBe('npm test');
    const scenario = block[0].split(' ').pop()!;
    expect(readdirSync(join(ROOT, 'scenarios'))).toContain(scenario.split('/')[1]);
  });

  for (const model of registry.values()) {
    it(`documents every param and metric of ${model.name}`, () => {
      const section = readme.split(`### \`${model.name}\``)[1];
      expect(section, `README has no section for ${model.name}`).toBeDefined();
      const params = fieldsAt(model.params, []);
      for (const p of params) expect(section, `param ${p}`).toContain(`\`${p}\``);
      const metrics = model.metrics(model.params.parse({}));
      for (const m of metrics) expect(section, `metric ${m.name}`).toContain(`\`${m.name}\``);
    });
  }

  it('has a section under Models for every registered model, and for no other', () => {
    const models = readme.split('\n## Models\n')[1].split('\n## ')[0];
    const sections = [...models.matchAll(/^### `([^`]+)`/gm)].map((m) => m[1]);
    expect(sections.sort()).toEqual([...registry.keys()].sort());
  });

  it('lists every shipped scenario, with its model, in the shipped-scenarios table, and no other', () => {
    const table = readme.split('### Shipped scenarios')[1].split('\n#')[0];
    const listed = new Map<string, string>();
    for (const row of table.split('\n').filter((l) => l.startsWith('| `'))) {
      const [files, model] = row.split('|').slice(1, 3);
      for (const [, file] of files.matchAll(/`([^`]+)`/g)) listed.set(file, model.trim());
    }
    const shipped = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    for (const f of shipped) {
      const { model } = parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8')) as { model: string };
      expect(listed.get(f), `${f} in the table, with model ${model}`).toBe(model);
    }
    expect([...listed.keys()].sort()).toEqual(shipped.sort());
  });
});

describe('models/README.md stays true', () => {
  const text = readFileSync(join(ROOT, 'models/README.md'), 'utf8');

  it('lists every folder of models/, and no other', () => {
    const listed = [...text.matchAll(/^\| `([\w-]+)\/` \|/gm)].map((m) => m[1]);
    const folders = readdirSync(join(ROOT, 'models'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(listed.sort()).toEqual(folders.sort());
  });

  it('names files that exist in its checklist (placeholders like <name> aside)', () => {
    const paths = [...text.matchAll(/`((?:models|scenarios|sim|test|viz)\/[\w./-]+|README\.md)`/g)].map(
      (m) => m[1],
    );
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });

  it('states every limit of sim/scenario/limits.ts in "Limits and guarantees"', () => {
    const section = readme.split('### Limits and guarantees')[1].split('\n### ')[0];
    for (const [name, value] of Object.entries(LIMITS))
      expect(section, `${name} = ${value}`).toContain(value.toLocaleString('en-US'));
  });
});
