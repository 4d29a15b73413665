import type { TestEntity } from './test-doc.js';

/**
 * Sentences of our own with hand-written parses (`withSyntax` rows: head, relation, UPOS, lemma), shared by the
 * events tests that read the same structure, so that one parse is written once.
 */
export const AFTER_MEETING: { text: string; entities: TestEntity[]; rows: string[] } = {
  text: 'Foreign Minister Ana Ruiz, speaking after a meeting with her counterpart Tomas Berg, said the plan was ready.',
  entities: [
    { type: 'PERSON', name: 'Ana Ruiz', mentions: ['Ana Ruiz', 'her'] },
    { type: 'PERSON', name: 'Tomas Berg', mentions: ['Tomas Berg'] },
  ],
  rows: [
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
  ],
};
