import { getLexicon } from '../../repair/lexicon.js';
import { type RefineContext, type Refiner, triggerWord } from './context.js';

/** Limits of a sentence that reads as English prose (see `garbledSentences`). */
const LIMITS = Object.freeze({
  /** A run this long without any punctuation is not a sentence a reporter wrote. */
  runWithoutPunct: 50,
  /** Share of alphabetic words (names aside) the English word lists must know. */
  minKnownShare: 0.6,
  /** How many words of a sentence are looked up for that share. */
  sample: 12,
});

/**
 * The sentences (indices) of a parsed document that do not read as English: a long run without punctuation
 * (shuffled or concatenated words), or mostly words no English word list knows (another language, encoding
 * damage). Few function words is no sign: headlines and datelines have none. Events there would be coincidences of trigger words.
 */
export function garbledSentences(ctx: RefineContext): Set<number> {
  const out = new Set<number>();
  const syn = ctx.syntax;
  if (!syn) return out;
  const words = getLexicon();
  const stats = new Map<number, { alpha: number; known: number; run: number; maxRun: number }>();
  for (const w of syn.words) {
    let s = stats.get(w.sentence);
    if (!s) {
      s = { alpha: 0, known: 0, run: 0, maxRun: 0 };
      stats.set(w.sentence, s);
    }
    if (w.upos === 'PUNCT') s.run = 0;
    else s.maxRun = Math.max(s.maxRun, ++s.run);
    // the known-word share is read off a sample: the first words of a sentence settle it
    if (s.alpha < LIMITS.sample && w.upos !== 'PROPN' && w.upos !== 'PUNCT' && w.upos !== 'NUM') {
      if (/^\p{L}+$/u.test(w.text)) {
        s.alpha++;
        if (words.tier(w.text) !== null) s.known++;
      }
    }
  }
  for (const [sentence, s] of stats) {
    if (s.maxRun >= LIMITS.runWithoutPunct || (s.alpha >= 4 && s.known / s.alpha < LIMITS.minKnownShare)) {
      out.add(sentence);
    }
  }
  return out;
}

/** Drops events whose sentence does not read as English (non-English or garbled input gives no events). */
export const garbledText: Refiner = {
  name: 'garbled-text',
  refine(events, ctx) {
    if (!ctx.syntax) return events;
    const bad = garbledSentences(ctx);
    if (bad.size === 0) return events;
    return events.filter((e) => {
      const w = triggerWord(ctx, e);
      return w < 0 || !bad.has(ctx.syntax!.words[w]!.sentence);
    });
  },
};
