import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { NewsintelError } from '../core/errors.js';
import type { ActorRef, ClaimPoint, CorpusEvent } from '../corpus/types.js';
import type { ArticleStore } from '../storage/index.js';
import { exportJsonl } from './export.js';

/** Export formats of `newsintel export --format`. */
export const EXPORT_FORMATS = ['jsonl', 'events-csv', 'events-plover', 'actors-csv', 'claims-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const names = (refs: ActorRef[]) => refs.map((r) => r.name).join('; ');

async function write(out: Writable, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

/**
 * Writes the corpus in one of the export formats, reading in pages (keyset on id) so memory stays flat.
 * `events-csv` and `events-plover` have one row / object per deduplicated corpus event. Returns the row count.
 */
export async function exportCorpus(
  store: ArticleStore,
  format: string,
  out: Writable,
  pageSize = 500,
): Promise<number> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new NewsintelError(
      'E_USAGE',
      `export: unknown format '${format}' (known: ${EXPORT_FORMATS.join(', ')})`,
    );
  }
  if (format === 'jsonl') return exportJsonl(store, out);
  const db = store.db;
  let count = 0;
  let after = '';
  if (format === 'events-csv') {
    await write(
      out,
      'event_id,cluster_id,date,plover_type,plover_mode,cameo,cameo_root,actors,targets,countries,location,report_count,article_count,sources,first_report,article_ids\n',
    );
  } else if (format === 'actors-csv') {
    await write(out, 'actor_id,name,type,kb,country,role,first_seen,last_seen,mention_count,article_count\n');
  } else if (format === 'claims-csv') {
    await write(
      out,
      'series_id,subject,article_id,claim_id,value,low,high,unit,qualifier,hedge,source,date,evidence_start,evidence_end,evidence\n',
    );
  }
  for (;;) {
    let last: string | null = null;
    if (format === 'events-csv' || format === 'events-plover') {
      const rows = await db
        .selectFrom('corpus_events')
        .select(['id', 'payload'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .execute();
      for (const r of rows) {
        const e = JSON.parse(r.payload) as CorpusEvent;
        if (format === 'events-csv') {
          await write(
            out,
            `${[e.id, e.clusterId, e.date, e.type, e.mode, e.cameo, e.cameoRoot, names(e.actors), names(e.targets), e.countries.join('; '), e.location, e.reportCount, e.articleCount, e.sources.join('; '), e.firstReport.articleId, e.articleIds.join(' ')].map(csvField).join(',')}\n`,
          );
        } else {
          // PLOVER-style record (event type, mode, actors/targets with countries, date, location, reports).
          const rec = {
            id: e.id,
            date: e.date,
            event: e.type,
            mode: e.mode,
            cameo: e.cameo,
            actor: e.actors.map((a) => ({ name: a.name, country: a.country })),
            recipient: e.targets.map((a) => ({ name: a.name, country: a.country })),
            countries: e.countries,
            location: e.location,
            reports: e.reportCount,
            articles: e.articleIds,
            sources: e.sources,
            firstReport: e.firstReport.articleId,
          };
          await write(out, `${JSON.stringify(rec)}\n`);
        }
        count++;
        last = r.id;
      }
    } else if (format === 'actors-csv') {
      const rows = await db
        .selectFrom('corpus_actors')
        .selectAll()
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .execute();
      for (const a of rows) {
        await write(
          out,
          `${[a.id, a.name, a.type, a.kb, a.country, a.role, a.first_seen, a.last_seen, a.mention_count, a.article_count].map(csvField).join(',')}\n`,
        );
        count++;
        last = a.id;
      }
    } else {
      const [afterArticle = '', afterAnn = ''] = after.split('\u0000');
      const keyset = await db
        .selectFrom('corpus_claims')
        .select(['article_id', 'ann_id', 'subject_lower', 'payload'])
        .where((eb) =>
          eb.or([
            eb('article_id', '>', afterArticle),
            eb.and([eb('article_id', '=', afterArticle), eb('ann_id', '>', afterAnn)]),
          ]),
        )
        .orderBy('article_id')
        .orderBy('ann_id')
        .limit(pageSize)
        .execute();
      for (const r of keyset) {
        const p = JSON.parse(r.payload) as ClaimPoint;
        await write(
          out,
          `${[p.seriesId, r.subject_lower, p.articleId, p.annId, p.value, p.low, p.high, p.unit, p.qualifier, p.hedge, p.source?.name, p.date, p.evidence.start, p.evidence.end, p.evidence.text].map(csvField).join(',')}\n`,
        );
        count++;
        last = `${r.article_id}\u0000${r.ann_id}`;
      }
    }
    if (last === null) return count;
    after = last;
  }
}
