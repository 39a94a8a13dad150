import type { Remote } from 'comlink';
import type { SimWorkerApi, ViewFrame } from '../../sim/host/worker/api.js';
import { showAsImage } from '../charts/describe/text-alternative.js';
import { ThrottledText } from '../charts/describe/throttled.js';
import { channelStyles } from './colours.js';
import { describeFrame } from './describe-frame.js';
import { EconomyCanvas } from './economy-canvas.js';
import { StoryPanel } from './story-panel.js';

/** At most this many members are drawn (a deterministic sample chosen by the model). */
export const VIEW_MEMBERS = 3000;

/**
 * The live view of the open run beside the charts: asks the worker for a frame whenever it can draw one (never
 * more than one request in flight, so a busy page costs the engine nothing), paints once per animation frame,
 * and tells a clicked member's story. `data-fps` on the element says how many frames it painted last second, `data-paint-ms` their mean cost.
 */
export class LiveEconomy {
  readonly element: HTMLElement;
  private readonly view = new EconomyCanvas();
  private readonly story = new StoryPanel();
  private readonly picker = document.createElement('select');
  private readonly legend = document.createElement('div');
  private readonly caption = document.createElement('p');
  private lastTick = -1;
  private inFlight = false;
  private running = true;
  private pickedId = -1;
  private paints = 0;
  private paintMs = 0;
  private second = 0;
  private legendKey = '';
  /** The canvas's text alternative (tick, members, colours, flows by channel), at most once a second. */
  private readonly alt = new ThrottledText((alt) => showAsImage(this.view.canvas, alt));

  constructor(private readonly api: Remote<SimWorkerApi>) {
    this.element = document.createElement('article');
    this.element.className = 'panel economy-panel';
    this.element.dataset.testid = 'economy-view';
    const title = document.createElement('h3');
    title.textContent = 'The economy, live';
    this.picker.dataset.testid = 'view-colour';
    this.picker.setAttribute('aria-label', 'Colour the members by');
    this.picker.onchange = () => {
      this.view.colourBy(this.picker.value);
      this.legendKey = '';
    };
    const pick = document.createElement('label');
    pick.className = 'inline';
    pick.append('Colour by ', this.picker);
    this.legend.className = 'view-legend';
    this.caption.className = 'view-caption';
    this.view.canvas.dataset.testid = 'economy-canvas';
    this.view.canvas.tabIndex = 0;
    showAsImage(this.view.canvas, { label: 'The economy, live: waiting for the first frame.' });
    this.view.canvas.onclick = (e) => this.pickAt(e.offsetX, e.offsetY);
    this.view.canvas.onkeydown = (e) => this.pickByKey(e);
    const body = document.createElement('div');
    body.className = 'economy-body';
    body.append(this.view.canvas, this.story.element);
    this.element.append(title, pick, body, this.legend, this.caption);
    requestAnimationFrame((t) => this.loop(t));
  }

  /** Stops asking and painting (the run closed). */
  dispose(): void {
    this.running = false;
  }

  /** Forces the next frame to be fetched even if no tick ran (e.g. after a reset). */
  refresh(): void {
    this.lastTick = -1;
  }

  private loop(now: number): void {
    if (!this.running) return;
    if (!this.inFlight) {
      this.inFlight = true;
      this.api
        .viewFrame(this.lastTick)
        .then((frame) => {
          if (frame && this.running) this.take(frame, performance.now());
        })
        .catch(() => {})
        .finally(() => (this.inFlight = false));
    }
    const started = performance.now();
    if (this.view.draw(now)) {
      this.paints++;
      this.paintMs += performance.now() - started;
    }
    if (now - this.second >= 1000) {
      this.element.dataset.fps = String(Math.round((this.paints * 1000) / Math.max(1, now - this.second)));
      this.element.dataset.paintMs = (this.paintMs / Math.max(1, this.paints)).toFixed(1);
      this.paints = 0;
      this.paintMs = 0;
      this.second = now;
    }
    requestAnimationFrame((t) => this.loop(t));
  }

