import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../core/types.js';
import { analyze } from '../services/analyze.js';
import { linkStoredArticle } from '../services/corpus.js';
import { type ArticleStore, openStore } from '../storage/index.js';
import { type Backend, postgresBackend, sqliteBackend } from '../storage/test-backends.js';
import { dayOf } from './features.js';
import { claimSeries, getActor, network, queryEvents, searchActors } from './queries.js';
import type { CorpusEvent } from './types.js';

/**
 * The corpus query paths of migration 0050 (trigger-kept counts, page-order indexes, SQL-counted network)
 * against plain recomputations over the same store, on both engines. All texts are fictional.
 */

const PG_URL = process.env.NEWSINTEL_PG_URL;

const RAW = new Map<string, string>();

function story(day: number | null, headline: string, paragraphs: string[]): Analysis {
  const date = day === null ? '' : `November ${day}, 2026\n\n`;
  const dateline =
    day === null ? 'VALDORIA CITY (Test Wire) --' : `VALDORIA CITY, Nov. ${day} (Test Wire) --`;
  const raw = `${date}${headline}\n\n${dateline} ${paragraphs.join('\n\n')}\n`;
  const a = analyze(raw, { source: 'Test Wire' });
  RAW.set(a.article.id, raw);
  return a;
}

const STORIES = [
  story(3, 'Valdoria and Ostrava ministers meet on border', [
    'Foreign Minister Anna Lindqvist met Defence Minister Marco Bellini in Valdoria on Monday to discuss the border dispute.',
    'The intelligence service said about 3,000 troops were stationed near the passes.',
  ]),
  story(9, 'Lindqvist meets Ostrava envoy Petra Novak', [
    'Foreign Minister Anna Lindqvist met Ostrava envoy Petra Novak in Valdoria City on Tuesday.',
    'Police arrested 40 people after protesters attacked a border post, officials said.',
  ]),
  story(14, 'Bellini and Novak hold talks on grain exports', [
    'Defence Minister Marco Bellini met envoy Petra Novak on Sunday to discuss grain exports.',
    'About 12,000 troops took part in an exercise near the passes, the ministry said.',
  ]),
  story(20, 'Harbour strike halts grain exports in Ostrava', [
    'Dock workers in Ostrava walked out on Monday over pay, halting grain shipments, the port authority said.',
    'The union demanded a pay rise of eight percent and said 2,000 people had joined the strike.',
  ]),
  story(null, 'Ministers meet again over the passes', [
    'Anna Lindqvist met Marco Bellini again to discuss the mountain passes.',
    'Rebels attacked a convoy near the passes, killing 12 people, the army said.',
  ]),
];

async function rows<T>(store: ArticleStore, q: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await q.execute(store.db)).rows;
}

