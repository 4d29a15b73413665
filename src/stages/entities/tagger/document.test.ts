import { describe, expect, it } from 'vitest';
import { harmoniseDocument, type TaggedSentence } from './document.js';

const sent = (text: string, spans: [number, number, string][]): TaggedSentence => ({
  tokens: text.split(' '),
  spans: spans.map(([start, end, type]) => ({ start, end, type })),
});
const read = (s: TaggedSentence) =>
  s.spans.map((p) => `${p.type}:${s.tokens.slice(p.start, p.end).join(' ')}`);

describe('harmoniseDocument', () => {
  it('gives a name the type the story gives it most, and surnames their person', () => {
    const doc = [
      sent('Talks in Varna began as Petra Ivanova arrived', [
        [2, 3, 'LOC'],
        [5, 7, 'PER'],
      ]),
      sent('Varna officials met Ivanova', [
        [0, 1, 'LOC'],
        [3, 4, 'ORG'],
      ]),
      sent('Varna hosted the talks', [[0, 1, 'ORG']]),
    ];
    harmoniseDocument(doc);
    expect(read(doc[1]!)).toEqual(['LOC:Varna', 'PER:Ivanova']);
    expect(read(doc[2]!)).toEqual(['LOC:Varna']);
  });

  it('recovers a missed mention of a name tagged elsewhere, but not inside a longer capitalised run', () => {
    const doc = [
      sent('Petra Ivanova said talks would go on', [[0, 2, 'PER']]),
      sent('Talks ended and Ivanova left', []),
      sent('In Varna Ivanova spoke', []),
    ];
    harmoniseDocument(doc);
    expect(read(doc[1]!)).toEqual(['PER:Ivanova']);
    // "Varna" was never tagged; "In" and "Ivanova" stand alone
    expect(read(doc[2]!)).toEqual([]);
  });
});
