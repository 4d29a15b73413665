/**
 * A bounded cache of integer score rows keyed by two 32-bit integers, in typed arrays (open addressing, no
 * objects per entry). The tagger keeps the summed weights of features fixed by a word pair or a shape window
 * here: news repeats its word pairs and its shape windows, so a row met before costs one probe into a small
 * table instead of several probes into the model's large one. When full it starts over (a cache, not a store).
 */
export class VectorCache {
  /** Width of a row (the number of tags, or twice that). */
  readonly width: number;
  private readonly mask: number;
  /** Rows held at most. */
  readonly maxRows: number;
  /**
   * Slots of four integers: key a, key b, row index + 1 (0 when the slot is empty), unused; one cache line
   * holds a slot whole.
   */
  private table: Int32Array;
  /** The rows, `width` integers each. */
  pool: Int32Array;
  private rows = 0;

  /** `maxRows` rows at most (the table has twice as many slots, rounded up to a power of two). */
  constructor(width: number, maxRows: number) {
    this.width = width;
    this.maxRows = maxRows;
    let cap = 1024;
    while (cap < maxRows * 2) cap <<= 1;
    this.mask = cap - 1;
    this.table = new Int32Array(cap * 4);
    this.pool = new Int32Array(Math.min(maxRows, 4096) * width);
  }

  /** Number of rows held. */
  get size(): number {
    return this.rows;
  }

  private home(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** Offset in `pool` of the row of `(a, b)`, or -1. */
  find(a: number, b: number): number {
    const { table, mask } = this;
    let h = this.home(a, b);
    for (;;) {
      const at = h << 2;
      const r = table[at + 2]!;
      if (r === 0) return -1;
      if (table[at] === a && table[at + 1] === b) return (r - 1) * this.width;
      h = (h + 1) & mask;
    }
  }

  /**
   * Makes room for `k` more rows (starting the cache over if need be, and growing `pool`), so that the offsets
   * the next `k` calls of `add` and `find` return stay valid together. `k` is capped at `maxRows`.
   */
  reserve(k: number): void {
    const want = Math.min(k, this.maxRows);
    if (this.rows + want > this.maxRows) this.clear();
    const need = (this.rows + want) * this.width;
    if (need > this.pool.length) {
      let size = this.pool.length * 2;
      while (size < need) size *= 2;
      const next = new Int32Array(Math.min(this.maxRows * this.width, size));
      next.set(this.pool.subarray(0, this.rows * this.width));
      this.pool = next;
    }
  }

  /**
   * Adds a zeroed row for `(a, b)` (which must be absent) and returns its offset in `pool`. Offsets stay valid
   * until the cache starts over or `pool` grows, which only `add` beyond a `reserve` and `reserve` itself do.
   */
  add(a: number, b: number): number {
    this.reserve(1);
    let h = this.home(a, b);
    while (this.table[(h << 2) + 2] !== 0) h = (h + 1) & this.mask;
    this.table[h << 2] = a;
    this.table[(h << 2) + 1] = b;
    this.table[(h << 2) + 2] = ++this.rows;
    const at = (this.rows - 1) * this.width;
    this.pool.fill(0, at, at + this.width);
    return at;
  }

  /** Forgets every row. */
  clear(): void {
    this.table.fill(0);
    this.rows = 0;
  }
}
