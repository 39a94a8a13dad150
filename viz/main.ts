import type { ModelInfo } from '../sim/host/worker/api.js';
import { startEngine } from './engine.js';
import { currentRoute } from './route.js';
import './style.css';
import { CompareView } from './views/compare-view.js';
import { DesignerView } from './views/designer-view.js';
import { PresenterView } from './views/presenter.js';
import { RunView } from './views/run-view.js';
import { StudyView } from './views/study/study-view.js';
import { notice } from './views/dom.js';
import { tourView } from './views/tour.js';

const app = document.getElementById('app')!;

/** What a route shows: an element, and how to stop it when the route changes. */
interface View {
  readonly element: HTMLElement;
  dispose?(): void;
}

/** The models as the engine describes them, asked once from a short-lived worker. */
async function loadModels(): Promise<Map<string, ModelInfo>> {
  const engine = startEngine();
  try {
    return new Map((await engine.api.models()).map((m) => [m.name, m]));
  } finally {
    engine.terminate();
  }
}

const models = await loadModels();

/** The views by route name (`#/<name>?…`); any other name shows a run. */
const views: Record<string, (query: URLSearchParams) => View> = {
  run: (query) => new RunView(query, models),
  compare: (query) => new CompareView(query, models),
  designer: (query) => new DesignerView(query),
  study: () => new StudyView(),
  tour: () => ({ element: tourView() }),
  present: (query) => new PresenterView(query, models),
};

let current: View | null = null;

function show(): void {
  current?.dispose?.();
  const route = currentRoute();
  const known = route.view in views;
  current = (known ? views[route.view] : views.run)(route.query);
  app.replaceChildren(
    ...(known
      ? []
      : [
          notice(
            `no view named "${route.view}" (views: ${Object.keys(views).join(', ')}): showing the run view`,
          ),
        ]),
    current.element,
  );
  document.body.classList.toggle('presenting', route.view === 'present');
  for (const a of document.querySelectorAll<HTMLAnchorElement>('header nav a'))
    a.classList.toggle('active', a.getAttribute('href') === `#/${route.view}`);
}

// Also sent by `navigate` for the address shown already (e.g. Compare pressed again): the view opens afresh.
window.addEventListener('hashchange', show);
show();
