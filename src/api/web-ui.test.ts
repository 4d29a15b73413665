import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../services/analyze.js';
import { linkStoredArticle } from '../services/corpus.js';
import { loadSampleDesk } from '../services/samples.js';
import {
  type Desk,
  haveChromium,
  openView,
  overflowsHorizontally,
  seriousA11yViolations,
  startDesk,
} from './web-test-harness.js';

/** The desk's views in a real Chromium against the real API over the sample desk (fictional, ours). */
if (!haveChromium) console.warn('desk browser tests skipped: no chromium (set CHROMIUM_PATH)');

describe.skipIf(!haveChromium)('analyst desk in chromium', () => {
  let desk: Desk;
  let portStrikeId: string;

  beforeAll(async () => {
    desk = await startDesk(async (store) => {
      await loadSampleDesk(store);
    });
    const list = await desk.store.listArticles({ limit: 50 });
    portStrikeId = list.find((a) => a.headline?.startsWith('Dock workers strike'))!.id;
  });
  afterAll(async () => {
    await desk?.close();
  });

  async function newPage(width = 1200): Promise<{ page: Page; errors: string[] }> {
    const page = await desk.browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  it('home lists the latest headlines linking to the reader, and what is new since the last visit', async () => {
    const context = await desk.browser.newContext();
    const page = await context.newPage();
    await openView(page, desk.base, '#/');
    const items = page.locator('#latest li');
    expect(await items.count()).toBe((await desk.store.listArticles({ limit: 20 })).length);
    expect(await page.locator('#since-line').textContent()).toMatch(/^First visit/);
    // A story stored after this visit shows up as new on the next one (same browser profile, new tab).
    const fresh = analyze(
      'Harbour pilots in Valmora agreed on Friday to end a three-day stoppage, officials said.',
      {
        headline: 'Valmora harbour pilots end stoppage',
        published: '2025-10-20',
        source: 'Test Desk',
      },
    );
    await desk.store.saveArticle(fresh, 'fresh');
    await linkStoredArticle(desk.store, fresh);
    const next = await context.newPage();
    await openView(next, desk.base, '#/');
    expect(await next.locator('#since-line').textContent()).toMatch(/^1 new since your last visit/);
    expect(await next.locator('#new-stories li a').first().textContent()).toBe(
      'Valmora harbour pilots end stoppage',
    );
    expect(await next.locator('#active-actors li').count()).toBeGreaterThan(0);
    await next.locator('#latest li a', { hasText: 'Dock workers strike' }).click();
    await next.locator('main[data-ready="read"]').waitFor();
    expect(next.url()).toContain(`#/read/${encodeURIComponent(portStrikeId)}`);
    await context.close();
  });

  it('reader: toggling a layer hides its spans, a side-list item flashes its evidence, a span shows its item', async () => {
    const { page, errors } = await newPage();
    await openView(page, desk.base, `#/read/${encodeURIComponent(portStrikeId)}`);
    expect(await page.locator('h1').textContent()).toBe(
      'Dock workers strike at Rotterdam after unions reject pay offer',
    );
    // The brief sits above the text.
    expect(await page.locator('.brief h3').allTextContents()).toContain('Who said what');

    const quoteSpans = page.locator('#reader-text .seg.l-quote');
    expect(await quoteSpans.count()).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Quotes' }).uncheck();
    expect(await quoteSpans.count()).toBe(0);
    expect(page.url()).toContain('off=quote');
    await page.getByRole('checkbox', { name: 'Quotes' }).check();
    expect(await quoteSpans.count()).toBeGreaterThan(0);

    // Per-type entity toggle.
    const persons = page.locator('#reader-text .seg.t-PERSON');
    expect(await persons.count()).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'PERSON' }).uncheck();
    expect(await persons.count()).toBe(0);
    await page.getByRole('checkbox', { name: 'PERSON' }).check();

    // Click a claim in the side list: its evidence flashes.
    const claim = page.locator('section[data-layer="claim"] button.item').first();
    const key = await claim.getAttribute('data-key');
    const claimText = (await claim.textContent())!.split(' (')[0]!;
    await claim.click();
    const flashing = page.locator('#reader-text .seg.flash');
    await flashing.first().waitFor();
    expect((await flashing.allTextContents()).join('')).toBe(claimText);
    expect(await flashing.first().isVisible()).toBe(true);
    expect(page.url()).toContain(`item=${encodeURIComponent(key!)}`);

    // Click an entity span in the text: the item panel shows that entity and marks it in the list.
    const name = page.locator('#reader-text .seg.t-PERSON').first();
    const who = await name.textContent();
    await name.click();
    expect(await page.locator('#item-detail .item-label').textContent()).toBe(who);
    const current = page.locator('button.item[aria-current="true"]');
    expect(await current.getAttribute('data-key')).toMatch(/^entity:/);

    // A bookmarked item flashes on arrival.
    const again = await desk.browser.newPage();
    await openView(
      again,
      desk.base,
      `#/read/${encodeURIComponent(portStrikeId)}?item=${encodeURIComponent(key!)}&off=time`,
    );
    expect((await again.locator('#reader-text .seg.flash').allTextContents()).join('')).toBe(claimText);
    expect(await again.getByRole('checkbox', { name: 'Times' }).isChecked()).toBe(false);
    await again.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reader shows repairs with the raw text before repair on hover', async () => {
    const raw =
      'The mayor said the city won\u00e2\u20ac\u2122t close the bridge, and the ferry oper-\nator agreed on Monday.';
    const a = analyze(raw, { headline: 'Bridge stays open', published: '2025-10-21', source: 'Test Desk' });
    expect(a.repairs.length).toBeGreaterThan(0);
    await desk.store.saveArticle(a, raw);
    const { page, errors } = await newPage();
    await openView(page, desk.base, `#/read/${encodeURIComponent(a.article.id)}`);
    const repaired = page.locator('#reader-text .seg.l-repair');
    expect(await repaired.count()).toBe(a.repairs.length);
    expect(await repaired.first().getAttribute('title')).toBe(
      `raw text before repair: ${a.repairs[0]!.before}`,
    );
    await page.getByRole('checkbox', { name: 'Repairs' }).uncheck();
    expect(await repaired.count()).toBe(0);
    expect(await page.locator('#reader-text [title]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reader works from the keyboard: skip link, then Enter on a side-list item flashes it', async () => {
    const { page } = await newPage();
    await openView(page, desk.base, `#/read/${encodeURIComponent(portStrikeId)}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const first = page.locator('section[data-layer="quote"] button.item').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.locator('#reader-text .seg.flash').first().waitFor();
    expect(await page.locator('#item-detail h3').textContent()).toBe('Quotes');
    await page.close();
  });

  it('search marks the hits and narrows by facets through the address', async () => {
    const { page, errors } = await newPage();
    await openView(page, desk.base, '#/');
    await page.fill('#search-input', 'typhoon');
    await page.press('#search-input', 'Enter');
    await page.locator('main[data-ready="search"] #hits').waitFor();
    const hits = page.locator('#hits li');
    const all = await hits.count();
    expect(all).toBeGreaterThanOrEqual(2);
    expect((await page.locator('#hits li .snippet mark').first().textContent())?.toLowerCase()).toBe(
      'typhoon',
    );
    const months = page.locator('section[data-facet="from"] li a');
    expect(await months.count()).toBeGreaterThan(0);
    // Narrow by an actor facet: only the typhoon story that quotes the governor remains.
    await page.locator('section[data-facet="actor"] li a', { hasText: 'Ramon Dizon' }).click();
    await page.locator('main[data-ready="search"] #search-count').waitFor();
    await expect.poll(() => page.url()).toContain('actor=Ramon+Dizon');
    await expect.poll(() => hits.count()).toBe(1);
    expect(all).toBeGreaterThan(1);
    expect(await page.locator('#search-count').textContent()).toMatch(/^1 matching/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ingest stores pasted text and uploaded files, with a reason for each rejected file', async () => {
    const { page, errors } = await newPage();
    await openView(page, desk.base, '#/ingest');
    await page.getByLabel('Headline (optional)').fill('Orchard growers report record apple harvest');
    await page
      .getByRole('textbox', { name: 'Text' })
      .fill(
        'Orchard growers in the Tallin valley picked 12,000 tonnes of apples this autumn, the growers association said on Monday.',
      );
    await page.getByRole('button', { name: 'Analyse and store' }).click();
    const rows = page.locator('#ingest-results tr');
    await rows.first().waitFor();
    expect(await rows.first().locator('.tag').textContent()).toBe('stored');
    expect(await rows.first().locator('a').textContent()).toBe('Orchard growers report record apple harvest');

    await page.setInputFiles('#ingest-files', [
      {
        name: 'ferry.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(
          'A new ferry line between two island towns opened on Tuesday, the operator said.',
        ),
      },
      { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"headline": "no text here"}') },
      { name: 'blob.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 0, 255]) },
    ]);
    await page.getByRole('button', { name: 'Upload and store' }).click();
    await page.locator('#ingest-progress-text', { hasText: /^Done/ }).waitFor();
    expect(await rows.count()).toBe(4);
    const results = await rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)),
    );
    expect(results[1]?.slice(0, 2)).toEqual(['ferry.txt', 'stored']);
    expect(results[2]?.slice(0, 2)).toEqual(['bad.json', 'rejected']);
    expect(results[2]?.[2]).toContain('no "text" field');
    expect(results[3]?.slice(0, 2)).toEqual(['blob.bin', 'rejected']);
    expect(results[3]?.[2]).toContain('binary');
    expect(await page.locator('#ingest-progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(3);
    expect(await desk.store.countArticles()).toBeGreaterThanOrEqual(8);

    // A URL the server refuses to fetch (loopback, behind its SSRF guard) is a rejected row with the reason.
    await page
      .getByRole('textbox', { name: 'Article or RSS/Atom feed URL' })
      .fill('http://127.0.0.1:9/feed.xml');
    await page.getByRole('button', { name: 'Fetch and store' }).click();
    await page.locator('#ingest-progress-text', { hasText: /^(Done|Failed)/ }).waitFor();
    const last = rows.last();
    expect(await last.locator('td').nth(0).textContent()).toBe('http://127.0.0.1:9/feed.xml');
    expect(await last.locator('.tag').textContent()).toBe('rejected');
    expect(((await last.locator('td').nth(2).textContent()) ?? '').length).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the version chain page diffs two stored versions when the corpus API is present', async () => {
    const { page, errors } = await newPage();
    await openView(page, desk.base, `#/story/${encodeURIComponent(portStrikeId)}`);
    // Either the corpus chain or a clear note that the route is missing; one version is always listed.
    expect(await page.locator('#version-chain li').count()).toBeGreaterThanOrEqual(1);
    await page.locator('#diff-stats').waitFor();
    expect(await page.locator('#diff-stats').textContent()).toMatch(
      /0 paragraphs added, 0 removed, 0 rewritten/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe violations and fits a 375 px screen on every view', async () => {
    const views = [
      '#/',
      `#/read/${encodeURIComponent(portStrikeId)}`,
      `#/story/${encodeURIComponent(portStrikeId)}`,
      '#/search?q=typhoon',
      '#/ingest',
      '#/events',
      '#/claims',
    ];
    const found: Record<string, unknown> = {};
    for (const width of [1200, 375]) {
      const { page } = await newPage(width);
      for (const v of views) {
        await openView(page, desk.base, v);
        await page.locator('#diff-stats, main[data-ready]').first().waitFor();
        const violations = await seriousA11yViolations(page);
        if (violations.length) found[`${width} ${v}`] = violations;
        if (width === 375 && (await overflowsHorizontally(page))) found[`${width} ${v} overflow`] = true;
      }
      await page.close();
    }
    expect(found).toEqual({});
    // Two widths × every view with axe: minutes on a loaded CI machine, not a speed assertion.
  }, 300_000);
});
