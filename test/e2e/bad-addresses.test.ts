import { describe, expect, it } from 'vitest';
import { useLab } from './harness.js';

// An address the lab cannot follow shows what it falls back to, and says what was wrong and what is allowed.
const lab = useLab();

describe('a bad address', () => {
  it('in the run view: a seed, ticks or key controls that cannot be', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=money-game&seed=abc&ticks=-5&controls=nosuch.param`);
    const status = page.getByTestId('status');
    await status.filter({ hasText: 'tick 0 / 500' }).waitFor();
    const said = (await status.textContent())!;
    expect(said).toContain('seed "abc" is not allowed (a whole number, 0 or more): showing seed 1');
    expect(said).toContain('ticks "-5" is not allowed (a whole number, 1 or more): showing 500 ticks');
    expect(said).toMatch(
      /no param named "nosuch\.param" for a key control \(params: agents, .*\): showing the scenario's key controls \(debtLimit, transfer\)/,
    );
    const keys = page.getByTestId('key-controls');
    expect(
      await keys.locator('[data-param]').evaluateAll((e) => e.map((x) => x.getAttribute('data-param'))),
    ).toEqual(['debtLimit', 'transfer']);
    // Some known, some not: the known ones are shown.
    await page.goto(`${lab.url}#/run?scenario=money-game&ticks=10&controls=transfer,nosuch`);
    await status.filter({ hasText: /no param named "nosuch" .*: showing transfer$/ }).waitFor();
    expect(
      await keys.locator('[data-param]').evaluateAll((e) => e.map((x) => x.getAttribute('data-param'))),
    ).toEqual(['transfer']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names a view, a designer scenario or a presenter step that does not exist', async () => {
    const { page, errors } = await lab.page();
    const notice = page.getByTestId('notice');
    await page.goto(`${lab.url}#/nosuchview`);
    await page.getByTestId('scenario-picker').waitFor();
    expect(await notice.textContent()).toMatch(
      /^no view named "nosuchview" \(views: run, compare, designer, .*\): showing the run view$/,
    );
    await page.goto(`${lab.url}#/designer?scenario=nosuch&ticks=abc&set.members=300`);
    await page
      .getByTestId('designer-stats')
      .filter({ hasText: 'Gini of dividends' })
      .waitFor({ timeout: 60_000 });
    const designer = await notice.allTextContents();
    expect(designer[0]).toMatch(
      /^no MIMO scenario named "nosuch" \(the designer pays dividends in one of: .*baseline.*\): showing dividend-mixed$/,
    );
    expect(designer[1]).toBe('ticks "abc" is not allowed (a whole number, 1 or more): running to tick 60');
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const [step, shown, said] of [
      ['99', 7, 'no step 99 (steps 1 to 7): showing step 7'],
      ['abc', 1, 'step "abc" is not allowed (a whole number: steps 1 to 7): showing step 1'],
    ] as const) {
      await page.goto(`${lab.url}#/present?step=${step}`);
      await page
        .getByTestId('presenter-step')
        .filter({ hasText: `Step ${shown} of 7` })
        .waitFor();
      expect(await notice.textContent()).toBe(said);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
