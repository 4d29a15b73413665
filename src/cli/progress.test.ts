import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from './progress.js';

function sink(tty: boolean): Writable & { isTTY: boolean; text: () => string } {
  let out = '';
  const w = new Writable({
    write(chunk, _enc, cb) {
      out += String(chunk);
      cb();
    },
  }) as Writable & { isTTY: boolean; text: () => string };
  w.isTTY = tty;
  w.text = () => out;
  return w;
}

describe('progress display', () => {
  it('draws a bar with count, rate and ETA in place on a terminal', () => {
    let t = 0;
    const stream = sink(true);
    const p = createProgress({ stream, label: 'ingest', total: 10, unit: 'stories', now: () => t });
    t = 2000;
    p.tick(4, 'a.txt');
    const line = stream.text();
    expect(line.startsWith('\r\x1b[K')).toBe(true);
    expect(line).toContain('[##########--------------] 4/10 stories, 2.0/s, ETA 0:03');
    expect(line).toContain('a.txt');
    expect(line).not.toContain('\n');
    p.finish();
    expect(stream.text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes plain periodic lines, no carriage returns, when not on a terminal', () => {
    let t = 0;
    const stream = sink(false);
    const p = createProgress({ stream, label: 'feed poll', total: 100, intervalMs: 1000, now: () => t });
    for (let i = 0; i < 100; i++) {
      t += 50;
      p.tick();
    }
    p.finish();
    const lines = stream.text().trimEnd().split('\n');
    // 5 s in 50 ms steps: a line per second, plus the final one.
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('feed poll: 20/100 items, 20/s, ETA 0:04');
    expect(lines.at(-1)).toBe('feed poll: 100/100 items, 20/s, 0:05');
    expect(stream.text()).not.toContain('\r');
  });

  it('stays silent off a terminal for a run shorter than one interval', () => {
    let t = 0;
    const stream = sink(false);
    const p = createProgress({ stream, label: 'x', now: () => t });
    t = 10;
    p.tick();
    p.finish();
    expect(stream.text()).toBe('');
  });

  it('shows no ETA when the total is unknown', () => {
    let t = 0;
    const stream = sink(false);
    const p = createProgress({ stream, label: 'x', intervalMs: 1, now: () => t });
    t = 1000;
    p.tick(3);
    expect(stream.text()).toBe('x: 3 items, 3.0/s\n');
  });

  it('formats durations', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});

describe('progress display switched off', () => {
  it('writes nothing at all', () => {
    let t = 0;
    const stream = sink(true);
    const p = createProgress({ stream, label: 'x', total: 2, enabled: false, now: () => t });
    t = 10_000;
    p.tick(2);
    p.finish();
    expect(stream.text()).toBe('');
  });
});
