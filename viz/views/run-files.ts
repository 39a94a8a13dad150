import { download, metricsCsv } from '../charts/export.js';
import type { SeriesStore } from '../series-store.js';
import { button, el, labelled } from './dom.js';

/** What the file tools read from and hand to the run view. */
export interface RunFiles {
  /** Opens a scenario file the user picked (its name without the extension). */
  open(name: string, text: string): void;
  /** The scenario in the editor, and the name to save it under. */
  scenario(): { name: string; text: string };
  /** The run's metrics so far and the file name for them, or null before a run is open. */
  metrics(): { store: SeriesStore; file: string } | null;
}

/** The run view's file tools: load a scenario file, save the one in the editor, save the run's metrics as CSV. */
export function runFileTools(files: RunFiles): HTMLElement {
  const input = el('input') as HTMLInputElement;
  input.type = 'file';
  input.accept = '.yaml,.yml,.json';
  input.onchange = async () => {
    const file = input.files?.[0];
    if (file) files.open(file.name.replace(/\.(ya?ml|json)$/, ''), await file.text());
  };
  const tools = el('div', 'controls');
  tools.append(
    labelled('Load', input),
    button('Save scenario', () => {
      const { name, text } = files.scenario();
      download(new Blob([text], { type: 'text/yaml' }), `${name || 'scenario'}.yaml`);
    }),
    button(
      'Metrics CSV',
      () => {
        const run = files.metrics();
        if (!run) return;
        const { store } = run;
        const csv = metricsCsv(
          store.metrics.map((m) => m.name),
          store.columns,
          store.length,
        );
        download(new Blob([csv], { type: 'text/csv' }), run.file);
      },
      'csv',
    ),
  );
  return tools;
}
