import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Candidate, runRules } from './rules.js';

// Sentences written for these tests: each exercises a rule whose pre-check (needed words, key token and
// how far before it a match may start) is narrower than a scan of every position.
const OWN = [
  'On Wednesday, next March 5 the talks resume; they met on Tuesday, 12th of December, 2023 in Geneva.',
  'The accord was signed on the twenty-seventh of March, and the fourth of July parade was cancelled.',
  'Mid-May 2021 saw towards the remainder of the year a rise; at year-end and by the end-year close it fell.',
  'More than twenty-five or thirty consecutive days passed; some 3.75 years ago, 100-1/2 hours later.',
  'He left a couple of weeks ago. Within the coming months, and in recent years, the five-day war ended.',
  'Early this morning, last Tuesday night (Korea time), and the preceding Friday: all in MARCH 1999.',
  'So far this year, the rest of the month, the remainder of the preceding quarter, the past decade.',
  'Each July, every other week, twice a year, daily, in the near future, the long term, soon, now.',
  "In the '90s and the 1980s, mid-1990, the 19th century, fiscal 1998, the third quarter of 1997.",
  'Christmas Eve 2003, New Year’s Day, the eve of the summit, the day after the vote, noon Friday.',
  'Decades-long, years-old disputes; Two Years Ago was a title; Five Years later it ended in May.',
  'The third quarter ended Sept. 30, the year-earlier period, the same quarter a year ago, 10:30 a.m. EST.',
  'Since the early 1990s, in the spring of 2001, last winter, at the moment, these days, at this time.',
  'Reply as soon as possible; they meet seventy-seven times a week in the years ahead, in the medium term.',
  'On the eve\u00a0of the vote, the day before the summit, Q3 2023, 1990-91, 44 BC and the summer of 190 BC.',
  'humid March weather, midMarch, Sept.\u00a05, 2001, the\u00a0preceding\u00a0week and 9\u00a0days later.',
  'Throughout the morning, and in the\u00a0Evening, they met; at 4 in the afternoon, on Nov.13, three-and-a-half years on.',
];

function shape(cands: Candidate[]) {
  return cands.map((c) => ({
    start: c.start,
    end: c.end,
    rule: c.rule,
    type: c.type,
    priority: c.priority,
    mod: c.mod,
    kind: c.kind,
    clock: c.clock,
    zone: c.zone,
  }));
}

describe('runRules pre-checks', () => {
  it('find exactly what an exhaustive scan finds in our own sentences', () => {
    for (const text of OWN) {
      const fast = shape(runRules(text));
      expect(fast.length).toBeGreaterThan(0);
      expect(fast).toEqual(shape(runRules(text, true)));
    }
  });

  it('find exactly what an exhaustive scan finds in real wire stories', () => {
    const file = '../shared/eval/news/te3-silver-geopolitics/articles.jsonl';
    if (!existsSync(file)) {
      console.warn(`skipped: ${file} is absent`);
      return;
    }
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, 60);
    let total = 0;
    for (const line of lines) {
      const a = JSON.parse(line) as { title: string; text: string };
      const text = `${a.title}\n\n${a.text}`;
      const fast = shape(runRules(text));
      total += fast.length;
      expect(fast).toEqual(shape(runRules(text, true)));
    }
    expect(total).toBeGreaterThan(100);
  });
});
