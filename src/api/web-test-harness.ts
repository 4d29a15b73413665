import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { packageRoot, webRoot } from '../services/assets.js';
import { type ArticleStore, openStore } from '../storage/index.js';
import { createApiServer, listen } from './server.js';

/**
 * Shared set-up of the desk's browser tests: a real SQLite store in a temp folder, the real API server with
 * the built desk, and Debian's Chromium through playwright-core. Not a test itself; the `web-*.test.ts` files
 * use it.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? process.env.NEWSINTEL_CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

/** Chromium flags of every desk test (headless, no sandbox as root in CI, nothing phoning home). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the desk bundle when `dist/web` is missing (a test run without `npm run build` first). */
export async function ensureWebBuilt(): Promise<string> {
  const root = webRoot();
  if (!existsSync(path.join(root, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: path.join(packageRoot(), 'vite.config.ts'), logLevel: 'error' });
  }
  return root;
}

export interface Desk {
  base: string;
  store: ArticleStore;
  browser: Browser;
  close(): Promise<void>;
}

/** A store seeded by `seed`, the API + desk on a free loopback port, and a browser. */
export async function startDesk(seed: (store: ArticleStore) => Promise<void>): Promise<Desk> {
  const root = await ensureWebBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-desk-'));
  const store = await openStore(path.join(dir, 'desk.db'));
  await seed(store);
  const server = createApiServer({ store, webRoot: root });
  const base = await listen(server, 0, '127.0.0.1');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    base,
    store,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens `hash` and waits until the view says it has rendered (`main[data-ready]`). */
export async function openView(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.locator('main[data-ready]').waitFor();
}

let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (injected through the DevTools protocol, which the page's CSP does not govern)
 * and returns the serious and critical violations.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  if (axeSource === null) {
    const require = createRequire(import.meta.url);
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe;
    return (await axe.run(document)) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/** True when the page scrolls sideways at its current viewport width (a broken narrow layout). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
