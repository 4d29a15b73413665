import type { Document, SyntaxWord } from '../../core/document.js';

/**
 * Adds a hand-written parse to a test document, one row per token in order: `head deprel upos [lemma]`, with
 * heads counted from 1 (0 = root), as in CoNLL-U. Lets the clause refiners be tested without the parser.
 */
export function withSyntax(doc: Document, rows: string[]): Document {
  const tokens = doc.get('tokens');
  if (rows.length !== tokens.length) {
    throw new Error(
      `withSyntax: ${rows.length} rows for ${tokens.length} tokens (${tokens.map((t) => t.text).join(' ')})`,
    );
  }
  const syntax: SyntaxWord[] = tokens.map((t, i) => {
    const [head, deprel, upos, lemma] = rows[i]!.split(/\s+/);
    return {
      start: t.start,
      end: t.end,
      text: t.text,
      sentence: t.sentence,
      upos: upos!,
      lemma: lemma ?? t.text.toLowerCase(),
      head: Number(head) - 1,
      deprel: deprel!,
    };
  });
  return doc.with({ syntax });
}
