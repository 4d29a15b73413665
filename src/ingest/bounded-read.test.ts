import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { readFileCapped, readStreamCapped } from './bounded-read.js';

/** An endless stream of zero bytes that counts what was pulled from it. */
function endless(chunk = 64 * 1024): Readable & { pulled: () => number } {
  let pulled = 0;
  const r = new Readable({
    read() {
      pulled += chunk;
      this.push(Buffer.alloc(chunk));
    },
  }) as Readable & { pulled: () => number };
  r.pulled = () => pulled;
  return r;
}

function sink(): Writable & { text: () => string } {
  let out = '';
  const w = new Writable({
    write(c, _e, cb) {
      out += c;
      cb();
    },
  }) as Writable & { text: () => string };
  w.text = () => out;
  return w;
}

async function cli(argv: string[], stdin: Readable = new PassThrough()) {
  const stdout = sink();
  const stderr = sink();
  const code = await main({ argv, stdin, stdout, stderr, env: {}, cwd: os.tmpdir() });
  return { code, out: stdout.text(), err: stderr.text() };
}

describe('input caps for streams, devices and pipes', () => {
  let dir: string;
  let fifo: string;
  let haveFifo = false;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-cap-'));
    fifo = path.join(dir, 'story.fifo');
    try {
      execFileSync('mkfifo', [fifo]);
      haveFifo = true;
    } catch {
      haveFifo = false;
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops reading an endless stream as soon as the cap is passed', async () => {
    const s = endless();
    await expect(readStreamCapped(s, 1_000_000, 'stdin')).rejects.toMatchObject({
      code: 'E_INPUT_TOO_LARGE',
    });
    // At most the cap plus the chunks already buffered, never the whole stream.
    expect(s.pulled()).toBeLessThan(1_000_000 + 20 * 64 * 1024);
    const small = Readable.from([Buffer.from('The port reopened.')]);
    expect((await readStreamCapped(small, 100, 'stdin')).toString()).toBe('The port reopened.');
  });

  it.skipIf(!existsSync('/dev/zero'))('stops at the cap on /dev/zero, which reports size 0', async () => {
    await expect(readFileCapped('/dev/zero', 2_000_000)).rejects.toMatchObject({ code: 'E_INPUT_TOO_LARGE' });
  });

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    if (!haveFifo) return void console.warn('skipped: mkfifo is not available');
    await expect(readFileCapped(fifo, 1_000)).rejects.toMatchObject({ code: 'E_INPUT_FORMAT' });
  });

  it('refuses regular files over the cap before reading them', async () => {
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(5_000));
    await expect(readFileCapped(big, 4_000)).rejects.toMatchObject({ code: 'E_INPUT_TOO_LARGE' });
    expect((await readFileCapped(big, 5_000)).length).toBe(5_000);
  });

  it.skipIf(!existsSync('/dev/zero'))(
    'ingest /dev/zero and a FIFO: clear errors, nothing hangs',
    async () => {
      const db = path.join(dir, 'caps.db');
      const zero = await cli(['ingest', '/dev/zero', '--db', db, '--max-bytes', '1000000']);
      expect(zero.code).toBe(1);
      expect(zero.out + zero.err).toMatch(/over the 1000000-byte limit/);
      if (haveFifo) {
        const pipe = await cli(['ingest', fifo, '--db', db]);
        expect(pipe.code).toBe(1);
        expect(pipe.out + pipe.err).toMatch(/named pipe/);
      }
    },
  );

  it('analyze - refuses as soon as stdin passes the cap (not after buffering it all)', async () => {
    const stdin = endless();
    const r = await cli(['analyze', '-', '--max-bytes', '1000000'], stdin);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/stdin is over the 1000000-byte limit/);
    expect(stdin.pulled()).toBeLessThan(1_000_000 + 20 * 64 * 1024);
    if (haveFifo) {
      const pipe = await cli(['analyze', fifo]);
      expect(pipe.code).toBe(1);
      expect(pipe.err).toMatch(/named pipe/);
    }
  });
});
