import { describe, expect, it } from 'vitest';
import { registry } from '../../models/index.js';
import { Run } from '../../sim/run/run.js';
import { validateScenario } from '../../sim/scenario/validate.js';
import { panelsFor } from '../../viz/dashboards/index.js';
import { SeriesStore } from '../../viz/series-store.js';

describe('SeriesStore', () => {
  it('rebuilds the recorded columns from streamed frames', () => {
    const scenario = validateScenario(
      { name: 't', model: 'kinetic-exchange', ticks: 37, params: { agents: 200 } },
      registry,
    );
    const model = registry.get('kinetic-exchange')!;
    const store = new SeriesStore(model.metrics(scenario.params), scenario.ticks);
    const run = new Run(model, scenario, { frames: { frame: (f) => store.append(f) }, frameEvery: 8 });
    run.runToEnd();
    expect(store.length).toBe(37);
    run.recorder.columns.forEach((c, m) => expect([...store.columns[m]]).toEqual([...c]));
    expect(store.index('gini')).toBe(0);
  });
});

describe('dashboards', () => {
  const metric = (name: string) => ({ name, description: name, unit: 'share' });

  it('shows a kinetic-exchange distribution panel only when the snapshot has its array', () => {
    const metrics = registry.get('kinetic-exchange')!.metrics({});
    expect(panelsFor('kinetic-exchange', metrics, ['wealth']).map((p) => p.id)).toContain('wealth-lorenz');
    expect(panelsFor('kinetic-exchange', metrics, []).map((p) => p.id)).not.toContain('wealth-lorenz');
  });

  it('shows a mimo panel only when one of its metrics exists', () => {
    expect(panelsFor('mimo', [], [])).toEqual([]);
    const ids = panelsFor(
      'mimo',
      [metric('gini_fiat'), metric('share_hours'), metric('hhi_currency')],
      [],
    ).map((p) => p.id);
    expect(ids).toEqual(['gini', 'shares']);
  });
});
