import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../services/analyze.js';
import { webRoot } from '../services/assets.js';
import { type ArticleStore, openStore } from '../storage/index.js';
import { createApiServer, listen } from './server.js';

/** A real browser against a real server: Debian's chromium, skipped with a message when it is absent. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`web UI browser test skipped: no chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

describe.skipIf(!haveChromium)('web UI in chromium', () => {
  let dir: string;
  let store: ArticleStore;
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-web-'));
    store = await openStore(path.join(dir, 'web.db'));
    const first = analyze('Volunteers planted 4,000 trees along the river on Saturday, the mayor said.', {
      headline: 'Volunteers plant trees along river',
      published: '2025-04-05',
      source: 'Test Desk',
    });
    const second = analyze(
      'The lighthouse keeper said <b>no</b> ships had been in danger during the night.',
      {
        headline: 'Lighthouse keeper reports calm night',
        published: '2025-04-06',
        source: 'Test Desk',
      },
    );
    await store.saveArticle(
      { ...first, article: { ...first.article, version: { tag: 'LEAD', number: 1 } } },
      'r1',
    );
    await store.saveArticle(second, 'r2');
    server = createApiServer({ store, webRoot: webRoot() });
    base = await listen(server, 0, '127.0.0.1');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists stored articles, opens one and searches', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    const items = page.locator('#articles li');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    // Newest first, with source and version tag shown.
    expect(await items.nth(0).locator('a').textContent()).toBe('Lighthouse keeper reports calm night');
    expect(await items.nth(1).locator('.tag').textContent()).toBe('LEAD');
    expect(await items.nth(1).locator('.meta').textContent()).toContain('Test Desk');

    await items.nth(0).locator('a').click();
    await page.locator('#article h2').waitFor();
    expect(await page.locator('#article h2').textContent()).toBe('Lighthouse keeper reports calm night');
    // Article text is shown as text: markup in it is not interpreted.
    expect(await page.locator('#article .text').textContent()).toContain('said <b>no</b> ships');
    expect(await page.locator('#article .text b').count()).toBe(0);

    await page.fill('#search-input', 'planting');
    await page.press('#search-input', 'Enter');
    await page.locator('#list-title', { hasText: 'Search: planting' }).waitFor();
    await page.locator('#articles li .snippet mark').first().waitFor();
    expect(await page.locator('#articles li').count()).toBe(1);
    expect(await page.locator('#articles li .snippet mark').first().textContent()).toBe('planted');
    expect(errors).toEqual([]);
    await page.close();
  });
});
