import type { ModelInfo } from '../../sim/host/worker/api.js';
import type { Problem } from '../../sim/scenario/problems.js';
import { keyControlsForm, paramsForm, type ParamsForm } from '../controls/params-form.js';
import { el } from './dom.js';

/**
 * The run view's params: the key controls first (big, labelled by their descriptions), then every param under
 * "All parameters" (collapsed when there are key controls). The forms are rebuilt only when the model or the key
 * controls change; otherwise a new run just sets their values.
 */
export class ParamsPanel {
  readonly element = el('div');
  private form: ParamsForm | null = null;
  private keyForm: ParamsForm | null = null;
  /** The model and key controls the forms were built for. */
  private formKey = '';
  /** The key controls asked for that name no param of the model (nothing to show for them). */
  private unknown: string[] = [];

  constructor(private readonly onChange: (name: string, value: unknown) => void) {}

  /**
   * Shows `model`'s params with these key controls (param paths without `params.`) and values; returns the key
   * controls that name no param of the model (not shown).
   */
  show(model: ModelInfo, controls: readonly string[], params: Record<string, unknown>): readonly string[] {
    const key = `${model.name}:${controls.join(',')}`;
    if (this.formKey !== key) {
      this.formKey = key;
      const onChange = this.onChange;
      this.form = paramsForm(model.paramsSchema, onChange);
      this.keyForm = controls.length ? keyControlsForm(model.paramsSchema, controls, onChange) : null;
      const shown = new Set(
        [...(this.keyForm?.element.querySelectorAll<HTMLElement>('[data-param]') ?? [])].map(
          (f) => f.dataset.param,
        ),
      );
      this.unknown = controls.filter((c) => !shown.has(c));
      if (this.unknown.length === controls.length) this.keyForm = null;
      const heading = el('h3');
      heading.textContent = this.keyForm ? 'Key controls' : `Parameters of ${model.name}`;
      const about = el('p', 'about');
      about.textContent = model.description;
      const all = document.createElement('details');
      all.className = 'all-params';
      all.dataset.testid = 'all-params';
      all.open = this.keyForm === null;
      const summary = el('summary');
      summary.textContent = 'All parameters';
      all.append(summary, about, this.form.element);
      this.element.replaceChildren(heading, ...(this.keyForm ? [this.keyForm.element] : []), all);
    }
    this.form!.setValues(params);
    this.keyForm?.setValues(params);
    return this.unknown;
  }

  /** Shows the problems at their fields, in both forms. */
  showProblems(problems: readonly Problem[]): void {
    this.form?.showProblems(problems);
    this.keyForm?.showProblems(problems);
  }

  /** Draws the eye to the key controls at these param paths (the `highlight` class). */
  highlight(paths: readonly string[]): void {
    for (const path of paths)
      this.element.querySelector(`.key-controls [data-param="${path}"]`)?.classList.add('highlight');
  }
}
