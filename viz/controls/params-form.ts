/** A JSON Schema property as zod's toJSONSchema writes it (the parts the form reads). */
interface Property {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
  description?: string;
  properties?: Record<string, unknown>;
  /** Marked live in the model's schema: a timeline may change it during a run. */
  live?: boolean;
}

/** A generated form: its element, how to show values and problems, and the field names it controls. */
export interface ParamsForm {
  readonly element: HTMLElement;
  setValues(params: Record<string, unknown>): void;
  /** Shows each problem under its field (`params.<field>...` paths); returns the problems no field took. */
  showProblems(problems: readonly { path: string; message: string }[]): { path: string; message: string }[];
}

/**
 * Controls generated from a model's params JSON Schema: a select per enum, a slider with a number box per
 * bounded number (a number box alone when the range is huge), a checkbox per boolean; each with its
 * description. Nested objects become fieldsets with dotted names (`negotiation.protocol`); lists are left
 * to the scenario editor.
 */
export function paramsForm(
  schema: Record<string, unknown>,
  onChange: (path: string, value: unknown) => void,
): ParamsForm {
  const element = document.createElement('div');
  element.className = 'params-form';
  const setters = new Map<string, (v: unknown) => void>();
  const defaults = new Map<string, unknown>();
  const errors = new Map<string, HTMLElement>();
  addFields(element, schema, '', { onChange, setters, defaults, errors });
  return formOf(element, { onChange, setters, defaults, errors });
}

/** A form over fields already built: values set by path, problems shown under their fields. */
function formOf(element: HTMLElement, { setters, defaults, errors }: Sinks): ParamsForm {
  return {
    element,
    setValues(params) {
      for (const [path, set] of setters) {
        const v = valueAt(params, path) ?? defaults.get(path);
        if (v !== undefined) set(v);
      }
    },
    showProblems(problems) {
      for (const e of errors.values()) e.textContent = '';
      const rest: { path: string; message: string }[] = [];
      for (const p of problems) {
        const e = p.path.startsWith('params.') ? fieldFor(errors, p.path.slice(7)) : undefined;
        if (e) e.textContent = e.textContent ? `${e.textContent}; ${p.message}` : p.message;
        else rest.push(p);
      }
      return rest;
    },
  };
}

interface Sinks {
  onChange: (path: string, value: unknown) => void;
  setters: Map<string, (v: unknown) => void>;
  defaults: Map<string, unknown>;
  errors: Map<string, HTMLElement>;
}

function addFields(
  parent: HTMLElement,
  schema: Record<string, unknown>,
  prefix: string,
  sinks: Sinks,
  inLiveSection = false,
): void {
  const properties = (schema.properties ?? {}) as Record<string, Property>;
  for (const [key, prop] of Object.entries(properties)) {
    const path = prefix + key;
    const live = inLiveSection || prop.live === true;
    if (prop.type === 'object' && prop.properties) {
      const set = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = path;
      legend.title = prop.description ?? '';
      set.append(legend);
      addFields(set, prop as Record<string, unknown>, `${path}.`, sinks, live);
      if (set.children.length > 1) parent.append(set);
      continue;
    }
    const field = makeField(path, key, prop, sinks, live);
    if (field) parent.append(field);
  }
}

/** One labelled control with its help and error line (null for a type the form leaves to the editor). */
function makeField(
  path: string,
  title: string,
  prop: Property,
  sinks: Sinks,
  live: boolean,
): HTMLElement | null {
  const input = control(path, prop, sinks.onChange, sinks.setters);
  if (!input) return null;
  // The label names only the first control in it: beside a slider, the number box needs a name of its own.
  const box = input.querySelector('input[type="range"] ~ input[type="number"]');
  box?.setAttribute('aria-label', `${title}: value`);
  sinks.defaults.set(path, prop.default);
  const field = document.createElement('label');
  field.className = 'field';
  field.dataset.param = path;
  const name = document.createElement('span');
  name.className = 'field-name';
  name.textContent = title;
  if (live) {
    field.dataset.live = 'true';
    const badge = document.createElement('span');
    badge.className = 'live-badge';
    badge.textContent = 'live';
    badge.title = 'May change during a run (a timeline event in the scenario)';
    name.append(' ', badge);
  }
  const help = document.createElement('small');
  help.textContent = prop.description ?? '';
  const error = document.createElement('small');
  error.className = 'field-error';
  error.dataset.testid = `error-params.${path}`;
  sinks.errors.set(path, error);
  field.append(name, input, help, error);
  return field;
}

