import { describe, expect, it } from 'vitest';
import { Document, type DocumentSource, emptyMeta } from './document.js';
import { NewsintelError } from './errors.js';
import { OffsetMap } from './offsets.js';
import { createPipeline } from './pipeline.js';
import { defineStage } from './stage.js';

const source: DocumentSource = {
  raw: 'HEAD\n\nHello world.',
  body: { start: 6, end: 18 },
  meta: emptyMeta(),
  repairs: [],
  warnings: [],
};

const textStage = defineStage({
  name: 'text',
  requires: [],
  assigns: ['text', 'offsetMap', 'repairs'],
  options: {},
  run: (doc) => ({
    text: doc.rawBody,
    offsetMap: OffsetMap.identity(doc.rawBody.length, doc.source.body.start),
    repairs: [],
  }),
});
const sentenceStage = defineStage({
  name: 'sent',
  requires: ['text'],
  assigns: ['sentences'],
  options: {},
  run: (doc) => ({ sentences: [{ start: 0, end: doc.text.length }] }),
});

describe('createPipeline', () => {
  it('runs stages in order and merges their layers', () => {
    const doc = createPipeline([textStage, sentenceStage]).run(new Document('x', source));
    expect(doc.text).toBe('Hello world.');
    expect(doc.get('sentences')).toEqual([{ start: 0, end: 12 }]);
    expect(doc.get('offsetMap').toRaw(6)).toBe(12);
  });

  it('rejects a mis-ordered pipeline at construction, before any text', () => {
    let err: unknown;
    try {
      createPipeline([sentenceStage, textStage]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NewsintelError);
    expect((err as NewsintelError).code).toBe('E_PIPELINE_ORDER');
    expect((err as Error).message).toMatch(/'sent' requires 'text'/);
  });

  it('rejects duplicate stage names', () => {
    expect(() => createPipeline([textStage, textStage])).toThrow(/appears twice/);
  });

  it('rejects a stage that returns an undeclared layer or omits a declared one', () => {
    const rogue = defineStage({
      name: 'rogue',
      requires: ['text'],
      assigns: ['tokens'],
      options: {},
      run: () => ({ entities: [] }),
    });
    const p = createPipeline([textStage, rogue]);
    expect(() => p.run(new Document('x', source))).toThrow(/does not declare/);
    const lazy = defineStage({
      name: 'lazy',
      requires: [],
      assigns: ['tokens'],
      options: {},
      run: () => ({}),
    });
    expect(() => createPipeline([lazy]).run(new Document('x', source))).toThrow(
      /did not return layer 'tokens'/,
    );
  });

  it('never mutates the input document', () => {
    const input = new Document('x', source);
    createPipeline([textStage]).run(input);
    expect(input.has('text')).toBe(false);
  });

  it('freezes stage options', () => {
    const s = defineStage({ name: 'o', requires: [], assigns: [], options: { limit: 3 }, run: () => ({}) });
    expect(Object.isFrozen(s.options)).toBe(true);
  });
});

describe('OffsetMap', () => {
  it('maps unrepaired characters one to one and repaired blocks as a whole', () => {
    // raw "ab\ncd" repaired to "abcd": the break is a repaired block of raw [2,3) → text [2,2)
    const m = new OffsetMap([
      { textStart: 0, textEnd: 2, rawStart: 0, rawEnd: 2, repaired: false },
      { textStart: 2, textEnd: 2, rawStart: 2, rawEnd: 3, repaired: true },
      { textStart: 2, textEnd: 4, rawStart: 3, rawEnd: 5, repaired: false },
    ]);
    expect(m.toRaw(0)).toBe(0);
    expect(m.toRaw(2)).toBe(3);
    expect(m.toRaw(3)).toBe(4);
    expect(m.spanToRaw({ start: 1, end: 3 })).toEqual({ start: 1, end: 4 });
    expect(m.touchesRepair({ start: 0, end: 2 })).toBe(false);
  });
});
