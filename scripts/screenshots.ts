/**
 * README screenshots from the sample desk (fictional stories written for this project, `samples/`): the reader
 * with a claim flashed and the actor page with its network, rendered by the real server in headless Chromium
 * so they stay current with the UI. Writes docs/screenshots/{reader,actor}.png (small: 1000 px wide, one
 * screen tall). Usage: npm run screenshots
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createApiServer, listen } from '../src/api/server.js';
import { packageRoot, webRoot } from '../src/services/assets.js';
import { loadSampleDesk } from '../src/services/samples.js';
import { openStore } from '../src/storage/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main(): Promise<void> {
  const out = path.join(packageRoot(), 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-shots-'));
  const store = await openStore(path.join(dir, 'desk.db'));
  await loadSampleDesk(store);
  const server = createApiServer({ store, webRoot: webRoot() });
  const base = await listen(server, 0, '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 }, deviceScaleFactor: 1 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const list = await store.listArticles({ limit: 100 });
    const story = list.find((a) => a.version?.tag === '2nd LD' && /lithium/i.test(a.headline ?? ''));
    if (!story) throw new Error('screenshots: the sample desk has no lithium-talks 2nd LD');

    await page.goto(`${base}/#/read/${encodeURIComponent(story.id)}?off=time`);
    await page.locator('main[data-ready="read"]').waitFor();
    const claim = page.locator('section[data-layer="claim"] button.item').first();
    await claim.click();
    // The layer switches, the text with the flashed claim, and the item panel in one screen.
    await page.evaluate(() => document.querySelector('.layers')?.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(out, 'reader.png') });

    await page.goto(`${base}/#/actor?q=${encodeURIComponent('Rosa Aguilar')}`);
    await page.locator('main[data-ready="actor"] svg.net').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, 'actor.png') });
    for (const f of ['reader.png', 'actor.png']) {
      console.log(
        `${path.relative(packageRoot(), path.join(out, f))}: ${(statSync(path.join(out, f)).size / 1024).toFixed(0)} kB`,
      );
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
