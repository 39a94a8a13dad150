// Every scenario file shipped in scenarios/, as raw text, bundled at build time.
const files = import.meta.glob('../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

/** Scenario texts by name (file name without .yaml), sorted by name. */
export const scenarioTexts: ReadonlyMap<string, string> = new Map(
  Object.entries(files)
    .map(([path, text]) => [path.replace(/^.*\//, '').replace(/\.yaml$/, ''), text as string] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);

/** The scenario the lab opens when none is asked for: the MIMO baseline economy, else the first by name. */
export const DEFAULT_SCENARIO: string = scenarioTexts.has('baseline')
  ? 'baseline'
  : ([...scenarioTexts.keys()][0] ?? '');
