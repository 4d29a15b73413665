import { describe, expect, it } from 'vitest';
import type { SyntaxWord } from '../../core/document.js';
import type { Claim, Entity } from '../../core/types.js';
import { analyze } from '../../services/analyze.js';
import { SyntaxIndex } from '../syntax/query.js';
import {
  accordingToSource,
  isDuration,
  isInAName,
  isMisreadSource,
  isNameNumber,
  isSportsStory,
  numberWordOf,
  sourceNameInText,
  withCountedNoun,
} from './refine.js';

/** A hand-made parse of one sentence: [text, upos, lemma, head, deprel] per word, spaced by one blank. */
function parse(rows: [string, string, string, number, string][]): { text: string; ix: SyntaxIndex } {
  let text = '';
  const words: SyntaxWord[] = rows.map(([t, upos, lemma, head, deprel]) => {
    if (text) text += ' ';
    const start = text.length;
    text += t;
    return { start, end: text.length, text: t, sentence: 0, upos, lemma, head, deprel };
  });
  return { text, ix: new SyntaxIndex(words) };
}

/** A claim on `span` of `text` as the token rules might have read it. */
function claim(text: string, span: string, extra: Partial<Claim> = {}): Claim {
  const start = text.indexOf(span);
  return {
    id: 'c1',
    start,
    end: start + span.length,
    text: span,
    value: 2,
    low: null,
    high: null,
    qualifier: 'exact',
    unit: null,
    subject: null,
    source: null,
    sourceName: null,
    time: null,
    ...extra,
  };
}

const entity = (id: string, type: string, name: string, text: string, mention: string): Entity =>
  ({
    id,
    type,
    name,
    kb: null,
    country: null,
    role: null,
    mentions: [{ start: text.indexOf(mention), end: text.indexOf(mention) + mention.length, text: mention }],
  }) as Entity;

