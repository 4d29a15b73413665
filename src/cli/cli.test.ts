import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/newsintel.js');
const built = existsSync(join(root, 'dist/src/cli/main.js'));
const example = resolve(root, '../shared/examples/yonhap-2024-11-01-nk-troops-3rd-ld.txt');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!built)('newsintel CLI (built bin)', () => {
  it('prints help and rejects unknown commands with exit 2', () => {
    expect(run(['--help']).stdout).toMatch(/analyze/);
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('analyzes stdin to the public format', () => {
    const text =
      'March 3, 2025\n\nSample headline written for the tests\n\nThe ministers met on Monday. They talked.\n\nSource: Test Desk\n';
    const r = run(['analyze', '-', '--json'], text);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.format).toBe('newsintel.analysis/1');
    expect(a.article.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const k of ['repairs', 'sentences', 'entities', 'quotes', 'times', 'claims', 'events']) {
      expect(Array.isArray(a[k])).toBe(true);
    }
    expect(a.article.text).toContain('The ministers met on Monday.');
  });

  it('gives the same id for the same input', () => {
    const text = 'A short test text written for newsintel.';
    expect(JSON.parse(run(['analyze', '-', '--json'], text).stdout).article.id).toBe(
      JSON.parse(run(['analyze', '-', '--json'], text).stdout).article.id,
    );
  });

  it('rejects bad input with a clear message and a non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsintel-cli-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(dir, 'blob.txt');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const badUtf8 = join(dir, 'bad.txt');
    writeFileSync(badUtf8, Buffer.from([0x48, 0x69, 0x20, 0xc3, 0x28, 0x0a]));
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'word '.repeat(3000));
    for (const [file, pattern, extra] of [
      [empty, /empty/i, []],
      [binary, /binary/i, []],
      [badUtf8, /UTF-8/i, []],
      [big, /limit|large/i, ['--max-bytes', '1000']],
      [join(dir, 'missing.txt'), /cannot read/i, []],
    ] as const) {
      const r = run(['analyze', file, '--json', ...extra]);
      expect(r.code, file).toBe(1);
      expect(r.stderr, file).toMatch(pattern);
      expect(r.stdout).toBe('');
    }
  });

  it('decodes UTF-16 with a BOM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsintel-cli-'));
    const f = join(dir, 'u16.txt');
    writeFileSync(
      f,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('Officials met in Geneva on Friday.', 'utf16le'),
      ]),
    );
    const r = run(['analyze', f, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).article.text).toContain('Officials met in Geneva');
  });

  it.skipIf(!existsSync(example))('reads the example story metadata', () => {
    const r = run(['analyze', example, '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.article.published).toBe('2024-11-01');
    expect(a.article.version).toEqual({ tag: '3rd LD', number: 3 });
    expect(a.article.source).toMatch(/Yonhap/);
    const summary = run(['analyze', example]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/Top S\. Korean/);
  });
});

describe('a closed output pipe', () => {
  it('ends a read-only command quietly and lets a writing command carry on', async () => {
    const { closedOutputHandler } = await import('./main.js');
    const exits: number[] = [];
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    closedOutputHandler('export', (c) => exits.push(c))(epipe);
    expect(exits).toEqual([0]);
    closedOutputHandler('ingest', (c) => exits.push(c))(epipe);
    expect(exits).toEqual([0]);
    const other = Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    expect(() => closedOutputHandler('export', (c) => exits.push(c))(other)).toThrow(/disk full/);
  });
});

describe.skipIf(!built)('newsintel CLI reading into a pipe that closes early (built bin)', () => {
  it('exits 0 with no stack trace when the reader stops after the first byte of a long output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsintel-pipe-'));
    const db = join(dir, 'p.db');
    writeFileSync(
      join(dir, 'story.txt'),
      `March 3, 2025\n\nPipe test headline written for the tests\n\n${Array.from(
        { length: 150 },
        (_, i) => `Minister ${i} met the envoy on Monday in Valdoria and said talks on trade went well.`,
      ).join('\n\n')}\n\nSource: Test Desk\n`,
    );
    expect(run(['ingest', join(dir, 'story.txt'), '--db', db]).code).toBe(0);
    // `head -c 1` closes the pipe after one byte; a shell pipeline reports the exit status of each side.
    const r = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; "${process.execPath}" "${bin}" export --db "${db}" | head -c 1 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8', cwd: root },
    );
    expect(r.stdout).toMatch(/rc=0/);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});
