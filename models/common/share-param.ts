import { z } from 'zod';

/** A share in [0, 1] with its default and description: the most common kind of param. */
export const share = (d: number, text: string) => z.number().min(0).max(1).default(d).describe(text);
