import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../services/analyze.js';
import { classTokens, extractHtml, stripSiteSuffix } from './html-extract.js';
import { readWireText } from './wire-text.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(path.join(here, 'fixtures', name), 'utf8');
const sample = (name: string) => readFileSync(path.join(here, '..', '..', 'samples', name), 'utf8');

/** The body paragraphs of one of our sample stories, as the wire reader sees them. */
function sampleBody(name: string): string {
  const s = readWireText(sample(name));
  return s.raw.slice(s.body.start, s.body.end).trim();
}

const body = (html: string) => {
  const s = extractHtml(html);
  return { s, text: s.raw.slice(s.body.start, s.body.end) };
};

describe('HTML extraction on our fixture pages', () => {
  const pages: [string, string][] = [
    ['port-strike.html', 'port-strike.txt'],
    ['grain-talks.html', 'grain-talks.txt'],
    ['satellite-launch.html', 'satellite-launch.txt'],
    ['typhoon-kestrel.html', 'typhoon-kestrel-2nd-ld.txt'],
  ];
  for (const [page, story] of pages) {
    it(`${page}: the body is exactly the story, every paragraph and no furniture`, () => {
      expect(body(fixture(page)).text).toBe(sampleBody(story));
    });
  }

  it('removes the in-article ad, share bar, read-more and related blocks', () => {
    const { s } = body(fixture('port-strike.html'));
    for (const junk of [
      'ADVERTISEMENT',
      'Share this article',
      'Read more',
      'Shipping rates climb',
      'Antwerp port volumes',
      'Most read',
      'All rights reserved',
    ]) {
      expect(s.raw).not.toContain(junk);
    }
  });

  it('never makes "ADVERTISEMENT" an entity', () => {
    const a = analyze(extractHtml(fixture('port-strike.html')));
    expect(a.entities.map((e) => e.name.toLowerCase())).not.toContain('advertisement');
    expect(a.article.text).not.toMatch(/advertisement/i);
  });

  it('reads headline, version, byline, dateline, agency, time and canonical URL (port-strike)', () => {
    const { meta } = extractHtml(fixture('port-strike.html'));
    expect(meta.headline).toBe('Dock workers strike at Rotterdam after unions reject pay offer');
    expect(meta.version).toEqual({ tag: 'LEAD', number: 1 });
    expect(meta.byline).toBe('Marta Jansen');
    expect(meta.dateline).toBe('ROTTERDAM');
    expect(meta.source).toBe('Newsintel Wire');
    expect(meta.published).toBe('2025-10-08T09:14:00+02:00');
    expect(meta.url).toBe('https://ledger.example/business/2025/10/08/rotterdam-dock-strike');
  });

  it('reads JSON-LD datePublished, author and canonical URL (grain-talks)', () => {
    const { meta } = extractHtml(fixture('grain-talks.html'));
    expect(meta.published).toBe('2025-03-04T16:40:00-05:00');
    expect(meta.byline).toBe('Louise Tremblay');
    expect(meta.headline).toBe('Canada and Mexico agree to extend grain quota talks by 60 days');
    expect(meta.url).toBe('https://record.example/trade/grain-quota-talks-extended');
  });

  it('reads a byline paragraph, <time pubdate> and a <title> with the site name cut (satellite-launch)', () => {
    const { s, text } = body(fixture('satellite-launch.html'));
    expect(s.meta.headline).toBe("Japan's space agency postpones weather satellite launch over sensor fault");
    expect(s.meta.byline).toBe('Kenji Arai');
    expect(s.meta.published).toBe('2025-06-20');
    expect(s.meta.url).toBe('https://orbit.example/news/2025/06/20/weather-satellite-postponed');
    expect(text).not.toContain('By Kenji Arai');
    expect(s.raw).not.toContain('Sponsored');
  });

  it('reads microdata and drops figure captions (typhoon-kestrel)', () => {
    const { s } = body(fixture('typhoon-kestrel.html'));
    expect(s.meta.published).toBe('2025-09-15T07:30:00+08:00');
    expect(s.meta.byline).toBe('Ramon Villanueva');
    expect(s.meta.version).toEqual({ tag: '2nd LD', number: 2 });
    expect(s.raw).not.toContain('Residents wade');
    expect(s.raw).not.toContain('More on this story');
  });
});

describe('body datelines and agencies', () => {
  const page = (first: string) =>
    `<html><head><title>Test page</title></head><body><article><h1>Talks resume on river treaty</h1>
    <p>${first}</p>
    <p>This second paragraph was written for this test and says that delegates met for six hours.</p>
    <p>A third paragraph, also written for this test, says the talks will resume next month in the capital.</p>
    </article></body></html>`;

  it('reads "ROME, April 2 (AFP) -" as dateline and agency and keeps it out of the body', () => {
    const { s, text } = body(
      page(
        'ROME, April 2 (AFP) - Negotiators from two river states resumed talks on Tuesday, a test sentence says.',
      ),
    );
    expect(s.meta.dateline).toBe('ROME');
    expect(s.meta.source).toBe('Agence France-Presse');
    expect(text.startsWith('Negotiators from two river states')).toBe(true);
  });

  it('reads a dateline with a year and a known agency', () => {
    const { s } = body(
      page('GENEVA, May 5, 2024 (Reuters) -- Negotiators met again on Sunday, this test sentence says.'),
    );
    expect(s.meta.dateline).toBe('GENEVA');
    expect(s.meta.source).toBe('Reuters');
    expect(s.meta.published).toBe('2024-05-05');
  });
});

describe('helpers', () => {
  it('splits class names into tokens so "shadow" is not "ad"', () => {
    expect(classTokens('ad-slot shareBar')).toEqual(['ad', 'slot', 'share', 'bar']);
    expect(classTokens('shadow download')).toEqual(['shadow', 'download']);
  });

  it('keeps the article when a wrapper has a furniture-like class', () => {
    const paras = Array.from(
      { length: 5 },
      (_, i) =>
        `<p>Paragraph ${i + 1} of a test story written for this test, about a harbour that reopened after repairs.</p>`,
    ).join('');
    const { text } = body(`<html><body><div class="story promo">${paras}</div></body></html>`);
    expect(text).toContain('Paragraph 1 of a test story');
    expect(text).toContain('Paragraph 5 of a test story');
  });

  it('cuts a site suffix from a <title> only when what remains reads as a headline', () => {
    expect(stripSiteSuffix('Port strike halts container traffic | The Harbour Ledger')).toBe(
      'Port strike halts container traffic',
    );
    expect(stripSiteSuffix('Ceasefire - what next', null)).toBe('Ceasefire - what next');
    expect(stripSiteSuffix('Rates - A long look at why the bank held', 'Rates')).toBe(
      'Rates - A long look at why the bank held',
    );
  });
});
