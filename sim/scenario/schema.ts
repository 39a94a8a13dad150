import { z } from 'zod';
import { LIMITS } from './limits.js';

/**
 * A scenario's name is also the folder its runs go to (`runs/<name>/`): one plain folder name, so a shared file
 * can never choose where files go beyond it (no `/`, `\`, `..`, absolute or hidden names).
 */
export const PLAIN_NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)?$/; // empty: refused by min(1), with its own message

/** The scenario file's top level; `params` is checked afterwards against the named model's own schema. */
export const scenarioFileSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(LIMITS.nameLength)
      .regex(PLAIN_NAME, {
        message: 'a plain folder name: letters, digits, ".", "_" and "-", starting with a letter or digit',
      })
      .describe(
        'Short name of the scenario, shown in tables and the lab, and its output folder (runs/<name>/).',
      ),
    description: z
      .string()
      .max(LIMITS.descriptionLength)
      .default('')
      .describe('The question this scenario answers, in a sentence or two.'),
    model: z.string().min(1).describe('The model to run (see `mimo list`).'),
    seed: z
      .int()
      .min(0)
      .max(LIMITS.maxSeed)
      .default(1)
      .describe('Seed of every random stream: the same seed gives the same run.'),
    ticks: z.int().min(1).max(LIMITS.ticks).default(100).describe('Number of ticks (simulated days) to run.'),
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
      .max(LIMITS.timelineEvents)
      .default([])
      .describe('Scheduled changes of params, e.g. a shock.'),
    controls: z
      .array(z.string().min(1).max(LIMITS.textLength))
      .max(LIMITS.controls)
      .default([])
      .describe(
        'The key controls of a lesson: param paths (e.g. params.payment.culturalPreference) the lab shows first, ' +
          'big, with their descriptions. They change nothing in a run.',
      ),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
