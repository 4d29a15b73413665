import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../services/analyze.js';
import { type GoldClaim, type GoldEvent, scoreStory } from './gold-score.js';

/**
 * Events and claims on real AFP/Xinhua wire stories, scored against our own hand-labelled facts
 * (`fixtures/afp-events.json`) the way score.py scores the seed. The `dev` split is what rules were tuned
 * on; the `check` split was looked at only after a first round of tuning; the `fresh` split was labelled
 * after that and measured once before its errors were read, and so was `fresh2` after a second round and
 * `fresh3` (16 stories) after a third, `fresh4` (16 stories) after a fourth and `fresh5` (13 stories) after a
 * fifth; `fresh3`, `fresh4` and `fresh5` were then used for tuning too, so only their blind figures (in the
 * fixture's `about`) are held-out measures.
 * The floors sit a little below the figures reached, so a regression fails the test.
 */

type Split = 'dev' | 'check' | 'fresh' | 'fresh2' | 'fresh3' | 'fresh4' | 'fresh5';

interface GoldStory {
  file: string;
  split: Split;
  events: GoldEvent[];
  claims: GoldClaim[];
  notClaims?: number[];
}

const shared = path.resolve(import.meta.dirname, '../../../../shared');
const corpus = path.join(shared, 'eval/news/te3-silver-geopolitics/txt');
const gold = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/afp-events.json'), 'utf8')) as {
  stories: GoldStory[];
};

/** Floors per split, a little below what the pipeline reaches (fractions of gold facts found). */
const FLOORS: Record<Split, { events: number; claims: number }> = {
  dev: { events: 0.82, claims: 0.95 },
  check: { events: 0.74, claims: 0.95 },
  fresh: { events: 0.8, claims: 0.95 },
  fresh2: { events: 0.78, claims: 0.9 },
  fresh3: { events: 0.64, claims: 0.95 },
  fresh4: { events: 0.76, claims: 0.9 },
  fresh5: { events: 0.76, claims: 0.9 },
};

if (!existsSync(corpus)) console.warn(`afp-gold: ${corpus} is absent; skipping the wire-story scores`);

describe.skipIf(!existsSync(corpus))(
  'events and claims on labelled AFP/Xinhua stories (needs ../shared)',
  () => {
    const zero = () => ({ e: 0, en: 0, c: 0, cn: 0, u: 0, un: 0, leaks: 0 });
    const totals: Record<Split, ReturnType<typeof zero>> = {
      dev: zero(),
      check: zero(),
      fresh: zero(),
      fresh2: zero(),
      fresh3: zero(),
      fresh4: zero(),
      fresh5: zero(),
    };
    const misses: string[] = [];
    for (const story of gold.stories) {
      const a = analyze(readFileSync(path.join(corpus, story.file), 'utf8'));
      const s = scoreStory(a, story);
      const t = totals[story.split];
      t.e += s.events.hit;
      t.en += s.events.of;
      t.c += s.claims.hit;
      t.cn += s.claims.of;
      t.u += s.claims.unitOk;
      t.un += s.claims.unitOf;
      t.leaks += s.leaks.length;
      const m = [
        ...s.events.missed,
        ...s.claims.missed.map((x) => `claim ${x}`),
        ...s.leaks.map((v) => `leak ${v}`),
      ];
      if (m.length > 0) misses.push(`${story.split} ${story.file}: ${m.join('; ')}`);
    }
    const pct = (k: number, n: number) => `${k}/${n} (${n ? ((100 * k) / n).toFixed(1) : 'n/a'}%)`;
    for (const [split, t] of Object.entries(totals)) {
      console.log(
        `afp-gold ${split}: events ${pct(t.e, t.en)}, claims ${pct(t.c, t.cn)}, units ${pct(t.u, t.un)}, never-claim leaks ${t.leaks}`,
      );
    }
    console.log(misses.join('\n'));

    it('has every split labelled', () => {
      for (const t of Object.values(totals)) expect(t.en).toBeGreaterThan(20);
    });
    for (const split of ['dev', 'check', 'fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5'] as const) {
      it(`keeps ${split} scores above their floors`, () => {
        const t = totals[split];
        expect(t.e / t.en).toBeGreaterThanOrEqual(FLOORS[split].events);
        expect(t.c / t.cn).toBeGreaterThanOrEqual(FLOORS[split].claims);
      });
    }
    it('never turns a listed date, age, ordinal or year into a claim', () => {
      const leaks = Object.values(totals).reduce((n, t) => n + t.leaks, 0);
      expect(leaks).toBeLessThanOrEqual(2);
    });
  },
);