  private take(frame: ViewFrame, now: number): void {
    this.lastTick = frame.tick;
    this.view.show(frame, now);
    this.element.dataset.tick = String(frame.tick);
    const names = frame.quantities.map((q) => q.name).join(',');
    if (this.picker.dataset.names !== names) {
      this.picker.dataset.names = names;
      this.picker.replaceChildren(...frame.quantities.map((q) => new Option(q.label, q.name)));
      this.view.colourBy(frame.quantities[0]?.name ?? '');
    }
    this.updateLegend(frame);
    if (this.pickedId >= 0) void this.tell(this.pickedId);
  }

  private updateLegend(frame: ViewFrame): void {
    const scale = this.view.scale();
    const q = frame.quantities.find((x) => x.name === scale.name);
    const key = `${scale.name}:${scale.lo.toPrecision(3)}:${scale.hi.toPrecision(3)}`;
    if (key !== this.legendKey) {
      this.legendKey = key;
      const bar = document.createElement('span');
      bar.className = 'colour-bar';
      bar.style.background = `linear-gradient(to right, ${scale.colours.join(', ')})`;
      const lo = document.createElement('span');
      lo.textContent = `${format(scale.lo)}`;
      const hi = document.createElement('span');
      hi.textContent = `${format(scale.hi)} ${q?.unit ?? ''}`;
      const colour = document.createElement('div');
      colour.className = 'legend-row';
      colour.append(`${q?.label ?? scale.name}: `, lo, bar, hi);
      const styles = channelStyles(frame.channels.map((c) => c.name));
      const channels = document.createElement('div');
      channels.className = 'legend-row';
      frame.channels.forEach((c, i) => {
        const item = document.createElement('span');
        item.className = 'legend-item';
        const line = document.createElement('i');
        line.className = 'legend-line';
        const s = styles[i];
        line.style.borderTop = `${Math.max(2, s.width)}px ${s.dash.length ? 'dashed' : 'solid'} ${s.colour}`;
        item.append(line, c.label);
        channels.append(item);
      });
      this.legend.replaceChildren(colour, channels);
    }
    const n = frame.ids.length;
    const kind = frame.layout.kind === 'ranked' ? 'agents, ranked by wealth' : 'members, placed by group';
    const flows = frame.flows.count > 0 ? ` Arcs: what moved in tick ${frame.tick}.` : '';
    this.caption.textContent =
      `Tick ${frame.tick}: ${n.toLocaleString('en-US')} of ${frame.population.toLocaleString('en-US')} ${kind}` +
      `${n < frame.population ? ' (an evenly spread sample)' : ''}.${flows} Click a dot to follow a member.`;
    this.alt.set(() => describeFrame(frame, scale));
  }

  private pickAt(x: number, y: number): void {
    const rect = this.view.canvas.getBoundingClientRect();
    const k = this.view.pick((x * this.view.width) / rect.width, (y * this.view.height) / rect.height);
    this.follow(k);
  }

  /** Arrow keys on the focused canvas step through the members; Escape lets go. */
  private pickByKey(e: KeyboardEvent): void {
    const frame = this.view.shown;
    if (!frame) return;
    const k = frame.ids.indexOf(this.pickedId);
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') this.follow(Math.min(frame.ids.length - 1, k + 1));
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') this.follow(Math.max(0, k - 1));
    else if (e.key === 'Escape') this.follow(-1);
    else return;
    e.preventDefault();
  }

  private follow(k: number): void {
    const frame = this.view.shown;
    this.view.highlight(k);
    this.pickedId = k >= 0 && frame ? frame.ids[k] : -1;
    if (this.pickedId < 0) this.story.show(null);
    else void this.tell(this.pickedId);
  }

  private async tell(id: number): Promise<void> {
    const story = await this.api.story(id);
    if (id === this.pickedId) this.story.show(story);
  }
}

function format(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);
}
