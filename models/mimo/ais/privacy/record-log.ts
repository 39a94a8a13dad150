/** Transaction records as a data buyer's query sees them: struct of arrays, one row per record. */
export interface RecordBatch {
  readonly length: number;
  /** Member index of the record's owner (never leaves AIS). */
  readonly member: Int32Array;
  /** Group index (label in the query's `groups`). */
  readonly group: Int32Array;
  /** Category index (label in the query's `categories`). */
  readonly category: Int32Array;
  /** The measured amount (e.g. spend in minor units, hours); clipped per member and cell before release. */
  readonly value: Float64Array;
}

/** A growable log of records (amortised doubling; no per-record objects). */
export class RecordLog implements RecordBatch {
  length = 0;
  member = new Int32Array(0);
  group = new Int32Array(0);
  category = new Int32Array(0);
  value = new Float64Array(0);

  constructor(capacity = 1024) {
    this.resize(Math.max(1, capacity));
  }

  /** Appends one record. */
  append(member: number, group: number, category: number, value: number): void {
    if (this.length === this.member.length) this.resize(this.length * 2);
    const i = this.length++;
    this.member[i] = member;
    this.group[i] = group;
    this.category[i] = category;
    this.value[i] = value;
  }

  /** Forgets every record, keeping the storage (e.g. at the start of a period). */
  clear(): void {
    this.length = 0;
  }

  private resize(capacity: number): void {
    const grow = <T extends Int32Array | Float64Array>(old: T, next: T): T => {
      next.set(old.subarray(0, this.length));
      return next;
    };
    this.member = grow(this.member, new Int32Array(capacity));
    this.group = grow(this.group, new Int32Array(capacity));
    this.category = grow(this.category, new Int32Array(capacity));
    this.value = grow(this.value, new Float64Array(capacity));
  }
}