describe('claims on noun phrases', () => {
  // "Gunmen shot two young farm workers east of the town"
  const shot = parse([
    ['Gunmen', 'NOUN', 'gunman', 1, 'nsubj'],
    ['shot', 'VERB', 'shoot', -1, 'root'],
    ['two', 'NUM', 'two', 5, 'nummod'],
    ['young', 'ADJ', 'young', 5, 'amod'],
    ['farm', 'NOUN', 'farm', 5, 'compound'],
    ['workers', 'NOUN', 'worker', 1, 'obj'],
    ['east', 'ADV', 'east', 8, 'advmod'],
    ['of', 'ADP', 'of', 8, 'case'],
    ['town', 'NOUN', 'town', 1, 'obl'],
  ]);

  it('the unit is the noun the number modifies, the subject that noun with its modifiers', () => {
    const c = withCountedNoun(
      shot.ix,
      claim(shot.text, 'two young farm workers east', { unit: 'east' }),
      shot.text,
    );
    expect(c.unit).toBe('workers');
    expect(c.subject).toBe('young farm workers');
    expect(c.text).toBe('two young farm workers');
  });

  it('a unit the token rules read inside the counted phrase stays', () => {
    const c = withCountedNoun(
      shot.ix,
      claim(shot.text, 'two young farm workers', { unit: 'workers' }),
      shot.text,
    );
    expect(c.unit).toBe('workers');
    expect(c.text).toBe('two young farm workers');
  });

  it('a hyphenated counted noun is kept whole', () => {
    // "Cut to two vice-deputies", the tokenizer splitting the hyphen off
    const text = 'Cut to two vice-deputies';
    const w = (t: string, start: number, upos: string, head: number, deprel: string): SyntaxWord => ({
      start,
      end: start + t.length,
      text: t,
      sentence: 0,
      upos,
      lemma: t,
      head,
      deprel,
    });
    const ix = new SyntaxIndex([
      w('Cut', 0, 'VERB', -1, 'root'),
      w('to', 4, 'ADP', 5, 'case'),
      w('two', 7, 'NUM', 5, 'nummod'),
      w('vice', 11, 'NOUN', 5, 'compound'),
      w('-', 15, 'PUNCT', 5, 'punct'),
      w('deputies', 16, 'NOUN', 0, 'obl'),
    ]);
    const c = withCountedNoun(ix, claim(text, 'two'), text);
    expect(c.unit).toBe('vice-deputies');
    expect(c.text).toBe('two vice-deputies');
  });

  it('a duration is not a claim, whatever modifiers stand before its unit', () => {
    const p = parse([
      ['He', 'PRON', 'he', 1, 'nsubj'],
      ['served', 'VERB', 'serve', -1, 'root'],
      ['two', 'NUM', 'two', 4, 'nummod'],
      ['extra', 'ADJ', 'extra', 4, 'amod'],
      ['years', 'NOUN', 'year', 1, 'obl:tmod'],
    ]);
    expect(isDuration(p.ix, claim(p.text, 'two extra years'), p.text)).toBe(true);
    expect(isDuration(shot.ix, claim(shot.text, 'two young farm workers'), shot.text)).toBe(false);
  });

  it('a number inside a name is not a claim', () => {
    const p = parse([
      ['He', 'PRON', 'he', 2, 'nsubj'],
      ['led', 'VERB', 'lead', -1, 'root'],
      ['the', 'DET', 'the', 5, 'det'],
      ['Nine', 'PROPN', 'Nine', 4, 'compound'],
      ['Rivers', 'PROPN', 'River', 5, 'compound'],
      ['Front', 'PROPN', 'Front', 1, 'obj'],
    ]);
    const c = claim(p.text, 'Nine Rivers Front', { value: 9 });
    expect(isInAName(p.ix, c, [])).toBe(true);
    expect(isInAName(p.ix, c, [entity('e1', 'ORG', 'Nine Rivers Front', p.text, 'Nine Rivers Front')])).toBe(
      true,
    );
    expect(isInAName(shot.ix, claim(shot.text, 'two young farm workers'), [])).toBe(false);
  });

  it('finds the number word inside a hedged claim', () => {
    const p = parse([
      ['some', 'ADV', 'some', 1, 'advmod'],
      ['300', 'NUM', '300', 2, 'nummod'],
      ['houses', 'NOUN', 'house', -1, 'root'],
    ]);
    expect(numberWordOf(p.ix, claim(p.text, 'some 300 houses'))).toBe(1);
  });
});

describe('claim sources on the parse', () => {
  it('the subject of a passive reporting verb is no source', () => {
    // "Clashes were reported, and 40 homes burned"
    const p = parse([
      ['Clashes', 'NOUN', 'clash', 2, 'nsubj:pass'],
      ['were', 'AUX', 'be', 2, 'aux:pass'],
      ['reported', 'VERB', 'report', -1, 'root'],
      ['and', 'CCONJ', 'and', 6, 'cc'],
      ['40', 'NUM', '40', 5, 'nummod'],
      ['homes', 'NOUN', 'home', 6, 'nsubj'],
      ['burned', 'VERB', 'burn', 2, 'conj'],
    ]);
    const c = claim(p.text, '40 homes', { sourceName: 'Clashes' });
    expect(isMisreadSource(p.ix, c, p.text, [])).toBe(true);
  });

  it('the subject of the reporting verb stays the source', () => {
    const p = parse([
      ['Police', 'NOUN', 'police', 1, 'nsubj'],
      ['said', 'VERB', 'say', -1, 'root'],
      ['40', 'NUM', '40', 3, 'nummod'],
      ['homes', 'NOUN', 'home', 4, 'nsubj'],
      ['burned', 'VERB', 'burn', 1, 'ccomp'],
    ]);
    expect(isMisreadSource(p.ix, claim(p.text, '40 homes', { sourceName: 'Police' }), p.text, [])).toBe(
      false,
    );
  });

  it('the source is the author of the report named by "according to"', () => {
    // "40 homes burned , according to a report by the Relief Board for Floods and Fires ."
    const p = parse([
      ['40', 'NUM', '40', 1, 'nummod'],
      ['homes', 'NOUN', 'home', 2, 'nsubj'],
      ['burned', 'VERB', 'burn', -1, 'root'],
      [',', 'PUNCT', ',', 6, 'punct'],
      ['according', 'VERB', 'accord', 6, 'case'],
      ['to', 'ADP', 'to', 4, 'fixed'],
      ['report', 'NOUN', 'report', 2, 'obl'],
      ['by', 'ADP', 'by', 9, 'case'],
      ['Relief', 'PROPN', 'Relief', 9, 'compound'],
      ['Board', 'PROPN', 'Board', 6, 'nmod'],
      ['for', 'ADP', 'for', 11, 'case'],
      ['Floods', 'PROPN', 'Flood', 6, 'nmod'],
      ['and', 'CCONJ', 'and', 13, 'cc'],
      ['Fires', 'PROPN', 'Fire', 11, 'conj'],
    ]);
    const board = entity('e1', 'ORG', 'Relief Board', p.text, 'Relief Board');
    expect(accordingToSource(p.ix, 0, [board])).toEqual({ source: 'e1', sourceName: 'Relief Board' });
    // the entity's mention stops short of the name the text gives: the source name is the whole name
    const c = claim(p.text, '40 homes', { source: 'e1', sourceName: 'Relief Board' });
    expect(sourceNameInText(p.ix, c, p.text, [board])).toBe('Relief Board for Floods and Fires');
  });
});

