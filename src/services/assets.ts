import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The package root (the folder holding newsintel's package.json), found by walking up from this module.
 * Works from `src/` under vitest and from `dist/src/` when installed, so `web/` and `samples/` resolve in both.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'newsintel') {
          root = dir;
          return dir;
        }
      } catch {
        // Not ours; keep walking.
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('newsintel: cannot find the package root');
    dir = up;
  }
}

/** The built web desk (`npm run build` bundles `web/` into it with vite). */
export function webRoot(): string {
  return path.join(packageRoot(), 'dist', 'web');
}

/** The sample desk: short fictional wire stories written for this project. */
export function samplesDir(): string {
  return path.join(packageRoot(), 'samples');
}
