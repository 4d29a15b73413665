import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Blindness, type EvalArea, ROOT, ratio, runScorePy, SHARED } from '../area.js';

/** One gold quote: where its content starts in the raw story file, and who says it. */
interface GoldQuote {
  kind: 'direct' | 'indirect' | 'partial';
  /** UTF-16 offset in the raw file of the first character of the quote's content (after any mark). */
  at: number;
  /** Accepted speaker names (entity name, mention or phrase), as in score.py. */
  speaker: string[];
}

/** One gold claim, in score.py's terms (value, qualifier, source; low/high for ranges). */
interface GoldClaim {
  value: number | null;
  qualifier?: (string | null)[];
  source?: string[];
  low?: number;
  high?: number;
}

interface GoldStory {
  /** Path under `../shared`. */
  file: string;
  split: 'blind' | 'dev';
  quotes: GoldQuote[];
  quotes_optional?: GoldQuote[];
  claims: GoldClaim[];
  claims_optional?: GoldClaim[];
}

/**
 * The first words of a quote's content, read from the story at run time: score.py matches quotes by their
 * opening words, and our gold file keeps offsets only (no article text is committed).
 */
export function startsAt(raw: string, at: number): string {
  const rest = raw.slice(at, at + 200).split(/["“”]|\n\s*\n/)[0]!;
  return rest
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .join(' ')
    .replace(/[.,;:!?]+$/, '');
}

function toScorePy(story: GoldStory): object {
  const raw = readFileSync(path.join(SHARED, story.file), 'utf8');
  const q = (g: GoldQuote) => ({ kind: g.kind, starts: startsAt(raw, g.at), speaker: g.speaker });
  return {
    file: story.file,
    exhaustive: ['quotes', 'claims'],
    quotes: story.quotes.map(q),
    quotes_optional: (story.quotes_optional ?? []).map(q),
    claims: story.claims,
    claims_optional: story.claims_optional ?? [],
  };
}

/**
 * Quote and claim precision and recall on wire stories of `te3-silver-bulk` that we annotated exhaustively
 * (every quote with its speaker, every claimed figure with its source; `eval/gold/exhaustive-wire.json`),
 * by reading the stories only, never the system output. The `blind` split's errors are never read: this
 * area prints totals only, never items.
 */
function exhaustiveArea(split: 'blind' | 'dev', blindness: Blindness): EvalArea {
  return {
    name: `exhaustive-wire-${split}`,
    blindness,
    description: `quote and claim precision/recall on exhaustively annotated te3-silver-bulk stories (${split} split)`,
    needs: ['eval/news/te3-silver-bulk', 'eval/score.py'],
    async run() {
      const gold = JSON.parse(readFileSync(path.join(ROOT, 'eval/gold/exhaustive-wire.json'), 'utf8')) as {
        stories: GoldStory[];
      };
      const stories = gold.stories.filter((s) => s.split === split);
      // item lines (score.py -v) are collected for tuned splits only: a blind split's errors stay unread
      const { lines: raw, totals } = runScorePy(stories.map(toScorePy), blindness !== 'blind');
      const misses =
        blindness === 'blind'
          ? []
          : raw.filter((l) => /^\s+(?:miss|false|wrong|fp)/i.test(l) || /^==/.test(l));
      const t = (k: string) => totals[k] ?? { hit: 0, of: 0 };
      const lines = [
        `stories          ${stories.length}`,
        `quote recall     ${ratio(t('quotes').hit, t('quotes').of)}`,
        `speaker recall   ${ratio(t('speakers').hit, t('speakers').of)}`,
        `quote precision  ${ratio(t('quotes-prec').hit, t('quotes-prec').of)}  (content start and speaker right)`,
        `claim recall     ${ratio(t('claims').hit, t('claims').of)}`,
        `claim precision  ${ratio(t('claims-prec').hit, t('claims-prec').of)}`,
      ];
      const p = t('quotes-prec');
      return { lines, metric: 'quote precision', value: p.of ? (100 * p.hit) / p.of : 0, misses };
    },
  };
}

export const exhaustiveWireBlind = exhaustiveArea('blind', 'blind');
export const exhaustiveWireDev = exhaustiveArea('dev', 'tuned');
