import { z } from 'zod';
import { recordingSchema } from '../run/recording.js';
import { designSpecSchema } from './design/index.js';
import { factorsSchema } from './factors.js';

/** A plain folder name: the study file decides no path but `studies/<name>/`. */
const FOLDER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const seedSchema = z
  .int()
  .min(0)
  .max(2 ** 32 - 1);

/**
 * A study file's fields: a base scenario (or several, the policies), what stays fixed, what varies (factors,
 * sampled by a design), how many seeds each point runs on, what each run records. Paths in `scenario` and
 * `policies` are relative to the study file.
 */
export const studyFileSchema = z
  .object({
    name: z
      .string()
      .regex(FOLDER_NAME, 'a plain folder name: letters, digits, ".", "_" or "-", no "/"')
      .describe('Short name of the study: its default output folder is studies/<name>/.'),
    description: z.string().default('').describe('The question this study answers.'),
    scenario: z.string().min(1).optional().describe('The base scenario file, relative to the study file.'),
    policies: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('Instead of `scenario`: several scenario files (policies), each run at every design point.'),
    ticks: z
      .int()
      .min(1)
      .max(10_000_000)
      .optional()
      .describe('Ticks of every run (default: the scenario’s).'),
    seeds: z
      .union([
        z.int().min(1).max(1_000_000),
        z
          .array(seedSchema)
          .min(1)
          .refine((s) => new Set(s).size === s.length, 'seeds must all differ'),
      ])
      .default(1)
      .describe('Replications per design point: K (seeds 1 … K) or a list of seeds.'),
    set: z
      .record(
        z
          .string()
          .regex(
            /^params\..+/,
            'a dotted path starting with "params.", as --set paths are (e.g. params.agents)',
          ),
        z.json(),
      )
      .default({})
      .describe('Fixed overrides of the base scenario, as in --set: { params.members: 3000 }.'),
    factors: factorsSchema.optional(),
    design: designSpecSchema.optional(),
    record: recordingSchema.default({ every: 1 }),
    metrics: z
      .array(z.string().min(1))
      .min(1)
      .refine((m) => new Set(m).size === m.length, 'metrics must all differ')
      .optional()
      .describe('The metrics kept in the tables and series (default: all of the model’s).'),
  })
  .strict()
  // The rules between fields look only at which fields are given, so they hold or not even when a field is bad:
  // checked whenever the file is a mapping (zod skips a refinement after some problems, e.g. a bad key).
  .superRefine(fieldRules, { when: (payload) => isMapping(payload.value) });

/** Which fields a study file gives, for the rules between them. */
interface GivenFields {
  readonly scenario?: unknown;
  readonly policies?: unknown;
  readonly factors?: unknown;
  readonly design?: unknown;
}

/** Whether a study file gives exactly one of `scenario` and `policies`: its base, the scenarios it runs. */
export function givesOneBase(s: GivenFields): boolean {
  return (s.scenario === undefined) !== (s.policies === undefined);
}

function fieldRules(s: GivenFields, ctx: z.RefinementCtx): void {
  if (!givesOneBase(s)) {
    ctx.addIssue({ code: 'custom', message: 'a study has either `scenario` or `policies` (one of them)' });
  }
  if (s.factors !== undefined && s.design === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['design'],
      message: 'factors need a design (e.g. { kind: lhs, samples: 64 })',
    });
  }
  if (s.factors === undefined && s.design !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['factors'], message: 'a design needs factors to vary' });
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export type StudyFile = z.infer<typeof studyFileSchema>;

/**
 * Whether a parsed file is a study file rather than a scenario: a mapping with `scenario` or `policies` and no
 * `model` (every scenario names its model; no scenario field is called `scenario` or `policies`).
 */
export function isStudyFile(raw: unknown): boolean {
  if (!isMapping(raw)) return false;
  return !Object.hasOwn(raw, 'model') && (Object.hasOwn(raw, 'scenario') || Object.hasOwn(raw, 'policies'));
}

/** The seeds of a study: 1 … K, or the list given. */
export function seedList(seeds: StudyFile['seeds']): number[] {
  return typeof seeds === 'number' ? Array.from({ length: seeds }, (_, i) => i + 1) : [...seeds];
}
