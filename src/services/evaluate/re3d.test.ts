import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefaultTagger } from '../../stages/entities/tagger/index.js';
import { type Re3dDoc, re3d, re3dGoldSpans, re3dPredictedSpans, scoreRe3d } from './re3d.js';

// A document we wrote, annotated the way re3d does (including a nominal mention and a doubly typed span).
const TEXT =
  'The United States said Defence Secretary Anna Berg visited Iraq, where Iraqi officials met her.';
const at = (s: string) => TEXT.indexOf(s);
const DOC: Re3dDoc = {
  id: 'd1',
  text: TEXT,
  entities: [
    { begin: 0, end: 17, type: 'Organisation', value: 'The United States', confidence: 0.9 },
    { begin: 4, end: 17, type: 'Location', value: 'United States', confidence: 0.2 },
    { begin: at('Anna'), end: at('Anna') + 9, type: 'Person', value: 'Anna Berg' },
    { begin: at('Iraq,'), end: at('Iraq,') + 4, type: 'Location', value: 'Iraq' },
    { begin: at('Iraqi'), end: at('Iraqi') + 5, type: 'Nationality', value: 'Iraqi' },
    { begin: at('officials'), end: at('officials') + 9, type: 'Organisation', value: 'officials' },
    { begin: at('said'), end: at('said') + 4, type: 'Temporal', value: 'said' },
  ],
};

describe('re3d mapping', () => {
  it('keeps names of the four mapped types, trims "The", resolves double types by confidence', () => {
    const gold = re3dGoldSpans(DOC).map((s) => `${TEXT.slice(s.start, s.end)}/${s.type}`);
    expect(gold.sort()).toEqual(['Anna Berg/PERSON', 'Iraq/LOC', 'Iraqi/NORP', 'United States/ORG']);
  });

  it('maps tagger output (GPE and LOC to LOC, NORP kept) and scores it', () => {
    const pred = re3dPredictedSpans(loadDefaultTagger(), DOC).map(
      (s) => `${TEXT.slice(s.start, s.end)}/${s.type}`,
    );
    expect(pred).toEqual(expect.arrayContaining(['Anna Berg/PERSON', 'Iraq/LOC', 'Iraqi/NORP']));
    const s = scoreRe3d(loadDefaultTagger(), [DOC]);
    expect(s.byType.PERSON!.tp).toBe(1);
    expect(s.byType.NORP!.tp).toBe(1);
    expect(s.overall.tp + s.overall.fn).toBe(4);
  });
});

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const dir = path.resolve(repoRoot, '../shared/eval/ner/re3d');

describe.skipIf(!existsSync(dir))('re3d (needs ../shared)', () => {
  it('reads all three sources and reports the overall F1', async () => {
    const r = await re3d.run(dir, { limit: 10 });
    expect(r.metric).toBe('overall F1');
    expect(r.details?.documents).toBe(10);
    expect(r.value).toBeGreaterThan(20);
  });
});
