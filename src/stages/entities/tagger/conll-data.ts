import { readFileSync } from 'node:fs';
import { NewsintelError } from '../../../core/errors.js';

/** One sentence of a CoNLL-style file: tokens and their gold NER labels (last column). */
export interface ConllSentence {
  tokens: string[];
  labels: string[];
  /** Index of the document (`-DOCSTART-` blocks) the sentence belongs to. */
  doc: number;
}

/**
 * Reads a CoNLL-format NER file: one token per line, columns separated by spaces or tabs, the token first and
 * the NER label last (CoNLL-2003's 4 columns, or wikigold's 2); blank lines end sentences; `-DOCSTART-` lines
 * start documents. Only the token and label columns are read: the pipeline has no POS tags at run time.
 */
export function parseConll(text: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let doc = 0;
  let tokens: string[] = [];
  let labels: string[] = [];
  const flush = () => {
    if (tokens.length > 0) out.push({ tokens, labels, doc });
    tokens = [];
    labels = [];
  };
  const lines = text.split(/\r?\n/);
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln]!.trim();
    if (line === '') {
      flush();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc++;
      continue;
    }
    if (cols.length < 2) {
      throw new NewsintelError('E_EVAL_DATA', `conll: line ${ln + 1} has no label column`);
    }
    tokens.push(cols[0]!);
    labels.push(cols[cols.length - 1]!);
  }
  flush();
  return out;
}

export function readConll(file: string): ConllSentence[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new NewsintelError('E_EVAL_DATA', `conll: cannot read ${file}`, { cause: e });
  }
  return parseConll(text);
}
