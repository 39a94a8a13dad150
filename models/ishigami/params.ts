import { z } from 'zod';
import { noiseParam } from '../common/noise-param.js';

const coordinate = (name: string) =>
  z
    .number()
    .default(0)
    .describe(`${name}: an input of the function; the reference studies draw it uniformly from [−π, π].`);

/** Parameters of the Ishigami function (Ishigami & Homma 1990). */
export const ishigamiParams = z
  .object({
    x1: coordinate('x1'),
    x2: coordinate('x2'),
    x3: coordinate('x3'),
    a: z
      .number()
      .default(7)
      .describe('a in y = sin x1 + a sin² x2 + b x3⁴ sin x1 (7 in the reference setting).'),
    b: z
      .number()
      .default(0.1)
      .describe('b in y = sin x1 + a sin² x2 + b x3⁴ sin x1 (0.1 in the reference setting).'),
    noise: noiseParam,
  })
  .strict();

export type IshigamiParams = z.infer<typeof ishigamiParams>;
