import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArticleStore, openStore } from '../storage/index.js';
import { ingest } from './ingest.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'ingest', 'fixtures');
const NEWS = path.resolve(here, '..', '..', '..', 'shared', 'eval', 'news', 'te3-silver-geopolitics');

describe('every format gets an answer', () => {
  let dir: string;
  let store: ArticleStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-formats-'));
    store = await openStore(path.join(dir, 'db.sqlite'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists a folder of TimeML files with the reason instead of "stored 0, failed 0"', async () => {
    const tml = path.join(dir, 'tml');
    mkdirSync(tml);
    writeFileSync(
      path.join(tml, 'a.tml'),
      '<?xml version="1.0"?>\n<TimeML><DOCID>x</DOCID><TEXT>Test.</TEXT></TimeML>\n',
    );
    writeFileSync(path.join(tml, 'b.tml'), '<TimeML><TEXT>Another test.</TEXT></TimeML>\n');
    const r = await ingest([tml], { db: store });
    expect(r.stored).toEqual([]);
    expect(r.failed.map((f) => [path.basename(f.path), f.code])).toEqual([
      ['a.tml', 'E_INPUT_UNSUPPORTED'],
      ['b.tml', 'E_INPUT_UNSUPPORTED'],
    ]);
    expect(r.failed[0]!.reason).toMatch(/TimeML/);
  });

  it('refuses TimeML content whatever the file is called', async () => {
    const f = path.join(dir, 'story.txt');
    writeFileSync(f, '<?xml version="1.0"?>\n<TimeML><TEXT>Test.</TEXT></TimeML>\n');
    const r = await ingest([f], { db: store });
    expect(r.failed).toEqual([
      { path: f, reason: expect.stringMatching(/TimeML/), code: 'E_INPUT_UNSUPPORTED' },
    ]);
  });

  it('stores a feed file as its items, never as one article of XML', async () => {
    const before = await store.countArticles();
    const r = await ingest([path.join(fixtures, 'desk.rss.xml')], { db: store });
    expect(r.failed).toEqual([]);
    expect(r.stored.map((s) => s.headline)).toEqual([
      'Dock workers strike at Rotterdam after unions reject pay offer',
      'Canada and Mexico agree to extend grain quota talks by 60 days',
      "Japan's space agency postpones weather satellite launch over sensor fault",
    ]);
    expect(await store.countArticles()).toBe(before + 3);
    for (const s of r.stored) {
      const a = await store.getArticle(s.id);
      expect(a!.article.text).not.toMatch(/<|channel|rss/);
      expect(a!.entities.map((e) => e.name)).not.toContain('GMT');
    }
  });

  it('stores the same story from an HTML page, a feed and a text file once, with every origin', async () => {
    const txt = path.join(dir, 'port-strike.txt');
    writeFileSync(txt, readFileSync(path.join(here, '..', '..', 'samples', 'port-strike.txt')));
    const r = await ingest(
      [txt, path.join(fixtures, 'port-strike.html'), path.join(fixtures, 'desk.atom.xml')],
      {
        db: store,
      },
    );
    // The RSS test above stored port-strike first; every one of these is the same text.
    const ids = new Set(
      [...r.stored, ...r.skipped].filter((a) => /port-strike/.test(a.path)).map((a) => a.id),
    );
    expect(ids.size).toBe(1);
    const origins = (await store.listOrigins([...ids][0]!)).map((o) => o.origin);
    expect(origins).toEqual(
      expect.arrayContaining([
        txt,
        path.join(fixtures, 'port-strike.html'),
        `${path.join(fixtures, 'desk.atom.xml')}#1`,
      ]),
    );
    expect((await store.search('Rotterdam dock workers')).length).toBe(1);
  });
});

describe.skipIf(!existsSync(NEWS))('150 real wire stories as .txt and as .jsonl (../shared)', () => {
  let dir: string;
  let store: ArticleStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-dedup-'));
    store = await openStore(path.join(dir, 'db.sqlite'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores 150 articles, each with both origins, and no story without a headline', async () => {
    const txt = await ingest([path.join(NEWS, 'txt')], { db: store });
    const jsonl = await ingest([path.join(NEWS, 'articles.jsonl')], { db: store });
    expect(txt.failed).toEqual([]);
    expect(jsonl.failed).toEqual([]);
    expect(txt.stored).toHaveLength(150);
    expect(jsonl.stored).toHaveLength(0);
    expect(jsonl.skipped).toHaveLength(150);
    expect(await store.countArticles()).toBe(150);
    const list = await store.listArticles({ limit: 1000 });
    expect(list.filter((a) => !a.headline)).toEqual([]);
    const first = jsonl.skipped[0]!;
    expect((await store.listOrigins(first.id)).length).toBe(2);
    const hits = await store.search('Iran', { limit: 200 });
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
  }, 600_000);
});
