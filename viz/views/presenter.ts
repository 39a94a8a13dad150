import type { ModelInfo } from '../../sim/host/worker/api.js';
import { scenarioTexts } from '../scenarios.js';
import { button, el, notice } from './dom.js';
import { PRESENTER_STEPS, type PresenterStep } from './presenter-steps.js';
import { RunView } from './run-view.js';

/** Speed a step plays at once the class has answered: fast, but slow enough to watch the economy move. */
const REVEAL_SPEED = 200;

/**
 * The tour as a presentation (`#/present?step=N`, 1-based): one step at a time, full width and big type; the words
 * and a question on the left, the step's scenario beside them with its controls and chart highlighted. "Play and
 * find out" runs it; the answer, read from the run, appears when it ends. Next/Back and the arrow keys move
 * between steps (the step is in the URL).
 */
export class PresenterView {
  readonly element = el('div', 'presenter');
  private readonly steps: readonly PresenterStep[] = PRESENTER_STEPS.filter((s) =>
    scenarioTexts.has(s.scenario),
  );
  private readonly index: number;
  private run: RunView | null = null;
  private readonly onKey = (e: KeyboardEvent) => this.key(e);

  constructor(query: URLSearchParams, models: ReadonlyMap<string, ModelInfo>) {
    const raw = query.get('step') ?? '1';
    const wanted = /^\d+$/.test(raw) ? Number(raw) : NaN;
    this.index = Number.isInteger(wanted) ? Math.max(0, Math.min(this.steps.length - 1, wanted - 1)) : 0;
    const step = this.steps[this.index];
    const allowed = `steps 1 to ${this.steps.length}`;
    const wrong = Number.isNaN(wanted)
      ? `step "${raw}" is not allowed (a whole number: ${allowed}): showing step ${this.index + 1}`
      : wanted !== this.index + 1
        ? `no step ${wanted} (${allowed}): showing step ${this.index + 1}`
        : '';
    if (!step) {
      this.element.textContent = 'No step to present: the tour’s scenarios are missing.';
      return;
    }
    const words = el('section', 'presenter-words');
    const counter = el('p', 'presenter-counter');
    counter.dataset.testid = 'presenter-step';
    counter.textContent = `Step ${this.index + 1} of ${this.steps.length}`;
    const title = el('h2');
    title.textContent = step.title;
    // The step and its Back/Next share the top line, so the question and the answer below them keep the room.
    const head = el('div', 'presenter-head');
    words.append(head, ...(wrong ? [notice(wrong)] : []), title);
    for (const text of step.words) {
      const p = el('p');
      p.textContent = text;
      words.append(p);
    }
    const question = el('p', 'presenter-question');
    question.dataset.testid = 'question';
    question.textContent = step.question;
    const answer = el('p', 'presenter-answer');
    answer.dataset.testid = 'answer';
    answer.hidden = true;
    const reveal = button(
      'Play and find out',
      () => {
        reveal.disabled = true;
        reveal.textContent = 'Playing…';
        void this.run?.play(REVEAL_SPEED);
      },
      'reveal',
    );
    const nav = el('nav', 'presenter-nav');
    const back = button('← Back', () => this.go(this.index - 1), 'presenter-back');
    back.disabled = this.index === 0;
    const next = button('Next →', () => this.go(this.index + 1), 'presenter-next');
    next.disabled = this.index === this.steps.length - 1;
    nav.append(back, next);
    head.append(counter, nav);
    words.append(question, reveal, answer);
    const q = new URLSearchParams(step.query);
    q.set('scenario', step.scenario);
    q.set('controls', step.controls.join(','));
    this.run = new RunView(q, models, {
      presenter: true,
      onDone: (read) => {
        answer.textContent = step.answer(read);
        answer.hidden = false;
        // The answer takes the button's place: a step fits a 1280×720 projector with its question and answer.
        reveal.hidden = true;
      },
    });
    void this.run.ready.then(() => this.run?.highlight(step.controls, step.panels));
    const stage = el('section', 'presenter-stage');
    stage.append(this.run.element);
    this.element.append(words, stage);
    window.addEventListener('keydown', this.onKey);
  }

  dispose(): void {
    window.removeEventListener('keydown', this.onKey);
    this.run?.dispose();
  }

  private go(index: number): void {
    if (index < 0 || index >= this.steps.length) return;
    location.hash = `#/present?step=${index + 1}`;
  }

  /** Arrows and Page Up/Down move between steps, unless a control (a slider, a field) has the keys. */
  private key(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (target && target.closest('input, select, textarea, canvas')) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') this.go(this.index + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') this.go(this.index - 1);
    else return;
    e.preventDefault();
  }
}
