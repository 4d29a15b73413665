import type { ConlluSentence } from './conllu.js';

/** The serialised lemmatiser: a lexicon and suffix rules, both learned from the training treebank. */
export interface LemmatizerFile {
  /** Lines `form<TAB>upos<TAB>lemma` (lemma `=` when it equals the lower-cased form). */
  lexicon: string;
  /** `[upos, suffix, strip, append]`: for an unknown word of this tag ending in suffix, strip n chars, append. */
  rules: [string, string, number, string][];
}

const RULE_TAGS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'AUX']);
const MAX_SUFFIX = 6;

/**
 * Lemmatiser learned from the treebank: known (form, UPOS) pairs are looked up; an unknown word gets the edit
 * (strip a suffix, append one) most often seen for the longest matching suffix among training words of its
 * tag ("-ies" → "-y" for NOUN, "-ied" → "-y" for VERB). Proper nouns keep their form, as UD lemmas do.
 */
export class Lemmatizer {
  private readonly lexicon: Map<string, string>;
  private readonly rules: Map<string, [number, string]>;
  private readonly file: LemmatizerFile;

  constructor(file: LemmatizerFile) {
    this.file = file;
    this.lexicon = new Map();
    for (const line of file.lexicon.split('\n')) {
      if (!line) continue;
      const [form, upos, lemma] = line.split('\t');
      if (form === undefined || upos === undefined || lemma === undefined) continue;
      this.lexicon.set(`${form}\t${upos}`, lemma === '=' ? form : lemma);
    }
    this.rules = new Map(file.rules.map(([u, s, k, a]) => [`${u}\t${s}`, [k, a]]));
  }

  toFile(): LemmatizerFile {
    return this.file;
  }

  lemma(form: string, upos: string): string {
    if (upos === 'PROPN') return form;
    const lower = form.toLowerCase();
    const known = this.lexicon.get(`${lower}\t${upos}`);
    if (known !== undefined) return known;
    if (upos === 'NUM' || upos === 'PUNCT' || upos === 'SYM') return form;
    if (!RULE_TAGS.has(upos)) return lower;
    for (let len = Math.min(MAX_SUFFIX, lower.length - 1); len >= 1; len--) {
      const r = this.rules.get(`${upos}\t${lower.slice(lower.length - len)}`);
      if (r) return lower.slice(0, lower.length - r[0]) + r[1];
    }
    return lower;
  }

  /** Learns the lexicon and suffix rules from treebank sentences. */
  static train(sentences: readonly ConlluSentence[]): Lemmatizer {
    const lex = new Map<string, Map<string, number>>();
    const edits = new Map<string, Map<string, number>>();
    for (const s of sentences) {
      for (const w of s.words) {
        if (w.upos === 'PROPN' || w.lemma === '_') continue;
        const lower = w.form.toLowerCase();
        const key = `${lower}\t${w.upos}`;
        let m = lex.get(key);
        if (!m) {
          m = new Map();
          lex.set(key, m);
        }
        m.set(w.lemma, (m.get(w.lemma) ?? 0) + 1);
        if (!RULE_TAGS.has(w.upos)) continue;
        const lemma = w.lemma.toLowerCase();
        let p = 0;
        while (p < lower.length && p < lemma.length && lower[p] === lemma[p]) p++;
        const edit = `${lower.length - p}\t${lemma.slice(p)}`;
        for (let len = 1; len <= Math.min(MAX_SUFFIX, lower.length - 1); len++) {
          const sk = `${w.upos}\t${lower.slice(lower.length - len)}`;
          let e = edits.get(sk);
          if (!e) {
            e = new Map();
            edits.set(sk, e);
          }
          e.set(edit, (e.get(edit) ?? 0) + 1);
        }
      }
    }
    const lines: string[] = [];
    for (const [key, m] of [...lex].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const best = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      const [form] = key.split('\t');
      lines.push(`${key}\t${best === form ? '=' : best}`);
    }
    const bestEdit = new Map<string, { edit: string; count: number }>();
    for (const [sk, e] of edits) {
      const [edit, count] = [...e].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      bestEdit.set(sk, { edit, count });
    }
    const rules: [string, string, number, string][] = [];
    for (const [sk, { edit, count }] of [...bestEdit].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (count < 2) continue;
      const [upos, suffix] = sk.split('\t') as [string, string];
      // keep a rule only where it differs from what the next shorter suffix already says
      const parent = suffix.length > 1 ? bestEdit.get(`${upos}\t${suffix.slice(1)}`) : undefined;
      const inherited = parent && parent.count >= 2 ? parent.edit : '0\t';
      if (edit === inherited) continue;
      const [strip, append] = edit.split('\t') as [string, string];
      rules.push([upos, suffix, Number(strip), append]);
    }
    return new Lemmatizer({ lexicon: lines.join('\n'), rules });
  }
}
