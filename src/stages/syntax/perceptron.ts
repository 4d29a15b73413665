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

/** Models with at most this many classes keep their weights inside the hash slots. */
export const DENSE_CLASSES = 4;

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
 * classes. The layout is chosen for the memory cache, which bounds the speed: each slot holds its key and, for
 * models of at most {@link DENSE_CLASSES} classes (the parser's moves), the weights themselves, so a feature
 * costs one cache miss; wider models keep (class, weight) pairs of a row side by side in one array.
 */
export class CompactModel {
  readonly classes: number;
  private readonly dense: boolean;
  private readonly stride: number;
  private readonly slotsU: Uint32Array;
  private readonly slotsF: Float32Array;
  private readonly mask: number;
  private readonly pairs: Float32Array;
  /** Home slot (then found slot) of each feature of the current call: scratch space for {@link score}. */
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
    this.classes = classes;
    this.raw = { keys, lens, cls, val, scale };
    this.rowCount = keys.length;
    this.weightCount = val.length;
    this.dense = classes <= DENSE_CLASSES;
    this.stride = this.dense ? 1 + classes : 3;
    let cap = 16;
    // at most 70% full: short probes, and the parser's table stays near 32 MB
    while (cap * 0.7 < keys.length) cap <<= 1;
    const buf = new ArrayBuffer(cap * this.stride * 4);
    this.slotsU = new Uint32Array(buf);
    this.slotsF = new Float32Array(buf);
    this.mask = cap - 1;
    this.pairs = new Float32Array(this.dense ? 0 : cls.length * 2);
    fillTable(this.slotsU, this.slotsF, this.pairs, this.dense, this.stride, this.mask, this.raw);
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
   * so a lookup is bound by memory latency, not arithmetic: a first pass only reads each feature's home slot (no
   * branch depends on it, so the CPU has all those cache misses in flight at once), and the probing pass that
   * follows finds the lines already in cache. Wide models do the same for their (class, weight) rows. The
   * additions happen in the same order as a plain loop, so scores are bit-identical.
   */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    const K = this.classes;
    out.fill(0, 0, K);
    const { slotsU, slotsF, mask, stride, pairs } = this;
    const at = n <= this.at.length ? this.at : new Int32Array(n);
    let touch = 0;
    for (let i = 0; i < n; i++) {
      const base = (feats[i]! & mask) * stride;
      at[i] = base;
      touch ^= slotsU[base]!;
    }
    const end = slotsU.length;
    if (this.dense) {
      for (let i = 0; i < n; i++) {
        const key = feats[i]!;
        let base = at[i]!;
        for (;;) {
          const k = slotsU[base]!;
          if (k === key) {
            for (let c = 0; c < K; c++) out[c]! += slotsF[base + 1 + c]!;
            break;
          }
          if (k === 0) break;
          base += stride;
          if (base >= end) base = 0;
        }
      }
      this.touched = touch;
      return;
    }
    // second pass: find each row and touch its first (class, weight) pair; third pass: add the rows
    for (let i = 0; i < n; i++) {
      const key = feats[i]!;
      let base = at[i]!;
      for (;;) {
        const k = slotsU[base]!;
        if (k === key) {
          touch ^= pairs[slotsU[base + 1]!]!;
          break;
        }
        if (k === 0) {
          base = -1;
          break;
        }
        base += 3;
        if (base >= end) base = 0;
      }
      at[i] = base;
    }
    this.touched = touch;
    for (let i = 0; i < n; i++) {
      const base = at[i]!;
      if (base < 0) continue;
      const from = slotsU[base + 1]!;
      const to = from + slotsU[base + 2]! * 2;
      for (let j = from; j < to; j += 2) out[pairs[j]!]! += pairs[j + 1]!;
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
   * The weight arrays for the binary model file, rows sorted by their home slot in the table the loader will
   * build: inserting them in that order writes the table front to back, which is several times faster than
   * scattering 1.4 million rows over 30 MB (the cost of loading the parser was mostly cache misses). Scores
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
    // counting sort of the rows by home slot (stable, so equal homes keep their order)
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
 * Inserts every row into the open-addressing table (a plain function over locals: it runs once per model, and
 * a constructor's loop over `this` fields stays in the slow tiers of the JIT for most of its 1.4M rows).
 */
function fillTable(
  slotsU: Uint32Array,
  slotsF: Float32Array,
  pairs: Float32Array,
  dense: boolean,
  stride: number,
  mask: number,
  raw: { keys: Uint32Array; lens: Uint8Array; cls: Uint8Array; val: Int16Array; scale: number },
): void {
  const { keys, lens, cls, val, scale } = raw;
  const rows = keys.length;
  let at = 0;
  for (let r = 0; r < rows; r++) {
    const k = keys[r]!;
    let s = k & mask;
    while (slotsU[s * stride] !== 0) s = (s + 1) & mask;
    const base = s * stride;
    slotsU[base] = k;
    const len = lens[r]!;
    if (dense) {
      for (let j = 0; j < len; j++) slotsF[base + 1 + cls[at + j]!] = val[at + j]! * scale;
    } else {
      slotsU[base + 1] = at * 2;
      slotsU[base + 2] = len;
      for (let j = 0; j < len; j++) {
        pairs[(at + j) * 2] = cls[at + j]!;
        pairs[(at + j) * 2 + 1] = val[at + j]! * scale;
      }
    }
    at += len;
  }
}

/** Anything that scores hashed features (the training perceptron or the shipped compact weights). */
export interface Scorer {
  readonly classes: number;
  score(feats: Uint32Array, n: number, out: Float64Array): void;
}
