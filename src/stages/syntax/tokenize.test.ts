import { describe, expect, it } from 'vitest';
import { segment } from '../sentences/index.js';
import { udTokenize } from './tokenize.js';

function words(text: string, prefixes: string[] = ['e', 'co']): string[] {
  const { tokens } = segment(text);
  return udTokenize(text, tokens, { hyphenPrefixes: new Set(prefixes) }).map((w) => w.text);
}

describe('udTokenize', () => {
  it('splits negation and pronoun clitics off their host, as UD English does', () => {
    expect(words("They don't know and we can't say; they're sure I'm right.")).toEqual([
      'They',
      'do',
      "n't",
      'know',
      'and',
      'we',
      'ca',
      "n't",
      'say',
      ';',
      'they',
      "'re",
      'sure',
      'I',
      "'m",
      'right',
      '.',
    ]);
  });

  it('splits fused forms such as cannot', () => {
    expect(words('We cannot go.')).toEqual(['We', 'can', 'not', 'go', '.']);
  });

  it('keeps abbreviations, numbers and possessives the way the treebank has them', () => {
    expect(words("The U.S. sent 3,000 troops and 1.5 tons to Seoul's port.")).toEqual([
      'The',
      'U.S.',
      'sent',
      '3,000',
      'troops',
      'and',
      '1.5',
      'tons',
      'to',
      'Seoul',
      "'s",
      'port',
      '.',
    ]);
  });

  it('splits hyphenated words unless their first part is a prefix the treebank keeps whole', () => {
    expect(words('A long-term e-mail to co-workers.')).toEqual([
      'A',
      'long',
      '-',
      'term',
      'e-mail',
      'to',
      'co-workers',
      '.',
    ]);
  });

  it('gives spans that index the text exactly', () => {
    const text = "Officials didn't comment on the cease-fire.";
    const { tokens } = segment(text);
    for (const w of udTokenize(text, tokens, { hyphenPrefixes: new Set() })) {
      expect(text.slice(w.start, w.end)).toBe(w.text);
    }
  });

  it('keeps curly-apostrophe clitics apart too', () => {
    expect(words('They don\u2019t know.')).toEqual(['They', 'do', 'n\u2019t', 'know', '.']);
  });
});
