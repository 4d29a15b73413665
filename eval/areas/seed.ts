import path from 'node:path';
import { type EvalArea, runScorePy, SHARED } from '../area.js';

/** The seed story (`../shared/eval/gold/seed.json`) through `score.py`: must stay at 100% in every area. */
export const seedArea: EvalArea = {
  name: 'seed',
  blindness: 'tuned',
  description: 'seed wire story, every area of score.py (the example article the rules were built on)',
  needs: ['eval/gold/seed.json', 'eval/score.py'],
  async run() {
    const { lines, totals } = runScorePy([path.join(SHARED, 'eval/gold/seed.json')]);
    const all = Object.entries(totals)
      .filter(([k]) => !k.endsWith('-prec'))
      .reduce((t, [, v]) => ({ hit: t.hit + v.hit, of: t.of + v.of }), { hit: 0, of: 0 });
    return {
      lines: lines.filter((l) => !l.startsWith('==')),
      metric: 'seed overall',
      value: all.of ? (100 * all.hit) / all.of : 0,
    };
  },
};
