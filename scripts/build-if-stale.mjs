#!/usr/bin/env node
// `npm start` runs this first: it rebuilds `dist/` only when a source, config or the lockfile is newer than the
// last successful build (recorded in `dist/.build-stamp`), so a second start does not wait for `tsc`.
// Plain JavaScript because it runs before anything is compiled. Usage: node scripts/build-if-stale.mjs [root]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const stamp = path.join(root, 'dist', '.build-stamp');

/** Newest modification time (ms) of the build inputs: `src/` and `scripts/` sources plus configs. */
function newestInput() {
  let newest = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json|css|html)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['src', 'scripts', 'web']) if (existsSync(path.join(root, d))) walk(path.join(root, d));
  for (const f of [
    'tsconfig.json',
    'tsconfig.build.json',
    'vite.config.ts',
    'package.json',
    'package-lock.json',
  ]) {
    const p = path.join(root, f);
    if (existsSync(p)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (built > 0 && built >= newestInput()) {
  console.error('newsintel: dist/ is current; not rebuilding');
} else {
  const started = new Date();
  console.error('newsintel: building dist/ (sources changed since the last build)');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  let r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  // Then the web bundle (`npm run build:web`), when the project has vite and a web folder.
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (r.status === 0 && existsSync(vite) && existsSync(path.join(root, 'vite.config.ts'))) {
    r = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  }
  if (r.status !== 0) process.exit(r.status ?? 1);
  // The stamp carries the time the build started, so a file saved during the build triggers the next one.
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${started.toISOString()}\n`);
  utimesSync(stamp, started, started);
}
