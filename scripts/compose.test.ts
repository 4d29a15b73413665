import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

/**
 * There is no Docker here, so `docker compose config` cannot run: this checks what a YAML parser can, that
 * compose.yaml parses without errors and wires PostgreSQL, the API and the workers to commands that exist.
 */
const file = path.resolve(import.meta.dirname, '..', 'compose.yaml');

describe('compose.yaml', () => {
  const doc = parseDocument(readFileSync(file, 'utf8'), { merge: true });
  const compose = doc.toJS({ maxAliasCount: 100 }) as {
    services: Record<
      string,
      { command?: string[]; environment?: Record<string, string>; depends_on?: object; image?: string }
    >;
    volumes: Record<string, unknown>;
  };

  it('parses as YAML without errors or warnings', () => {
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it('runs PostgreSQL, the API and workers against the same database', () => {
    const { db, api, worker } = compose.services;
    expect(db?.image).toMatch(/^postgres:/);
    expect(api?.command).toEqual(expect.arrayContaining(['serve', '--host', '0.0.0.0']));
    expect(worker?.command).toEqual(expect.arrayContaining(['worker', '--concurrency']));
    expect(api?.environment?.NEWSINTEL_DB).toMatch(/^postgres:\/\/.*@db:5432\//);
    expect(worker?.environment?.NEWSINTEL_DB).toBe(api?.environment?.NEWSINTEL_DB);
    expect(worker?.depends_on).toHaveProperty('db');
    expect(Object.keys(compose.volumes)).toContain('pgdata');
  });
});
