import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnchor } from './anchor.js';
import { fmtDay, fromDays, isoWeek, isValidDate, toDays } from './calendar.js';
import { extractTimes, type TimeResult } from './extract.js';

// Every sentence here is written for these tests. 2024-11-01 is a Friday.
const PUB = '2024-11-01';

function times(
  text: string,
  published: string | null = PUB,
  extra: Record<string, unknown> = {},
): TimeResult[] {
  return extractTimes(text, { published, ...extra });
}

function find(text: string, needle: string, published: string | null = PUB): TimeResult {
  const hit = times(text, published).find((t) => t.text.includes(needle));
  if (!hit) throw new Error(`no time expression containing '${needle}' in: ${text}`);
  return hit;
}

describe('calendar', () => {
  it('round-trips day numbers and knows weekdays and ISO weeks', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (d) => {
        const { y, m, d: dd } = fromDays(d);
        return toDays(y, m, dd) === d && isValidDate(y, m, dd);
      }),
    );
    expect(fmtDay(toDays(2024, 11, 1))).toBe('2024-11-01');
    expect(isoWeek(toDays(2024, 11, 1))).toEqual({ year: 2024, week: 44 });
    expect(isoWeek(toDays(2021, 1, 1))).toEqual({ year: 2020, week: 53 });
    expect(isValidDate(2024, 2, 30)).toBe(false);
    expect(isValidDate(2024, 2, 29)).toBe(true);
  });
});

describe('anchor', () => {
  it('moves a UTC stamp to the dateline day and rejects impossible dates', () => {
    expect(parseAnchor('2024-10-31T20:30:00Z', 'SEOUL')?.d).toBe(1);
    expect(parseAnchor('2024-10-31T20:30:00Z', null)?.d).toBe(31);
    expect(parseAnchor('2024-10-31T20:30:00Z', null, 'Yonhap News Agency')?.d).toBe(1);
    expect(parseAnchor('2024-02-30', null)).toBeNull();
    expect(parseAnchor('yesterday', null)).toBeNull();
    expect(parseAnchor(null, null)).toBeNull();
  });
});

describe('extractTimes: weekdays and tense', () => {
  it('takes the most recent day in past-tense reports and the next one with future cues', () => {
    expect(find('The ministers met Wednesday in the capital.', 'Wednesday').value).toBe('2024-10-30');
    expect(find('The ministers will meet Wednesday in the capital.', 'Wednesday').value).toBe('2024-11-06');
    expect(find('The envoy is to arrive Tuesday for talks.', 'Tuesday').value).toBe('2024-11-05');
    expect(find('The vote is expected to take place Monday.', 'Monday').value).toBe('2024-11-04');
    expect(find('Officials said Friday that the plan was ready.', 'Friday').value).toBe('2024-11-01');
    expect(find('The minister plans to visit the border Sunday.', 'Sunday').value).toBe('2024-11-03');
  });

  it('adds parts of the day and keeps a named zone', () => {
    const t = find('On Friday night (Korea time), the ministry issued a statement.', 'Friday night');
    expect(t.value).toBe('2024-11-01TNI');
    expect(t.type).toBe('TIME');
    expect(t.zone).toBe('Korea time');
    expect(find('Troops moved in Thursday morning.', 'morning').value).toBe('2024-10-31TMO');
    expect(find('The rally ended Wednesday evening.', 'evening').value).toBe('2024-10-30TEV');
    expect(find('He spoke Tuesday afternoon.', 'afternoon').value).toBe('2024-10-29TAF');
  });
});

