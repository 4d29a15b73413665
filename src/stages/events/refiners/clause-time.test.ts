import { describe, expect, it } from 'vitest';
import { extractEvents } from '../index.js';
import { testDoc } from '../test-doc.js';
import { AFTER_MEETING } from '../test-sentences.js';
import { withSyntax } from '../test-syntax.js';

// Our own sentences, with hand-written parses (the refiner is tested without the parser).
describe('dates of events read off clauses', () => {
  const { text, entities: ents, rows } = AFTER_MEETING;
  const meeting = (published: string | undefined) => {
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
