import type { ViewFrame } from '../../sim/host/worker/api.js';
import {
  BUCKETS,
  bucketColours,
  bucketOf,
  channelStyles,
  robustRange,
  type ChannelStyle,
} from './colours.js';
import { clusterCentres, clusterLayout, rankOrder, type Placement } from './layout.js';

/** How long the last tick's flows take to fade once the next tick's arrive (ms). */
const FADE_MS = 600;
/** Share of the remaining way a ranked bar moves towards its new rank per drawn frame. */
const EASE = 0.2;

interface Flows {
  readonly frame: ViewFrame;
  readonly since: number;
}

/**
 * The live view drawn on a canvas: members as dots placed by cluster (or bars ranked by a quantity), coloured by
 * the quantity picked, the tick's flows as arcs styled by channel (the previous tick's fading out), hubs with
 * their names. `show` takes a new frame; `draw` paints (call it once per animation frame).
 */
export class EconomyCanvas {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private frame: ViewFrame | null = null;
  private placement: Placement | null = null;
  private placementKey = '';
  private current: Flows | null = null;
  private previous: Flows | null = null;
  private quantity = '';
  private colours: string[] = [];
  private range: [number, number] = [0, 1];
  private buckets = new Uint8Array(0);
  /** Members in bucket order (counting sort), so each colour is one path. */
  private byBucket = new Int32Array(0);
  private bucketStart = new Int32Array(BUCKETS + 1);
  private styles: ChannelStyle[] = [];
  /** Ranked layout: each member's shown position (eases towards its rank). */
  private shownRank = new Float32Array(0);
  private targetRank = new Float32Array(0);
  private picked = -1;
  private dirty = true;

  constructor(
    readonly width = 640,
    readonly height = 420,
  ) {
    this.canvas = document.createElement('canvas');
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.aspectRatio = `${width} / ${height}`;
    this.ctx = this.canvas.getContext('2d')!;
    this.ctx.scale(dpr, dpr);
  }

  /** The frame shown now, or null. */
  get shown(): ViewFrame | null {
    return this.frame;
  }

  /** Colours the members by the named quantity (of the frame's). */
  colourBy(name: string): void {
    this.quantity = name;
    if (this.frame) this.recolour(this.frame);
    this.dirty = true;
  }

  /** The range and colours of the quantity shown, for a legend. */
  scale(): { name: string; lo: number; hi: number; colours: string[] } {
    return { name: this.quantity, lo: this.range[0], hi: this.range[1], colours: this.colours };
  }

  show(frame: ViewFrame, now: number): void {
    const key = `${frame.ids.length}:${frame.ids[0]}:${frame.ids[frame.ids.length - 1]}`;
    if (key !== this.placementKey) {
      this.placementKey = key;
      this.placement =
        frame.layout.kind === 'clusters'
          ? clusterLayout({
              ids: frame.ids,
              masks: frame.clusters?.masks ?? new Int32Array(frame.ids.length),
              clusters: frame.clusters?.names.length ?? 0,
              kinds: frame.kinds?.of ?? null,
              hubsOutside: frame.hubs.map((h) => h.place === 'outside'),
              width: this.width,
              height: this.height,
            })
          : null;
      this.styles = channelStyles(frame.channels.map((c) => c.name));
      this.shownRank = new Float32Array(frame.ids.length).fill(NaN);
      this.targetRank = new Float32Array(frame.ids.length);
      this.current = this.previous = null;
    }
    if (!frame.quantities.some((q) => q.name === this.quantity))
      this.quantity = frame.quantities[0]?.name ?? '';
    this.frame = frame;
    if (frame.layout.kind === 'ranked') {
      const by = frame.quantities.find((q) => q.name === (frame.layout as { by: string }).by);
      if (by) rankOrder(by.values).forEach((k, rank) => (this.targetRank[k] = rank));
      for (let k = 0; k < this.shownRank.length; k++)
        if (Number.isNaN(this.shownRank[k])) this.shownRank[k] = this.targetRank[k];
    }
    this.recolour(frame);
    if (frame.flows.count > 0 || this.current) {
      this.previous = this.current ? { frame: this.current.frame, since: now } : null;
      this.current = { frame, since: now };
    }
    this.dirty = true;
  }

