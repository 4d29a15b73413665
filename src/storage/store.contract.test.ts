import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsintelError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import { analyze } from '../services/analyze.js';
import { MIGRATIONS } from './migrations.js';
import { type ArticleStore, openStore, parseSnippet } from './store.js';
import { type Backend, postgresBackend, sqliteBackend } from './test-backends.js';

/**
 * One contract, two engines: always against a temp SQLite file, and against PostgreSQL when
 * NEWSINTEL_PG_URL is set (each run creates and drops its own database so parallel runs never collide).
 */

const PG_URL = process.env.NEWSINTEL_PG_URL;

const TEXTS = {
  deployment:
    'The ministry confirmed the deployment of two engineering battalions to the border region on Monday.',
  deploying:
    'Officials said the navy was deploying three patrol vessels after a storm damaged the harbour wall.',
  unrelated:
    'The central bank left its benchmark interest rate unchanged at 3.5 percent, citing weak exports.',
  headlineHit: 'A long report on regional trade flows and shipping costs in the first quarter.',
};

function make(text: string, meta: { published?: string; headline?: string; source?: string } = {}): Analysis {
  return analyze(text, { source: 'Test Desk', ...meta });
}

function contract(label: string, backend: () => Promise<Backend>): void {
  describe(`article store contract (${label})`, () => {
    let b: Backend;
    let store: ArticleStore;
    const a1 = make(TEXTS.deployment, { published: '2024-11-01', headline: 'Battalions sent to border' });
    const a2 = make(TEXTS.deploying, { published: '2024-11-03', headline: 'Navy sends patrol vessels' });
    const a3 = make(TEXTS.unrelated, { published: '2024-11-02', headline: 'Rates on hold' });
    const a4 = make(TEXTS.headlineHit, { headline: 'Deployment of new cranes speeds port' });

    beforeAll(async () => {
      b = await backend();
      store = await openStore(b.location);
    });
    afterAll(async () => {
      await store?.close();
      await b?.cleanup();
    });

    it('stores articles once and reports repeats as already stored', async () => {
      expect(await store.saveArticle(a1, TEXTS.deployment, 'a1.txt')).toEqual({
        id: a1.article.id,
        status: 'stored',
      });
      expect(await store.saveArticle(a1, TEXTS.deployment, 'a1.txt')).toEqual({
        id: a1.article.id,
        status: 'already stored',
      });
      for (const a of [a2, a3, a4]) await store.saveArticle(a, a.article.text, null);
      expect(await store.countArticles()).toBe(4);
    });

    it('returns the analysis object exactly as saved, or null', async () => {
      expect(await store.getArticle(a2.article.id)).toEqual(a2);
      expect(await store.getArticle('sha256:nope')).toBeNull();
    });

    it('lists newest first with undated articles last, paginated', async () => {
      const all = await store.listArticles({ limit: 10 });
      expect(all.map((s) => s.id)).toEqual([a2.article.id, a3.article.id, a1.article.id, a4.article.id]);
      expect(all[0]).toMatchObject({
        headline: 'Navy sends patrol vessels',
        source: 'Test Desk',
        published: '2024-11-03',
      });
      const second = await store.listArticles({ limit: 2, offset: 2 });
      expect(second.map((s) => s.id)).toEqual([a1.article.id, a4.article.id]);
    });

    it('stems queries like the index: "deploy" finds "deployment" and "deploying"', async () => {
      const hits = await store.search('deploy', { limit: 10 });
      const ids = hits.map((h) => h.id);
      expect(ids).toContain(a1.article.id);
      expect(ids).toContain(a2.article.id);
      expect(ids).toContain(a4.article.id);
      expect(ids).not.toContain(a3.article.id);
      const h1 = hits.find((h) => h.id === a1.article.id)!;
      expect(h1).toMatchObject({
        headline: 'Battalions sent to border',
        source: 'Test Desk',
        published: '2024-11-01',
      });
      expect(h1.highlights.length).toBeGreaterThan(0);
      for (const span of h1.highlights)
        expect(h1.snippet.slice(span.start, span.end).toLowerCase()).toMatch(/^deploy/);
      expect(h1.snippet).not.toMatch(/[\u0002\u0003\n]/);
      // Scores are ranked best first.
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    });

    it('ranks without snippets in the same order and makes the same snippets on request for chosen hits', async () => {
      const full = await store.search('deploy', { limit: 10 });
      const bare = await store.search('deploy', { limit: 10, snippets: false });
      expect(bare.map((h) => [h.id, h.score])).toEqual(full.map((h) => [h.id, h.score]));
      expect(bare.every((h) => h.snippet === '' && h.highlights.length === 0)).toBe(true);
      const chosen = [full[0]!.id, a3.article.id];
      const snips = await store.snippets('deploy', chosen);
      expect([...snips.keys()]).toEqual([full[0]!.id]);
      expect(snips.get(full[0]!.id)).toEqual({ snippet: full[0]!.snippet, highlights: full[0]!.highlights });
      expect((await store.snippets('   ', chosen)).size).toBe(0);
    });

    it('supports phrases, OR and negation', async () => {
      expect((await store.search('"patrol vessels"')).map((h) => h.id)).toEqual([a2.article.id]);
      expect((await store.search('"vessels patrol"')).map((h) => h.id)).toEqual([]);
      const either = (await store.search('battalions OR interest')).map((h) => h.id).sort();
      expect(either).toEqual([a1.article.id, a3.article.id].sort());
      const notNavy = (await store.search('deploy -navy')).map((h) => h.id);
      expect(notNavy).toContain(a1.article.id);
      expect(notNavy).not.toContain(a2.article.id);
    });

    it('never fails on bad query syntax', async () => {
      for (const q of [
        '"unbalanced',
        'AND OR',
        '*',
        'foo:',
        'NEAR(',
        '-',
        "'",
        '(((',
        'text:bank',
        '""',
        'a AND',
      ]) {
        await expect(store.search(q), q).resolves.toBeInstanceOf(Array);
      }
      expect((await store.search('"battalions')).map((h) => h.id)).toEqual([a1.article.id]);
      expect(await store.search('   ')).toEqual([]);
    });

    it('writes one annotation row per item, queryable by layer and kb', async () => {
      const base = make('Jane Roe of the Ministry of Ports spoke in Harbour City on Tuesday.', {
        headline: 'Annotations test',
      });
      const withEntities: Analysis = {
        ...base,
        entities: [
          {
            id: 'e1',
            type: 'PERSON',
            name: 'Jane Roe',
            kb: 'person:jane-roe',
            country: 'XYZ',
            role: 'minister',
            mentions: [{ start: 0, end: 8, text: 'Jane Roe' }],
          },
        ],
      };
      await store.saveArticle(withEntities, 'raw input of the entity test', null);
      const rows = await store.db
        .selectFrom('annotations')
        .selectAll()
        .where('article_id', '=', base.article.id)
        .orderBy('layer')
        .execute();
      expect(rows.filter((r) => r.layer === 'sentence')).toHaveLength(base.sentences.length);
      const ent = rows.find((r) => r.layer === 'entity')!;
      expect(ent).toMatchObject({
        ann_id: 'e1',
        start: 0,
        end: 8,
        type: 'PERSON',
        label: 'Jane Roe',
        kb: 'person:jane-roe',
        country: 'XYZ',
      });
      // The full item is in the stored analysis (not copied into the row), found by the row's ann_id.
      const stored = await store.getArticle(base.article.id);
      expect(stored!.entities.find((e) => e.id === ent.ann_id)!.mentions).toHaveLength(1);
      expect(await store.getRaw(base.article.id)).toBe('raw input of the entity test');
      expect(await store.getRaw('sha256:none')).toBeNull();
    });

    it('saves a batch in one transaction, rolling back only the failing article and its own after-step', async () => {
      const good = make('A batch item about a ferry service that resumes after the winter storms.', {
        headline: 'Ferry resumes',
      });
      const linkFails = make('A batch item about a new bridge toll that starts in the spring.', {
        headline: 'Bridge toll',
      });
      const bad = make('A batch item that cannot be stored because its entity ids repeat.', {
        headline: 'Bad batch item',
      });
      const dup = { id: 'e1', type: 'ORG', name: 'X', kb: null, country: null, role: null, mentions: [] };
      const broken: Analysis = { ...bad, entities: [dup, dup] };
      const before = await store.countArticles();
      const seen: string[] = [];
      const outcomes = await store.saveBatch(
        [
          { analysis: good, raw: 'raw good', origin: 'batch/good.txt' },
          { analysis: broken, raw: 'raw bad', origin: 'batch/bad.txt' },
          { analysis: linkFails, raw: 'raw toll', origin: 'batch/toll.txt' },
          { analysis: good, raw: 'raw good', origin: 'batch/good.jsonl#1' },
        ],
        async (trx, item, saved) => {
          seen.push(`${saved.status}:${item.origin}`);
          // a write of the after-step, then a failure: the write must be undone, the article kept
          await trx
            .insertInto('article_origins')
            .values({ article_id: saved.id, origin: `after:${item.origin}`, first_seen: 'x' })
            .execute();
          if (item.analysis === linkFails) throw new Error('linking failed');
        },
      );
      expect(outcomes.map((o) => (o.ok ? o.saved.status : 'failed'))).toEqual([
        'stored',
        'failed',
        'stored',
        'already stored',
      ]);
      const failed = outcomes[1]!;
      expect(failed.ok ? null : (failed.error as NewsintelError).code).toBe('E_STORAGE');
      expect(outcomes[2]).toMatchObject({ ok: true, afterError: expect.any(Error) });
      expect(seen).toEqual([
        'stored:batch/good.txt',
        'stored:batch/toll.txt',
        'already stored:batch/good.jsonl#1',
      ]);
      expect(await store.countArticles()).toBe(before + 2);
      expect(await store.getArticle(bad.article.id)).toBeNull();
      expect(await store.getArticle(linkFails.article.id)).toEqual(linkFails);
      expect((await store.listOrigins(linkFails.article.id)).map((o) => o.origin)).toEqual([
        'batch/toll.txt',
      ]);
      expect((await store.listOrigins(good.article.id)).map((o) => o.origin).sort()).toEqual([
        'after:batch/good.jsonl#1',
        'after:batch/good.txt',
        'batch/good.jsonl#1',
        'batch/good.txt',
      ]);
    });

    it('rolls back only the failing article', async () => {
      const before = await store.countArticles();
      const bad = make('A short item that will fail to store because its entity ids repeat.', {
        headline: 'Bad',
      });
      const dup = { id: 'e1', type: 'ORG', name: 'X', kb: null, country: null, role: null, mentions: [] };
      const broken: Analysis = { ...bad, entities: [dup, dup] };
      const err = await store.saveArticle(broken, 'raw', null).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NewsintelError);
      expect((err as NewsintelError).code).toBe('E_STORAGE');
      expect((err as Error).message).toMatch(/^storage: saving sha256:/);
      expect(await store.getArticle(bad.article.id)).toBeNull();
      expect(await store.search('repeat')).toEqual([]);
      expect(await store.countArticles()).toBe(before);
      expect(await store.getArticle(a1.article.id)).toEqual(a1);
    });

    it('bounds query cost: repeated words count once, over-long queries are refused', async () => {
      // The shapes that stalled the server: one word repeated 200 and 1,900 times.
      const repeated = await store.search('battalions '.repeat(80).trim());
      expect(repeated.map((h) => h.id)).toEqual([a1.article.id]);
      await expect(store.search('talking '.repeat(1900))).rejects.toMatchObject({ code: 'E_USAGE' });
      await expect(store.search('china '.repeat(200))).rejects.toMatchObject({ code: 'E_USAGE' });
      const distinct = Array.from({ length: 40 }, (_, i) => `w${i}x`).join(' ');
      await expect(store.search(distinct)).rejects.toMatchObject({ code: 'E_USAGE' });
    });

    it('rejects bad paging and non-analysis objects with coded errors', async () => {
      await expect(store.listArticles({ limit: 0 })).rejects.toMatchObject({ code: 'E_OPTIONS' });
      await expect(store.search('x', { offset: -1 })).rejects.toMatchObject({ code: 'E_OPTIONS' });
      // A huge offset is a bad option (400 at the edge), not a database failure.
      await expect(store.listArticles({ offset: 1e23 })).rejects.toMatchObject({ code: 'E_OPTIONS' });
      await expect(store.search('x', { offset: 2 ** 63 })).rejects.toMatchObject({ code: 'E_OPTIONS' });
      await expect(store.saveArticle({} as Analysis, '')).rejects.toMatchObject({ code: 'E_STORAGE' });
    });

    it('reopens without re-running migrations and keeps the data', async () => {
      const again = await openStore(b.location);
      try {
        expect(await again.countArticles()).toBe(await store.countArticles());
        const ids = await again.db.selectFrom('newsintel_migrations').select('id').execute();
        expect(ids.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
      } finally {
        await again.close();
      }
    });
  });
}

contract('sqlite', sqliteBackend);

describe.skipIf(!PG_URL)('postgres (set NEWSINTEL_PG_URL to run)', () => {
  contract('postgres', () => postgresBackend(PG_URL!));
});

describe('parseSnippet', () => {
  it('strips markers into spans and collapses whitespace', () => {
    expect(parseSnippet('a\n\n\u0002Big\u0003  news\u0002!\u0003 ')).toEqual({
      snippet: 'a Big news!',
      highlights: [
        { start: 2, end: 5 },
        { start: 10, end: 11 },
      ],
    });
  });
});
