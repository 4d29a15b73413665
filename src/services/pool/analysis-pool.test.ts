import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWireText } from '../../ingest/wire-text.js';
import { analyze } from '../analyze.js';
import { samplesDir } from '../assets.js';
import { type AnalysisPool, createAnalysisPool } from './analysis-pool.js';

const story = readFileSync(path.join(samplesDir(), 'grain-talks.txt'), 'utf8');
/** A long input (the sample story's body many times over): far more than a millisecond of work. */
const long = `${story}\n\n${story.split('\n\n').slice(2).join('\n\n').repeat(60)}`;

let pool: AnalysisPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('analysis pool', () => {
  it('gives the same analysis on a worker thread as in the calling thread', async () => {
    pool = await createAnalysisPool({ jobs: 2 });
    const source = readWireText(story);
    const [a, b] = await Promise.all([
      pool.run({ kind: 'source', source }),
      pool.run({ kind: 'input', bytes: Buffer.from(story), maxBytes: 1e6, options: { source: 'Desk' } }),
    ]);
    expect(a.analysis).toEqual(analyze(story));
    expect(a.raw).toBe(story);
    expect(b.analysis.article.source).toBe('Desk');
    expect(b.analysis.entities.length).toBeGreaterThan(0);
  });

  it('sends a bad input back as its coded error and keeps the worker', async () => {
    pool = await createAnalysisPool({ jobs: 1 });
    await expect(pool.run({ kind: 'input', bytes: new Uint8Array(0), maxBytes: 1e6 })).rejects.toMatchObject({
      code: 'E_INPUT_EMPTY',
    });
    expect(pool.stats().recycled).toBe(0);
    const ok = await pool.run({ kind: 'input', bytes: Buffer.from(story), maxBytes: 1e6 });
    expect(ok.analysis.article.text.length).toBeGreaterThan(100);
  });

  it('stops a task past its budget with E_TIMEOUT, replaces the worker, and keeps serving', async () => {
    pool = await createAnalysisPool({ jobs: 1, budgetMs: 5 });
    await pool.whenReady();
    await expect(pool.run({ kind: 'input', bytes: Buffer.from(long), maxBytes: 1e7 })).rejects.toMatchObject({
      code: 'E_TIMEOUT',
    });
    expect(pool.stats().recycled).toBe(1);
    // The replacement worker answers (with a budget a cold worker can meet).
    const small = 'A short note written for the newsintel tests.';
    const ok = await pool.run(
      { kind: 'input', bytes: Buffer.from(small), maxBytes: 1e6 },
      { budgetMs: 60_000 },
    );
    expect(ok.analysis.article.text).toContain('short note');
  });

  it('refuses work with E_BUSY when its queue is full', async () => {
    pool = await createAnalysisPool({ jobs: 1, maxQueue: 1 });
    await pool.whenReady();
    const task = { kind: 'input' as const, bytes: Buffer.from(long), maxBytes: 1e7 };
    const running = pool.run(task);
    const queued = pool.run(task);
    await expect(pool.run(task)).rejects.toMatchObject({ code: 'E_BUSY' });
    expect(pool.stats()).toMatchObject({ busy: 1, queued: 1 });
    expect(pool.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
    await Promise.all([running, queued]);
  });

  it('drops a queued task and recycles a running one when its caller aborts', async () => {
    pool = await createAnalysisPool({ jobs: 1 });
    await pool.whenReady();
    const task = { kind: 'input' as const, bytes: Buffer.from(long), maxBytes: 1e7 };
    const a = new AbortController();
    const b = new AbortController();
    const running = pool.run(task, { signal: a.signal });
    const queued = pool.run(task, { signal: b.signal });
    b.abort(new Error('gone'));
    await expect(queued).rejects.toThrow('gone');
    expect(pool.stats().queued).toBe(0);
    a.abort(new Error('gone too'));
    await expect(running).rejects.toThrow('gone too');
    expect(pool.stats()).toMatchObject({ busy: 0, recycled: 1 });
  });

  it('validates its options', async () => {
    await expect(createAnalysisPool({ jobs: -1 })).rejects.toMatchObject({ code: 'E_OPTIONS' });
    await expect(createAnalysisPool({ budgetMs: 0 })).rejects.toMatchObject({ code: 'E_OPTIONS' });
  });
});
