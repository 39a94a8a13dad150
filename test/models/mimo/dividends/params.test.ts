import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIVIDEND_FORMULA,
  dividendParams,
  dividendParamsFor,
} from '../../../../models/mimo/dividends/params.js';

describe('dividend params', () => {
  it('validates the formula when the scenario is parsed, with the caret message', () => {
    expect(dividendParams.parse({}).formula).toBe(DEFAULT_DIVIDEND_FORMULA);
    const bad = dividendParams.safeParse({ formula: 'records + import(1)' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toContain('unknown function `import`');
    expect(bad.error?.issues[0].path).toEqual(['formula']);
  });

  it('accepts the variables a model adds', () => {
    const schema = dividendParamsFor(['records', 'karma']);
    expect(schema.parse({ formula: 'karma / sum(karma)' }).formula).toBe('karma / sum(karma)');
    expect(schema.safeParse({ formula: 'tenure' }).success).toBe(false);
  });
});
