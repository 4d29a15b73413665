import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

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

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main({ argv, stdin: new PassThrough(), stdout, stderr, env: {}, cwd });
  return { code, out: stdout.text(), err: stderr.text() };
}

/** Fictional stories written for this test: a first version and its 1st Lead. */
const BODY1 =
  'Rescue teams in Marlow pulled 12 people from a collapsed market hall on Tuesday, fire chief Tomas Renner said.';
const BODY2 =
  'Officials said about 40 people had been inside when the roof gave way after two days of heavy snow.';
const BODY3 = '"We are still searching the north wing," Renner told reporters at the scene.';
const wire = (tag: string, paras: string[]) =>
  `February 10, 2026\n\n${tag}Market hall roof collapses in Marlow\n\nMARLOW, Feb. 10 (Newsintel Wire) -- ${paras.join('\n\n')}\n`;

describe('corpus commands', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-cli-corpus-'));
    db = path.join(dir, 'c.db');
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'a-first.txt'), wire('', [BODY1, BODY2]));
    writeFileSync(path.join(dir, 'in', 'b-lead.txt'), wire('(LEAD) ', [BODY1, BODY2, BODY3]));
    const r = await run(['ingest', path.join(dir, 'in'), '--db', db], dir);
    expect(r.code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('story prints the chain and the added quote for a file argument', async () => {
    const r = await run(['story', path.join(dir, 'in', 'b-lead.txt'), '--db', db], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1\. .*\n.*\n\s+2\. .*LEAD/);
    expect(r.out).toContain('new quote by Tomas Renner');
  });

  it('actor, events, network and claims answer, and --json gives the API shape', async () => {
    const a = await run(['actor', 'Renner', '--db', db], dir);
    expect(a.code).toBe(0);
    expect(a.out).toContain('Tomas Renner');
    const e = await run(['events', '--json', '--db', db], dir);
    expect(JSON.parse(e.out).counts.events).toBeGreaterThanOrEqual(0);
    expect((await run(['network', '--db', db], dir)).code).toBe(0);
    expect((await run(['claims', 'people', '--db', db], dir)).code).toBe(0);
  });

  it('export writes the event table and refuses an unknown format', async () => {
    const r = await run(['export', '--format', 'events-csv', '--db', db], dir);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^event_id,cluster_id,date,plover_type/);
    const bad = await run(['export', '--format', 'xml', '--db', db], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown format');
  });

  it('refuses bad filters with a usage error and unknown ids as not found', async () => {
    expect((await run(['events', '--from', 'soon', '--db', db], dir)).code).toBe(2);
    expect((await run(['story', 'sha256:nothing', '--db', db], dir)).code).toBe(1);
  });
});
