import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../services/analyze.js';
import { type GoldSpeaker, judgeArticle } from './speaker-accuracy.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const storyDir = path.resolve(here, '../../../../shared/eval/news/te3-silver-geopolitics/txt');
/** Hand-labelled speakers of direct quotes in the AFP/Xinhua stories (facts only: file, offset, name). */
const gold = JSON.parse(
  readFileSync(path.join(here, 'fixtures', 'afp-direct-speakers.json'), 'utf8'),
) as GoldSpeaker[];

/**
 * Floors a little under what we reach (dev 184/189 = 97.4%; check 112/122 = 91.8%, which was 108/122 =
 * 88.5% when first measured blind), so that a regression fails. The stories whose file names sort in the
 * first half are the dev split we tuned on; the second half is the check split, whose errors were looked at
 * only once the tuning was done.
 */
const FLOOR = { dev: 0.95, check: 0.89 } as const;

describe.skipIf(!existsSync(storyDir))('direct-quote speakers on real wire stories', () => {
  if (!existsSync(storyDir)) console.log(`skipped: ${storyDir} is absent`);
  const files = existsSync(storyDir) ? readdirSync(storyDir).sort() : [];
  const dev = new Set(files.slice(0, Math.ceil(files.length / 2)));
  const byFile = new Map<string, GoldSpeaker[]>();
  for (const g of gold) byFile.set(g.file, [...(byFile.get(g.file) ?? []), g]);
  const score = { dev: [0, 0], check: [0, 0] };
  const misses: string[] = [];
  for (const [file, list] of byFile) {
    const a = analyze(readFileSync(path.join(storyDir, file), 'utf8'));
    const split = dev.has(file) ? 'dev' : 'check';
    for (const j of judgeArticle(list, a.quotes, a.entities)) {
      score[split][1]!++;
      if (j.correct) score[split][0]!++;
      else misses.push(`${split} ${file}@${j.gold.quoteStart}: ${j.gold.speaker} ≠ ${j.predicted}`);
    }
  }

  it('labels at least 150 quotes over both splits', () => {
    expect(gold.length).toBeGreaterThanOrEqual(150);
    expect(score.dev[1]! + score.check[1]!).toBe(gold.length);
  });

  for (const split of ['dev', 'check'] as const) {
    it(`${split} split: speaker accuracy ≥ ${FLOOR[split] * 100}%`, () => {
      const [ok, n] = score[split] as [number, number];
      console.log(`afp direct-quote speakers, ${split}: ${ok}/${n} = ${((100 * ok) / n).toFixed(1)}%`);
      if (ok / n < FLOOR[split]) console.log(misses.filter((m) => m.startsWith(split)).join('\n'));
      expect(ok / n).toBeGreaterThanOrEqual(FLOOR[split]);
    });
  }
});
