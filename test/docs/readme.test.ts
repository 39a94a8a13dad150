import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../models/index.js';
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

  it('lists every shipped scenario', () => {
    for (const f of readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'))) {
      expect(readme, f).toContain(`\`${f}\``);
    }
  });
});
