import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, 'build-if-stale.mjs');

/** A tiny project whose "tsc" only counts its runs, so the test checks the decision, not TypeScript. */
function fakeProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsintel-stale-'));
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(dir, 'tsconfig.build.json'), '{}\n');
  mkdirSync(path.join(dir, 'node_modules', 'typescript', 'bin'), { recursive: true });
  writeFileSync(
    path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'),
    `const fs = require('node:fs'); fs.appendFileSync(${JSON.stringify(path.join(dir, 'runs'))}, 'x');`,
  );
  writeFileSync(
    path.join(dir, 'package.json'),
    '{"type":"commonjs","scripts":{"build":"node node_modules/typescript/bin/tsc"}}\n',
  );
  return dir;
}

const runs = (dir: string) =>
  existsSync(path.join(dir, 'runs')) ? readFileSync(path.join(dir, 'runs'), 'utf8').length : 0;
const start = (dir: string) => spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });

describe('npm start (build-if-stale)', () => {
  it('builds once, skips while dist is current, and rebuilds after a source changes', () => {
    const dir = fakeProject();
    expect(start(dir).status).toBe(0);
    expect(runs(dir)).toBe(1);
    const second = start(dir);
    expect(second.stderr).toMatch(/current; not rebuilding/);
    expect(runs(dir)).toBe(1);
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(dir, 'src', 'a.ts'), later, later);
    expect(start(dir).status).toBe(0);
    expect(runs(dir)).toBe(2);
  });
});
