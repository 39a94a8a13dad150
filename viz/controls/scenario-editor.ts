import { isMap, isScalar, parseDocument } from 'yaml';

/** Line (1-based) in the YAML text of the node at a dotted path (or of its closest existing parent), or null. */
export function lineOfPath(text: string, path: string): number | null {
  const found = /^line (\d+)/.exec(path);
  if (found) return Number(found[1]);
  let doc;
  try {
    doc = parseDocument(text);
  } catch {
    return null;
  }
  const keys = path === '' ? [] : path.split('.');
  for (let k = keys.length; k >= 0; k--) {
    const parent = doc.getIn(keys.slice(0, Math.max(0, k - 1)), true);
    // Point at the key where possible (the value may sit on the next lines).
    if (k > 0 && isMap(parent)) {
      const pair = parent.items.find((i) => isScalar(i.key) && String(i.key.value) === keys[k - 1]);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) return text.slice(0, range[0]).split('\n').length;
    }
  }
  return null;
}

/** Reads `seed` and `ticks` of a scenario text, if it has them. */
export function scenarioTopLevel(text: string): { seed?: number; ticks?: number; model?: string } {
  try {
    const data = parseDocument(text).toJS() as Record<string, unknown> | null;
    return {
      seed: typeof data?.seed === 'number' ? data.seed : undefined,
      ticks: typeof data?.ticks === 'number' ? data.ticks : undefined,
      model: typeof data?.model === 'string' ? data.model : undefined,
    };
  } catch {
    return {};
  }
}

/** Sets `params.<path>` (a dotted path) in the scenario text, keeping its comments and layout. */
export function setParamInText(text: string, path: string, value: unknown): string {
  const doc = parseDocument(text);
  const keys = ['params', ...path.split('.')];
  if (value === undefined) doc.deleteIn(keys);
  else doc.setIn(keys, value);
  return doc.toString();
}

/** The scenario text with a timeline event added: at tick `at`, the param at `path` takes `value`. */
export function addTimelineEventInText(text: string, at: number, path: string, value: unknown): string {
  const doc = parseDocument(text);
  const event = doc.createNode({ at, set: { [path]: value } });
  if (doc.hasIn(['timeline'])) doc.addIn(['timeline'], event);
  else doc.setIn(['timeline'], doc.createNode([{ at, set: { [path]: value } }]));
  return doc.toString();
}

/** A scenario text editor: a textarea and the list of problems, each at its line and field. */
export class ScenarioEditor {
  readonly element: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  private readonly list: HTMLUListElement;

  constructor(onInput: (text: string) => void) {
    this.element = document.createElement('div');
    this.element.className = 'editor';
    this.textarea = document.createElement('textarea');
    this.textarea.spellcheck = false;
    this.textarea.rows = 16;
    this.textarea.dataset.testid = 'scenario-editor';
    this.textarea.setAttribute('aria-label', 'Scenario file (YAML)');
    this.textarea.oninput = () => onInput(this.textarea.value);
    this.list = document.createElement('ul');
    this.list.className = 'problems';
    this.list.dataset.testid = 'problems';
    this.element.append(this.textarea, this.list);
  }

  get text(): string {
    return this.textarea.value;
  }

  set text(value: string) {
    this.textarea.value = value;
  }

  /** Lists the problems with their line; clicking one selects that line in the editor. */
  showProblems(problems: readonly { path: string; message: string }[]): void {
    this.list.replaceChildren();
    for (const p of problems) {
      const line = lineOfPath(this.text, p.path);
      const item = document.createElement('li');
      item.textContent = `${line ? `line ${line}: ` : ''}${p.path ? `${p.path}: ` : ''}${p.message}`;
      if (line) item.onclick = () => this.selectLine(line);
      this.list.append(item);
    }
    this.textarea.classList.toggle('invalid', problems.length > 0);
  }

  private selectLine(line: number): void {
    const lines = this.text.split('\n');
    const start = lines.slice(0, line - 1).reduce((s, l) => s + l.length + 1, 0);
    this.textarea.focus();
    this.textarea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }
}
