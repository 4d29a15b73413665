import { NewsintelError } from '../../core/errors.js';

/** One syntactic word of a CoNLL-U sentence (multiword-token ranges and empty nodes are left out). */
export interface ConlluWord {
  form: string;
  lemma: string;
  upos: string;
  /** Language-specific tag (PTB tags in English-EWT); `_` when the treebank has none. */
  xpos: string;
  /** 0-based index of the head word in the sentence; -1 for the root. */
  head: number;
  deprel: string;
}

export interface ConlluSentence {
  id: string;
  words: ConlluWord[];
}

/**
 * Reads CoNLL-U text (Universal Dependencies) into sentences of syntactic words. Multiword tokens ("don't" →
 * "do" + "n't") are represented by their words, as UD scores them; empty nodes of enhanced graphs are
 * skipped. A malformed line throws E_INPUT_FORMAT with its line number.
 */
export function parseConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let words: ConlluWord[] = [];
  let id = '';
  const lines = text.split('\n');
  const flush = () => {
    if (words.length > 0) out.push({ id: id || `s${out.length + 1}`, words });
    words = [];
    id = '';
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/\r$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^#\s*sent_id\s*=(.*)$/.exec(line);
      if (m) id = m[1]!.trim();
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 8) {
      throw new NewsintelError(
        'E_INPUT_FORMAT',
        `conllu: line ${n + 1} has ${cols.length} columns, expected 10`,
      );
    }
    const idCol = cols[0]!;
    if (idCol.includes('-') || idCol.includes('.')) continue;
    const head = Number(cols[6]);
    if (!Number.isInteger(head) || head < 0) {
      throw new NewsintelError('E_INPUT_FORMAT', `conllu: line ${n + 1} has no numeric head`);
    }
    words.push({
      form: cols[1]!,
      lemma: cols[2]!,
      upos: cols[3]!,
      xpos: cols[4]!,
      head: head - 1,
      deprel: cols[7]!,
    });
  }
  flush();
  for (const s of out) {
    for (const w of s.words) {
      if (w.head >= s.words.length) {
        throw new NewsintelError(
          'E_INPUT_FORMAT',
          `conllu: sentence ${s.id} has a head beyond its last word`,
        );
      }
    }
  }
  return out;
}