describe('extractTimes: relative expressions', () => {
  it('resolves news phrases at the precision the text supports', () => {
    expect(find('Troops were sent earlier this month.', 'earlier this month').value).toBe('2024-11');
    expect(find('The talks collapsed last week.', 'last week').value).toBe('2024-W43');
    expect(find('The envoy arrives this week.', 'this week').value).toBe('2024-W44');
    expect(find('Prices rose last month.', 'last month').value).toBe('2024-10');
    expect(find('A summit is planned next year.', 'next year').value).toBe('2025');
    const end = find('Some 10,000 troops will be sent by the end of this year.', 'end of this year');
    expect(end.value).toBe('2024');
    expect(end.mod).toBe('END');
    expect(find('Talks resume in the first half of next year.', 'first half').value).toBe('2025-H1');
    const few = find('Fighting intensified over the past few days.', 'few days');
    expect(few.type).toBe('DURATION');
    expect(few.value).toBe('PXD');
    expect(find('The port reopened yesterday.', 'yesterday').value).toBe('2024-10-31');
    expect(find('The bridge was built two years ago.', 'ago').value).toBe('2022');
  });

  it('reads month phrases', () => {
    expect(find('They held a summit at Camp David in August last year.', 'August last year').value).toBe(
      '2023-08',
    );
    expect(find('The accord was signed in July.', 'July').value).toBe('2024-07');
    expect(find('The accord will be signed in July.', 'July').value).toBe('2025-07');
    expect(find('The report was published last March.', 'March').value).toBe('2024-03');
  });

  it('reads explicit dates, including AFP datelines and impossible days', () => {
    expect(find('The ceasefire began on Nov. 1.', 'Nov. 1').value).toBe('2024-11-01');
    expect(find('GENEVA, April 1 , 1997 (AFP) - Talks opened.', 'April').value).toBe('1997-04-01');
    expect(find('The law took effect on March 3 this year.', 'March 3').value).toBe('2024-03-03');
    expect(find('The hearing is set for Dec 11.', 'Dec 11').value).toBe('2024-12-11');
    expect(find('The deadline was February 30, 2024.', 'February').value).toBeNull();
  });

  it('reads years but not counts', () => {
    expect(find('The treaty dates from 1995.', '1995').value).toBe('1995');
    expect(find('Both sides want to make 2025 a milestone.', '2025').value).toBe('2025');
    const counts = times('Some 2,000 troops and 1995 people were moved; Resolution 1718 applies.');
    expect(counts.filter((t) => /2,000|1995|1718/.test(t.text))).toEqual([]);
  });

  it('reads durations and sets', () => {
    expect(find('The army needs six or seven months.', 'months').value).toBe('P6M');
    expect(find('Peace held for two decades.', 'decades').value).toBe('P20Y');
    expect(find('He returned after a 13 month break.', '13 month').value).toBe('P13M');
    const come = find('They will cooperate for years to come.', 'years to come');
    expect(come.value).toBe('PXY');
    const set = find('The forum meets every year.', 'every year');
    expect(set.type).toBe('SET');
    expect(set.value).toBe('P1Y');
    expect(find('Voters waited 5 1/2 hours.', 'hours').value).toBe('PT5H30M');
  });

  it('gives TimeML references for vague words', () => {
    expect(find('Prices are now falling.', 'now').value).toBe('PRESENT_REF');
    expect(find('The plant is currently closed.', 'currently').value).toBe('PRESENT_REF');
    expect(find('The plant was recently closed.', 'recently').value).toBe('PAST_REF');
    expect(find('Such raids happened in the past.', 'past').value).toBe('PAST_REF');
    expect(find('Talks will resume soon.', 'soon').value).toBe('FUTURE_REF');
    expect(find('Nobody knows what the future holds.', 'future').value).toBe('FUTURE_REF');
    expect(times('He will leave as soon as he can.').some((t) => t.text === 'soon')).toBe(false);
  });

  it('gives clock times their day and a zone time the zone day', () => {
    const ts = times('The blast occurred at 10:30 a.m. (0230 GMT) on Wednesday.', '1997-04-02');
    expect(ts.find((t) => t.text.startsWith('10:30'))?.value).toBe('1997-04-02T10:30');
    const gmt = ts.find((t) => t.text.includes('GMT'));
    expect(gmt?.value).toBe('1997-04-02T02:30');
    expect(gmt?.zone).toBe('GMT');
    const late = times('Polls closed at 1:40 a.m. (1640 GMT) on Sunday.', '2006-11-12');
    expect(late.find((t) => t.text.includes('GMT'))?.value).toBe('2006-11-11T16:40');
    const merged = times('The offer expires at 5 p.m. Friday.', '2024-10-28');
    expect(merged.find((t) => t.text.includes('5 p.m.'))?.value).toBe('2024-11-01T17:00');
  });
});

describe('extractTimes: event anchoring', () => {
  it('dates "the eve of" from the event date the story gives', () => {
    const text =
      'The three ministers met in Washington Friday.\nOn the eve of the three-way talks, the two envoys met.\nDuring Friday’s talks, they agreed to cooperate.';
    const eve = find(text, 'eve');
    expect(eve.value).toBe('2024-10-31');
    expect(eve.anchor).toBe('event');
  });

  it('leaves it unresolved when the story does not date the event', () => {
    const eve = find('On the eve of the summit, the envoys held talks.\nNo date was set.', 'eve');
    expect(eve.value).toBeNull();
  });
});

