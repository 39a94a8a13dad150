import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ModelDefinition } from '../../sim/model.js';
import { live } from '../../sim/scenario/live.js';
import { expectDefinition, expectMetricTable, expectRecordedValues } from './model-contract.js';
import { modelRun } from './run-model.js';

// The smoke test over the registry is only as good as these checks: each must refuse what it is there to refuse.

const params = z
  .object({
    value: live(
      z.enum(['one', 'infinity', 'nan']).default('one').describe('The value every metric records.'),
    ),
    section: z
      .object({ inner: z.int().default(2).describe('A nested param.') })
      .default({ inner: 2 })
      .describe('A section.'),
  })
  .strict();

/** A model recording `value` under metrics described as given. */
function constant(descriptions: readonly string[]): ModelDefinition<z.infer<typeof params>> {
  return {
    name: 'constant',
    description: 'Records one value, for testing the contract checks.',
    params,
    metrics: () => descriptions.map((description, i) => ({ name: `m_${i}`, description, unit: 'u' })),
    create: ({ params: p }) => ({
      step() {},
      observe(out) {
        out.fill({ one: 1, infinity: Infinity, nan: NaN }[p.value]);
      },
      invariants: () => null,
    }),
  };
}

const recorded = (model: ModelDefinition<z.infer<typeof params>>, value: string) => {
  const run = modelRun(
    { model: model.name, ticks: 3, params: { value } },
    {},
    new Map([[model.name, model]]),
  );
  run.runToEnd();
  return run;
};

describe('model contract checks', () => {
  it('accept a model that meets the contract', () => {
    expectDefinition(constant(['A value']));
    expectMetricTable('constant', constant(['A value']).metrics(params.parse({})));
    expectRecordedValues(recorded(constant(['A value']), 'one'));
  });

  it('refuse a param without a default or a description, even nested', () => {
    const model = constant(['A value']);
    const bare = (shape: z.ZodRawShape) => ({ ...model, params: z.object(shape).strict() }) as never;
    expect(() => expectDefinition(bare({ n: z.int().describe('A count of things.') }))).toThrow(/default/);
    expect(() =>
      expectDefinition(bare({ s: z.object({ n: z.int().default(1) }).default({ n: 1 }) })),
    ).toThrow(/param s\.n has a description/);
    expect(() =>
      expectDefinition(bare({ g: z.array(z.object({ n: z.int().default(1) })).default([]) })),
    ).toThrow(/param g\.0\.n has a description/);
  });

  it('refuse duplicate metric names, names not in snake_case, and missing units or descriptions', () => {
    const metric = (name: string, unit = 'u', description = 'What it is') => ({ name, unit, description });
    expect(() => expectMetricTable('x', [metric('a'), metric('a')])).toThrow(/unique/);
    expect(() => expectMetricTable('x', [metric('Gini')])).toThrow(/metric name/);
    expect(() => expectMetricTable('x', [metric('mean-wealth')])).toThrow(/metric name/);
    expect(() => expectMetricTable('x', [metric('a', ' ')])).toThrow(/a has a unit/);
    expect(() => expectMetricTable('x', [metric('a', 'u', '')])).toThrow(/a has a description/);
  });

  it('refuse infinite values always, and NaN unless the description says the value may be missing', () => {
    expect(() => expectRecordedValues(recorded(constant(['A value']), 'infinity'))).toThrow(
      /m_0 is infinite/,
    );
    expect(() => expectRecordedValues(recorded(constant(['A value']), 'nan'))).toThrow(
      /m_0 is NaN at tick 1/,
    );
    expectRecordedValues(recorded(constant(['A value (missing without a deal)']), 'nan'));
  });
});
