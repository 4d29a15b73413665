import type { Analysis } from '../core/types.js';
import { analyze } from '../services/analyze.js';
import type { ArticleStore } from '../storage/index.js';

/**
 * Fictional wire stories for the corpus tests (written for them; no third-party text): three versions of one
 * story, a report of the same talks by another wire, a later story with the minister's new title, and an
 * unrelated story of the same day.
 */

export const P1 =
  'Foreign Minister Anna Lindqvist met Defence Minister Marco Bellini in Valdoria on Monday to discuss the border dispute with Ostrava.';
export const P2 =
  'The two ministers agreed to set up a joint commission on the northern crossings, a spokesman for the Valdorian foreign ministry said.';
export const P3 =
  'Valdoria and Ostrava have argued over the mountain passes since a survey in the 1990s redrew the line through three villages.';
export const P4 =
  '"We want a settlement this year," Lindqvist told reporters after the talks, adding that the commission would meet within a month.';
export const P5 =
  'The intelligence service said about 3,000 troops were stationed near the passes, up from a few hundred in the spring.';
export const P5b =
  'The intelligence service said about 10,000 troops were stationed near the passes, up from a few hundred in the spring.';

/** The raw input of each story made here, by article id (for `saveArticle`). */
export const RAW = new Map<string, string>();

/** A fictional wire story in the reader's layout: date line, `(tag) headline`, inline dateline, body. */
export function make(
  headline: string,
  tag: string | null,
  paragraphs: string[],
  day = 4,
  wire = 'Test Wire',
): Analysis {
  const raw = `November ${day}, 2026\n\n${tag ? `(${tag}) ` : ''}${headline}\n\nVALDORIA CITY, Nov. ${day} (${wire}) -- ${paragraphs.join('\n\n')}\n`;
  const a = analyze(raw, { source: wire });
  RAW.set(a.article.id, raw);
  return a;
}

export const v1 = make('Valdoria, Ostrava ministers meet on border', null, [P1, P2, P3]);
export const v2 = make('Valdoria, Ostrava ministers meet on border', 'LEAD', [P1, P2, P4, P3, P5]);
export const v3 = make('Valdoria, Ostrava ministers agree border commission', '2nd LD', [
  P1,
  P2,
  P4,
  P3,
  P5b,
]);
export const other = make('Harbour strike halts grain exports in Ostrava', null, [
  'Dock workers in Ostrava walked out on Monday over pay, halting grain shipments, the port authority said.',
  'The union said the strike would last until the port authority raised wages by eight percent.',
]);
/** The same talks as reported by another wire: same event, another story. */
export const otherWire = make(
  'Lindqvist and Bellini hold border talks in Valdoria',
  null,
  [
    'Valdorian Foreign Minister Anna Lindqvist and Defence Minister Marco Bellini held talks on Monday on the border dispute with Ostrava, officials said.',
    'Lindqvist and Bellini discussed the mountain passes and the troops stationed near them, and agreed on a joint commission.',
  ],
  4,
  'Other Wire',
);
/** Two days later, under a new title. */
export const laterTitle = make(
  'Lindqvist visits Ostrava',
  null,
  [
    'Prime Minister Anna Lindqvist visited Ostrava on Thursday to open the joint border commission, officials said.',
    'The commission will survey the three villages on the disputed line.',
  ],
  6,
);

/** Every table the linker writes (directly or by trigger). */
export const LINKER_TABLES = [
  'corpus_articles',
  'corpus_links',
  'corpus_blocks',
  'corpus_pending',
  'corpus_actors',
  'corpus_actor_aliases',
  'corpus_actor_facts',
  'corpus_event_mentions',
  'corpus_events',
  'corpus_event_keys',
  'corpus_claims',
  'corpus_event_counts',
  'corpus_claim_series',
] as const;

/** Columns that record when a row was written, not what was linked. */
const CLOCK = new Set(['linked_at', 'since']);

/** Each linker table's rows as sorted JSON lines, clock columns left out, article ids renamed by `names`. */
export type CorpusRows = Record<string, string[]>;

export async function corpusRows(
  store: ArticleStore,
  names: ReadonlyMap<string, string> = new Map(),
): Promise<CorpusRows> {
  const out: CorpusRows = {};
  for (const t of LINKER_TABLES) {
    const rows = await store.db.selectFrom(t).selectAll().execute();
    out[t] = rows
      .map((r) => {
        const kept = Object.entries(r as Record<string, unknown>).filter(([k]) => !CLOCK.has(k));
        let line = JSON.stringify(Object.fromEntries(kept));
        for (const [id, name] of names) line = line.split(id).join(name);
        return line;
      })
      .sort();
  }
  return out;
}
