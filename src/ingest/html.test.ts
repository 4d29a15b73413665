import { describe, expect, it } from 'vitest';
import { readHtml, replaceTags } from './html.js';

// Our own fictional page.
const PAGE = `<!doctype html><html><head><title>Harbour reopens | Test Desk</title>
<meta property="og:site_name" content="Test Desk"><meta name="author" content="Ana Lima">
<meta property="article:published_time" content="2025-06-03T08:00:00Z">
<link rel="canonical" href="https://example.org/harbour"><script>var x = "<p>not text</p>";</script></head>
<body><nav><p>Menu</p></nav><!-- <p>hidden</p> --><article><h1>Harbour reopens</h1>
<p>The harbour reopened on Tuesday, the port authority said.</p><P class="x">Ferries resume &amp; sail at 9.</p >
</article><footer><p>Footer</p></footer></body></html>`;

describe('readHtml', () => {
  it('takes the title, metadata and the article paragraphs, skipping scripts, navigation and comments', () => {
    const s = readHtml(PAGE);
    expect(s.raw).toBe(
      'The harbour reopened on Tuesday, the port authority said.\n\nFerries resume & sail at 9.',
    );
    expect(s.meta).toMatchObject({
      headline: 'Harbour reopens | Test Desk',
      source: 'Test Desk',
      byline: 'Ana Lima',
      published: '2025-06-03T08:00:00Z',
      url: 'https://example.org/harbour',
    });
  });

  it('reads unclosed tags in linear time: `<p` × 80,000 after <html><body>, and a 5 MB page of them', () => {
    // The shape (160 KB stalled the server for 15 s) and the request limit (hours before the fix).
    for (const n of [80_000, 2_500_000]) {
      const s = readHtml(`<html><body>${'<p'.repeat(n)}`);
      expect(s.warnings).toContain('no <p> paragraphs found: using the visible text of the page');
      expect(s.raw.length).toBeGreaterThan(0);
    }
    for (const tag of [
      '<title',
      '<h1>',
      '<article>',
      '<body>',
      '<meta',
      '<time',
      '<link',
      '<script',
      '<!--',
      '<',
    ]) {
      expect(readHtml(`<html>${tag.repeat(400_000)}`).raw.length).toBeGreaterThanOrEqual(0);
    }
  }, 30_000);

  it('strips tags like /<[^>]*>/g, keeping a trailing unclosed `<`', () => {
    expect(replaceTags('a<b>c<d e="f">g<h', '')).toBe('acg<h');
    expect(replaceTags('<<<>x', ' ')).toBe(' x');
  });
});
