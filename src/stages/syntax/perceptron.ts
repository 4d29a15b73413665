import { NewsintelError } from '../../core/errors.js';

/**
 * Multi-class averaged perceptron over hashed features (Collins 2002; the "averaging by timestamps" trick of
 * Daumé): training keeps, per (feature, class), the weight `w` and `u = Σ c·Δ` so that the averaged weight is
 * `w − u/c` without touching every weight after every example. Rows exist only for features that were ever
 * updated, in an open-addressing table keyed by the 32-bit feature hash, so memory follows the mistakes, not
 * the feature space. `compact()` turns it into the small, read-only {@link CompactModel} that is shipped.
 */
export class AveragedPerceptron {
  readonly classes: number;
  private keys: Uint32Array;
  private rowOfSlot: Int32Array;
  private mask: number;
  private rows = 0;
  private w: Float32Array;
  private u: Float64Array;
  /** Examples seen so far plus one (the averaging clock). */
  private clock = 1;

  constructor(classes: number, initialRows = 1 << 16) {
    this.classes = classes;
    let cap = 1;
    while (cap < initialRows * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.rowOfSlot = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.w = new Float32Array(initialRows * classes);
    this.u = new Float64Array(initialRows * classes);
  }

  /** Number of feature rows (features that were updated at least once). */
  get size(): number {
    return this.rows;
  }

  private find(key: number): number {
    let s = key & this.mask;
    for (;;) {
      const k = this.keys[s]!;
      if (k === key) return this.rowOfSlot[s]!;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  private insert(key: number): number {
    if ((this.rows + 1) * 2 > this.keys.length) this.rehash();
    if ((this.rows + 1) * this.classes > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    let s = key & this.mask;
    while (this.keys[s] !== 0) s = (s + 1) & this.mask;
    this.keys[s] = key;
    this.rowOfSlot[s] = this.rows;
    return this.rows++;
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldRows = this.rowOfSlot;
    const cap = oldKeys.length * 2;
    this.keys = new Uint32Array(cap);
    this.rowOfSlot = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === 0) continue;
      let s = k & this.mask;
      while (this.keys[s] !== 0) s = (s + 1) & this.mask;
      this.keys[s] = k;
      this.rowOfSlot[s] = oldRows[i]!;
    }
  }

  /** Writes the current (not averaged) scores of the `n` features into `out[0..classes)`. */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    const K = this.classes;
    out.fill(0, 0, K);
    for (let i = 0; i < n; i++) {
      const r = this.find(feats[i]!);
      if (r < 0) continue;
      const base = r * K;
      for (let k = 0; k < K; k++) out[k]! += this.w[base + k]!;
    }
  }

  /** Perceptron update: +1 to `truth`, −1 to `guess` on every feature (nothing when they agree). */
  update(feats: Uint32Array, n: number, truth: number, guess: number): void {
    if (truth === guess) return;
    const K = this.classes;
    const c = this.clock;
    for (let i = 0; i < n; i++) {
      const key = feats[i]!;
      let r = this.find(key);
      if (r < 0) r = this.insert(key);
      const base = r * K;
      this.w[base + truth]! += 1;
      this.u[base + truth]! += c;
      this.w[base + guess]! -= 1;
      this.u[base + guess]! -= c;
    }
  }

  /** Advances the averaging clock by one example. */
  tick(): void {
    this.clock++;
  }

  /**
   * The averaged weights as a compact model. Weights are quantised to 16 bits; a (feature, class) weight whose
   * magnitude is below `prune` (relative to the largest weight) is dropped, and so is a feature left empty.
   */
  compact(prune = 0): CompactModel {
    const K = this.classes;
    const c = this.clock;
    const avg = new Float32Array(this.rows * K);
    let max = 0;
    for (let i = 0; i < this.rows * K; i++) {
      const v = this.w[i]! - this.u[i]! / c;
      avg[i] = v;
      if (Math.abs(v) > max) max = Math.abs(v);
    }
    const scale = max > 0 ? max / 32767 : 1;
    const cut = Math.max(prune * max, scale * 0.5);
    const rowKey = new Uint32Array(this.rows);
    for (let s = 0; s < this.keys.length; s++) {
      if (this.keys[s] !== 0) rowKey[this.rowOfSlot[s]!] = this.keys[s]!;
    }
    const keys: number[] = [];
    const lens: number[] = [];
    const cls: number[] = [];
    const val: number[] = [];
    for (let r = 0; r < this.rows; r++) {
      let len = 0;
      for (let k = 0; k < K; k++) {
        const v = avg[r * K + k]!;
        if (Math.abs(v) < cut) continue;
        cls.push(k);
        val.push(Math.round(v / scale));
        len++;
      }
      if (len > 0) {
        keys.push(rowKey[r]!);
        lens.push(len);
      } else {
        // nothing kept for this row
      }
    }
    return new CompactModel(
      K,
      Uint32Array.from(keys),
      Uint8Array.from(lens),
      Uint8Array.from(cls),
      Int16Array.from(val),
      scale,
    );
  }
}

/** Models with at most this many classes keep their weights inside the hash table's buckets. */
export const DENSE_CLASSES = 4;

/** Bytes of one bucket of a dense table: one cache line. */
const BUCKET_BYTES = 64;

/** The serialised form of a {@link CompactModel} (typed arrays as base64). */
export interface CompactModelFile {
  classes: number;
  scale: number;
  keys: string;
  lens: string;
  cls: string;
  val: string;
}

function b64(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function unb64<T>(s: string, make: (buf: ArrayBuffer) => T): T {
  const b = Buffer.from(s, 'base64');
  const copy = new ArrayBuffer(b.byteLength);
  new Uint8Array(copy).set(b);
  return make(copy);
}

/**
 * Read-only averaged-perceptron weights: an open-addressing hash table from feature key to a sparse row of
 * (class, weight) pairs. Scoring a state is one table probe per feature plus a short loop over its non-zero
 * classes. The layout is chosen for the memory cache, which bounds the speed, and for the process's memory:
 * weights stay the 16-bit integers of the file (times `scale`, converted to a 32-bit float when added, so scores
 * are bit-identical to a table of 32-bit floats).
 *
 * - Models of at most {@link DENSE_CLASSES} classes (the parser's moves) keep keys and weights together in
 *   64-byte buckets, one cache line each: for 3 classes, 6 keys then 6 rows of three Int16 weights. A feature
 *   costs one cache miss, and the parser's 1.86M rows fit in 2^19 buckets (33.5 MB; 16-byte slots of 32-bit
 *   floats needed 2^22 slots, 67 MB, to stay under 70% full). A bucket's entries fill in order and a full bucket
 *   overflows into the next, so a probe stops at the first empty entry.
 * - Wider models (tagger, arc labeller) keep a slot `[key, row]` per feature and, in one Int32 array, each row
 *   as its length followed by `weight << 8 | class` pairs (half the bytes of (class, weight) float pairs).
 */
export class CompactModel {
  readonly classes: number;
  private readonly dense: boolean;
  /** Dense: entries per bucket. */
  private readonly perBucket: number;
  /** Dense: the buckets as 32-bit words (keys); wide: the slots `[key, row offset in pairs]`. */
  private readonly slotsU: Uint32Array;
  /** Dense: the same buckets as 16-bit words (weights). */
  private readonly slotsW: Int16Array;
  /** Dense: bucket mask; wide: slot mask. */
  private readonly mask: number;
  /** Wide: each row as its length, then `weight << 8 | class` per non-zero weight. */
  private readonly pairs: Int32Array;
  private readonly scale: number;
  /** Home bucket or slot (then found row) of each feature of the current call: scratch space for {@link score}. */
  private readonly at = new Int32Array(256);
  /** Sink for the values read only to bring their cache lines in (kept so the reads are not optimised away). */
  touched = 0;
  /**
   * The rows as read from the file (views into the gunzipped model): needed to prune or write the model, not to
   * score, so the shared runtime model lets them go ({@link releaseSource}) and frees the file's 28 MB.
   */
  private raw: {
    keys: Uint32Array;
    lens: Uint8Array;
    cls: Uint8Array;
    val: Int16Array;
    scale: number;
  } | null;
  private readonly rowCount: number;
  private readonly weightCount: number;

  constructor(
    classes: number,
    keys: Uint32Array,
    lens: Uint8Array,
    cls: Uint8Array,
    val: Int16Array,
    scale: number,
  ) {
    if (lens.length !== keys.length || cls.length !== val.length) {
      throw new NewsintelError('E_INPUT_FORMAT', 'syntax model: weight arrays do not match');
    }
    let total = 0;
    for (let r = 0; r < lens.length; r++) total += lens[r]!;
    if (total !== cls.length) {
      throw new NewsintelError('E_INPUT_FORMAT', 'syntax model: row lengths do not match the weights');
    }
    for (let j = 0; j < cls.length; j++) {
      if (cls[j]! >= classes)
        throw new NewsintelError('E_INPUT_FORMAT', 'syntax model: class id out of range');
    }
    this.classes = classes;
    this.scale = scale;
    this.raw = { keys, lens, cls, val, scale };
    this.rowCount = keys.length;
    this.weightCount = val.length;
    this.dense = classes <= DENSE_CLASSES;
    if (this.dense) {
      const per = Math.floor(BUCKET_BYTES / (4 + 2 * classes));
      this.perBucket = per;
      let buckets = 2;
      // at most 70% full: an overflow into the next bucket stays rare
      while (buckets * per * 0.7 < keys.length) buckets <<= 1;
      const buf = new ArrayBuffer(buckets * BUCKET_BYTES);
      this.slotsU = new Uint32Array(buf);
      this.slotsW = new Int16Array(buf);
      this.mask = buckets - 1;
      this.pairs = new Int32Array(0);
      fillBuckets(this.slotsU, this.slotsW, per, classes, this.mask, this.raw);
    } else {
      this.perBucket = 0;
      let cap = 16;
      // at most 70% full: short probes
      while (cap * 0.7 < keys.length) cap <<= 1;
      this.slotsU = new Uint32Array(cap * 2);
      this.slotsW = new Int16Array(0);
      this.mask = cap - 1;
      this.pairs = new Int32Array(keys.length + cls.length);
      fillSlots(this.slotsU, this.pairs, this.mask, this.raw);
    }
  }

  /** Number of feature rows kept. */
  get size(): number {
    return this.rowCount;
  }

  /** Number of non-zero weights kept. */
  get weights(): number {
    return this.weightCount;
  }

  /**
   * Drops the rows read from the file; scoring reads only the hash table. After this, {@link pruned},
   * {@link tables} and {@link toFile} throw E_STAGE_CONTRACT: load the file again to prune or write a model.
   */
  releaseSource(): void {
    this.raw = null;
  }

  private source(): NonNullable<CompactModel['raw']> {
    if (!this.raw) {
      throw new NewsintelError(
        'E_STAGE_CONTRACT',
        'syntax model: the file rows of this shared runtime model were released; load the file with loadSyntaxModel to prune or write it',
      );
    }
    return this.raw;
  }

  /**
   * Writes the scores of the `n` features into `out[0..classes)`. The tables are far larger than the CPU caches,
   * so a lookup is bound by memory latency, not arithmetic: a first pass only reads each feature's home bucket or
   * slot (no branch depends on it, so the CPU has all those cache misses in flight at once), and the probing pass
   * that follows finds the lines already in cache. Wide models do the same for their rows. The additions happen
   * in the same order as a plain loop, each adding the 32-bit float nearest to `weight × scale`, so scores are
   * bit-identical to a table that stored those floats.
   */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    if (this.dense) this.scoreDense(feats, n, out);
    else this.scoreWide(feats, n, out);
  }

  private scoreDense(feats: Uint32Array, n: number, out: Float64Array): void {
    const K = this.classes;
    out.fill(0, 0, K);
    const { slotsU, slotsW, mask, scale, perBucket: E } = this;
    const at = n <= this.at.length ? this.at : new Int32Array(n);
    let touch = 0;
    for (let i = 0; i < n; i++) {
      const base = (feats[i]! & mask) << 4;
      at[i] = base;
      touch ^= slotsU[base]!;
    }
    this.touched = touch;
    const end = slotsU.length;
    if (K === 3) {
      scoreBuckets3(feats, n, out, at, slotsU, slotsW, scale);
      return;
    }
    const rows = E * 2;
    for (let i = 0; i < n; i++) {
      const key = feats[i]!;
      let base = at[i]!;
      for (;;) {
        // comparing all the bucket's keys costs less than stopping at its first empty entry
        let e = 0;
        while (e < E && slotsU[base + e] !== key) e++;
        if (e < E) {
          const w = (base << 1) + rows + e * K;
          for (let c = 0; c < K; c++) out[c]! += Math.fround(slotsW[w + c]! * scale);
          break;
        }
        // a bucket with an empty entry never overflowed: the key is not in the table
        if (slotsU[base + E - 1] === 0) break;
        base += 16;
        if (base >= end) base = 0;
      }
    }
  }

  private scoreWide(feats: Uint32Array, n: number, out: Float64Array): void {
    const K = this.classes;
    out.fill(0, 0, K);
    const { slotsU, pairs, mask, scale } = this;
    const at = n <= this.at.length ? this.at : new Int32Array(n);
    let touch = 0;
    for (let i = 0; i < n; i++) {
      const base = (feats[i]! & mask) << 1;
      at[i] = base;
      touch ^= slotsU[base]!;
    }
    const end = slotsU.length;
    // second pass: find each row and touch its length; third pass: add the rows
    for (let i = 0; i < n; i++) {
      const key = feats[i]!;
      let base = at[i]!;
      for (;;) {
        const k = slotsU[base]!;
        if (k === key) {
          const row = slotsU[base + 1]!;
          touch ^= pairs[row]!;
          at[i] = row;
          break;
        }
        if (k === 0) {
          at[i] = -1;
          break;
        }
        base += 2;
        if (base >= end) base = 0;
      }
    }
    this.touched = touch;
    for (let i = 0; i < n; i++) {
      const row = at[i]!;
      if (row < 0) continue;
      const to = row + 1 + pairs[row]!;
      for (let j = row + 1; j < to; j++) {
        const p = pairs[j]!;
        out[p & 255]! += Math.fround((p >> 8) * scale);
      }
    }
  }

  /** A copy without the weights whose magnitude is below `threshold` (and without rows left empty). */
  pruned(threshold: number): CompactModel {
    const { keys, lens, cls, val, scale } = this.source();
    const cut = threshold / scale;
    const k2: number[] = [];
    const l2: number[] = [];
    const c2: number[] = [];
    const v2: number[] = [];
    let at = 0;
    for (let r = 0; r < keys.length; r++) {
      let len = 0;
      for (let j = at; j < at + lens[r]!; j++) {
        if (Math.abs(val[j]!) < cut) continue;
        c2.push(cls[j]!);
        v2.push(val[j]!);
        len++;
      }
      at += lens[r]!;
      if (len > 0) {
        k2.push(keys[r]!);
        l2.push(len);
      }
    }
    return new CompactModel(
      this.classes,
      Uint32Array.from(k2),
      Uint8Array.from(l2),
      Uint8Array.from(c2),
      Int16Array.from(v2),
      scale,
    );
  }

  /**
   * The weight arrays for the binary model file, rows sorted by their home bucket (dense) or slot (wide) in the
   * table the loader will build: inserting them in that order writes the table front to back, which is several
   * times faster than scattering 1.9 million rows over 34 MB (the cost of loading the parser was mostly cache misses). Scores
   * do not depend on the order rows are inserted in.
   */
  tables(): {
    classes: number;
    scale: number;
    keys: Uint32Array;
    lens: Uint8Array;
    cls: Uint8Array;
    val: Int16Array;
  } {
    const { keys, lens, cls, val, scale } = this.source();
    const rows = keys.length;
    const start = new Uint32Array(rows + 1);
    for (let r = 0; r < rows; r++) start[r + 1] = start[r]! + lens[r]!;
    // counting sort of the rows by home bucket or slot (stable, so equal homes keep their order)
    const count = new Uint32Array(this.mask + 2);
    for (let r = 0; r < rows; r++) count[(keys[r]! & this.mask) + 1]!++;
    for (let s = 0; s <= this.mask; s++) count[s + 1]! += count[s]!;
    const order = new Uint32Array(rows);
    for (let r = 0; r < rows; r++) order[count[keys[r]! & this.mask]!++] = r;
    const k2 = new Uint32Array(rows);
    const l2 = new Uint8Array(rows);
    const c2 = new Uint8Array(cls.length);
    const v2 = new Int16Array(val.length);
    let at = 0;
    for (let i = 0; i < rows; i++) {
      const r = order[i]!;
      k2[i] = keys[r]!;
      l2[i] = lens[r]!;
      c2.set(cls.subarray(start[r]!, start[r + 1]!), at);
      v2.set(val.subarray(start[r]!, start[r + 1]!), at);
      at += lens[r]!;
    }
    return { classes: this.classes, scale, keys: k2, lens: l2, cls: c2, val: v2 };
  }

  toFile(): CompactModelFile {
    const { keys, lens, cls, val, scale } = this.source();
    return { classes: this.classes, scale, keys: b64(keys), lens: b64(lens), cls: b64(cls), val: b64(val) };
  }

  static fromFile(f: CompactModelFile): CompactModel {
    if (!f || typeof f.keys !== 'string' || typeof f.classes !== 'number') {
      throw new NewsintelError('E_INPUT_FORMAT', 'syntax model: malformed weight table');
    }
    return new CompactModel(
      f.classes,
      unb64(f.keys, (b) => new Uint32Array(b)),
      unb64(f.lens, (b) => new Uint8Array(b)),
      unb64(f.cls, (b) => new Uint8Array(b)),
      unb64(f.val, (b) => new Int16Array(b)),
      f.scale,
    );
  }
}

/**
 * {@link CompactModel.score} for the 3-class buckets (the parser's moves: 6 keys, then 6 rows of 3 weights),
 * unrolled: the general loop over a bucket's entries and classes costs the parser a quarter more time.
 */
function scoreBuckets3(
  feats: Uint32Array,
  n: number,
  out: Float64Array,
  at: Int32Array,
  slotsU: Uint32Array,
  slotsW: Int16Array,
  scale: number,
): void {
  const end = slotsU.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const key = feats[i]!;
    let base = at[i]!;
    for (;;) {
      let w: number;
      if (slotsU[base] === key) w = 12;
      else if (slotsU[base + 1] === key) w = 15;
      else if (slotsU[base + 2] === key) w = 18;
      else if (slotsU[base + 3] === key) w = 21;
      else if (slotsU[base + 4] === key) w = 24;
      else if (slotsU[base + 5] === key) w = 27;
      else {
        // a bucket with an empty entry never overflowed: the key is not in the table
        if (slotsU[base + 5] === 0) break;
        base += 16;
        if (base >= end) base = 0;
        continue;
      }
      w += base << 1;
      s0 += Math.fround(slotsW[w]! * scale);
      s1 += Math.fround(slotsW[w + 1]! * scale);
      s2 += Math.fround(slotsW[w + 2]! * scale);
      break;
    }
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
}

type RawRows = { keys: Uint32Array; lens: Uint8Array; cls: Uint8Array; val: Int16Array; scale: number };

/**
 * Inserts every row into the buckets of a dense table (plain functions over locals: they run once per model, and
 * a constructor's loop over `this` fields stays in the slow tiers of the JIT for most of its 1.9M rows).
 */
function fillBuckets(
  slotsU: Uint32Array,
  slotsW: Int16Array,
  per: number,
  classes: number,
  mask: number,
  raw: RawRows,
): void {
  const { keys, lens, cls, val } = raw;
  const rows = keys.length;
  let at = 0;
  for (let r = 0; r < rows; r++) {
    const k = keys[r]!;
    let base = (k & mask) << 4;
    let e = 0;
    for (;;) {
      while (e < per && slotsU[base + e] !== 0) e++;
      if (e < per) break;
      base = (base + 16) & (mask << 4);
      e = 0;
    }
    slotsU[base + e] = k;
    const w = (base << 1) + per * 2 + e * classes;
    const len = lens[r]!;
    for (let j = 0; j < len; j++) slotsW[w + cls[at + j]!] = val[at + j]!;
    at += len;
  }
}

/** Inserts every row into the slots of a wide table and writes the rows into `pairs`. */
function fillSlots(slotsU: Uint32Array, pairs: Int32Array, mask: number, raw: RawRows): void {
  const { keys, lens, cls, val } = raw;
  const rows = keys.length;
  let at = 0;
  let out = 0;
  for (let r = 0; r < rows; r++) {
    const k = keys[r]!;
    let s = k & mask;
    while (slotsU[s * 2] !== 0) s = (s + 1) & mask;
    slotsU[s * 2] = k;
    slotsU[s * 2 + 1] = out;
    const len = lens[r]!;
    pairs[out++] = len;
    for (let j = 0; j < len; j++) pairs[out++] = (val[at + j]! << 8) | cls[at + j]!;
    at += len;
  }
}

/** Anything that scores hashed features (the training perceptron or the shipped compact weights). */
export interface Scorer {
  readonly classes: number;
  score(feats: Uint32Array, n: number, out: Float64Array): void;
}
