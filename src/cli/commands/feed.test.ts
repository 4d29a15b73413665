import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

/** The `feed` and `ingest` commands in-process, against a local site on 127.0.0.1 (no other traffic). */

const here = path.dirname(fileURLToPath(import.meta.url));
const page = readFileSync(path.join(here, '..', '..', 'ingest', 'fixtures', 'satellite-launch.html'));

function sink(): Writable & { text: () => string } {
  let out = '';
  const w = new Writable({
    write(chunk, _enc, cb) {
      out += chunk;
      cb();
    },
  }) as Writable & { text: () => string };
  w.text = () => out;
  return w;
}

async function run(argv: string[]) {
  const stdout = sink();
  const stderr = sink();
  const code = await main({ argv, stdin: new PassThrough(), stdout, stderr, env: {}, cwd: os.tmpdir() });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

let site: Server;
let base: string;
let dir: string;
let db: string;

beforeAll(async () => {
  site = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.end(
        `<rss version="2.0"><channel><title>CLI Test Desk</title><item><title>Launch postponed</title><link>${base}/launch</link><guid>launch</guid></item></channel></rss>`,
      );
    } else if (req.url === '/launch') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(page);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-feed-cli-'));
  db = path.join(dir, 'db.sqlite');
});

afterAll(async () => {
  site.closeAllConnections();
  await new Promise<void>((r) => site.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('feed command', () => {
  it('refuses a loopback feed unless --allow-private, then subscribes, lists and polls', async () => {
    const refused = await run(['feed', 'add', `${base}/feed.xml`, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused .*loopback.*E_FETCH_BLOCKED/);

    const added = await run(['feed', 'add', `${base}/feed.xml`, '--allow-private', '--db', db]);
    expect(added).toMatchObject({ code: 0, stdout: `subscribed to ${base}/feed.xml (CLI Test Desk)\n` });

    const list = await run(['feed', 'list', '--db', db]);
    expect(list.stdout).toContain(`${base}/feed.xml (CLI Test Desk) [private allowed]`);

    const poll = await run(['feed', 'poll', '--db', db]);
    expect(poll.code).toBe(0);
    expect(poll.stdout).toContain('1 new item(s): stored 1, already stored 0, failed 0');

    const again = await run(['feed', 'poll', '--db', db, '--json']);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ status: 'updated', newItems: 0 });
  });

  it('answers a usage error for an unknown subcommand', async () => {
    const r = await run(['feed', 'frobnicate', '--db', db]);
    expect(r.code).toBe(2);
  });
});

describe('ingest command: every input gets an answer', () => {
  it('refuses a loopback URL and lists TimeML files, exit 1', async () => {
    const tml = path.join(dir, 'tml');
    mkdirSync(tml);
    writeFileSync(path.join(tml, 'doc.tml'), '<TimeML><TEXT>A test.</TEXT></TimeML>');
    const r = await run(['ingest', `${base}/launch`, tml, '--db', db, '--jobs', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'stored 0, already stored 0, failed 2 (1 in a format newsintel does not read)',
    );
    expect(r.stdout).toMatch(/doc\.tml: this is a TimeML annotation file/);
    expect(r.stdout).toMatch(/launch: fetch: refused .*127\.0\.0\.1 is loopback/);
  });
});
