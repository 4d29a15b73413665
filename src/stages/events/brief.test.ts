import { describe, expect, it } from 'vitest';
import { ANALYSIS_FORMAT, type Analysis } from '../../core/types.js';
import { formatBrief } from './brief.js';

const analysis: Analysis = {
  format: ANALYSIS_FORMAT,
  article: {
    id: 'x',
    source: 'Test Wire',
    url: null,
    published: '2024-11-01',
    headline: 'Talks held',
    byline: null,
    dateline: null,
    version: null,
    text: '',
  },
  repairs: [],
  sentences: [],
  entities: [
    { id: 'e1', type: 'PERSON', name: 'Ann Lee', kb: null, country: 'KOR', role: null, mentions: [] },
    { id: 'e2', type: 'PERSON', name: 'Bob Ray', kb: null, country: 'USA', role: null, mentions: [] },
    { id: 'e3', type: 'GPE', name: 'Washington', kb: null, country: 'USA', role: null, mentions: [] },
    { id: 'e4', type: 'ORG', name: 'Spy Agency', kb: null, country: 'KOR', role: null, mentions: [] },
  ],
  quotes: [
    {
      id: 'q1',
      kind: 'direct',
      start: 0,
      end: 10,
      text: '"We agree"',
      speaker: 'e1',
      speakerName: 'Ann Lee',
      cue: null,
    },
  ],
  times: [],
  claims: [
    {
      id: 'c1',
      start: 0,
      end: 5,
      text: 'some 10,000 troops',
      value: 10000,
      low: null,
      high: null,
      qualifier: 'approx',
      unit: 'troops',
      subject: 'troops',
      source: 'e4',
      sourceName: 'Spy Agency',
      time: null,
    },
  ],
  events: [
    {
      id: 'v1',
      type: 'CONSULT',
      mode: null,
      cameo: '040',
      actors: ['e1'],
      targets: ['e2'],
      location: 'e3',
      date: '2024-11-01',
      time: null,
      modality: 'asserted',
      trigger: { start: 0, end: 4, text: 'held' },
      sentence: 0,
      quote: null,
    },
    {
      id: 'v2',
      type: 'DISAPPROVE',
      mode: null,
      cameo: '111',
      actors: ['e2'],
      targets: [],
      location: null,
      date: null,
      time: null,
      modality: 'reported',
      trigger: { start: 0, end: 9, text: 'condemned' },
      sentence: 1,
      quote: null,
    },
  ],
};

describe('formatBrief', () => {
  it('lists meetings, quotes, events and figures', () => {
    const b = formatBrief(analysis);
    expect(b).toContain('2024-11-01  Ann Lee with Bob Ray in Washington');
    expect(b).toContain('Ann Lee: "We agree"');
    expect(b).toContain('Bob Ray DISAPPROVE ("condemned") [reported]');
    expect(b).toContain('approx 10,000 troops (according to Spy Agency)');
  });
  it('says so when there is nothing', () => {
    expect(
      formatBrief({
        ...analysis,
        article: { ...analysis.article, headline: null, source: null, published: null },
        quotes: [],
        claims: [],
        events: [],
      }),
    ).toBe('Nothing found.\n');
  });
});
