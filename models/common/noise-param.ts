import { z } from 'zod';

/**
 * `noise` of the analytic reference models (ishigami, sobol-g): normal noise on y, drawn per tick from the run's
 * own stream, so a study can see how much of the variance comes from seeds.
 */
export const noiseParam = z
  .number()
  .min(0)
  .default(0)
  .describe(
    'Standard deviation of normal noise added to y each tick (0: none): a stand-in for seed variance.',
  );
