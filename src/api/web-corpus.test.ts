import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleDesk } from '../services/samples.js';
import {
  type Desk,
  haveChromium,
  openView,
  overflowsHorizontally,
  seriousA11yViolations,
  startDesk,
} from './web-test-harness.js';

/**
 * The corpus views of the desk (story diff, event cluster, actor, events explorer, claims) in Chromium over
 * the sample desk, whose lithium-talks stories (fictional, ours) form a three-version chain plus a second
 * outlet's report.
 */
if (!haveChromium) console.warn('desk corpus browser tests skipped: no chromium (set CHROMIUM_PATH)');

describe.skipIf(!haveChromium)('desk corpus views in chromium', () => {
  let desk: Desk;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    desk = await startDesk(async (store) => {
      await loadSampleDesk(store);
    });
    for (const a of await desk.store.listArticles({ limit: 100 })) {
      if (a.version?.tag) ids[a.version.tag + (a.headline?.includes('ithium') ? ' lithium' : '')] = a.id;
    }
    expect(ids['3rd LD lithium']).toBeTruthy();
  });
  afterAll(async () => {
    await desk?.close();
  });

  async function newPage(width = 1200): Promise<{ page: Page; errors: string[] }> {
    const page = await desk.browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  it('story page lists the version chain and diffs any two versions, text and facts', async () => {
    const { page, errors } = await newPage();
    await openView(page, desk.base, `#/story/${encodeURIComponent(ids['3rd LD lithium']!)}`);
    const chain = page.locator('#version-chain li');
    expect(await chain.count()).toBe(3);
    expect(await chain.locator('.tag').allTextContents()).toEqual(['LEAD', '2nd LD', '3rd LD']);
    // Default: the last two versions. The revised figure from the same source is a changed claim.
    const claimRow = page.locator('#fact-diff tr.fact-changed', { hasText: '4,500' });
    await claimRow.first().waitFor();
    expect(await claimRow.first().locator('td').nth(3).textContent()).toContain('5,000');
    expect(await page.locator('#text-diff tr.row-rewritten').count()).toBeGreaterThan(0);
    expect(
      await page.locator('#text-diff tr.row-rewritten td.after mark').first().textContent(),
    ).toBeTruthy();

    // Any two versions: LEAD against 3rd LD, through the form, into the address.
    await page.selectOption('#pick-a', ids['LEAD lithium']!);
    await page.selectOption('#pick-b', ids['3rd LD lithium']!);
    await page.getByRole('button', { name: 'Show diff' }).click();
    await expect.poll(() => page.url()).toContain(`a=${encodeURIComponent(ids['LEAD lithium']!)}`);
    await page.locator('main[data-ready="story"] #diff-stats').waitFor();
    expect(await page.locator('#text-diff thead th').allTextContents()).toEqual(['LEAD', '3rd LD']);
    expect(
      await page.locator('#fact-diff tr.fact-added', { hasText: 'Elena Mamani' }).count(),
    ).toBeGreaterThan(0);

    // A fact links to its evidence: the reader opens with the span flashing.
    await page.locator('#fact-diff tr.fact-added a', { hasText: 'Bolivia is ready' }).first().click();
    await page.locator('main[data-ready="read"] #reader-text .seg.flash').first().waitFor();
    expect((await page.locator('#reader-text .seg.flash').allTextContents()).join('')).toContain(
      'Bolivia is ready to sign',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cluster page shows the reports from both outlets, the first and latest report, and event evidence', async () => {
    const { page, errors } = await newPage();
    await openView(page, desk.base, `#/read/${encodeURIComponent(ids['2nd LD lithium']!)}`);
    await page.getByRole('link', { name: 'Event cluster' }).click();
    await page.locator('main[data-ready="cluster"] #cluster-facts').waitFor();
    expect(page.url()).toMatch(/#\/cluster\/cluster%3A/);
    expect(await page.locator('#cluster-articles li').count()).toBe(4);
    const facts = await page.locator('#cluster-facts dd').allTextContents();
    expect(facts[2]).toContain('Newsintel Radio Desk');
    expect(facts[2]).toContain('Newsintel Sample Desk');
    expect(facts[1]).toContain('Bolivia joins');
    const mention = page.locator('#cluster-events .mentions a').first();
    await mention.click();
    await page.locator('main[data-ready="read"] #reader-text .seg.flash').first().waitFor();
    expect(page.url()).toContain('item=event%3A');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('actor page resolves a name, shows aliases, events, quotes and a network whose nodes open other actors', async () => {
    const { page, errors } = await newPage();
    await openView(page, desk.base, '#/actor?q=Rosa%20Aguilar');
    await expect.poll(() => page.url()).toMatch(/#\/actor\/actor%3A/);
    await page.locator('#actor-facts').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Rosa Aguilar');
    expect(await page.locator('#aliases').textContent()).toContain('Aguilar');
    expect(await page.locator('#actor-events tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#actor-quotes li').count()).toBeGreaterThan(0);
    const node = page.locator('svg.net a[aria-label^="Elena Mamani"]');
    expect(await node.count()).toBe(1);
    await node.click();
    await expect
      .poll(async () => page.locator('main[data-ready="actor"] h1').textContent())
      .toBe('Elena Mamani');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('events explorer filters by type, draws the network and timeline, and exports the filtered set', async () => {
    const { page, errors } = await newPage();
    await openView(page, desk.base, '#/events');
    const all = await page.locator('#event-table tbody tr').count();
    await page.selectOption('select[name="type"]', 'CONSULT');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.url()).toContain('type=CONSULT');
    await page.locator('main[data-ready="events"] #event-count').waitFor();
    const rows = page.locator('#event-table tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type'))))).toEqual(
      new Set(['CONSULT']),
    );
    expect(await page.locator('svg.net a').count()).toBeGreaterThan(1);
    await page.locator('.chart canvas').first().waitFor();

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    const lines = csvText.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,type,date,actors,targets/);
    expect(lines).toHaveLength(n + 1);
    expect(lines.slice(1).every((l) => l.split(',')[1] === 'CONSULT')).toBe(true);
    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.click('#export-jsonl')]);
    const objs = readFileSync((await jsonl.path())!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(objs).toHaveLength(n);
    expect(objs.every((o) => o.type === 'CONSULT' && Array.isArray(o.actors))).toBe(true);

    // Date range narrows further: nothing before the talks.
    await page.fill('input[name="to"]', '2025-11-02');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.url()).toContain('to=2025-11-02');
    await page.locator('main[data-ready="events"]').waitFor();
    await expect.poll(() => page.locator('#events-body').textContent()).toContain('No events match');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('claims page charts one quantity and links every claim to its evidence', async () => {
    const { page, errors } = await newPage();
    await openView(page, desk.base, '#/claims');
    await page.getByLabel('Quantity or subject').fill('lithium carbonate');
    await page.getByRole('button', { name: 'Show series' }).click();
    await page.locator('main[data-ready="claims"] table.claims').first().waitFor();
    const rows = page.locator('table.claims tbody tr');
    expect(await rows.count()).toBe(4);
    await page.locator('.chart canvas').first().waitFor();
    // Each legend entry names a source and a hedge.
    expect((await page.locator('.u-legend').first().textContent()) ?? '').toContain('Tomas Quispe');
    await rows.filter({ hasText: '5,000' }).locator('a').click();
    await page.locator('main[data-ready="read"] #reader-text .seg.flash').first().waitFor();
    expect((await page.locator('#reader-text .seg.flash').allTextContents()).join('')).toBe(
      'as many as 5,000 tonnes of lithium carbonate',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('corpus views pass axe (no serious or critical) and fit 375 px', async () => {
    const views = [
      `#/story/${encodeURIComponent(ids['3rd LD lithium']!)}`,
      `#/cluster?article=${encodeURIComponent(ids['3rd LD lithium']!)}`,
      '#/actor?q=Rosa%20Aguilar',
      '#/events?type=CONSULT',
      '#/claims?subject=lithium%20carbonate',
    ];
    const found: Record<string, unknown> = {};
    for (const width of [1200, 375]) {
      const { page } = await newPage(width);
      for (const v of views) {
        await openView(page, desk.base, v);
        await page.waitForTimeout(50);
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
