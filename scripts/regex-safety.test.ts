import { beforeAll, describe, expect, it } from 'vitest';
import {
  allRegexes,
  checkRegex,
  type FoundRegex,
  literalRegexes,
  readSafetyFile,
  regexKey,
  sourceFiles,
  uncheckedVerdicts,
} from './regex-safety.js';

/**
 * The CI check for regex safety (issue 15): every regex the engine runs is either cached as proven linear,
 * accepted with a written reason, or checked now by recheck, and a new super-linear one fails.
 */
describe('regex safety', () => {
  let regexes: FoundRegex[] = [];
  beforeAll(async () => {
    regexes = await allRegexes();
  }, 120_000);

  it('finds the literal and the runtime-built regexes of src/', () => {
    expect(sourceFiles().length).toBeGreaterThan(50);
    expect(regexes.length).toBeGreaterThan(400);
    expect(regexes.some((r) => r.origin === 'runtime' && r.where.startsWith('src/ingest/wire-text.ts'))).toBe(
      true,
    );
    expect(regexes.every((r) => r.where.startsWith('src/'))).toBe(true);
  });

  it('has no new regex that is not proven linear (add a reason to regex-safety.json only after review)', () => {
    const bad = uncheckedVerdicts(regexes, readSafetyFile())
      .filter((v) => v.status !== 'safe')
      .map((v) => `${v.regex.where}: ${v.status} (${v.summary}) /${v.regex.source}/${v.regex.flags}`);
    expect(bad).toEqual([]);
  }, 600_000);

  it('flags the patterns that froze the server before the fix', () => {
    const old: FoundRegex = {
      source:
        '^(?:\\((?:END|MORE|Yonhap|AFP|Xinhua|Reuters)\\)|\\/{2,}.*|-{2,}\\s*(?:END|MORE)?\\s*-{0,}|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+(?:\\s*\\(END\\))?|(?:[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\s*)+)$',
      flags: '',
      where: 'src/ingest/wire-text.ts (before)',
      origin: 'literal',
    };
    expect(checkRegex(old).status).toBe('vulnerable');
    expect(checkRegex({ ...old, source: '<p\\b[^>]*>([\\s\\S]*?)<\\/p\\s*>', flags: 'gi' }).status).toBe(
      'vulnerable',
    );
    expect(checkRegex({ ...old, source: '^\\s*(?:,\\s*)?$' }).status).toBe('safe');
  }, 120_000);

  it('keeps the accepted exceptions few and each with a reason', () => {
    const file = readSafetyFile();
    for (const a of file.accepted) expect(a.reason.length, a.where).toBeGreaterThan(20);
    // Nothing from the readers that face raw input, except the bounded dateline/title/date patterns.
    const ingest = file.accepted.filter(
      (a) => a.where.startsWith('src/ingest/') || a.where.startsWith('src/api/'),
    );
    expect(ingest.map((a) => a.where.replace(/:\d+$/, '')).sort()).toEqual([
      'src/ingest/dates.ts',
      'src/ingest/dates.ts',
      'src/ingest/fetch/charset.ts',
      'src/ingest/title.ts',
      'src/ingest/title.ts',
      'src/ingest/title.ts',
      'src/ingest/wire-text.ts',
      'src/ingest/wire-text.ts',
      'src/ingest/wire-text.ts',
    ]);
    expect(regexKey({ flags: 'g', source: 'a' })).not.toBe(regexKey({ flags: '', source: 'a' }));
  });

  /**
   * Adversarial strings: runs of the characters regexes repeat, with a tail that makes a match fail late.
   * Generous bound, not a speed test: exponential backtracking takes minutes on these, linear scanning
   * milliseconds.
   */
  it('runs every regex over adversarial strings without blowing up', () => {
    const pumps = [
      ' ',
      '\t',
      'a',
      'A',
      '0',
      '.',
      ',',
      '-',
      '(',
      '<p',
      '@',
      'a@b.cccc',
      'A ',
      'aA',
      '_',
      '/',
      "'",
      'Jan ',
      'the ',
      '\n',
      'a-',
      '1 ',
    ];
    const inputs = pumps.flatMap((p) => {
      const run = p.repeat(Math.ceil(1_000 / p.length));
      return [`${run}\u0000!`, `November 1, 2024\n\nSEOUL, Nov. 1 (Yonhap) -- ${run}!`];
    });
    const slow: string[] = [];
    for (const r of regexes) {
      const re = new RegExp(r.source, r.flags);
      const t0 = performance.now();
      for (const s of inputs) {
        re.lastIndex = 0;
        re.exec(s);
      }
      const ms = performance.now() - t0;
      if (ms > 2_000) slow.push(`${r.where} ${ms.toFixed(0)} ms: /${r.source.slice(0, 80)}/`);
    }
    expect(slow).toEqual([]);
  }, 300_000);

  it('reads regex literals and constant new RegExp patterns with their lines', () => {
    const found = literalRegexes(sourceFiles().find((f) => f.endsWith('src/ingest/wire-text.ts'))!);
    expect(found.some((r) => r.source.startsWith('^Source') && r.flags === 'i')).toBe(true);
    expect(found.every((r) => /^src\/ingest\/wire-text\.ts:\d+$/.test(r.where))).toBe(true);
  });
});
