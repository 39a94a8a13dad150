/**
 * Directories of agents by bitmask attribute, built in two passes over the agents (count, then fill) with no
 * per-agent allocation: the agents with each bit set, and the agents with each pair of bits of two attributes.
 * Every list is in id order, as `RingList` requires.
 */

/** lists[b]: the agents i (in id order) with bit b of masks[i] set, for b < bits. */
export function listsByBit(masks: Int32Array, bits: number): Int32Array[] {
  const counts = new Int32Array(bits);
  for (let i = 0; i < masks.length; i++) {
    for (let m = masks[i]; m !== 0; m &= m - 1) counts[31 - Math.clz32(m & -m)]++;
  }
  const lists = Array.from({ length: bits }, (_, b) => new Int32Array(counts[b]));
  counts.fill(0);
  for (let i = 0; i < masks.length; i++) {
    for (let m = masks[i]; m !== 0; m &= m - 1) {
      const b = 31 - Math.clz32(m & -m);
      lists[b][counts[b]++] = i;
    }
  }
  return lists;
}

/** lists[a × bitsB + b]: the agents with bit a of first[i] and bit b of second[i] set, in id order. */
export function listsByBitPair(
  first: Int32Array,
  bitsA: number,
  second: Int32Array,
  bitsB: number,
): Int32Array[] {
  const counts = new Int32Array(bitsA * bitsB);
  const visit = (fill: Int32Array[] | null): void => {
    for (let i = 0; i < first.length; i++) {
      for (let ma = first[i]; ma !== 0; ma &= ma - 1) {
        const row = (31 - Math.clz32(ma & -ma)) * bitsB;
        for (let mb = second[i]; mb !== 0; mb &= mb - 1) {
          const k = row + 31 - Math.clz32(mb & -mb);
          if (fill) fill[k][counts[k]++] = i;
          else counts[k]++;
        }
      }
    }
  };
  visit(null);
  const lists = Array.from(counts, (count) => new Int32Array(count));
  counts.fill(0);
  visit(lists);
  return lists;
}
