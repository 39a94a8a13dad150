import { parquetReadObjects } from 'hyparquet';

/** One row of sensitivity.csv: a metric's sensitivity to one factor (of one policy, when the study has several). */
export interface SensitivityRow {
  readonly policy: string | null;
  readonly metric: string;
  readonly factor: string;
  /** S1, S1_low, S1_high, ST, ST_low, ST_high, seed_share (sobol) or mu, mu_star, sigma, seed_share (morris). */
  readonly values: Readonly<Record<string, number>>;
}

/** A study folder as the lab reads it: the runs table, and the analysis when the study has one. */
export interface StudyData {
  readonly name: string;
  /** Factor paths (`params.…`), in the table's order. */
  readonly factors: readonly string[];
  /** Metrics (their final value per run), in the table's order. */
  readonly metrics: readonly string[];
  /** The policies, or null when the study has one scenario. */
  readonly policies: readonly string[] | null;
  /** One object per run: point, policy, seed, each factor's value and each metric's final value. */
  readonly runs: readonly Readonly<Record<string, unknown>>[];
  readonly sensitivity: readonly SensitivityRow[];
  /** What ranks the factors: ST (sobol), mu_star (morris), or null (no sensitivity.csv). */
  readonly rankBy: 'ST' | 'mu_star' | null;
}

/** Columns of runs.parquet that are neither factors nor metrics. */
const KEYS = new Set(['point', 'policy', 'seed', 'fingerprint']);

/**
 * Reads the files of a study folder (as picked or dropped): `runs.parquet` (required), `sensitivity.csv` and
 * `study.json` (optional: the study's name). Throws an Error whose message says what is missing or wrong.
 */
export async function readStudyFiles(files: readonly File[]): Promise<StudyData> {
  const byName = new Map(files.map((f) => [f.name, f]));
  const runsFile = byName.get('runs.parquet');
  if (!runsFile) {
    throw new Error(
      `no runs.parquet among the ${files.length} file(s) given: pick a study folder (or its runs.parquet)`,
    );
  }
  let runs: Record<string, unknown>[];
  try {
    runs = await parquetReadObjects({ file: await runsFile.arrayBuffer() });
  } catch (e) {
    throw new Error(`runs.parquet: not a readable Parquet file (${(e as Error).message})`);
  }
  if (runs.length === 0) throw new Error('runs.parquet: no runs');
  const record = await readRecord(byName.get('study.json'));
  const columns = Object.keys(runs[0]);
  const factors = columns.filter((c) => c.startsWith('params.'));
  // study.json names the metrics; without it, a column is a metric unless it is the `_mean` of another.
  const metrics =
    record.metrics?.filter((m) => columns.includes(m)) ??
    columns.filter(
      (c) =>
        !KEYS.has(c) && !factors.includes(c) && !(c.endsWith('_mean') && columns.includes(c.slice(0, -5))),
    );
  const policies = columns.includes('policy') ? [...new Set(runs.map((r) => String(r.policy)))] : null;
  const sensitivityFile = byName.get('sensitivity.csv');
  const sensitivity = sensitivityFile ? parseSensitivity(await sensitivityFile.text()) : [];
  const name = record.name ?? 'study';
  const first = sensitivity[0]?.values ?? {};
  const rankBy = 'ST' in first ? 'ST' : 'mu_star' in first ? 'mu_star' : null;
  return { name, factors, metrics, policies, runs, sensitivity, rankBy };
}

/** What the lab takes from study.json, when it is given. */
async function readRecord(file: File | undefined): Promise<{ name?: string; metrics?: string[] }> {
  if (!file) return {};
  try {
    const record = JSON.parse(await file.text()) as { name?: unknown; metrics?: unknown };
    return {
      name: typeof record.name === 'string' ? record.name : undefined,
      metrics: Array.isArray(record.metrics) ? record.metrics.map(String) : undefined,
    };
  } catch {
    throw new Error('study.json: not valid JSON');
  }
}

/** The rows of sensitivity.csv (as `mimo study` writes it; empty cells are NaN). */
export function parseSensitivity(text: string): SensitivityRow[] {
  const lines = text.split('\n').filter((l) => l !== '');
  if (lines.length === 0) return [];
  const header = csvCells(lines[0]);
  const at = (name: string) => header.indexOf(name);
  if (at('metric') < 0 || at('factor') < 0) throw new Error('sensitivity.csv: no metric and factor columns');
  const numeric = header.filter((h) => !['policy', 'metric', 'factor'].includes(h));
  return lines.slice(1).map((line) => {
    const cells = csvCells(line);
    return {
      policy: at('policy') < 0 ? null : cells[at('policy')],
      metric: cells[at('metric')],
      factor: cells[at('factor')],
      values: Object.fromEntries(
        numeric.map((h) => [h, cells[at(h)] === '' ? NaN : Number(cells[at(h)])] as const),
      ),
    };
  });
}

/** The cells of one CSV line: commas separate, double quotes enclose a cell and "" is a quote inside one. */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
