import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../services/analyze.js';
import { openStore } from '../../storage/index.js';
import { exportCommand } from './export.js';

function sink(isTTY: boolean, slow: boolean): Writable & { isTTY: boolean; text: () => string } {
  let out = '';
  const w = new Writable({
    highWaterMark: 16,
    write(chunk, _enc, cb) {
      out += chunk;
      if (slow)
        setImmediate(cb); // a slow reader, so backpressure is exercised
      else cb();
    },
  }) as Writable & { isTTY: boolean; text: () => string };
  w.isTTY = isTTY;
  w.text = () => out;
  return w;
}

describe('export command with progress', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-export-'));
    db = path.join(dir, 'db.sqlite');
    const store = await openStore(db);
    for (const body of [
      'The river authority opened two flood gates on Monday, a sentence written for this test.',
      'The city council approved a new bus lane on Tuesday, another sentence written for this test.',
    ]) {
      const a = analyze(body, { headline: body.slice(0, 20) });
      await store.saveArticle(a, body, null);
    }
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every line to stdout through the counting pass-through and the bar to stderr only', async () => {
    const stdout = sink(false, true);
    const stderr = sink(true, false);
    const code = await exportCommand.run({
      argv: ['--db', db],
      stdin: new PassThrough(),
      stdout,
      stderr,
      env: {},
      cwd: dir,
    });
    expect(code).toBe(0);
    const lines = stdout.text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(JSON.parse(l).format).toBe('newsintel.analysis/1');
    expect(stderr.text()).toContain('2/2 lines');
    expect(stderr.text()).toContain('exported 2 articles');
    expect(stdout.text()).not.toContain('\r');
  });
});
