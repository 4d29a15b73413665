import { describe, expect, it } from 'vitest';
import { extractEvents } from '../index.js';
import { type TestEntity, testDoc } from '../test-doc.js';
import { AFTER_MEETING } from '../test-sentences.js';
import { withSyntax } from '../test-syntax.js';

const G = (name: string, country: string): TestEntity => ({ type: 'GPE', name, country, mentions: [name] });
const brief = (text: string, entities: TestEntity[], rows?: string[]) => {
  const doc = testDoc(text, { entities, published: '2006-01-02' });
  return extractEvents(rows ? withSyntax(doc, rows) : doc).map(
    (e) => `${e.type} ${e.trigger.text} ${e.actors.join(',')}->${e.targets.join(',')} ${e.modality}`,
  );
};

describe('clause refiners', () => {
  it('codes no political event in a sentence about a match', () => {
    const text = 'Coach Hans Meyer said Brazil will beat Germany in the final on Sunday.';
    const ents = [
      G('Brazil', 'BRA'),
      G('Germany', 'DEU'),
      { type: 'PERSON', name: 'Hans Meyer', mentions: ['Hans Meyer'] },
    ];
    // without a parse the token rules read a threat
    expect(brief(text, ents)).toHaveLength(1);
    const rows = [
      '3 compound NOUN coach',
      '3 flat PROPN',
      '4 nsubj PROPN',
      '0 root VERB say',
      '7 nsubj PROPN',
      '7 aux AUX',
      '4 ccomp VERB',
      '7 obj PROPN',
      '11 case ADP',
      '11 det DET',
      '7 obl NOUN',
      '13 case ADP',
      '7 obl PROPN',
      '4 punct PUNCT',
    ];
    expect(brief(text, ents, rows)).toEqual([]);
  });

  it('drops a meeting whose object is a need, not a party', () => {
    const text = 'Japan will meet its energy needs with oil from Russia.';
    const ents = [G('Japan', 'JPN'), G('Russia', 'RUS')];
    expect(brief(text, ents)).toHaveLength(1);
    const rows = [
      '3 nsubj PROPN',
      '3 aux AUX',
      '0 root VERB meet',
      '6 nmod:poss PRON',
      '6 compound NOUN',
      '3 obj NOUN need',
      '8 case ADP',
      '3 obl NOUN',
      '10 case ADP',
      '8 nmod PROPN',
      '3 punct PUNCT',
    ];
    expect(brief(text, ents, rows)).toEqual([]);
  });

  it('keeps a meeting whose object is a named party', () => {
    const text = 'Japan will meet Russia on Monday.';
    const ents = [G('Japan', 'JPN'), G('Russia', 'RUS')];
    const rows = [
      '3 nsubj PROPN',
      '3 aux AUX',
      '0 root VERB meet',
      '3 obj PROPN',
      '6 case ADP',
      '3 obl PROPN',
      '3 punct PUNCT',
    ];
    expect(brief(text, ents, rows)).toEqual(brief(text, ents));
    expect(brief(text, ents, rows)).toHaveLength(1);
  });

  it('drops a fight against a disease in the complement of a pledge', () => {
    const text = 'Vietnam vowed to fight bird flu with help from China.';
    const ents = [G('Vietnam', 'VNM'), G('China', 'CHN')];
    expect(brief(text, ents)).toHaveLength(1);
    const rows = [
      '2 nsubj PROPN',
      '0 root VERB vow',
      '4 mark PART',
      '2 xcomp VERB fight',
      '6 compound NOUN',
      '4 obj NOUN',
      '8 case ADP',
      '4 obl NOUN',
      '10 case ADP',
      '8 nmod PROPN',
      '2 punct PUNCT',
    ];
    expect(brief(text, ents, rows)).toEqual([]);
  });

  it('marks an event negated when the parse attaches the negation to its predicate', () => {
    const text = 'Russia did not at any point in the past week attack Georgia.';
    const ents = [G('Russia', 'RUS'), G('Georgia', 'GEO')];
    expect(brief(text, ents)).toEqual(['ASSAULT attack e1->e2 asserted']);
    const rows = [
      '11 nsubj PROPN',
      '11 aux AUX do',
      '11 advmod PART',
      '6 case ADP',
      '6 det DET',
      '11 obl NOUN',
      '10 case ADP',
      '10 det DET',
      '10 amod ADJ',
      '6 nmod NOUN',
      '0 root VERB attack',
      '11 obj PROPN',
      '11 punct PUNCT',
    ];
    const got = brief(text, ents, rows);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((e) => e.endsWith('negated'))).toBe(true);
  });

  it("reads an event noun's possessor as actor and its of-dependent as target", () => {
    const text = "Israel's detention of Palestinian lawmakers angered Egypt.";
    const ents = [
      G('Israel', 'ISR'),
      G('Egypt', 'EGY'),
      { type: 'NORP', name: 'Palestinian', mentions: ['Palestinian'] },
    ];
    // without a parse the token rules see the detained but not who detains
    expect(brief(text, ents)).toEqual(['COERCE detention ->e3 asserted']);
    const rows = [
      '2 nmod:poss PROPN israel',
      '6 nsubj NOUN detention',
      '5 case ADP',
      '5 amod ADJ',
      '2 nmod NOUN lawmaker',
      '0 root VERB anger',
      '6 obj PROPN',
      '6 punct PUNCT',
    ];
    expect(brief(text, ents, rows)).toEqual(['COERCE detention e1->e3 asserted']);
  });

  it('takes whom a complaint is about as its target, not whom it is addressed to', () => {
    const text = 'Lebanon complained to the UN over Israeli raids.';
    const ents = [
      G('Lebanon', 'LBN'),
      { type: 'ORG', name: 'UN', mentions: ['UN'] },
      { type: 'NORP', name: 'Israeli', country: 'ISR', mentions: ['Israeli'] },
    ];
    const rows = [
      '2 nsubj PROPN',
      '0 root VERB complain',
      '5 case ADP',
      '5 det DET',
      '2 obl PROPN',
      '8 case ADP',
      '8 amod ADJ',
      '2 obl NOUN raid',
      '2 punct PUNCT',
    ];
    const got = brief(text, ents, rows);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^DISAPPROVE complained e1->e3 /);
  });

  it('makes the subject of a clause the actor of a meeting in its time adjunct, and the other side the target', () => {
    const { text, entities: ents, rows } = AFTER_MEETING;
    const meeting = brief(text, ents, rows).filter((e) => e.includes('meeting'));
    expect(meeting).toHaveLength(1);
    expect(meeting[0]).toMatch(/^CONSULT meeting e1->e2 /);
  });
});
