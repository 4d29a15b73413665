import { describe, expect, it } from 'vitest';
import { analyze } from '../services/analyze.js';
import {
  calendarDate,
  claimDate,
  claimPoints,
  dedupEvents,
  type EventMentionPayload,
  seriesKey,
} from './facts.js';

function mention(
  articleId: string,
  annId: string,
  over: Partial<EventMentionPayload> = {},
): EventMentionPayload {
  return {
    articleId,
    annId,
    headline: null,
    source: articleId.startsWith('x') ? 'Other Wire' : 'Test Wire',
    published: '2026-03-02',
    trigger: { start: 0, end: 3, text: 'met' },
    modality: 'asserted',
    sentence: null,
    type: 'CONSULT',
    mode: null,
    cameo: '040',
    actors: [{ id: 'actor:a', name: 'Anna Lindqvist', country: null }],
    targets: [{ id: 'actor:b', name: 'Marco Bellini', country: null }],
    location: null,
    locationCountry: null,
    date: '2026-03-02',
    ...over,
  };
}

describe('event deduplication in a cluster', () => {
  it('merges reports of one meeting from two agencies and counts the reports', () => {
    const events = dedupEvents('cluster:1', [
      mention('a1', 'v1'),
      mention('x2', 'v4'),
      mention('a1', 'v2', { type: 'AGREE' }),
    ]);
    const consult = events.find((e) => e.type === 'CONSULT')!;
    expect(consult.reportCount).toBe(2);
    expect(consult.articleIds).toEqual(['a1', 'x2']);
    expect(consult.sources).toEqual(['Test Wire', 'Other Wire']);
    expect(consult.cameoRoot).toBe('04');
    expect(events).toHaveLength(2);
  });

  it('keeps meetings on different dates or with other actors apart', () => {
    const events = dedupEvents('cluster:1', [
      mention('a1', 'v1'),
      mention('a2', 'v1', { date: '2026-03-05' }),
      mention('a3', 'v1', { actors: [{ id: 'actor:c', name: 'Someone Else', country: null }] }),
    ]);
    expect(events).toHaveLength(3);
  });

  it('names an event after its first report, so its id is stable as later reports join', () => {
    const one = dedupEvents('c', [mention('a1', 'v1')]);
    const two = dedupEvents('c', [mention('x9', 'v1', { published: '2026-03-03' }), mention('a1', 'v1')]);
    expect(two[0]!.id).toBe(one[0]!.id);
    expect(two[0]!.firstReport.articleId).toBe('a1');
  });
});

describe('corpus event dates', () => {
  it('keep the calendar part of a time value and drop parts of the day, week numbers and references', () => {
    expect(calendarDate('2006-11-22TNI')).toBe('2006-11-22');
    expect(calendarDate('2006-11-22')).toBe('2006-11-22');
    expect(calendarDate('2024-11')).toBe('2024-11');
    expect(calendarDate('2006-W47')).toBe('2006');
    expect(calendarDate('PRESENT_REF')).toBeNull();
    expect(calendarDate(null)).toBeNull();
  });
});

describe('claim series keys', () => {
  it('puts the same subject and unit in one series whatever the case and punctuation', () => {
    expect(seriesKey('North Korean troops', null)?.id).toBe(seriesKey('north korean troops.', null)?.id);
    expect(seriesKey('troops', 'km')?.id).not.toBe(seriesKey('troops', null)?.id);
    expect(seriesKey(null, null)).toBeNull();
  });
});

describe('claim point dates', () => {
  it('place a figure on the day or month its time expression names, else on the report date', () => {
    expect(claimDate('2006-11-20', '2006-11-22')).toBe('2006-11-20');
    expect(claimDate('2006-11-22TNI', '2006-11-22')).toBe('2006-11-22');
    expect(claimDate('2006-10', '2006-11-22')).toBe('2006-10');
    expect(claimDate('2006-W46', '2006-11-22')).toBe('2006-11-22');
    expect(claimDate('2006', '2006-11-22')).toBe('2006-11-22');
    expect(claimDate(null, '2006-11-22')).toBe('2006-11-22');
  });
});

describe('claim points of an analysed story', () => {
  it('date a figure by the time expression its claim names, not by the report date', () => {
    const raw =
      'November 22, 2026\n\nFloods hit the north\n\nVALDORIA CITY, Nov. 22 (Test Wire) -- Floods killed at least 40 people in the northern hills on Monday, officials said on Wednesday.\n';
    const a = analyze(raw, { source: 'Test Wire' });
    const points = claimPoints(a);
    const forty = points.find((p) => p.point.value === 40);
    // the report is dated Sunday 22 November 2026: "on Monday" is the 16th
    expect(forty?.point.date).toBe('2026-11-16');
    expect(forty?.subjectLower).not.toMatch(/monday/);
  });
});
