import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Distribution } from '../../../sim/host/worker/api.js';
import { LiveDashboard } from '../../../viz/views/live-dashboard.js';
import type { PanelGrid } from '../../../viz/views/panel-grid.js';

/** A distribution fetch the test answers when it chooses. */
interface Fetch {
  readonly name: string;
  answer(d: Distribution): void;
}

function setUp() {
  const fetches: Fetch[] = [];
  const drawn: Map<string, Distribution>[] = [];
  const grid = {
    arrays: () => ['wealth'],
    drawSeries: () => undefined,
    drawDistributions: (map: Map<string, Distribution>) => void drawn.push(map),
  } as unknown as PanelGrid;
  const api = {
    distribution: (name: string) => new Promise<Distribution>((answer) => fetches.push({ name, answer })),
  } as unknown as ConstructorParameters<typeof LiveDashboard>[1];
  return { dashboard: new LiveDashboard(grid, api), fetches, drawn };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const at = (tick: number) => ({ tick }) as unknown as Distribution;

describe('LiveDashboard', () => {
  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', (draw: () => void) => setTimeout(draw, 0));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('fetches again when a refresh is asked while a fetch is under way (the run ended meanwhile)', async () => {
    const { dashboard, fetches, drawn } = setUp();
    dashboard.request();
    await settle();
    expect(fetches).toHaveLength(1); // under way: the tick it will bring is before the end
    dashboard.refreshSoon(); // the run's end
    await settle();
    fetches[0].answer(at(18));
    await settle();
    await settle();
    expect(fetches).toHaveLength(2);
    fetches[1].answer(at(20));
    await settle();
    expect(drawn.map((m) => (m.get('wealth') as unknown as { tick: number }).tick)).toEqual([18, 20]);
  });

  it('asks nothing of the worker and draws nothing once disposed', async () => {
    const { dashboard, fetches, drawn } = setUp();
    dashboard.request();
    await settle();
    dashboard.refreshSoon();
    dashboard.dispose();
    fetches[0].answer(at(5));
    await settle();
    await settle();
    dashboard.refreshSoon();
    await settle();
    expect(fetches).toHaveLength(1);
    expect(drawn).toEqual([]);
  });
});
