import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The analyst's desk bundle: `web/` (TypeScript, plain DOM modules) built into `dist/web`, which the API
 * serves. Relative asset paths so the folder works under any mount point; no inline scripts (the CSP forbids
 * them) and no module-preload polyfill (modern browsers only).
 */
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    assetsInlineLimit: 0,
  },
});
