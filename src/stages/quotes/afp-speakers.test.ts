import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../services/analyze.js';
import { type GoldSpeaker, judgeArticle } from './speaker-accuracy.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const storyDir = path.resolve(here, '../../../../shared/eval/news/te3-silver-geopolitics/txt');
const readGold = (name: string) =>
  JSON.parse(readFileSync(path.join(here, 'fixtures', name), 'utf8')) as GoldSpeaker[];
/** Hand-labelled speakers of direct quotes in the AFP/Xinhua stories (facts only: file, offset, name). */
const gold = readGold('afp-direct-speakers.json');
/** The fresh split: direct quotes of 64 other stories of the same folder, labelled later (same format). */
const fresh = readGold('afp-direct-speakers-fresh.json');

/**
 * Floors a little under what we reach, so that a regression fails.
 * - dev (stories whose file names sort in the first half of the folder, tuned on): 185/189 = 97.9%.
 * - check (the second half): 122/122 = 100%; it was 108/122 = 88.5% when first measured blind, 112/122
 *   = 91.8% after the first round of fixes.
 * - fresh (64 stories with quotation marks that neither file above covered, labelled before our system
 *   was run on them): 186/210 = 88.6% measured blind, the honest held-out figure; 202/210 = 96.2% after
 *   the fixes its errors led to (so no longer held out).
 */
const FLOOR = { dev: 0.95, check: 0.97, fresh: 0.94 } as const;
type Split = keyof typeof FLOOR;

describe.skipIf(!existsSync(storyDir))('direct-quote speakers on real wire stories', () => {
  if (!existsSync(storyDir)) console.log(`skipped: ${storyDir} is absent`);
  const files = existsSync(storyDir) ? readdirSync(storyDir).sort() : [];
  const dev = new Set(files.slice(0, Math.ceil(files.length / 2)));
  const byFile = new Map<string, { split: Split; list: GoldSpeaker[] }>();
  const add = (g: GoldSpeaker, split: Split) => {
    const entry = byFile.get(g.file) ?? { split, list: [] };
    entry.list.push(g);
    byFile.set(g.file, entry);
  };
  for (const g of gold) add(g, dev.has(g.file) ? 'dev' : 'check');
  for (const g of fresh) add(g, 'fresh');
  const score: Record<Split, [number, number]> = { dev: [0, 0], check: [0, 0], fresh: [0, 0] };
  const misses: string[] = [];
  for (const [file, { split, list }] of byFile) {
    const a = analyze(readFileSync(path.join(storyDir, file), 'utf8'));
    for (const j of judgeArticle(list, a.quotes, a.entities)) {
      score[split][1]++;
      if (j.correct) score[split][0]++;
      else misses.push(`${split} ${file}@${j.gold.quoteStart}: ${j.gold.speaker} ≠ ${j.predicted}`);
    }
  }

  it('labels at least 150 quotes over the first two splits and 200 in the fresh one', () => {
    expect(gold.length).toBeGreaterThanOrEqual(150);
    expect(score.dev[1] + score.check[1]).toBe(gold.length);
    expect(fresh.length).toBeGreaterThanOrEqual(200);
    expect(score.fresh[1]).toBe(fresh.length);
  });

  it('keeps the fresh split apart: no story is labelled in both files', () => {
    const old = new Set(gold.map((g) => g.file));
    expect(fresh.filter((g) => old.has(g.file))).toEqual([]);
    expect(new Set(fresh.map((g) => g.file)).size).toBeGreaterThanOrEqual(30);
  });

  for (const split of ['dev', 'check', 'fresh'] as const) {
    it(`${split} split: speaker accuracy ≥ ${FLOOR[split] * 100}%`, () => {
      const [ok, n] = score[split];
      console.log(`afp direct-quote speakers, ${split}: ${ok}/${n} = ${((100 * ok) / n).toFixed(1)}%`);
      if (ok / n < FLOOR[split]) console.log(misses.filter((m) => m.startsWith(split)).join('\n'));
      expect(ok / n).toBeGreaterThanOrEqual(FLOOR[split]);
    });
  }
});