function contract(label: string, backend: () => Promise<Backend>): void {
  describe(`corpus query paths (${label})`, () => {
    let b: Backend;
    let store: ArticleStore;
    beforeAll(async () => {
      b = await backend();
      store = await openStore(b.location);
      for (const a of STORIES) {
        await store.saveArticle(a, RAW.get(a.article.id)!, null);
        await linkStoredArticle(store, a);
      }
    });
    afterAll(async () => {
      await store?.close();
      await b?.cleanup();
    });

    it('keeps the per-type-and-day event counts equal to a recount of the events', async () => {
      const kept = await rows(
        store,
        sql<{ type: string; day: number; events: number; reports: number }>`
          SELECT type, day, events, reports FROM corpus_event_counts WHERE events > 0 ORDER BY type, day`,
      );
      const recount = await rows(
        store,
        sql<{ type: string; day: number; events: number; reports: number }>`
          SELECT type, COALESCE(day, -2147483648) AS day, count(*) AS events, sum(report_count) AS reports
          FROM corpus_events GROUP BY type, COALESCE(day, -2147483648) ORDER BY type, day`,
      );
      const norm = (xs: typeof kept) =>
        xs.map((r) => [r.type, Number(r.day), Number(r.events), Number(r.reports)]);
      expect(kept.length).toBeGreaterThan(0);
      expect(norm(kept)).toEqual(norm(recount));
    });

    it('keeps one claim-series row per series with its number of points', async () => {
      const kept = await rows(
        store,
        sql<{
          series_id: string;
          points: number;
        }>`SELECT series_id, points FROM corpus_claim_series ORDER BY series_id`,
      );
      const recount = await rows(
        store,
        sql<{ series_id: string; points: number }>`
          SELECT series_id, count(*) AS points FROM corpus_claims GROUP BY series_id ORDER BY series_id`,
      );
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.map((r) => [r.series_id, Number(r.points)])).toEqual(
        recount.map((r) => [r.series_id, Number(r.points)]),
      );
      const troops = await claimSeries(store.db, 'troops');
      expect(troops.total).toBeGreaterThan(0);
      expect(troops.items.every((s) => s.subject.includes('troops'))).toBe(true);
      const onePerPage = await claimSeries(store.db, 'e', { limit: 1, offset: 1 });
      const all = await claimSeries(store.db, 'e', { limit: 100 });
      expect(onePerPage.total).toBe(all.total);
      expect(onePerPage.items.map((s) => s.id)).toEqual(all.items.slice(1, 2).map((s) => s.id));
    });

    it('pages events newest first with undated events last, and small pages concatenate to the full list', async () => {
      const all = await queryEvents(store.db, {}, { limit: 1000 });
      expect(all.items.length).toBe(all.total);
      const dayOfEvent = (e: CorpusEvent) => dayOf(e.date) ?? dayOf(e.firstReport.published);
      const days = all.items.map(dayOfEvent);
      const firstUndated = days.indexOf(null);
      expect(firstUndated).toBeGreaterThan(0);
      expect(days.slice(firstUndated).every((d) => d === null)).toBe(true);
      const dated = days.slice(0, firstUndated) as number[];
      expect(dated).toEqual([...dated].sort((x, y) => y - x));
      const paged: string[] = [];
      for (let offset = 0; offset < all.total + 2; offset += 2)
        paged.push(...(await queryEvents(store.db, {}, { limit: 2, offset })).items.map((e) => e.id));
      expect(paged).toEqual(all.items.map((e) => e.id));
      const byType = new Map<string, number>();
      for (const e of all.items) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
      expect(all.byType.map((t) => [t.type, t.events])).toEqual(
        [...byType].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])),
      );
      expect(all.counts.reports).toBe(all.items.reduce((n, e) => n + e.reportCount, 0));
    });

    it('counts events by type within a date range without the undated ones', async () => {
      const all = await queryEvents(store.db, {}, { limit: 1000 });
      const inRange = all.items.filter((e) => {
        const d = dayOf(e.date) ?? dayOf(e.firstReport.published);
        return d !== null && d >= dayOf('2026-11-05')! && d <= dayOf('2026-11-30')!;
      });
      const r = await queryEvents(store.db, { from: '2026-11-05', to: '2026-11-30' }, { limit: 1000 });
      expect(r.items.map((e) => e.id).sort()).toEqual(inRange.map((e) => e.id).sort());
      expect(r.counts.events).toBe(inRange.length);
      const undatedOnly = await queryEvents(store.db, { to: '1970-01-01' });
      expect(undatedOnly.counts).toEqual({ events: 0, reports: 0 });
    });

    it('counts who-met-whom edges like a recount over the CONSULT events, paged', async () => {
      const consult = (await queryEvents(store.db, { type: 'CONSULT' }, { limit: 1000 })).items;
      const expected = new Map<string, { weight: number; reports: number; ids: string[] }>();
      for (const e of consult) {
        const ids = [
          ...new Set([...e.actors, ...e.targets].map((x) => x.id).filter((x): x is string => !!x)),
        ];
        ids.sort();
        for (let i = 0; i < ids.length; i++)
          for (let j = i + 1; j < ids.length; j++) {
            const k = `${ids[i]}|${ids[j]}`;
            const cur = expected.get(k) ?? { weight: 0, reports: 0, ids: [] };
            cur.weight++;
            cur.reports += e.reportCount;
            cur.ids.push(e.id);
            expected.set(k, cur);
          }
      }
      const net = await network(store.db, {}, { limit: 1000 });
      expect(net.total).toBe(expected.size);
      expect(net.total).toBeGreaterThan(1);
      const got = new Map(
        net.items.map((e) => [
          `${e.a.id}|${e.b.id}`,
          { weight: e.weight, reports: e.reports, ids: [...e.eventIds].sort() },
        ]),
      );
      expect(got).toEqual(new Map([...expected].map(([k, v]) => [k, { ...v, ids: v.ids.sort() }])));
      const weights = net.items.map((e) => e.weight);
      expect(weights).toEqual([...weights].sort((x, y) => y - x));
      const second = await network(store.db, {}, { limit: 1, offset: 1 });
      expect(second.total).toBe(net.total);
      expect(second.items.map((e) => `${e.a.id}|${e.b.id}`)).toEqual([
        `${net.items[1]!.a.id}|${net.items[1]!.b.id}`,
      ]);
      expect((await network(store.db, {}, { limit: 5, offset: 500 })).total).toBe(net.total);
      const names = new Set(net.nodes.map((n) => n.actor.name));
      expect(names.has('Anna Lindqvist') || [...names].some((n) => /Lindqvist/.test(n))).toBe(true);
    });

    it('finds actors by a case-insensitive name prefix, with wildcard characters taken literally', async () => {
      const hits = await searchActors(store.db, 'ANNA L');
      expect(hits.items[0]?.name).toMatch(/Lindqvist/);
      for (const q of ['%', 'ann_', 'anna*', 'ann? l', '[a]nna']) {
        expect((await searchActors(store.db, q)).total, q).toBe(0);
      }
      const a = (await getActor(store.db, hits.items[0]!.id, { limit: 1 }))!;
      const more = (await getActor(store.db, hits.items[0]!.id, { limit: 1, offset: 1 }))!;
      const all = (await getActor(store.db, hits.items[0]!.id, { limit: 100 }))!;
      expect(a.mentions.total).toBe(all.mentions.items.length);
      expect([...a.mentions.items, ...more.mentions.items]).toEqual(all.mentions.items.slice(0, 2));
      const published = all.mentions.items.map((m) => m.published);
      const firstNull = published.indexOf(null);
      const dated = (firstNull < 0 ? published : published.slice(0, firstNull)) as string[];
      expect(dated).toEqual([...dated].sort().reverse());
      if (firstNull >= 0) expect(published.slice(firstNull).every((p) => p === null)).toBe(true);
    });

    it('lists articles newest first, undated last, and pages concatenate to the full list', async () => {
      const all = await store.listArticles({ limit: 100 });
      expect(all).toHaveLength(STORIES.length);
      expect(all[all.length - 1]!.published).toBeNull();
      const paged = [];
      for (let offset = 0; offset < all.length + 2; offset += 2)
        paged.push(...(await store.listArticles({ limit: 2, offset })));
      expect(paged.map((a) => a.id)).toEqual(all.map((a) => a.id));
    });
  });
}

contract('sqlite', sqliteBackend);
if (PG_URL) contract('postgres', () => postgresBackend(PG_URL));
else
  describe.skip('corpus query paths (postgres): set NEWSINTEL_PG_URL to run', () => it('skipped', () => {}));
