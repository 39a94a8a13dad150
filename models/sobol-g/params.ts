import { z } from 'zod';
import { noiseParam } from '../common/noise-param.js';

const coordinate = (name: string) =>
  z.number().min(0).max(1).default(0.5).describe(`${name}: an input of the G function, in [0, 1].`);

/** Parameters of Sobol's G function, with 8 inputs. */
export const sobolGParams = z
  .object({
    x1: coordinate('x1'),
    x2: coordinate('x2'),
    x3: coordinate('x3'),
    x4: coordinate('x4'),
    x5: coordinate('x5'),
    x6: coordinate('x6'),
    x7: coordinate('x7'),
    x8: coordinate('x8'),
    a: z
      .array(z.number().min(0))
      .length(8)
      .default([0, 1, 4.5, 9, 99, 99, 99, 99])
      .describe('The coefficients a1…a8 (≥ 0): the smaller a_i, the more x_i matters.'),
    noise: noiseParam,
  })
  .strict();

export type SobolGParams = z.infer<typeof sobolGParams>;
