import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { negotiationParams, tacticBeta } from '../../../../models/common/negotiation/index.js';

describe('negotiationParams', () => {
  it('fills every field with its default', () => {
    expect(negotiationParams.parse({})).toEqual({
      protocol: 'alternating',
      strategy: 'equilibrium',
      rounds: 10,
      discountBuyer: 0.95,
      discountSeller: 0.95,
      firstMover: 'seller',
      tacticBuyer: 'linear',
      tacticSeller: 'linear',
      kappa: 0,
      aspiration: 0.5,
    });
  });

  it('takes a tactic by name or as a beta exponent, and maps names to Faratin betas (< 1 Boulware, > 1 conceder)', () => {
    const p = negotiationParams.parse({ tacticBuyer: 'boulware', tacticSeller: 3 });
    expect(tacticBeta(p.tacticBuyer)).toBeLessThan(1);
    expect(tacticBeta('linear')).toBe(1);
    expect(tacticBeta('conceder')).toBeGreaterThan(1);
    expect(tacticBeta(p.tacticSeller)).toBe(3);
    expect(negotiationParams.safeParse({ tacticBuyer: 'stubborn' }).success).toBe(false);
    expect(negotiationParams.safeParse({ tacticBuyer: 0 }).success).toBe(false);
  });

  it('rejects discount factors outside (0, 1] and unknown fields', () => {
    expect(negotiationParams.safeParse({ discountBuyer: 0 }).success).toBe(false);
    expect(negotiationParams.safeParse({ discountSeller: 1.01 }).success).toBe(false);
    expect(negotiationParams.safeParse({ discountSeller: 1 }).success).toBe(true);
    expect(negotiationParams.safeParse({ rounds: 2.5 }).success).toBe(false);
    expect(negotiationParams.safeParse({ round: 3 }).success).toBe(false);
  });

  it('requires a round limit for time-dependent play, and impatience for the unlimited equilibrium game', () => {
    const td = negotiationParams.safeParse({ strategy: 'time-dependent', rounds: 0 });
    expect(td.success).toBe(false);
    expect(td.error?.issues[0].path).toEqual(['rounds']);
    expect(td.error?.issues[0].message).toMatch(/round limit/);
    const patient = negotiationParams.safeParse({ rounds: 0, discountBuyer: 1, discountSeller: 1 });
    expect(patient.success).toBe(false);
    expect(patient.error?.issues[0].message).toMatch(/every split is an equilibrium/);
    // The same values are fine where they are well defined.
    expect(negotiationParams.safeParse({ rounds: 4, discountBuyer: 1, discountSeller: 1 }).success).toBe(
      true,
    );
    expect(
      negotiationParams.safeParse({ protocol: 'nash', rounds: 0, discountBuyer: 1, discountSeller: 1 })
        .success,
    ).toBe(true);
  });

  it("nests inside a model's params: defaults filled, cross-field problems reported at the nested path", () => {
    const outer = z.object({ members: z.int().default(3), negotiation: negotiationParams.prefault({}) });
    expect(outer.parse({}).negotiation).toEqual(negotiationParams.parse({}));
    const bad = outer.safeParse({ negotiation: { strategy: 'time-dependent', rounds: 0 } });
    expect(bad.error?.issues.map((i) => i.path)).toEqual([['negotiation', 'rounds']]);
  });
});
