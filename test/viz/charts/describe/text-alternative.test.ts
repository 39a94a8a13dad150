import { describe, expect, it } from 'vitest';
import { percent, plotAria, spoken } from '../../../../viz/charts/describe/text-alternative.js';

describe('numbers in words', () => {
  it('keep 4 significant digits, separate thousands and drop float noise', () => {
    expect(spoken(0.30000000000000004)).toBe('0.3');
    expect(spoken(1234567)).toBe('1,235,000');
    expect(spoken(-0.000123456)).toBe('-0.0001235');
    expect(spoken(42)).toBe('42');
  });

  it('say what is not a number', () => {
    expect(spoken(NaN)).toBe('no value');
    expect(spoken(undefined as unknown as number)).toBe('no value');
    expect(spoken(Infinity)).toBe('infinity');
    expect(spoken(-Infinity)).toBe('minus infinity');
  });

  it('give shares as percentages, one decimal below 10%', () => {
    expect(percent(0.213)).toBe('21%');
    expect(percent(0.0456)).toBe('4.6%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
  });
});

describe("Plot's aria options", () => {
  it('carry the label, and the description or null', () => {
    expect(plotAria({ label: 'a', description: 'b' })).toEqual({ ariaLabel: 'a', ariaDescription: 'b' });
    expect(plotAria({ label: 'a' })).toEqual({ ariaLabel: 'a', ariaDescription: null });
  });
});
