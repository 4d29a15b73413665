import { statSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseConll } from './conll-data.js';
import { documentFeatures } from './doc-features.js';
import { defaultModelPath, loadDefaultTagger, NerModel, refineType, tagSentence, tokenize } from './index.js';
import { spansFromIob, tagsFromSpans } from './labels.js';
import { trainDocLayer, trainTagger } from './train.js';

/** Token texts of each span, with its type. */
function entities(sentence: string): string[] {
  const toks = tokenize(sentence).map((t) => t.text);
  return tagSentence(toks).spans.map((s) => `${toks.slice(s.start, s.end).join(' ')}/${s.type}`);
}

describe('shipped tagger', () => {
  it('is under 25 MB and loads', () => {
    expect(statSync(defaultModelPath()).size).toBeLessThan(25 * 1024 * 1024);
    expect(loadDefaultTagger().tags).toContain('U-PER');
  });

  it('finds whole names, including hyphenated and East Asian ones', () => {
    expect(entities('Foreign Minister Park Jin-woo met Lisa Grant in Geneva on Monday.')).toEqual([
      'Park Jin-woo/PER',
      'Lisa Grant/PER',
      'Geneva/LOC',
    ]);
    const names = entities(
      'Defense Minister Shin Won-sik and President Yoon Suk Yeol spoke with Takeo Akiba.',
    );
    expect(names).toEqual(
      expect.arrayContaining(['Shin Won-sik/PER', 'Yoon Suk Yeol/PER', 'Takeo Akiba/PER']),
    );
  });

  it('returns token spans with scores between 0 and 1, and nothing for empty input', () => {
    const r = tagSentence(['Kim', 'Jong-gyu', 'visited', 'Norway', '.']);
    expect(r.labels).toHaveLength(5);
    for (const s of r.spans) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(r.spans[0]).toMatchObject({ start: 0, end: 2, type: 'PER' });
    expect(tagSentence([])).toEqual({ labels: [], spans: [] });
  });

  it('refines CoNLL types into analysis types with its gazetteer', () => {
    const gaz = loadDefaultTagger().context.gazetteer;
    expect(refineType('LOC', ['South', 'Korea'], gaz)).toBe('GPE');
    expect(refineType('LOC', ['Korean', 'Peninsula'], gaz)).toBe('LOC');
    expect(refineType('MISC', ['North', 'Korean'], gaz)).toBe('NORP');
    expect(refineType('MISC', ['Geneva', 'Conventions'], gaz)).toBe('MISC');
    // a name ending in the head noun of a body names the body, whatever the tagger's type
    expect(refineType('MISC', ['Nobel', 'Committee'], gaz)).toBe('ORG');
    expect(refineType('MISC', ['Committee'], gaz)).toBe('MISC');
    expect(refineType('PER', ['Kim'], gaz)).toBe('PERSON');
  });
});

// A toy corpus we wrote, enough to check that training learns, serialises and is deterministic.
const TOY = `-DOCSTART- O

Anna I-PER
Berg I-PER
visited O
Oslo I-LOC
. O

Acme I-ORG
Corp I-ORG
hired O
Anna I-PER
. O

Tom I-PER
Lind I-PER
left O
Oslo I-LOC
for O
Bergen I-LOC
. O
`;

describe('training', () => {
  const train = parseConll(TOY);
  const opts = { scheme: 'BILOU' as const, epochs: 5, seed: 7, minCount: 1, prune: 0 };

  it('is deterministic and round-trips through the model file', () => {
    const a = trainTagger(train, { given: ['Anna'] }, opts).toFile();
    const b = trainTagger(train, { given: ['Anna'] }, opts).toFile();
    expect(a.equals(b)).toBe(true);
    const model = NerModel.fromFile(a);
    const r = model.tagSentence(['Tom', 'Lind', 'visited', 'Bergen', '.']);
    expect(r.spans.map((s) => [s.start, s.end, s.type])).toEqual([
      [0, 2, 'PER'],
      [3, 4, 'LOC'],
    ]);
  });

  it('tags a document sentence by sentence without a document layer, and keeps a learnt layer in its file', () => {
    const model = trainTagger(train, { given: ['Anna'] }, opts);
    const docs = train.map((s) => s.tokens);
    expect(model.tagDocument(docs)).toEqual(docs.map((t) => model.tagSpans(t)));
    const passes = docs.map((t) => model.firstPass(t));
    const df = documentFeatures(
      docs,
      passes.map((p) => p.path),
      model.tags,
    );
    const items = train.map((s, i) => ({
      em: passes[i]!.em,
      feats: df[i]!.feats,
      offsets: df[i]!.offsets,
      gold: Int32Array.from(tagsFromSpans(spansFromIob(s.labels), s.tokens.length, 'BILOU'), (t) =>
        model.tags.indexOf(t),
      ),
    }));
    const layer = trainDocLayer(items, model.decodeTables(), model.tags.length, 3, 1);
    const file = JSON.parse(gunzipSync(model.toFile()).toString('utf8'));
    file.docLayer = { keys: [...layer.keys, 12345], weights: [...layer.weights, ...model.tags.map(() => 1)] };
    const withLayer = NerModel.fromFile(gzipSync(JSON.stringify(file)));
    expect(withLayer.docLayer?.keys).toContain(12345);
    expect(NerModel.fromFile(withLayer.toFile()).docLayer).toEqual(withLayer.docLayer);
    expect(withLayer.tagDocument(docs)).toHaveLength(docs.length);
  });

  it('rejects a file that is not a model', () => {
    expect(() => NerModel.fromFile(Buffer.from('nope'))).toThrow(/not a gzipped JSON model/);
  });
});