/**
 * The key controls of a lesson: the params at `paths`, in that order, each labelled in plain words by its
 * description (the param's name in small type below), for the top of the run page.
 */
export function keyControlsForm(
  schema: Record<string, unknown>,
  paths: readonly string[],
  onChange: (path: string, value: unknown) => void,
): ParamsForm {
  const element = document.createElement('div');
  element.className = 'key-controls';
  element.dataset.testid = 'key-controls';
  const sinks: Sinks = { onChange, setters: new Map(), defaults: new Map(), errors: new Map() };
  for (const path of paths) {
    let prop: Property | undefined = { properties: schema.properties as Record<string, unknown> };
    let live = false;
    for (const key of path.split('.')) {
      prop = (prop?.properties as Record<string, Property> | undefined)?.[key];
      live ||= prop?.live === true;
    }
    if (!prop) continue;
    const field = makeField(path, prop.description ?? path, { ...prop, description: path }, sinks, live);
    if (field) element.append(field);
  }
  return formOf(element, sinks);
}

/** The value at a dotted path inside params. */
function valueAt(params: Record<string, unknown>, path: string): unknown {
  let node: unknown = params;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The field of a problem's path, or of its closest parent that has one. */
function fieldFor(errors: ReadonlyMap<string, HTMLElement>, path: string): HTMLElement | undefined {
  const keys = path.split('.');
  for (let k = keys.length; k > 0; k--) {
    const e = errors.get(keys.slice(0, k).join('.'));
    if (e) return e;
  }
  return undefined;
}

function control(
  name: string,
  prop: Property,
  onChange: (name: string, value: unknown) => void,
  setters: Map<string, (v: unknown) => void>,
): HTMLElement | null {
  if (prop.enum) {
    const select = document.createElement('select');
    select.name = name;
    for (const option of prop.enum) select.append(new Option(String(option), String(option)));
    select.onchange = () =>
      onChange(
        name,
        prop.enum!.find((o) => String(o) === select.value),
      );
    setters.set(name, (v) => (select.value = String(v)));
    return select;
  }
  if (prop.type === 'boolean') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = name;
    box.onchange = () => onChange(name, box.checked);
    setters.set(name, (v) => (box.checked = Boolean(v)));
    return box;
  }
  if (prop.type === 'integer' || prop.type === 'number') {
    const integer = prop.type === 'integer';
    const min = prop.minimum ?? prop.exclusiveMinimum;
    const max = prop.maximum ?? prop.exclusiveMaximum;
    const wrap = document.createElement('span');
    wrap.className = 'number-control';
    const box = document.createElement('input');
    box.type = 'number';
    box.name = name;
    box.step = integer ? '1' : 'any';
    if (min !== undefined) box.min = String(min);
    if (max !== undefined) box.max = String(max);
    // A slider only where its range is one a hand can sweep; huge ranges get the number box alone.
    const slidable = min !== undefined && max !== undefined && (!integer || max - min <= 100_000);
    const slider = document.createElement('input');
    if (slidable) {
      slider.type = 'range';
      slider.min = String(min);
      slider.max = String(max);
      slider.step = integer ? '1' : String((max - min) / 1000);
      slider.oninput = () => (box.value = slider.value);
      slider.onchange = () => onChange(name, Number(slider.value));
      wrap.append(slider);
    }
    box.onchange = () => onChange(name, box.value === '' ? undefined : Number(box.value));
    wrap.append(box);
    setters.set(name, (v) => {
      box.value = String(v);
      if (slidable) slider.value = String(v);
    });
    return wrap;
  }
  return null;
}
