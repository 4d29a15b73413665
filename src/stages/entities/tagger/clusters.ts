/**
 * Word classes learnt from unlabelled text, used as tagger features: a word seen in training inherits evidence
 * from the words that share its class, so "Ferraz" or "Kestrel" in a story is scored like the names of its
 * class even when the labelled data never had it. (Brown clusters play this role in Ratinov & Roth 2009; we use
 * the predictive exchange algorithm of Uszkoreit & Brants 2008, which needs no merge tree and runs in linear
 * time per iteration.)
 *
 * Objective: the class-bigram log-likelihood of P(w | prev) ≈ P(class(w) | prev) · P(w | class(w)), which, up to
 * terms that do not depend on the clustering, is Σ_{v,c} N(v,c)·log N(v,c) − Σ_c N(c)·log N(c), where N(v,c) counts
 * word v followed by a word of class c. Each iteration moves every word to the class that maximises it.
 */

/** A word list with its classes at several granularities (`ids[g][i]` is word i's class at `sizes[g]`). */
export interface WordClasses {
  words: string[];
  sizes: number[];
  ids: Uint16Array[];
}

/** Options of one clustering run. */
export interface ExchangeOptions {
  /** Number of classes. */
  classes: number;
  /** Exchange passes over the vocabulary (each is O(bigram types × classes)). */
  iterations: number;
  /** Called after each pass with the objective, for progress lines. */
  onIteration?: (iteration: number, objective: number, moved: number) => void;
}

/** Token ids of a corpus (sentences as id arrays over a vocabulary), as `train-clusters` builds them. */
export interface IdCorpus {
  /** Vocabulary size; id 0 may be a catch-all for rare words (it is clustered like any other). */
  vocab: number;
  sentences: Int32Array[];
}

/** x·ln x with 0·ln 0 = 0. */
function xlogx(x: number): number {
  return x > 0 ? x * Math.log(x) : 0;
}

/**
 * Clusters the vocabulary into `classes` classes. Deterministic: words start in classes by frequency rank
 * (round robin) and are visited in frequency order. Returns each word id's class.
 */
export function exchangeCluster(corpus: IdCorpus, options: ExchangeOptions): Uint16Array {
  const V = corpus.vocab;
  const K = options.classes;
  if (!(K >= 2 && K <= 65535)) throw new Error('clusters: classes must be in 2..65535');
  const count = new Float64Array(V);
  // Predecessor lists: for each word v, the words w that precede it and how often (CSR layout).
  const pairs = new Map<number, number>();
  for (const s of corpus.sentences) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i]!;
      count[v]!++;
      if (i > 0) {
        const key = s[i - 1]! * V + v;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  const predStart = new Int32Array(V + 1);
  for (const key of pairs.keys()) predStart[(key % V) + 1]!++;
  for (let v = 0; v < V; v++) predStart[v + 1]! += predStart[v]!;
  const predWord = new Int32Array(pairs.size);
  const predCount = new Float64Array(pairs.size);
  const fill = predStart.slice(0, V);
  for (const [key, n] of pairs) {
    const v = key % V;
    const at = fill[v]!++;
    predWord[at] = Math.floor(key / V);
    predCount[at] = n;
  }
  pairs.clear();

  // Initial classes by frequency rank, round robin.
  const order = Array.from({ length: V }, (_, i) => i).sort((a, b) => count[b]! - count[a]! || a - b);
  const cls = new Uint16Array(V);
  order.forEach((v, rank) => {
    cls[v] = rank % K;
  });
  // N(w,c): dense V×K table of "w followed by a word of class c"; N(c): class totals.
  const wc = new Float64Array(V * K);
  const cTotal = new Float64Array(K);
  for (let v = 0; v < V; v++) {
    const c = cls[v]!;
    cTotal[c]! += count[v]!;
    for (let p = predStart[v]!; p < predStart[v + 1]!; p++) wc[predWord[p]! * K + c]! += predCount[p]!;
  }
  const objective = () => {
    let o = 0;
    for (let i = 0; i < wc.length; i++) o += xlogx(wc[i]!);
    for (let c = 0; c < K; c++) o -= xlogx(cTotal[c]!);
    return o;
  };
  const delta = new Float64Array(K);
  for (let it = 0; it < options.iterations; it++) {
    let moved = 0;
    for (const v of order) {
      const n = count[v]!;
      if (n === 0) continue;
      const old = cls[v]!;
      const p0 = predStart[v]!;
      const p1 = predStart[v + 1]!;
      // Take v out of its class.
      for (let p = p0; p < p1; p++) wc[predWord[p]! * K + old]! -= predCount[p]!;
      cTotal[old]! -= n;
      // Gain of putting v into each class.
      for (let c = 0; c < K; c++) delta[c] = xlogx(cTotal[c]!) - xlogx(cTotal[c]! + n);
      for (let p = p0; p < p1; p++) {
        const row = predWord[p]! * K;
        const m = predCount[p]!;
        for (let c = 0; c < K; c++) {
          const x = wc[row + c]!;
          delta[c]! += xlogx(x + m) - xlogx(x);
        }
      }
      let best = old;
      for (let c = 0; c < K; c++) if (delta[c]! > delta[best]! + 1e-9) best = c;
      if (best !== old) moved++;
      cls[v] = best;
      for (let p = p0; p < p1; p++) wc[predWord[p]! * K + best]! += predCount[p]!;
      cTotal[best]! += n;
    }
    options.onIteration?.(it + 1, objective(), moved);
    if (moved === 0) break;
  }
  return cls;
}
