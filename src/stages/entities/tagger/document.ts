/** A tagger span over token indices, typed PER, ORG, LOC or MISC. */
export interface DocSpan {
  start: number;
  end: number;
  type: string;
}

/** One tagged sentence of a document: its tokens and the tagger's spans (edited in place). */
export interface TaggedSentence {
  tokens: readonly string[];
  spans: DocSpan[];
}

const MAX_LEN = 4;

/** The words of `[start, end)` joined by spaces (a one-word span is its word: no copy). */
function spanKey(toks: readonly string[], start: number, end: number): string {
  return end - start === 1 ? toks[start]! : toks.slice(start, end).join(' ');
}

function isCapitalised(t: string | undefined): boolean {
  return t !== undefined && /^\p{Lu}/u.test(t);
}

/** A sentence in capitals (a wire headline): letters, none of them lower case. */
function inCapitals(toks: readonly string[]): boolean {
  let letters = 0;
  for (const t of toks) {
    if (/\p{Ll}/u.test(t)) return false;
    if (/\p{L}/u.test(t)) letters++;
  }
  return letters >= 2;
}

/**
 * Document-level consistency for a sentence tagger: a story names the same actor the same way, so one reading
 * of a name should hold across its sentences (the "non-local" evidence of Ratinov and Roth's CoNLL tagger).
 * Two passes over the document's spans, linear in its length:
 * - relabel: a span whose exact words were tagged with another type more often elsewhere in the document takes
 *   the majority type; a one-word span that is the last word of a multi-word person elsewhere ("Clinton" after
 *   "Bill Clinton") becomes a person;
 * - recover: an untagged capitalised run (not touching another capitalised word) whose words were tagged
 *   elsewhere, or that is such a surname, gets that type;
 * - capitals: in a sentence written in capitals (a headline), where case tells the tagger nothing, a run of
 *   words that spells, case aside, a name tagged in the document's mixed-case sentences takes that name's
 *   reading ("PARK MIN-HO QUITS" after "Minister Park Min-ho"), longest first, where the tagger found nothing
 *   or only a part of that run (a span of its own over the same words keeps the tagger's reading); in other
 *   sentences the same holds for runs of two or more words that spell such a name in another case ("park
 *   Min-Ho", a capitals headline put back in ordinary case word by word before tagging).
 *   A span of two or more words in such a recased line takes the other spelling's reading when that is at
 *   least as common ("Park Min-Ho" as the story's "Park Min-ho").
 * On CoNLL-2003 eng.testa this moves the shipped model from 91.81 to 92.86 F1 (92.73 before the capitals step),
 * and on wikigold from 59.2 to 61.1 (before the capitals step; see `npx vite-node scripts/dev-cli.ts -- evaluate
 * conll …`).
 */
