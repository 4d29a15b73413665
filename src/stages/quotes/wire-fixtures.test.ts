import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Document, plainSource } from '../../core/document.js';
import { getDefaultPipeline } from '../../services/analyze.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
/** Story file → [first words of each direct quote, speaker name], in reading order. */
const gold = JSON.parse(readFileSync(path.join(dir, 'speakers.json'), 'utf8')) as Record<
  string,
  [string, string][]
>;
const pipeline = getDefaultPipeline();

/**
 * Our own wire-style stories (fixtures/README.md): every direct quote and its speaker, through the full
 * default pipeline, so that entity linking and quote attribution are checked together.
 */
describe('direct-quote speakers on our wire fixtures', () => {
  for (const [file, expected] of Object.entries(gold)) {
    it(file, () => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const doc = pipeline.run(new Document(file, plainSource(text)));
      const names = new Map(doc.get('entities').map((e) => [e.id, e.name]));
      const got = doc
        .get('quotes')
        .filter((q) => q.kind === 'direct')
        .map((q) => {
          const start = expected.find(([s]) => q.text.startsWith(s))?.[0] ?? q.text.slice(0, 40);
          return [start, q.speaker ? names.get(q.speaker) : q.speakerName];
        });
      expect(got).toEqual(expected);
    });
  }
});
