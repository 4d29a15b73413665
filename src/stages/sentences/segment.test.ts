import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findParagraphs, segment } from './segment.js';
import { scanTokens } from './tokenize.js';

const sents = (t: string) => segment(t).sentences.map((s) => t.slice(s.start, s.end));
const toks = (t: string) => scanTokens(t).map((s) => t.slice(s.start, s.end));

describe('tokens', () => {
  it('keeps hyphenated words whole', () => {
    expect(toks('Lee Won-sik backed the Indo-Pacific three-way plan')).toEqual([
      'Lee',
      'Won-sik',
      'backed',
      'the',
      'Indo-Pacific',
      'three-way',
      'plan',
    ]);
  });
  it('keeps dotted acronyms and abbreviations with their period', () => {
    expect(toks('the U.S. and U.N. met at 9 a.m. with Gen. Park')).toEqual([
      'the',
      'U.S.',
      'and',
      'U.N.',
      'met',
      'at',
      '9',
      'a.m.',
      'with',
      'Gen.',
      'Park',
    ]);
  });
  it('splits the possessive off, straight and curly', () => {
    expect(toks("Seoul’s plan and Tokyo's view")).toEqual([
      'Seoul',
      '’s',
      'plan',
      'and',
      'Tokyo',
      "'s",
      'view',
    ]);
  });
  it('keeps numbers with separators whole and splits punctuation', () => {
    expect(toks('some 12,500 men, 2.75 percent.')).toEqual([
      'some',
      '12,500',
      'men',
      ',',
      '2.75',
      'percent',
      '.',
    ]);
  });
  it('makes quote marks and dashes separate tokens', () => {
    expect(toks('“Go,” she said -- then “stop” — "now"')).toEqual([
      '“',
      'Go',
      ',',
      '”',
      'she',
      'said',
      '--',
      'then',
      '“',
      'stop',
      '”',
      '—',
      '"',
      'now',
      '"',
    ]);
  });
  it('treats "No." as an abbreviation only before a number', () => {
    expect(toks('the No. 3 man')).toContain('No.');
    expect(toks('He said No. Then')).toEqual(['He', 'said', 'No', '.', 'Then']);
  });
  it('covers every non-space character exactly once', () => {
    const t = 'a\u00a0b ¿¡ x😀y ... -- ‘ok’ U.S.-led p.m';
    const spans = scanTokens(t);
    let covered = '';
    for (const s of spans) covered += t.slice(s.start, s.end);
    expect(covered).toBe(t.replace(/\s/g, ''));
  });
});

describe('paragraphs', () => {
  it('splits on blank lines and treats single line breaks as spaces', () => {
    const t = 'First line\ncontinues here.\n\n  Second one.\n \n\nThird.';
    expect(findParagraphs(t).map((p) => t.slice(p.start, p.end))).toEqual([
      'First line\ncontinues here.',
      'Second one.',
      'Third.',
    ]);
  });
  it('ends a sentence at a paragraph break even without punctuation', () => {
    expect(sents('A headline without stop\n\nThe body starts.')).toEqual([
      'A headline without stop',
      'The body starts.',
    ]);
  });
});

