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

  it('reads a name in a capitals headline as the story writes it, where the tagger missed it or cut it short', () => {
    const doc = [
      sent('VARNA TALKS STALL AS PETRA IVANOVA QUITS', [[5, 6, 'MISC']]),
      sent('Minister Petra Ivanova resigned in Varna on Monday', [
        [1, 3, 'PER'],
        [5, 6, 'LOC'],
      ]),
    ];
    harmoniseDocument(doc);
    expect(read(doc[0]!)).toEqual(['LOC:VARNA', 'PER:PETRA IVANOVA']);
  });

  it('keeps the tagger’s own reading of a name in capitals, and reads no capitals line alone', () => {
    const doc = [
      sent('DETROIT AT TORONTO', [
        [0, 1, 'ORG'],
        [2, 3, 'LOC'],
      ]),
      sent('Toronto beat Detroit again', [
        [0, 1, 'ORG'],
        [2, 3, 'ORG'],
      ]),
    ];
    harmoniseDocument(doc);
    expect(read(doc[0]!)).toEqual(['ORG:DETROIT', 'LOC:TORONTO']);
    const alone = [sent('VARNA TALKS STALL', []), sent('TALKS IN VARNA', [[2, 3, 'LOC']])];
    harmoniseDocument(alone);
    expect(read(alone[0]!)).toEqual([]);
  });

  it('reads a name in a recased headline from its first word, whether the story writes it whole or longer', () => {
    const doc = [
      sent('talks stall as petra Ivanova-Lee quits', []),
      sent('Minister Petra Ivanova-Lee resigned', [[1, 3, 'PER']]),
      sent('Petra Ivanova-Lee Foundation said so', [[0, 3, 'ORG']]),
    ];
    harmoniseDocument(doc);
    expect(read(doc[0]!)).toEqual(['PER:petra Ivanova-Lee']);
    // "petra" alone starts two names of the story but spells neither
    const alone = [
      sent('talks with petra stall', []),
      sent('Minister Petra Ivanova-Lee resigned', [[1, 3, 'PER']]),
    ];
    harmoniseDocument(alone);
    expect(read(alone[0]!)).toEqual([]);
  });
});
