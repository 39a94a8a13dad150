/** Where a live view's members and hubs sit on a canvas of `width` × `height` (pure: no DOM). */
export interface Placement {
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Dot radius of each member. */
  readonly r: Float32Array;
  readonly hubX: Float32Array;
  readonly hubY: Float32Array;
}

export interface ClusterInput {
  readonly ids: Int32Array;
  /** Per member, bit g set: in cluster g. */
  readonly masks: Int32Array;
  readonly clusters: number;
  /** Per member, its kind (0 the common kind; later kinds drawn larger), or null. */
  readonly kinds: Uint8Array | null;
  /** Per hub: true when it lies outside the economy. */
  readonly hubsOutside: readonly boolean[];
  readonly width: number;
  readonly height: number;
}

/** A number in [0, 1) from a member id, the same every time (a 32-bit integer hash). */
export function unitHash(id: number, salt: number): number {
  let h = Math.imul(id ^ Math.imul(salt, 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** The centre of each cluster: around a circle in the members' area (two clusters side by side). */
export function clusterCentres(
  clusters: number,
  left: number,
  right: number,
  height: number,
): [number, number][] {
  const cx = (left + right) / 2;
  const cy = height / 2;
  if (clusters === 1) return [[cx, cy]];
  const radius = Math.min(right - left, height) * 0.3;
  return Array.from({ length: clusters }, (_, g) => {
    const angle = Math.PI + (2 * Math.PI * g) / clusters;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
}

/**
 * Members laid out by cluster: each at the mean of the centres of the clusters it belongs to (a member of two
 * between them), scattered in a disc by a hash of its id; members of no cluster (outsiders) in a column apart on
 * the left; the inside hubs at the right of the members, the outside hubs in a column at the far right.
 * Later kinds (e.g. companies) get larger dots. The same input always gives the same placement.
 */
export function clusterLayout(input: ClusterInput): Placement {
  const { ids, masks, clusters, kinds, hubsOutside, width, height } = input;
  const n = ids.length;
  const hasHubs = hubsOutside.length > 0;
  const outsidersRight = width * 0.16;
  const membersRight = hasHubs ? width * 0.76 : width;
  const centres = clusterCentres(Math.max(1, clusters), outsidersRight, membersRight, height);
  const spread = Math.min(membersRight - outsidersRight, height) * (clusters > 1 ? 0.17 : 0.4);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const r = new Float32Array(n);
  const base = Math.max(1.5, Math.min(3, Math.sqrt((width * height) / Math.max(1, n)) / 4));
  for (let k = 0; k < n; k++) {
    const id = ids[k];
    const angle = 2 * Math.PI * unitHash(id, 1);
    const dist = Math.sqrt(unitHash(id, 2));
    const mask = masks[k];
    r[k] = kinds && kinds[k] > 0 ? base * 2 : base;
    if (mask === 0) {
      x[k] = outsidersRight * (0.15 + 0.7 * unitHash(id, 3));
      y[k] = height * (0.08 + 0.84 * unitHash(id, 4));
      continue;
    }
    let sx = 0;
    let sy = 0;
    let count = 0;
    for (let g = 0; g < clusters; g++) {
      if (!(mask & (1 << g))) continue;
      sx += centres[g][0];
      sy += centres[g][1];
      count++;
    }
    x[k] = sx / count + spread * dist * Math.cos(angle);
    y[k] = sy / count + spread * dist * Math.sin(angle);
  }
  const outside = hubsOutside.map((o, h) => (o ? h : -1)).filter((h) => h >= 0);
  const inside = hubsOutside.map((o, h) => (o ? -1 : h)).filter((h) => h >= 0);
  const hubX = new Float32Array(hubsOutside.length);
  const hubY = new Float32Array(hubsOutside.length);
  inside.forEach((h, i) => {
    hubX[h] = width * 0.84;
    hubY[h] = (height * (i + 1)) / (inside.length + 1);
  });
  outside.forEach((h, i) => {
    hubX[h] = width * 0.95;
    hubY[h] = (height * (i + 1)) / (outside.length + 1);
  });
  return { x, y, r, hubX, hubY };
}

/** Member indices in order of `values`, largest first (ties by index): the ranks of a ranked view. */
export function rankOrder(values: Float64Array): Int32Array {
  const order = Int32Array.from(values, (_, k) => k);
  order.sort((a, b) => values[b] - values[a] || a - b);
  return order;
}
