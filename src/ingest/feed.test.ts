import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeed, sniffMarkup } from './feed.js';
import { detectFormat, readInput } from './read-input.js';
import { readWireText } from './wire-text.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(path.join(here, 'fixtures', name), 'utf8');
const sampleBody = (name: string) => {
  const s = readWireText(readFileSync(path.join(here, '..', '..', 'samples', name), 'utf8'));
  return s.raw.slice(s.body.start, s.body.end).trim();
};

describe('feed parsing', () => {
  it('reads RSS 2.0 items with title, link, guid, date, author and full content', () => {
    const f = parseFeed(fixture('desk.rss.xml'));
    expect(f.kind).toBe('rss');
    expect(f.title).toBe('Newsintel Sample Desk');
    expect(f.items).toHaveLength(3);
    const first = f.items[0]!;
    expect(first.id).toBe('desk-port-strike');
    expect(first.link).toBe('https://desk.example/2025/10/08/port-strike');
    expect(first.published).toBe('2025-10-08');
    expect(first.author).toBe('Marta Jansen');
    expect(first.contentHtml).toContain('<p>ROTTERDAM, Oct. 8 (Newsintel Wire) -- Dock workers');
    expect(f.items[2]!.contentHtml).toBeNull();
  });

  it('reads Atom entries and resolves relative links against the feed', () => {
    const f = parseFeed(fixture('desk.atom.xml'));
    expect(f.kind).toBe('atom');
    expect(f.items.map((i) => i.link)).toEqual([
      'https://desk.example/2025/10/08/port-strike',
      'https://desk.example/2025/03/04/grain-talks',
    ]);
    expect(f.items[0]!.published).toBe('2025-10-08T07:14:00Z');
    expect(f.items[0]!.contentHtml).toContain('<p>');
  });

  it('reads JSON Feed and reports an item with neither link nor text', () => {
    const f = parseFeed(fixture('desk.feed.json'));
    expect(f.kind).toBe('json');
    expect(f.items).toHaveLength(2);
    expect(f.errors).toEqual([{ item: 3, message: 'item 3: the item has neither a link nor any text' }]);
  });

  it('refuses a document that is not a feed', () => {
    expect(() => parseFeed('<html><body>x</body></html>')).toThrow(/not an RSS, Atom or JSON Feed/);
    expect(() => parseFeed('<rss version="2.0"></rss>')).toThrow(/needs a <channel>/);
  });

  it('sniffs the root element past the XML declaration, comments and doctype', () => {
    expect(sniffMarkup('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">')).toBe('rss');
    expect(sniffMarkup('<?xml version="1.0"?><TimeML>')).toBe('timeml');
    expect(sniffMarkup('<!DOCTYPE html><html>')).toBe('html');
    expect(sniffMarkup('{"version": "https://jsonfeed.org/version/1.1", "items": []}')).toBe('json');
    expect(sniffMarkup('March 6, 2023\n\nHeadline')).toBeNull();
  });
});

describe('a feed read as input gives one article per item, never the feed itself', () => {
  it('RSS: items with full content become articles with the item metadata', () => {
    const r = readInput(fixture('desk.rss.xml'), { filename: 'desk.rss.xml' });
    expect(r.format).toBe('feed');
    expect(r.sources).toHaveLength(3);
    const s = r.sources[0]!;
    expect(s.raw).not.toContain('<');
    expect(s.raw).not.toContain('Share this article');
    expect(s.raw.slice(s.body.start, s.body.end)).toBe(sampleBody('port-strike.txt'));
    expect(s.meta).toMatchObject({
      headline: 'Dock workers strike at Rotterdam after unions reject pay offer',
      version: { tag: 'LEAD', number: 1 },
      published: '2025-10-08',
      url: 'https://desk.example/2025/10/08/port-strike',
      byline: 'Marta Jansen',
      dateline: 'ROTTERDAM',
    });
    // The summary-only item is kept with a warning that says so.
    expect(r.sources[2]!.warnings.join(' ')).toMatch(/only \d+ characters/);
  });

  it('JSON Feed: plain-text content becomes paragraphs', () => {
    const r = readInput(fixture('desk.feed.json'), { filename: 'desk.feed.json' });
    expect(r.format).toBe('feed');
    expect(r.sources.map((s) => s.raw.slice(s.body.start, s.body.end))).toEqual([
      sampleBody('port-strike.txt'),
      sampleBody('grain-talks.txt'),
    ]);
    expect(r.errors).toHaveLength(1);
  });

  it('an RSS file with a .txt name is still a feed', () => {
    expect(detectFormat(fixture('desk.rss.xml'), 'saved.txt')).toBe('feed');
  });

  it('the stored text of a feed item reads back as the same article under the feed name (reanalyze)', () => {
    const first = readInput(fixture('desk.rss.xml'), { filename: 'desk.rss.xml' }).sources[0]!;
    expect(detectFormat(first.raw, 'desk.rss.xml')).toBe('wire');
    const again = readInput(first.raw, { filename: 'desk.rss.xml' }).sources[0]!;
    expect(again.raw.slice(again.body.start, again.body.end)).toBe(
      first.raw.slice(first.body.start, first.body.end),
    );
    expect(again.meta.dateline).toBe('ROTTERDAM');
  });
});
