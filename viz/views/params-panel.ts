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

  /**
   * Shows `model`'s params with the key controls `asked` for (by a URL), else the scenario's `own`. Asked controls
   * that name no param are left out (all of them, showing `own`, if none does) and said in `note`; `asked` is what
   * is left of them (null: none).
   */
  showAsked(
    model: ModelInfo,
    asked: readonly string[] | null,
    own: readonly string[],
    params: Record<string, unknown>,
  ): { asked: readonly string[] | null; note: string } {
    const controls = (asked ?? own).map((c) => c.replace(/^params\./, ''));
    const unknown = this.show(model, controls, params);
    if (!asked || unknown.length === 0) return { asked, note: '' };
    const known = controls.filter((c) => !unknown.includes(c));
    if (!known.length) this.show(model, own, params);
    const showing = known.length
      ? `showing ${known.join(', ')}`
      : own.length
        ? `showing the scenario's key controls (${own.join(', ')})`
        : 'showing all parameters';
    const names = unknown.map((c) => `"${c}"`).join(', ');
    const note = `no param named ${names} for a key control (params: ${Object.keys(params).join(', ')}): ${showing}`;
    return { asked: known.length ? known : null, note };
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