describe('extractTimes: bad input', () => {
  it('never uses the clock: no publication date leaves relative values null', () => {
    const ts = times('The envoy met Friday and will return next year, as talks continue now.', null);
    expect(ts.find((t) => t.text === 'Friday')?.value).toBeNull();
    expect(ts.find((t) => t.text === 'next year')?.value).toBeNull();
    expect(ts.find((t) => t.text === 'now')?.value).toBe('PRESENT_REF');
    expect(find('The ceasefire began on Nov. 1.', 'Nov. 1', null).value).toBe('XXXX-11-01');
  });

  it('gives null for two-digit years without an anchor and resolves them with one', () => {
    expect(find("The crisis began in '97.", "'97", null).value).toBeNull();
    expect(find("The crisis began in '97.", "'97", '2024-11-01').value).toBe('1997');
  });

  it('does not throw, loop or leave malformed spans on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.option(fc.constantFrom('2024-11-01', '1997-04-02T10:00Z', 'bad')),
        (s, p) => {
          const ts = extractTimes(s, { published: p ?? null });
          for (const t of ts) {
            if (t.start < 0 || t.end > s.length || t.start >= t.end) return false;
            if (s.slice(t.start, t.end) !== t.text) return false;
          }
          return ts.every((t, i) => t.id === `t${i + 1}`);
        },
      ),
      { numRuns: 300 },
    );
    expect(extractTimes('', { published: PUB })).toEqual([]);
    const long = 'Friday Friday 2024 in July '.repeat(2000);
    expect(extractTimes(long, { published: PUB }).length).toBeGreaterThan(1000);
  });

  it('keeps spans non-overlapping and ordered', () => {
    const ts = times('Since April 1, 1997 and until Friday night, every year, for two decades.');
    for (let i = 1; i < ts.length; i++) expect(ts[i]!.start).toBeGreaterThanOrEqual(ts[i - 1]!.end);
  });
});

describe('extractTimes: reference times and TimeML conventions', () => {
  it('does not read "next to" or "due to" as future cues, but reads "until" as one', () => {
    expect(
      find('Dozens were killed in the blasts next to the embassies on Thursday.', 'Thursday').value,
    ).toBe('2024-10-31');
    expect(find('The flights were cancelled due to the storm on Tuesday.', 'Tuesday').value).toBe(
      '2024-10-29',
    );
    expect(find('Officials postponed until Tuesday morning any action.', 'Tuesday').value).toBe(
      '2024-11-05TMO',
    );
    expect(find('They extended the deadline until 9 a.m. Monday.', '9 a.m.').value).toBe('2024-11-04T09:00');
    expect(find('Until Wednesday, the police had not named him.', 'Wednesday').value).toBe('2024-10-30');
  });

  it('counts "that year", "the following month" and "the previous Friday" from the story dates', () => {
    expect(find('He fled in June 1998 and returned later that year.', 'that year').value).toBe('1998');
    expect(
      find('The bid came in March. The following month, it was withdrawn.', 'following month').value,
    ).toBe('2024-04');
    expect(find('Shares fell on Oct. 25, down 4% from the previous Friday.', 'previous Friday').value).toBe(
      '2024-10-18',
    );
  });

  it('dates the singular "past year" and the week of a day, and keeps quarter durations in quarters', () => {
    expect(find('Hate groups grew over the past year.', 'past year')).toMatchObject({
      type: 'DATE',
      value: '2023',
    });
    expect(find('A hearing is set for the week of Nov. 11.', 'week of').value).toBe('2024-W46');
    expect(find('It has lost money in the past two quarters.', 'quarters').value).toBe('P2Q');
    expect(find('The company pays interest every quarter.', 'every quarter').value).toBe('P1Q');
    expect(times('The fund holds more than a quarter of the market.').length).toBe(0);
  });

  it('resolves earnings comparisons against the quarter the story named', () => {
    const text =
      'Third-quarter profit rose. In the 2023 period, and for last year’s quarter, sales were lower.';
    expect(find(text, '2023 period').value).toBe('2023-Q3');
    expect(find(text, 'year’s quarter').value).toBe('2023-Q3');
  });

  it('reads lengths "later", fractions, approximate "ago" and generic "today\'s"', () => {
    expect(find('Just over an hour later, he was declared dead.', 'hour')).toMatchObject({
      type: 'DURATION',
      value: 'PT1H',
      text: 'over an hour',
    });
    expect(find('But a minute and a half later the pilot called.', 'minute').value).toBe('PT1M30S');
    expect(find('Then, a week or so ago, the general chose the day.', 'week')).toMatchObject({
      value: '2024-W43',
      mod: 'APPROX',
    });
    expect(times("The case is for today's youth what the war was for their parents.").length).toBe(0);
    expect(find('Islam will one day be the largest religion there.', 'one day').value).toBe('FUTURE_REF');
    expect(find('The cash soon became a flood, and he will soon leave.', 'soon').start).toBeGreaterThan(20);
  });

  it('knows Election Day, "each July", edge parts of the day and "last February" in March', () => {
    expect(find('The campaign runs from now to Election Day.', 'Election Day').value).toBe('2024-11-05');
    expect(find('Orangemen march each July to the church.', 'July')).toMatchObject({
      type: 'SET',
      value: 'XXXX-07',
    });
    expect(find('By mid afternoon, sources said the town had fallen.', 'afternoon').value).toBe(
      '2024-11-01TAF',
    );
    expect(find('Two helicopters crashed last February.', 'February', '2024-03-01').value).toBe('2023-02');
    expect(find('The pact takes hold effective Feb. 1, officials said.', 'Feb. 1', '2024-10-26').value).toBe(
      '2025-02-01',
    );
  });
});

