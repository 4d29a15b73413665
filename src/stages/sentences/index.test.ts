import { describe, expect, it } from 'vitest';
import { Document, plainSource } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { repairStage } from '../repair/index.js';
import { sentencesStage } from './index.js';

function doc(raw: string): Document {
  return new Document('t', plainSource(raw));
}

describe('sentencesStage', () => {
  it('assigns paragraphs, sentences and tokens through the pipeline', () => {
    const out = createPipeline([repairStage(), sentencesStage()]).run(
      doc('Envoys met in Seoul. They left.\n\nTalks end.'),
    );
    expect(out.get('paragraphs')).toHaveLength(2);
    expect(out.get('sentences').map((s) => out.text.slice(s.start, s.end))).toEqual([
      'Envoys met in Seoul.',
      'They left.',
      'Talks end.',
    ]);
    expect(out.get('tokens').at(-1)).toMatchObject({ text: '.', sentence: 2 });
  });
  it('declares its contract and rejects unknown options', () => {
    const s = sentencesStage();
    expect(s.requires).toEqual(['text']);
    expect(s.assigns).toEqual(['paragraphs', 'sentences', 'tokens']);
    expect(() => sentencesStage({ lang: 'xx' } as never)).toThrow(/unknown options/);
  });
});