  /** The member (sample index) under a point in CSS pixels of the canvas, or −1. */
  pick(px: number, py: number): number {
    const frame = this.frame;
    if (!frame) return -1;
    let best = -1;
    let bestDist = 12 * 12;
    for (let k = 0; k < frame.ids.length; k++) {
      const [x, y] = this.position(k);
      const d = (x - px) ** 2 + (y - py) ** 2;
      if (d < bestDist) [best, bestDist] = [k, d];
    }
    return best;
  }

  /** Rings the picked member (−1: none). */
  highlight(k: number): void {
    this.picked = k;
    this.dirty = true;
  }

  /** Paints if anything changed or anything moves; returns whether it painted. */
  draw(now: number): boolean {
    const frame = this.frame;
    const fading = this.previous !== null && now - this.previous.since < FADE_MS;
    const moving = frame?.layout.kind === 'ranked' && this.ease();
    if (!frame || !(this.dirty || fading || moving)) return false;
    this.dirty = false;
    const { ctx, width, height } = this;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    if (frame.layout.kind === 'ranked') this.drawBars(frame);
    else {
      this.drawLabels(frame);
      this.drawDots(frame);
      if (this.previous && fading)
        this.drawFlows(this.previous.frame, 1 - (now - this.previous.since) / FADE_MS);
      if (this.current) this.drawFlows(this.current.frame, 1);
      this.drawHubs(frame);
    }
    if (this.picked >= 0 && this.picked < frame.ids.length) {
      const [x, y] = this.position(this.picked);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#000000';
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.arc(x, y, 8, 0, 2 * Math.PI);
      ctx.stroke();
    }
    return true;
  }

  /** Where member k is drawn (for a ranked view: the top of its bar). */
  private position(k: number): [number, number] {
    if (this.placement) return [this.placement.x[k], this.placement.y[k]];
    const n = Math.max(1, this.frame?.ids.length ?? 1);
    return [((this.shownRank[k] + 0.5) * this.width) / n, this.barTop(k)];
  }

  private recolour(frame: ViewFrame): void {
    const q = frame.quantities.find((x) => x.name === this.quantity);
    const n = frame.ids.length;
    if (this.buckets.length !== n) {
      this.buckets = new Uint8Array(n);
      this.byBucket = new Int32Array(n);
    }
    if (!q) return;
    this.range = robustRange(q.values);
    this.colours = bucketColours(...this.range);
    bucketOf(q.values, this.range[0], this.range[1], this.buckets);
    const start = this.bucketStart.fill(0);
    for (let k = 0; k < n; k++) start[this.buckets[k] + 1]++;
    for (let b = 0; b < BUCKETS; b++) start[b + 1] += start[b];
    const next = start.slice(0, BUCKETS);
    for (let k = 0; k < n; k++) this.byBucket[next[this.buckets[k]]++] = k;
  }

  private drawDots(frame: ViewFrame): void {
    const { ctx, placement } = this;
    if (!placement) return;
    const { x, y, r } = placement;
    for (let b = 0; b < BUCKETS; b++) {
      const from = this.bucketStart[b];
      const to = this.bucketStart[b + 1];
      if (from === to) continue;
      ctx.fillStyle = this.colours[b];
      // Squares: a software canvas fills thousands of them several times faster than circles.
      for (let i = from; i < to; i++) {
        const k = this.byBucket[i];
        if (k >= frame.ids.length) continue;
        ctx.fillRect(x[k] - r[k], y[k] - r[k], 2 * r[k], 2 * r[k]);
      }
    }
  }

  private drawFlows(frame: ViewFrame, alpha: number): void {
    const { ctx, placement } = this;
    if (!placement || alpha <= 0) return;
    const n = frame.ids.length;
    const { count, from, to, channel } = frame.flows;
    const px = (node: number) => (node < n ? placement.x[node] : placement.hubX[node - n]);
    const py = (node: number) => (node < n ? placement.y[node] : placement.hubY[node - n]);
    ctx.globalAlpha = alpha;
    this.styles.forEach((style, c) => {
      ctx.strokeStyle = style.colour;
      ctx.lineWidth = style.width;
      ctx.setLineDash(style.dash as number[]);
      ctx.beginPath();
      for (let i = 0; i < count; i++) {
        if (channel[i] !== c) continue;
        const x1 = px(from[i]);
        const y1 = py(from[i]);
        const x2 = px(to[i]);
        const y2 = py(to[i]);
        // A short arc bowed to one side of the straight line (left of the direction of payment).
        ctx.moveTo(x1, y1);
        ctx.quadraticCurveTo((x1 + x2) / 2 - (y2 - y1) * 0.2, (y1 + y2) / 2 + (x2 - x1) * 0.2, x2, y2);
      }
      ctx.stroke();
    });
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
  }

