/**
 * The members a live view shows: all of them up to `max`, else `max` ids spread evenly over 0 … n − 1
 * (id ⌊k·n/max⌋). Deterministic and drawn from no random stream, so watching a run never changes it.
 */
export function viewSample(n: number, max: number): Int32Array {
  const size = Math.max(0, Math.min(n, Math.floor(max)));
  const ids = new Int32Array(size);
  for (let k = 0; k < size; k++) ids[k] = Math.floor((k * n) / size);
  return ids;
}

/** Position of each member in the sample (−1: not sampled), for an O(1) test in a model's hot path. */
export function sampleIndex(n: number, ids: Int32Array): Int32Array {
  const index = new Int32Array(n).fill(-1);
  ids.forEach((id, k) => (index[id] = k));
  return index;
}
