import { z } from 'zod';

/** The scenario file's top level; `params` is checked afterwards against the named model's own schema. */
export const scenarioFileSchema = z
  .object({
    name: z.string().min(1).describe('Short name of the scenario, shown in tables and the lab.'),
    description: z.string().default('').describe('The question this scenario answers, in a sentence or two.'),
    model: z.string().min(1).describe('The model to run (see `mimo list`).'),
    seed: z
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1)
      .describe('Seed of every random stream: the same seed gives the same run.'),
    ticks: z.int().min(1).max(10_000_000).default(100).describe('Number of ticks (simulated days) to run.'),
    params: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("The model's parameters (see the model's schema)."),
    timeline: z
      .array(
        z
          .object({
            at: z.int().min(1).describe('The tick at whose start the change takes effect.'),
            set: z
              .record(z.string(), z.unknown())
              .describe('Dotted paths inside params (e.g. "income.mean") and their new values.'),
          })
          .strict(),
      )
      .default([])
      .describe('Scheduled changes of params, e.g. a shock.'),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
