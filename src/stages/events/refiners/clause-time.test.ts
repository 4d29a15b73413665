import { describe, expect, it } from 'vitest';
import { extractEvents } from '../index.js';
import { type TestEntity, testDoc } from '../test-doc.js';
import { withSyntax } from '../test-syntax.js';

// Our own sentences, with hand-written parses (the refiner is tested without the parser).
describe('dates of events read off clauses', () => {
  const ents: TestEntity[] = [
    { type: 'PERSON', name: 'Ana Ruiz', mentions: ['Ana Ruiz', 'her'] },
    { type: 'PERSON', name: 'Tomas Berg', mentions: ['Tomas Berg'] },
  ];
  const rows = [
    '2 amod ADJ',
    '4 compound PROPN',
    '4 compound PROPN',
    '16 nsubj PROPN',
    '4 punct PUNCT',
    '16 ccomp VERB speak',
    '9 case ADP',
    '9 det DET',
    '6 obl NOUN meeting',
    '12 case ADP',
    '12 nmod:poss PRON',
    '9 nmod NOUN counterpart',
    '14 compound PROPN',
    '12 appos PROPN',
    '16 punct PUNCT',
    '0 root VERB say',
    '18 det DET',
    '20 nsubj NOUN plan',
    '20 cop AUX',
    '16 ccomp ADJ ready',
    '16 punct PUNCT',
  ];
  const meeting = (published: string | undefined) => {
    const text =
      'Foreign Minister Ana Ruiz, speaking after a meeting with her counterpart Tomas Berg, said the plan was ready.';
    const doc = withSyntax(testDoc(text, { entities: ents, ...(published ? { published } : {}) }), rows);
    return extractEvents(doc).find((e) => e.trigger.text === 'meeting');
  };

  it("dates a meeting in an after-adjunct of a past report by the report's day", () => {
    expect(meeting('2006-01-02')).toMatchObject({ type: 'CONSULT', date: '2006-01-02' });
  });

  it('leaves the date empty when the story has no day of its own', () => {
    expect(meeting(undefined)?.date ?? null).toBeNull();
  });
});
