import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArticleStore, openStore } from '../storage/index.js';
import { exportJsonl } from './export.js';
import { collectFiles, ingest } from './ingest.js';
import { loadSampleDesk } from './samples.js';
import { getArticle, listArticles, search } from './search.js';

function story(headline: string, body: string): string {
  return `May 2, 2025\n\n${headline}\n\nLISBON, May 2 (Newsintel Wire) -- ${body}\n\nSource: Newsintel Test Desk\n`;
}

describe('ingest service', () => {
  let dir: string;
  let store: ArticleStore;
  const MAX = 4000;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-ingest-'));
    const input = path.join(dir, 'in');
    mkdirSync(path.join(input, 'nested'), { recursive: true });
    mkdirSync(path.join(input, '.git'));
    writeFileSync(
      path.join(input, 'a.txt'),
      story(
        'Ferry operators cancel crossings',
        'Ferry operators cancelled 12 crossings on Friday as gales swept the coast, officials said.',
      ),
    );
    writeFileSync(
      path.join(input, 'nested', 'b.txt'),
      story(
        'Museum reopens after repairs',
        'The city museum reopened on Friday after two years of roof repairs costing 8 million euros.',
      ),
    );
    writeFileSync(path.join(input, '.hidden.txt'), story('Hidden', 'This file must be skipped.'));
    writeFileSync(path.join(input, '.git', 'c.txt'), story('Hidden dir', 'This folder must be skipped.'));
    writeFileSync(path.join(input, 'notes.md'), 'not an article type');
    writeFileSync(path.join(input, 'empty.txt'), '');
    writeFileSync(
      path.join(input, 'binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0]),
    );
    writeFileSync(path.join(input, 'big.txt'), story('Too big', 'word '.repeat(MAX)));
    writeFileSync(
      path.join(input, 'latin1.txt'),
      Buffer.concat([Buffer.from(story('Bad bytes', 'Caf')), Buffer.from([0xe9, 0x20, 0xc3, 0x28])]),
    );
    const utf16 = story(
      'Harbour crane contract signed',
      'The port signed a contract for six electric cranes worth 40 million euros on Friday.',
    );
    writeFileSync(
      path.join(input, 'utf16.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]),
    );
    store = await openStore(path.join(dir, 'db.sqlite'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('walks folders recursively, skipping hidden entries and listing unknown extensions', async () => {
    const { files, failed } = await collectFiles([path.join(dir, 'in'), path.join(dir, 'missing')]);
    const names = files.map((f) => path.relative(path.join(dir, 'in'), f)).sort();
    expect(names).toEqual([
      'a.txt',
      'big.txt',
      'binary.txt',
      'empty.txt',
      'latin1.txt',
      'nested/b.txt',
      'utf16.txt',
    ]);
    expect(failed).toEqual([
      {
        path: path.join(dir, 'in', 'notes.md'),
        reason: expect.stringMatching(/Markdown/),
        code: 'E_INPUT_UNSUPPORTED',
      },
      { path: path.join(dir, 'missing'), reason: 'no such file or folder' },
    ]);
  });

  it('stores the good files of a mixed folder and lists each bad one with its reason', async () => {
    const progress: number[] = [];
    const r = await ingest([path.join(dir, 'in')], {
      db: store,
      maxBytes: MAX,
      onProgress: (p) => progress.push(p.done),
    });
    expect(r.stored.map((s) => path.basename(s.path)).sort()).toEqual(['a.txt', 'b.txt', 'utf16.txt']);
    expect(r.skipped).toEqual([]);
    const byFile = Object.fromEntries(r.failed.map((f) => [path.basename(f.path), f.code]));
    expect(byFile).toEqual({
      'big.txt': 'E_INPUT_TOO_LARGE',
      'binary.txt': 'E_INPUT_BINARY',
      'empty.txt': 'E_INPUT_EMPTY',
      'latin1.txt': 'E_INPUT_ENCODING',
      'notes.md': 'E_INPUT_UNSUPPORTED',
    });
    for (const f of r.failed) expect(f.reason.length).toBeGreaterThan(5);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await store.countArticles()).toBe(3);
    // The UTF-16 file was decoded, not stored as mojibake.
    const u = await getArticle(store, r.stored.find((s) => s.path.endsWith('utf16.txt'))!.id);
    expect(u?.article.text).toContain('six electric cranes');
  });

  it('is idempotent: a second run stores nothing and keeps everything', async () => {
    const r = await ingest([path.join(dir, 'in', 'a.txt'), path.join(dir, 'in', 'nested')], {
      db: store,
      maxBytes: MAX,
    });
    expect(r.stored).toEqual([]);
    expect(r.skipped.map((s) => path.basename(s.path)).sort()).toEqual(['a.txt', 'b.txt']);
    expect(r.failed).toEqual([]);
    expect(await store.countArticles()).toBe(3);
  });

  it('searches, lists and exports what was stored', async () => {
    const hits = await search(store, 'crane');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.snippet).toMatch(/cranes/);
    await expect(search(store, '  ')).rejects.toMatchObject({ code: 'E_USAGE' });
    const { items, total } = await listArticles(store, { limit: 2 });
    expect(items).toHaveLength(2);
    expect(total).toBe(3);
    const out = new PassThrough();
    let text = '';
    out.on('data', (c) => {
      text += c;
    });
    expect(await exportJsonl(store, out, 2)).toBe(3);
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l.article.id)).size).toBe(3);
    for (const l of lines) expect(l.format).toBe('newsintel.analysis/1');
  });

  it('loads the sample desk only into an empty store', async () => {
    expect(await loadSampleDesk(store)).toBeNull();
    const empty = await openStore(':memory:');
    try {
      const r = await loadSampleDesk(empty);
      expect(r?.failed).toEqual([]);
      expect(r?.stored.length).toBeGreaterThanOrEqual(5);
      const versions = (await empty.listArticles({ limit: 50 })).map((a) => a.version?.tag).filter(Boolean);
      expect(versions).toEqual(expect.arrayContaining(['LEAD', '2nd LD']));
    } finally {
      await empty.close();
    }
  });
});