  private drawLabels(frame: ViewFrame): void {
    const { ctx, width, height } = this;
    ctx.font = '15px system-ui, sans-serif';
    ctx.fillStyle = '#333333';
    ctx.textAlign = 'center';
    const names = frame.clusters?.names ?? [];
    const right = frame.hubs.length ? width * 0.76 : width;
    const centres = clusterCentres(Math.max(1, names.length), width * 0.16, right, height);
    names.forEach((name, g) => ctx.fillText(name, centres[g][0], Math.max(16, centres[g][1] - height * 0.2)));
    ctx.fillText('outsiders', width * 0.08, 16);
  }

  private drawHubs(frame: ViewFrame): void {
    const { ctx, placement } = this;
    if (!placement) return;
    ctx.font = 'bold 14px system-ui, sans-serif';
    ctx.textAlign = 'center';
    frame.hubs.forEach((hub, h) => {
      const x = placement.hubX[h];
      const y = placement.hubY[h];
      const inside = hub.place === 'inside';
      ctx.fillStyle = inside ? '#1f2d3d' : '#ffffff';
      ctx.strokeStyle = '#1f2d3d';
      ctx.lineWidth = 2;
      ctx.beginPath();
      if (inside) ctx.arc(x, y, 16, 0, 2 * Math.PI);
      else ctx.rect(x - 10, y - 10, 20, 20);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = '#111111';
      // Outside hubs sit at the right edge: their names end there.
      ctx.textAlign = inside ? 'center' : 'right';
      ctx.fillText(hub.label, inside ? x : this.width - 4, y + (inside ? 32 : 26));
    });
  }

  /** The y of the top of member k's bar in a ranked view. */
  private barTop(k: number): number {
    const { by, base, scale } = this.barScale(this.frame!);
    return base - by.values[k] * scale;
  }

  /**
   * The quantity a ranked view's bars show, the y of its zero line and pixels per unit: the bars span the values
   * from the least (or 0) to the greatest (or 0).
   */
  private barScale(frame: ViewFrame): { by: ViewFrame['quantities'][number]; base: number; scale: number } {
    const by =
      frame.quantities.find((q) => q.name === (frame.layout as { by: string }).by) ?? frame.quantities[0];
    let hi = 0;
    let lo = 0;
    for (const v of by.values) {
      if (v > hi) hi = v;
      if (v < lo) lo = v;
    }
    const scale = hi > lo ? (this.height - 34) / (hi - lo) : 0;
    return { by, base: this.height - 4 + lo * scale, scale };
  }

  private drawBars(frame: ViewFrame): void {
    const { ctx, width } = this;
    const n = frame.ids.length;
    const { by, base, scale } = this.barScale(frame);
    const w = width / Math.max(1, n);
    for (let b = 0; b < BUCKETS; b++) {
      const from = this.bucketStart[b];
      const to = this.bucketStart[b + 1];
      if (from === to) continue;
      ctx.fillStyle = this.colours[b];
      ctx.beginPath();
      for (let i = from; i < to; i++) {
        const k = this.byBucket[i];
        const top = base - by.values[k] * scale;
        ctx.rect(this.shownRank[k] * w, Math.min(top, base), Math.max(w, 1), Math.abs(base - top));
      }
      ctx.fill();
    }
    ctx.fillStyle = '#333333';
    ctx.font = '15px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.fillText(`${by.label}: richest on the left, poorest on the right`, 8, 16);
  }

  /** Moves ranked bars a step towards their ranks; whether any still moves. */
  private ease(): boolean {
    let moving = false;
    for (let k = 0; k < this.shownRank.length; k++) {
      const d = this.targetRank[k] - this.shownRank[k];
      if (d === 0) continue;
      this.shownRank[k] = Math.abs(d) < 0.5 ? this.targetRank[k] : this.shownRank[k] + d * EASE;
      moving = true;
    }
    return moving;
  }
}