describe('sentences', () => {
  it('does not split after titles, initials and months', () => {
    expect(sents('Lt. Col. Park met Dr. Lim and Gen. Ahn on Dec. 3. They talked.')).toEqual([
      'Lt. Col. Park met Dr. Lim and Gen. Ahn on Dec. 3.',
      'They talked.',
    ]);
    expect(sents('Jane Q. Public saw S. Korean and N.K. officials.')).toHaveLength(1);
    expect(sents('Mr. Roe and Ms. Doe went to St. Paul in Sept. last year.')).toHaveLength(1);
  });
  it('splits after "U.S." before a sentence opener but not before a name', () => {
    expect(sents('Ties deepened with the U.S. The talks resumed.')).toEqual([
      'Ties deepened with the U.S.',
      'The talks resumed.',
    ]);
    expect(sents('A U.S. Senate aide and a U.N. Security Council envoy spoke.')).toHaveLength(1);
  });
  it('resolves a.m. and p.m. by the next word', () => {
    expect(sents('It starts at 9 a.m. The hall opens early.')).toHaveLength(2);
    expect(sents('It starts at 9 a.m. GMT on a weekday.')).toHaveLength(1);
    expect(sents('It starts at 9 a.m. Tuesday near the port.')).toHaveLength(1);
    expect(sents('It starts at 9 a.m. and ends late.')).toHaveLength(1);
  });
  it('keeps a closing quote with the sentence it ends', () => {
    expect(sents('"We agreed." Then they left.')).toEqual(['"We agreed."', 'Then they left.']);
    expect(sents('“Is it over?” He shrugged. “No!” she replied.')).toEqual([
      '“Is it over?”',
      'He shrugged.',
      '“No!” she replied.',
    ]);
  });
  it('does not split before a lowercase continuation', () => {
    expect(sents('"Why now?" he asked.')).toEqual(['"Why now?" he asked.']);
    expect(sents('They paused...and went on.')).toHaveLength(1);
  });
  it('does not split inside parentheses', () => {
    expect(sents('The envoy (a former general. He retired early.) arrived.')).toHaveLength(1);
    expect(sents('(They) resolved to act. Others waited.')).toEqual([
      '(They) resolved to act.',
      'Others waited.',
    ]);
  });
  it('survives an unmatched parenthesis', () => {
    expect(sents('An aside (never closed. The next sentence.')).toHaveLength(2);
  });
  it('numbers tokens by sentence', () => {
    const r = segment('One two. Three four.');
    expect(r.tokens.map((t) => t.sentence)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(r.tokens.every((t) => t.text === 'One two. Three four.'.slice(t.start, t.end))).toBe(true);
  });
  it('handles empty and space-only text', () => {
    expect(segment('')).toEqual({ paragraphs: [], sentences: [], tokens: [] });
    expect(segment(' \n\n \t')).toEqual({ paragraphs: [], sentences: [], tokens: [] });
  });
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const storyDir = path.resolve(repoRoot, '../shared/eval/news/te3-silver-geopolitics/txt');
const haveStories = existsSync(storyDir);

describe.skipIf(!haveStories)('invariants over the wire stories (needs ../shared/eval/news)', () => {
  const files = haveStories ? readdirSync(storyDir).filter((f) => f.endsWith('.txt')) : [];
  it('finds the stories', () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
  });
  it('sentences tile the non-space text, tokens lie inside, abbreviations do not end sentences wrongly', () => {
    let total = 0;
    for (const f of files) {
      const text = readFileSync(path.join(storyDir, f), 'utf8');
      const { paragraphs, sentences, tokens } = segment(text);
      // sentences ordered, non-overlapping, each inside one paragraph
      let p = 0;
      for (let i = 0; i < sentences.length; i++) {
        const s = sentences[i]!;
        expect(s.end).toBeGreaterThan(s.start);
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
        while (paragraphs[p]!.end < s.end) p++;
        expect(s.start).toBeGreaterThanOrEqual(paragraphs[p]!.start);
      }
      // tokens cover every non-space character and lie inside their sentence
      let covered = 0;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        const s = sentences[t.sentence]!;
        expect(t.start >= s.start && t.end <= s.end).toBe(true);
        if (i > 0) expect(t.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
        covered += t.end - t.start;
      }
      expect(covered).toBe(text.replace(/\s/g, '').length);
      // no sentence ends on "U.S." / a title when the next sentence starts lowercase
      for (let i = 0; i + 1 < sentences.length; i++) {
        const a = text.slice(sentences[i]!.start, sentences[i]!.end);
        const b = text.slice(sentences[i + 1]!.start, sentences[i + 1]!.end);
        const sameParagraph = !/\n\s*\n/.test(text.slice(sentences[i]!.end, sentences[i + 1]!.start));
        if (!sameParagraph) continue;
        expect(/(?:\b[A-Z]\.|\b(?:Mr|Dr|Gen|Lt|Col|Sen)\.)$/.test(a) && /^[a-z]/.test(b)).toBe(false);
        expect(/\b(?:Mr|Mrs|Dr|Gen|Lt|Col|Sen|Gov|Prof)\.$/.test(a)).toBe(false);
      }
      total += sentences.length;
    }
    expect(total).toBeGreaterThan(files.length * 5);
  });
});