describe('extractTimes: coordinated days', () => {
  const values = (text: string, published: string | null = PUB) =>
    times(text, published).map((t) => [t.text, t.value]);

  it('gives every day of a list the year printed after the last one', () => {
    expect(values('Two towns were shelled on August 6 and 9, 1951, the council recalled.')).toEqual([
      ['August 6', '1951-08-06'],
      ['9, 1951', '1951-08-09'],
    ]);
    expect(values('The ballots were counted on 6 and 9 May 1988.')).toEqual([
      ['6', '1988-05-06'],
      ['9 May 1988', '1988-05-09'],
    ]);
    expect(values('Delegates met on March 3 and March 4, 1990, in a border town.')).toEqual([
      ['March 3', '1990-03-03'],
      ['March 4, 1990', '1990-03-04'],
    ]);
  });

  it('gives later days of a yearless list the month and year of the first', () => {
    expect(values('The rebels held the bridge on October 3 and 4.')).toEqual([
      ['October 3', '2024-10-03'],
      ['4', '2024-10-04'],
    ]);
    expect(values('Hearings are scheduled between December 1 and 5.')).toEqual([
      ['December 1', '2024-12-01'],
      ['5', '2024-12-05'],
    ]);
    expect(values('The summit runs Nov. 18-19 in the capital.').map((v) => v[1])).toEqual([
      '2024-11-18',
      '2024-11-19',
    ]);
  });

  it('does not read quantities after a month-day as days', () => {
    const out = values('Prices rose on October 3 and 4 percent of stores closed.');
    expect(out).toEqual([['October 3', '2024-10-03']]);
    expect(values('On October 10 and 11 soldiers were hurt.').map((v) => v[0])).toEqual(['October 10']);
    expect(values('The Nov. 18-19 summit drew leaders.').map((v) => v[1])).toEqual([
      '2024-11-18',
      '2024-11-19',
    ]);
  });

  it('takes the year of a dated day earlier in the same sentence', () => {
    expect(find('The vote was held on April 12, 2001, and results came on April 14.', 'April 14').value).toBe(
      '2001-04-14',
    );
    expect(
      find('In December 1976 a note was written. In September that year, aides met.', 'September').value,
    ).toBe('1976-09');
  });
});

describe('extractTimes: plans reported in the past tense', () => {
  // 2024-10-30 is a Wednesday.
  const WED = '2024-10-30';

  it('reads "was expected to", "were to", "is planned for" and "to be" as pointing ahead', () => {
    expect(find('The envoy was expected to arrive in the capital Thursday.', 'Thursday', WED).value).toBe(
      '2024-10-31',
    );
    expect(find('Negotiators were to meet Friday in Vienna.', 'Friday', WED).value).toBe('2024-11-01');
    expect(find('A meeting of donors is planned for Tuesday.', 'Tuesday', WED).value).toBe('2024-11-05');
    expect(find('He spoke in an interview to be aired Sunday.', 'Sunday', WED).value).toBe('2024-11-03');
    expect(find('The minister was expected in Cairo early Friday.', 'Friday', WED).value).toBe('2024-11-01');
    expect(find('The board meeting due on Monday will weigh the plan.', 'Monday', WED).value).toBe(
      '2024-11-04',
    );
  });

  it('keeps a plan that had been overtaken in the past', () => {
    expect(find('The vote had been due to take place Monday.', 'Monday', WED).value).toBe('2024-10-28');
  });

  it('dates the day of saying from its own clause, not from the reported one', () => {
    expect(find('The mayor said Tuesday that the bridge would reopen.', 'Tuesday', WED).value).toBe(
      '2024-10-29',
    );
    expect(find('The envoy, who will open talks Friday, has met the king.', 'Friday', WED).value).toBe(
      '2024-11-01',
    );
  });
});
