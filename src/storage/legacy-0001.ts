import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Analysis } from '../core/types.js';
import type { Dialect } from './migrations.js';

/**
 * Writes one article the way the 0001 schema stored it (raw text, analysis JSON, one annotation row per item
 * with the item's JSON in `payload`, and a full copy in SQLite's FTS table). Only for what must reproduce an
 * old store: the migration tests and the storage benchmark's same-run baseline. Needs a database migrated to
 * 0001 only.
 */
// biome-ignore lint/suspicious/noExplicitAny: the 0001 schema is not the current Database type.
export async function writeLegacyArticle(db: Kysely<any>, dialect: Dialect, analysis: Analysis, raw: string) {
  const a = analysis.article;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('articles')
      .values({
        id: a.id,
        source: a.source,
        url: a.url,
        published: a.published,
        headline: a.headline,
        byline: a.byline,
        dateline: a.dateline,
        version_tag: a.version?.tag ?? null,
        version_number: a.version?.number ?? null,
        text: a.text,
        raw,
        content_hash: `sha256:${createHash('sha256').update(a.text, 'utf8').digest('hex')}`,
        origin: 'legacy',
        ingested_at: new Date().toISOString(),
      })
      .execute();
    await trx
      .insertInto('analyses')
      .values({
        article_id: a.id,
        format: analysis.format,
        json: JSON.stringify(analysis),
        created_at: 'legacy',
      })
      .execute();
    const none = { kb: null, country: null, value: null, type: null, label: null };
    const rows = [
      ...analysis.sentences.map((s, i) => ({
        ...none,
        layer: 'sentence',
        ann_id: `s${i}`,
        start: s.start,
        end: s.end,
        payload: JSON.stringify(s),
      })),
      ...analysis.repairs.map((r, i) => ({
        ...none,
        layer: 'repair',
        ann_id: `r${i}`,
        start: r.start,
        end: r.end,
        type: r.kind,
        label: r.after,
        payload: JSON.stringify(r),
      })),
      ...analysis.entities.map((e) => ({
        ...none,
        layer: 'entity',
        ann_id: e.id,
        start: e.mentions[0]?.start ?? 0,
        end: e.mentions[0]?.end ?? 0,
        type: e.type,
        label: e.name,
        value: e.role,
        kb: e.kb,
        country: e.country,
        payload: JSON.stringify(e),
      })),
      ...analysis.quotes.map((q) => ({
        ...none,
        layer: 'quote',
        ann_id: q.id,
        start: q.start,
        end: q.end,
        type: q.kind,
        label: q.text,
        value: q.speakerName,
        kb: q.speaker,
        payload: JSON.stringify(q),
      })),
      ...analysis.times.map((t) => ({
        ...none,
        layer: 'time',
        ann_id: t.id,
        start: t.start,
        end: t.end,
        type: t.type,
        label: t.text,
        value: t.value,
        payload: JSON.stringify(t),
      })),
      ...analysis.claims.map((c) => ({
        ...none,
        layer: 'claim',
        ann_id: c.id,
        start: c.start,
        end: c.end,
        type: c.qualifier,
        label: c.text,
        value: c.value === null ? null : String(c.value),
        kb: c.source,
        payload: JSON.stringify(c),
      })),
      ...analysis.events.map((v) => ({
        ...none,
        layer: 'event',
        ann_id: v.id,
        start: v.trigger.start,
        end: v.trigger.end,
        type: v.type,
        label: v.trigger.text,
        value: v.date,
        payload: JSON.stringify(v),
      })),
    ].map((r) => ({ article_id: a.id, ...r }));
    for (let i = 0; i < rows.length; i += 400)
      await trx
        .insertInto('annotations')
        .values(rows.slice(i, i + 400))
        .execute();
    if (dialect === 'sqlite') {
      await sql`INSERT INTO articles_fts (article_id, headline, text) VALUES (${a.id}, ${a.headline ?? ''}, ${a.text})`.execute(
        trx,
      );
    }
  });
}
