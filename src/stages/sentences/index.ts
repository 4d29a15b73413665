import type { Document, Token } from '../../core/document.js';
import { defineStage, type Stage } from '../../core/stage.js';
import type { Span } from '../../core/types.js';

// PLACEHOLDER: naive splitter until the real sentence stage lands.
export interface SentenceOptions {}

export function sentencesStage(options: SentenceOptions = {}): Stage<SentenceOptions> {
  return defineStage({
    name: 'sentences',
    requires: ['text'],
    assigns: ['paragraphs', 'sentences', 'tokens'],
    options,
    run(doc: Document) {
      const text = doc.text;
      const paragraphs: Span[] = [];
      const sentences: Span[] = [];
      const tokens: Token[] = [];
      const re = /[^\n]+/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        paragraphs.push({ start: m.index, end: m.index + m[0].length });
        sentences.push({ start: m.index, end: m.index + m[0].length });
      }
      const tr = /\w+|[^\s\w]/g;
      let si = 0;
      for (let m = tr.exec(text); m; m = tr.exec(text)) {
        while (si < sentences.length - 1 && m.index >= sentences[si]!.end) si++;
        tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], sentence: si });
      }
      return { paragraphs, sentences, tokens };
    },
  });
}
