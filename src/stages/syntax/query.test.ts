import { describe, expect, it } from 'vitest';
import type { SyntaxWord } from '../../core/document.js';
import { SyntaxIndex } from './query.js';

/** Builds a layer from "form/UPOS/head/deprel" items (heads 1-based as in CoNLL-U, 0 = root). */
function tree(spec: string): SyntaxWord[] {
  let at = 0;
  return spec.split(' ').map((item) => {
    const [text, upos, head, deprel] = item.split('/') as [string, string, string, string];
    const w: SyntaxWord = {
      start: at,
      end: at + text.length,
      text,
      sentence: 0,
      upos,
      lemma: text.toLowerCase(),
      head: Number(head) - 1,
      deprel,
    };
    at += text.length + 1;
    return w;
  });
}

// "The minister said the army did not attack the town and the port ."
const reported = tree(
  'The/DET/2/det minister/NOUN/3/nsubj said/VERB/0/root the/DET/5/det army/NOUN/8/nsubj did/AUX/8/aux ' +
    'not/PART/8/advmod attack/VERB/3/ccomp the/DET/10/det town/NOUN/8/obj and/CCONJ/13/cc the/DET/13/det ' +
    'port/NOUN/10/conj ./PUNCT/3/punct',
);

// "Talks were held by the envoys and ended ."
const passive = tree(
  'Talks/NOUN/3/nsubj:pass were/AUX/3/aux:pass held/VERB/0/root by/ADP/6/case the/DET/6/det ' +
    'envoys/NOUN/3/obl:agent and/CCONJ/8/cc ended/VERB/3/conj ./PUNCT/3/punct',
);

// "Kim wants to meet Lee ."
const control = tree(
  'Kim/PROPN/2/nsubj wants/VERB/0/root to/PART/4/mark meet/VERB/2/xcomp Lee/PROPN/4/obj ./PUNCT/2/punct',
);

describe('SyntaxIndex', () => {
  it('lists children in text order and filters them by relation', () => {
    const q = new SyntaxIndex(reported);
    expect(q.children(7)).toEqual([4, 5, 6, 9]);
    expect(q.childrenBy(2, 'nsubj')).toEqual([1]);
  });

  it('finds the subject and the objects of a verb, objects with their conjuncts', () => {
    const q = new SyntaxIndex(reported);
    expect(q.subjectOf(7)).toBe(4);
    expect(q.objectsOf(7)).toEqual([9, 12]);
    expect(q.subjectOf(2)).toBe(1);
  });

  it('detects negation only on the negated verb', () => {
    const q = new SyntaxIndex(reported);
    expect(q.isNegated(7)).toBe(true);
    expect(q.isNegated(2)).toBe(false);
  });

  it('finds the reporting verb that governs a clause', () => {
    const q = new SyntaxIndex(reported);
    expect(q.clauseOf(9)).toBe(7);
    expect(q.governingVerb(9)).toBe(2);
    expect(q.governingVerb(7)).toBe(2);
    expect(q.governingVerb(1)).toBe(-1);
  });

  it('reads passives: the passive subject, the agent, and a coordinated verb inheriting the subject', () => {
    const q = new SyntaxIndex(passive);
    expect(q.isPassive(2)).toBe(true);
    expect(q.agentOf(2)).toBe(5);
    expect(q.caseOf(5)).toBe('by');
    expect(q.subjectOf(7)).toBe(0);
    expect(q.isPassive(7)).toBe(false);
  });

  it('gives an open complement the subject of its controlling verb', () => {
    const q = new SyntaxIndex(control);
    expect(q.subjectOf(3)).toBe(0);
    expect(q.objectsOf(3)).toEqual([4]);
  });

  it('maps subtrees to text spans and offsets to words', () => {
    const q = new SyntaxIndex(reported);
    const text = reported.map((w) => w.text).join(' ');
    const s = q.span(9)!;
    expect(text.slice(s.start, s.end)).toBe('the town and the port');
    expect(q.wordAt(text.indexOf('army') + 2)).toBe(4);
    expect(q.wordAt(text.length + 5)).toBe(-1);
  });

  it('returns nothing rather than throwing on an empty layer', () => {
    const q = new SyntaxIndex([]);
    expect(q.children(0)).toEqual([]);
    expect(q.subjectOf(0)).toBe(-1);
    expect(q.wordAt(0)).toBe(-1);
    expect(q.clauseOf(3)).toBe(-1);
    expect(q.governingVerb(3)).toBe(-1);
    expect(q.span(3)).toBeNull();
  });
});
