import { describe, expect, it } from 'vitest';
import { NewsintelError } from '../core/errors.js';
import { readHtml } from './html.js';
import { readJsonRecords } from './json-records.js';
import { detectFormat, readInput } from './read-input.js';

const record = {
  id: 'r1',
  title: '(2nd LD) Harbour reopens after storm by Ana Lima',
  text: 'The harbour reopened on Monday.\n\nBoats left at dawn.',
  date: '2023-03-06',
  source: 'AFP',
  url: 'https://example.org/a',
  dateline: 'PORTO, March 6 , 2023 (AFP)',
};

describe('readJsonRecords', () => {
  it('reads one object with title parsing and field normalisation', () => {
    const { sources, errors } = readJsonRecords(JSON.stringify(record));
    expect(errors).toEqual([]);
    expect(sources).toHaveLength(1);
    const s = sources[0]!;
    expect(s.raw).toBe(record.text);
    expect(s.body).toEqual({ start: 0, end: record.text.length });
    expect(s.recordId).toBe('r1');
    expect(s.meta).toEqual({
      source: 'Agence France-Presse',
      url: 'https://example.org/a',
      published: '2023-03-06',
      headline: 'Harbour reopens after storm',
      byline: 'Ana Lima',
      dateline: 'PORTO',
      version: { tag: '2nd LD', number: 2 },
    });
  });

  it('reads arrays and wrapped arrays, and dct/published date fields', () => {
    const a = readJsonRecords(JSON.stringify([{ text: 'One.', dct: 'March 6, 2023' }, { text: 'Two.' }]));
    expect(a.sources.map((s) => s.meta.published)).toEqual(['2023-03-06', null]);
    const w = readJsonRecords(
      JSON.stringify({ articles: [{ text: 'One.', published: '2023-03-06T10:00:00Z' }] }),
    );
    expect(w.sources[0]!.meta.published).toBe('2023-03-06T10:00:00Z');
    const bad = readJsonRecords(JSON.stringify([{ text: 'One.' }, { title: 'no text' }, 7]));
    expect(bad.sources).toHaveLength(1);
    expect(bad.errors.map((e) => e.record)).toEqual([1, 2]);
  });

  it('reads JSON Lines, keeping good lines and reporting bad ones by line number', () => {
    const jsonl = [
      JSON.stringify(record),
      '{not json',
      '',
      JSON.stringify({ text: '' }),
      JSON.stringify({ text: 'Ok.' }),
    ].join('\n');
    const { sources, errors } = readJsonRecords(jsonl);
    expect(sources.map((s) => s.raw)).toEqual([record.text, 'Ok.']);
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
    expect(errors[0]!.message).toMatch(/^line 2: invalid JSON/);
  });
});

describe('readHtml', () => {
  it('takes the title, metadata and article paragraphs', () => {
    const html = `<!doctype html><html><head><title>Ignored</title>
      <meta property="og:title" content="(LEAD) Bridge opens to traffic">
      <meta property="article:published_time" content="2023-05-02T08:00:00Z">
      <meta property="og:site_name" content="Yonhap">
      <link rel="canonical" href="https://example.org/bridge">
      <script>var x = "<p>not text</p>";</script></head>
      <body><nav><p>Menu</p></nav><article><h1>Bridge opens</h1>
      <p>The bridge opened on Tuesday &amp; traffic flowed.</p>
      <p>Drivers said it was &#8220;faster&#8221;.</p></article></body></html>`;
    const s = readHtml(html);
    expect(s.raw).toBe('The bridge opened on Tuesday & traffic flowed.\n\nDrivers said it was “faster”.');
    expect(s.meta.headline).toBe('Bridge opens to traffic');
    expect(s.meta.version).toEqual({ tag: 'LEAD', number: 1 });
    expect(s.meta.published).toBe('2023-05-02T08:00:00Z');
    expect(s.meta.source).toBe('Yonhap News Agency');
    expect(s.meta.url).toBe('https://example.org/bridge');
  });
});

describe('readInput', () => {
  it('dispatches by extension and by content', () => {
    expect(detectFormat('{"text":"a"}')).toBe('json');
    expect(detectFormat('<!DOCTYPE html><html></html>')).toBe('html');
    expect(detectFormat('March 6, 2023\n\nTitle', 'story.txt')).toBe('wire');
    expect(detectFormat('anything', 'feed.jsonl')).toBe('json');
    const wire = readInput(
      Buffer.from('March 6, 2023\n\nHarbour reopens\n\nBoats left.\n\nSource: Agence France-Presse'),
    );
    expect(wire.sources[0]!.meta.published).toBe('2023-03-06');
    const json = readInput(Buffer.from(JSON.stringify(record)), { filename: 'x.json' });
    expect(json.sources[0]!.meta.headline).toBe('Harbour reopens after storm');
  });

  it('throws coded errors for unreadable input', () => {
    expect(() => readInput(Buffer.from('{broken'), { filename: 'x.json' })).toThrow(NewsintelError);
    try {
      readInput(Buffer.from('[1, 2'), { filename: 'x.json' });
    } catch (e) {
      expect((e as NewsintelError).code).toBe('E_INPUT_FORMAT');
    }
    expect(() => readInput(Buffer.alloc(0))).toThrow(/empty/);
  });
});