export function harmoniseDocument(sentences: readonly TaggedSentence[]): void {
  const votes = new Map<string, Map<string, number>>();
  const surnames = new Set<string>();
  // Case-folded readings of the names in mixed-case sentences, for the sentences in capitals.
  const folded = new Map<string, Map<string, number>>();
  const capitals = sentences.map((s) => inCapitals(s.tokens));
  sentences.forEach((s, i) => {
    if (capitals[i]) return;
    for (const p of s.spans) {
      const key = spanKey(s.tokens, p.start, p.end).toLowerCase();
      let m = folded.get(key);
      if (!m) {
        m = new Map();
        folded.set(key, m);
      }
      m.set(p.type, (m.get(p.type) ?? 0) + 1);
    }
  });
  for (const s of sentences) {
    for (const p of s.spans) {
      const key = spanKey(s.tokens, p.start, p.end);
      let m = votes.get(key);
      if (!m) {
        m = new Map();
        votes.set(key, m);
      }
      m.set(p.type, (m.get(p.type) ?? 0) + 1);
      if (p.type === 'PER' && p.end - p.start >= 2) surnames.add(s.tokens[p.end - 1]!);
    }
  }
  if (votes.size === 0) return;
  const majority = (key: string, from = votes): { type: string; n: number } | null => {
    const m = from.get(key);
    if (!m) return null;
    let type = '';
    let n = 0;
    for (const [t, c] of m) {
      if (c > n) {
        n = c;
        type = t;
      }
    }
    return { type, n };
  };
  // What a run's first word, lower-cased, must be for the run to spell a folded name: the name itself or the part
  // of it before one of its spaces (the lower case of words joined by spaces is theirs joined by spaces). Most
  // words are no such thing, and skipping them spares joining and lower-casing up to four runs per word.
  const heads = new Set<string>();
  for (const key of folded.keys()) {
    heads.add(key);
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) heads.add(key.slice(0, at));
  }
  const readCapitals = (s: TaggedSentence, capitalsLine: boolean) => {
    const toks = s.tokens;
    const found: DocSpan[] = [];
    const minLen = capitalsLine ? 1 : 2;
    for (let j = 0; j < toks.length; ) {
      if (!heads.has(toks[j]!.toLowerCase())) {
        j++;
        continue;
      }
      let len = Math.min(MAX_LEN, toks.length - j);
      for (; len >= minLen; len--) {
        const key = spanKey(toks, j, j + len);
        const type = majority(key.toLowerCase(), folded)?.type;
        if (!type) continue;
        // Elsewhere, a name of two or more words with a word in lower case and another capitalised (a headline the
        // stage put back in ordinary case word by word, "park Min-Ho"), apart from other capitalised words.
        if (
          !capitalsLine &&
          (votes.has(key) ||
            isCapitalised(toks[j - 1]) ||
            isCapitalised(toks[j + len]) ||
            !toks.slice(j, j + len).some((t) => isCapitalised(t)) ||
            !toks.slice(j, j + len).some((t) => /^\p{Ll}/u.test(t)))
        )
          continue;
        // Only where the tagger found no name or only a part of this one: a span of its own over these very words,
        // or reaching past them, keeps its reading.
        const inside = (p: DocSpan) => p.start >= j && p.end <= j + len && p.end - p.start < len;
        if (s.spans.some((p) => p.start < j + len && p.end > j && !inside(p))) continue;
        found.push({ start: j, end: j + len, type });
        break;
      }
      j += len >= minLen ? len : 1;
    }
    if (found.length === 0) return;
    const kept = s.spans.filter((p) => !found.some((f) => p.start >= f.start && p.end <= f.end));
    s.spans.length = 0;
    s.spans.push(...kept, ...found);
    s.spans.sort((a, b) => a.start - b.start);
  };
  if (folded.size > 0) for (let i = 0; i < sentences.length; i++) readCapitals(sentences[i]!, capitals[i]!);
  sentences.forEach((s, si) => {
    const toks = s.tokens;
    // relabel
    for (const p of s.spans) {
      const key = spanKey(toks, p.start, p.end);
      if (p.end - p.start === 1 && p.type !== 'PER' && surnames.has(key)) {
        p.type = 'PER';
        continue;
      }
      const m = majority(key);
      if (m && m.type !== p.type && m.n > (votes.get(key)?.get(p.type) ?? 0)) p.type = m.type;
      else if (p.end - p.start >= 2 && !capitals[si]) {
        // A name of two or more words written elsewhere in another case ("Park Min-Ho", a recased headline,
        // and "Park Min-ho" in the story) takes the reading of the other spelling when that is at least as common.
        const own = votes.get(key);
        const all = folded.get(key.toLowerCase());
        let type = '';
        let n = 0;
        for (const [t, c] of all ?? []) {
          const other = c - (own?.get(t) ?? 0);
          if (other > n) {
            n = other;
            type = t;
          }
        }
        if (n > 0 && type !== p.type && n >= (own?.get(p.type) ?? 0)) p.type = type;
      }
    }
    // recover
    const covered = new Uint8Array(toks.length);
    const caps = new Uint8Array(toks.length);
    for (let j = 0; j < toks.length; j++) caps[j] = isCapitalised(toks[j]) ? 1 : 0;
    for (const p of s.spans) for (let j = p.start; j < p.end; j++) covered[j] = 1;
    let added = false;
    for (let j = 0; j < toks.length; j++) {
      if (covered[j] || !caps[j]) continue;
      if (j > 0 && !covered[j - 1] && caps[j - 1]) continue;
      for (let len = Math.min(MAX_LEN, toks.length - j); len >= 1; len--) {
        let free = true;
        for (let q = j; q < j + len && free; q++) free = covered[q] === 0;
        if (!free) continue;
        if (j + len < toks.length && !covered[j + len] && caps[j + len]) continue;
        const key = spanKey(toks, j, j + len);
        const type = majority(key)?.type ?? (len === 1 && surnames.has(key) ? 'PER' : null);
        if (!type) continue;
        s.spans.push({ start: j, end: j + len, type });
        for (let q = j; q < j + len; q++) covered[q] = 1;
        added = true;
        break;
      }
    }
    if (added) s.spans.sort((a, b) => a.start - b.start);
  });
}