describe('figures that are not claims, through the pipeline', () => {
  const values = (text: string) => analyze(text).claims.map((c) => c.value);

  it('an age range after a count is not a claim', () => {
    expect(values('The survey covered 2,000 children aged two to 15, officials said.')).toEqual([2000]);
  });

  it('a chemical name with a number is not a claim', () => {
    expect(values('Inspectors found traces of uranium 235 at the site.')).toEqual([]);
  });

  it('an age is not a claim', () => {
    expect(values('The minister, 61, resigned on Monday.')).toEqual([]);
  });

  it('the hedge is recorded as the qualifier', () => {
    const c = analyze('Nearly 400 people fled the town, officials said.').claims;
    expect(c.map((x) => [x.value, x.qualifier])).toEqual([[400, 'at most']]);
  });

  it('a story is a sports report by several words of its own kind, not by one', () => {
    expect(isSportsStory('The coach said the league match at the stadium ended with two goals.')).toBe(true);
    expect(isSportsStory('The party won the vote after a second round of talks.')).toBe(false);
  });
});

describe('numbers that name a thing', () => {
  // Hand-made parse: the shipped tagger reads this sentence's "enriches" as a noun (a tagger error recorded in
  // BENCHMARKS), so the rule is tested on the parse it is written for.
  it('leaves out a number right after the noun it names ("uranium 235") and keeps a count before its noun', () => {
    const named = parse([
      ['The', 'DET', 'the', 1, 'det'],
      ['plant', 'NOUN', 'plant', 2, 'nsubj'],
      ['enriches', 'VERB', 'enrich', -1, 'root'],
      ['uranium', 'NOUN', 'uranium', 2, 'obj'],
      ['235', 'NUM', '235', 3, 'nummod'],
      ['for', 'ADP', 'for', 7, 'case'],
      ['its', 'PRON', 'its', 7, 'nmod:poss'],
      ['reactors', 'NOUN', 'reactor', 2, 'obl'],
      ['.', 'PUNCT', '.', 2, 'punct'],
    ]);
    expect(isNameNumber(named.ix, claim(named.text, '235', { value: 235 }))).toBe(true);
    const count = parse([
      ['The', 'DET', 'the', 1, 'det'],
      ['plant', 'NOUN', 'plant', 2, 'nsubj'],
      ['employs', 'VERB', 'employ', -1, 'root'],
      ['300', 'NUM', '300', 4, 'nummod'],
      ['engineers', 'NOUN', 'engineer', 2, 'obj'],
      ['.', 'PUNCT', '.', 2, 'punct'],
    ]);
    expect(
      isNameNumber(count.ix, claim(count.text, '300 engineers', { value: 300, unit: 'engineers' })),
    ).toBe(false);
  });
});
