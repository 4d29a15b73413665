import type { Entity, Quote } from '../../core/types.js';

/**
 * One hand-labelled direct quote: the article file, the UTF-16 offset of its opening quotation mark in the
 * repaired `article.text`, and the canonical name of the true speaker (`null` when the speaker is unnamed
 * and no entity stands for it, such as "one diplomat"). `alt` lists other accepted spellings of the name
 * (an acronym, a form with a title). Facts only: no article text.
 */
export interface GoldSpeaker {
  file: string;
  quoteStart: number;
  speaker: string | null;
  alt?: string[];
}

/** The outcome for one gold quote. */
export interface SpeakerJudgement {
  gold: GoldSpeaker;
  /** The quote we emitted over the gold quote's opening, or null when we found none. */
  quote: Quote | null;
  /** The name we gave: the speaker entity's canonical name, else the quote's `speakerName`. */
  predicted: string | null;
  correct: boolean;
}

function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[-‐–]/g, ' ')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function lastWord(s: string): string {
  const w = s.split(' ');
  return w[w.length - 1]!;
}

/**
 * Our quote over a gold quote's opening mark: the quote whose content starts right after the mark or spans
 * it; a direct quote is preferred over a partial one, and both over an indirect report.
 */
export function quoteAt(quotes: readonly Quote[], markStart: number): Quote | null {
  const rank = { direct: 0, partial: 1, indirect: 2 } as const;
  let best: Quote | null = null;
  for (const q of quotes) {
    if (!(q.start <= markStart + 3 && q.end > markStart + 1)) continue;
    if (
      !best ||
      rank[q.kind] < rank[best.kind] ||
      (rank[q.kind] === rank[best.kind] && Math.abs(q.start - markStart) < Math.abs(best.start - markStart))
    )
      best = q;
  }
  return best;
}

/**
 * Whether a predicted speaker name is the gold speaker. Case, accents, hyphens and a leading "the" are
 * ignored; a name that ends with the gold name (a title before it) counts, and so does a bare surname when
 * no other person in the document has that surname (the brief's "surname-only when unambiguous").
 */
export function sameSpeaker(
  gold: GoldSpeaker,
  predicted: string | null,
  predictedIsEntity: boolean,
  entities: readonly Entity[],
): boolean {
  if (gold.speaker === null) return !predictedIsEntity;
  if (!predicted) return false;
  const p = norm(predicted);
  for (const g0 of [gold.speaker, ...(gold.alt ?? [])]) {
    const g = norm(g0);
    if (p === g || p.endsWith(` ${g}`)) return true;
    if (!p.includes(' ') && lastWord(g) === p) {
      const others = entities.filter(
        (e) =>
          e.type === 'PERSON' && lastWord(norm(e.name)) === p && norm(e.name) !== g && norm(e.name) !== p,
      );
      if (others.length === 0) return true;
    }
  }
  return false;
}

/** Judges every gold quote of one article against the quotes and entities we produced for it. */
export function judgeArticle(
  gold: readonly GoldSpeaker[],
  quotes: readonly Quote[],
  entities: readonly Entity[],
): SpeakerJudgement[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return gold.map((g) => {
    const quote = quoteAt(quotes, g.quoteStart);
    const ent = quote?.speaker ? byId.get(quote.speaker) : undefined;
    const predicted = ent ? ent.name : (quote?.speakerName ?? null);
    const correct = quote !== null && sameSpeaker(g, predicted, ent !== undefined, entities);
    return { gold: g, quote, predicted, correct };
  });
}
