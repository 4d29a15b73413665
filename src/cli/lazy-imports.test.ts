import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The static (load-time) import closure of a source file: `import … from` and `export … from` statements,
 * without `import type` (erased at build) and without dynamic `import()` (loaded when a command runs).
 */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^(import|export)\s+(type\s+)?[^;]*?\bfrom\s+'([^']+)'/gms)) {
      if (m[2]) continue;
      const spec = m[3]!;
      if (spec.startsWith('.')) walk(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  walk(entry);
  return { files, packages };
}

describe('CLI start-up', () => {
  const { files, packages } = staticClosure(path.resolve(import.meta.dirname, 'main.ts'));
  const rel = [...files].map((f) => path.relative(path.resolve(import.meta.dirname, '..'), f));

  it('loads no pipeline stage, reader or model before a command runs', () => {
    expect(rel.length).toBeGreaterThan(3); // the walk found the command modules
    expect(rel.filter((f) => /^(stages|knowledge|corpus)\//.test(f) || f === 'services/analyze.ts')).toEqual(
      [],
    );
    expect(
      rel.filter((f) => /^ingest\//.test(f) && !['ingest/decode.ts', 'ingest/bounded-read.ts'].includes(f)),
    ).toEqual([]);
  });

  it('loads no database driver before a command opens a store', () => {
    expect(
      [...packages].filter((p) => ['pg', 'better-sqlite3', 'kysely', 'graphile-worker'].includes(p)),
    ).toEqual([]);
  });
});

describe('ingest on a worker pool', () => {
  it('does not load the pipeline in the calling thread: the ingest service imports analysis only when it runs it', () => {
    const { files } = staticClosure(path.resolve(import.meta.dirname, '..', 'services', 'ingest.ts'));
    const rel = [...files].map((f) => path.relative(path.resolve(import.meta.dirname, '..'), f));
    expect(rel).toContain('services/ingest-url.ts'); // the walk followed the service's own imports
    expect(rel.filter((f) => /^stages\//.test(f) || f === 'services/analyze.ts')).toEqual([]);
  });
});
