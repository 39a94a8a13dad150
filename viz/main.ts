import type { ModelInfo } from '../sim/host/worker/api.js';
import { startEngine } from './engine.js';
import { currentRoute } from './route.js';
import './style.css';
import { CompareView } from './views/compare-view.js';
import { DesignerView } from './views/designer-view.js';
import { RunView } from './views/run-view.js';
import { StudyView } from './views/study/study-view.js';
import { tourView } from './views/tour.js';

const app = document.getElementById('app')!;
let current: { dispose(): void } | null = null;

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

function show(): void {
  current?.dispose();
  current = null;
  const route = currentRoute();
  if (route.view === 'compare') {
    const view = new CompareView(route.query, models);
    current = view;
    app.replaceChildren(view.element);
  } else if (route.view === 'designer') {
    const view = new DesignerView(route.query);
    current = view;
    app.replaceChildren(view.element);
  } else if (route.view === 'study') {
    const view = new StudyView();
    current = view;
    app.replaceChildren(view.element);
  } else if (route.view === 'tour') {
    app.replaceChildren(tourView());
  } else {
    const view = new RunView(route.query, models);
    current = view;
    app.replaceChildren(view.element);
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('header nav a'))
    a.classList.toggle('active', a.getAttribute('href') === `#/${route.view}`);
}

window.addEventListener('hashchange', show);
show();
