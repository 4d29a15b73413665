import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliContext, UsageError } from '../context.js';
import { ingestCommand, parseMaxBytes, redactLocation } from './ingest.js';
import { markSnippet, searchCommand } from './search.js';
import { serveCommand, startServer } from './serve.js';

function sink(isTTY = false): Writable & { isTTY?: boolean; text: () => string } {
  let out = '';
  const w = new Writable({
    write(chunk, _enc, cb) {
      out += chunk;
      cb();
    },
  }) as Writable & { isTTY?: boolean; text: () => string };
  w.isTTY = isTTY;
  w.text = () => out;
  return w;
}

function ctx(argv: string[], env: Record<string, string> = {}, tty = false) {
  const stdout = sink();
  const stderr = sink(tty);
  const c: CliContext = { argv, stdin: new PassThrough(), stdout, stderr, env, cwd: os.tmpdir() };
  return { c, stdout, stderr };
}

function story(headline: string, body: string): string {
  return `April 9, 2025\n\n${headline}\n\nNAIROBI, April 9 (Newsintel Wire) -- ${body}\n\nSource: Newsintel Test Desk\n`;
}

describe('ingest, search and serve commands', () => {
  let dir: string;
  let db: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-cli-'));
    db = path.join(dir, 'cli.db');
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(
      path.join(dir, 'in', 'one.txt'),
      story(
        'Flower exports hit record',
        'Flower exports reached a record 1.1 billion dollars last year, growers said.',
      ),
    );
    writeFileSync(
      path.join(dir, 'in', 'two.txt'),
      story(
        'Dam project delayed',
        'Construction of the dam was delayed by six months after floods damaged the access road.',
      ),
    );
    writeFileSync(path.join(dir, 'in', 'empty.txt'), '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ingest stores the good files, lists failures and exits 1', async () => {
    const { c, stdout, stderr } = ctx([path.join(dir, 'in'), '--db', db], {}, true);
    expect(await ingestCommand.run(c)).toBe(1);
    expect(stdout.text()).toMatch(/stored 2, already stored 0, failed 1/);
    expect(stdout.text()).toMatch(/empty\.txt: /);
    expect(stderr.text()).toContain('[');
    expect(stderr.text()).toContain('3/3');
  });

  it('ingest again reports already stored and exits 0 (db from NEWSINTEL_DB, no bar off a TTY)', async () => {
    const { c, stdout, stderr } = ctx([path.join(dir, 'in', 'one.txt'), '--json'], { NEWSINTEL_DB: db });
    expect(await ingestCommand.run(c)).toBe(0);
    const r = JSON.parse(stdout.text());
    expect(r.skipped).toHaveLength(1);
    expect(r.stored).toHaveLength(0);
    expect(stderr.text()).toBe('');
  });

  it('ingest usage errors throw UsageError (exit 2 in main)', async () => {
    await expect(ingestCommand.run(ctx(['--db', db]).c)).rejects.toBeInstanceOf(UsageError);
    await expect(ingestCommand.run(ctx(['x', '--max-bytes', 'lots']).c)).rejects.toBeInstanceOf(UsageError);
    expect(parseMaxBytes('5m')).toBe(5 * 1024 * 1024);
    expect(parseMaxBytes('1200')).toBe(1200);
    expect(redactLocation('postgres://u:secret@h/db')).toBe('postgres://u:***@h/db');
  });

  it('search prints ranked hits with marked snippets, or JSON', async () => {
    const { c, stdout } = ctx(['flower', '--db', db]);
    expect(await searchCommand.run(c)).toBe(0);
    expect(stdout.text()).toMatch(/^1\. Flower exports hit record/);
    expect(stdout.text()).toMatch(/\[Flower\]/);
    const j = ctx(['damage', '--db', db, '--json']);
    expect(await searchCommand.run(j.c)).toBe(0);
    const body = JSON.parse(j.stdout.text());
    expect(body.hits).toHaveLength(1);
    expect(body.hits[0].headline).toBe('Dam project delayed');
    const none = ctx(['zebra', '--db', db]);
    expect(await searchCommand.run(none.c)).toBe(0);
    expect(none.stdout.text()).toMatch(/no matches/);
    await expect(searchCommand.run(ctx(['--db', db]).c)).rejects.toBeInstanceOf(UsageError);
    await expect(searchCommand.run(ctx(['x', '--limit', '0', '--db', db]).c)).rejects.toBeInstanceOf(
      UsageError,
    );
    expect(
      markSnippet(
        {
          id: 'x',
          headline: null,
          published: null,
          source: null,
          dateline: null,
          version: null,
          snippet: 'a bc d',
          highlights: [{ start: 2, end: 4 }],
          score: 1,
        },
        false,
      ),
    ).toBe('a [bc] d');
  });

  it('startServer serves the API over the same database, with the sample desk when empty', async () => {
    const running = await startServer({ location: db, port: 0, host: '127.0.0.1', sample: true });
    try {
      const body = (await (await fetch(`${running.url}/api/articles`)).json()) as { total: number };
      expect(body.total).toBe(2); // not empty, so no samples were added
    } finally {
      await running.close();
    }
    const fresh = path.join(dir, 'fresh.db');
    const withSamples = await startServer({ location: fresh, port: 0, host: '127.0.0.1', sample: true });
    try {
      const body = (await (await fetch(`${withSamples.url}/api/search?q=typhoon`)).json()) as {
        hits: unknown[];
      };
      expect(body.hits.length).toBeGreaterThanOrEqual(2);
    } finally {
      await withSamples.close();
    }
  });

  it('serve rejects a bad port and stray arguments', async () => {
    await expect(serveCommand.run(ctx(['--port', 'http']).c)).rejects.toBeInstanceOf(UsageError);
    await expect(serveCommand.run(ctx(['extra']).c)).rejects.toBeInstanceOf(UsageError);
    await expect(serveCommand.run(ctx([], { PORT: '99999' }).c)).rejects.toBeInstanceOf(UsageError);
  });
});
