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
 * description. Nested objects and lists are left to the scenario editor.
 */
export function paramsForm(
  schema: Record<string, unknown>,
  onChange: (name: string, value: unknown) => void,
): ParamsForm {
  const element = document.createElement('div');
  element.className = 'params-form';
  const properties = (schema.properties ?? {}) as Record<string, Property>;
  const setters = new Map<string, (v: unknown) => void>();
  const errors = new Map<string, HTMLElement>();
  for (const [name, prop] of Object.entries(properties)) {
    const field = document.createElement('label');
    field.className = 'field';
    field.dataset.param = name;
    const title = document.createElement('span');
    title.className = 'field-name';
    title.textContent = name;
    const input = control(name, prop, onChange, setters);
    if (!input) continue;
    const help = document.createElement('small');
    help.textContent = prop.description ?? '';
    const error = document.createElement('small');
    error.className = 'field-error';
    error.dataset.testid = `error-params.${name}`;
    errors.set(name, error);
    field.append(title, input, help, error);
    element.append(field);
  }
  return {
    element,
    setValues(params) {
      for (const [name, set] of setters) {
        const v = params[name] ?? properties[name].default;
        if (v !== undefined) set(v);
      }
    },
    showProblems(problems) {
      for (const e of errors.values()) e.textContent = '';
      const rest: { path: string; message: string }[] = [];
      for (const p of problems) {
        const name = p.path.split('.')[1];
        const e = p.path.startsWith('params.') ? errors.get(name) : undefined;
        if (e) e.textContent = e.textContent ? `${e.textContent}; ${p.message}` : p.message;
        else rest.push(p);
      }
      return rest;
    },
  };
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
