import { describe, expect, it } from 'vitest';
import type { SyntaxWord } from '../../core/document.js';
import type { Claim, Entity } from '../../core/types.js';
import { analyze } from '../../services/analyze.js';
import { SyntaxIndex } from '../syntax/query.js';
import { clauseSource } from './refine.js';

/** Claim values of a text through the full default pipeline (parser included). Our own sentences. */
const values = (text: string) => analyze(text).claims.map((c) => c.value);

describe('figures that are not claims', () => {
  it('leaves out match scores and sports tallies', () => {
    expect(values('The home side won the cup final 3-1 on Sunday.')).toEqual([]);
    expect(values('Ortega scored 25 points as his team beat the visitors.')).toEqual([]);
  });

  it('leaves out distances that only place something', () => {
    expect(values('The village lies 50 km north of the capital.')).toEqual([]);
  });

  it('keeps counts, amounts and a thousands group split by a stray space', () => {
    expect(values('Officials said 3,000 people fled the fighting.')).toEqual([3000]);
    expect(values('The crop covered 165, 000 hectares this year, officials said.')).toEqual([165000]);
    expect(values('The bridge cost 50 million dollars.')).toEqual([50e6]);
  });
});

/** A hand-made parse of one sentence: [text, upos, lemma, head, deprel] per word, spaced by one blank. */
function parse(rows: [string, string, string, number, string][]): { text: string; words: SyntaxWord[] } {
  let text = '';
  const words = rows.map(([t, upos, lemma, head, deprel]) => {
    if (text) text += ' ';
    const start = text.length;
    text += t;
    return { start, end: text.length, text: t, sentence: 0, upos, lemma, head, deprel };
  });
  return { text, words };
}

const claimOn = (text: string, word: string): Claim => {
  const start = text.indexOf(word);
  return {
    id: 'c1',
    start,
    end: start + word.length + 7,
    text: word,
    value: 300,
    low: null,
    high: null,
    qualifier: 'exact',
    unit: 'houses',
    subject: null,
    source: null,
    sourceName: null,
    time: null,
  };
};

describe('claim sources read on the clause', () => {
  const lind: Entity = {
    id: 'e1',
    type: 'PERSON',
    name: 'Ana Lind',
    kb: null,
    country: null,
    role: null,
    mentions: [{ start: 0, end: 4, text: 'Lind' }],
  } as Entity;

  it('takes the subject of the speech verb whose reported clause holds the figure', () => {
    const { text, words } = parse([
      ['Lind', 'PROPN', 'Lind', 1, 'nsubj'],
      ['said', 'VERB', 'say', -1, 'root'],
      ['300', 'NUM', '300', 3, 'nummod'],
      ['houses', 'NOUN', 'house', 4, 'nsubj'],
      ['burned', 'VERB', 'burn', 1, 'ccomp'],
    ]);
    expect(clauseSource(new SyntaxIndex(words), claimOn(text, '300'), [lind])).toEqual({
      source: 'e1',
      sourceName: 'Ana Lind',
    });
  });

  it('gives no source when the verb above is no speech verb or is negated', () => {
    const { text, words } = parse([
      ['Lind', 'PROPN', 'Lind', 1, 'nsubj'],
      ['saw', 'VERB', 'see', -1, 'root'],
      ['300', 'NUM', '300', 3, 'nummod'],
      ['houses', 'NOUN', 'house', 4, 'nsubj'],
      ['burn', 'VERB', 'burn', 1, 'ccomp'],
    ]);
    expect(clauseSource(new SyntaxIndex(words), claimOn(text, '300'), [lind])).toBeNull();
    const neg = parse([
      ['Lind', 'PROPN', 'Lind', 2, 'nsubj'],
      ['never', 'ADV', 'never', 2, 'advmod'],
      ['said', 'VERB', 'say', -1, 'root'],
      ['300', 'NUM', '300', 4, 'nummod'],
      ['houses', 'NOUN', 'house', 5, 'nsubj'],
      ['burned', 'VERB', 'burn', 2, 'ccomp'],
    ]);
    expect(clauseSource(new SyntaxIndex(neg.words), claimOn(neg.text, '300'), [lind])).toBeNull();
  });
});
