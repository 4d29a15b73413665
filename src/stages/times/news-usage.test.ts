import { describe, expect, it } from 'vitest';
import { fmtDay } from './calendar.js';
import { extractTimes, type TimeResult } from './extract.js';
import { ordinalWordValue } from './lexicon.js';
import { easterDays, quarterEndingOn } from './rules.js';
import { nearMarker, tenseMarkers } from './tense.js';

// Every sentence here is written for these tests.

function times(text: string, published: string | null): TimeResult[] {
  return extractTimes(text, { published });
}

function find(text: string, needle: string, published: string | null): TimeResult {
  const hit = times(text, published).find((t) => t.text.includes(needle));
  if (!hit) throw new Error(`no time expression containing '${needle}' in: ${text}`);
  return hit;
}

describe('earnings periods', () => {
  it('dates "the quarter ended <day>" as the calendar quarter closing then', () => {
    const text = 'The retailer earned $4 million in the quarter ended Sept. 30, up from a year earlier.';
    expect(find(text, 'quarter', '2023-10-25').value).toBe('2023-Q3');
    expect(find(text, 'quarter', '2023-10-25').rule).toBe('quarter-ended');
    // The year-ago comparison follows the quarter just named.
    expect(find(text, 'year earlier', '2023-10-25').value).toBe('2022-Q3');
    expect(quarterEndingOn(2023, 10, 1)).toBe('2023-Q3');
    expect(quarterEndingOn(2024, 1, 2)).toBe('2023-Q4');
    expect(quarterEndingOn(2024, 3, 31)).toBe('2024-Q1');
  });

  it('counts "the latest quarter" and year-ago comparisons from the lead quarter, not a later one', () => {
    const text =
      'Third-quarter profit rose 5%. Results had lagged after a flat second quarter. ' +
      'Sales in the latest quarter grew, and costs were lower than a year ago. ' +
      'The year-earlier period included a charge.';
    const pub = '2023-11-02';
    expect(find(text, 'latest quarter', pub).value).toBe('2023-Q3');
    expect(find(text, 'a year ago', pub).value).toBe('2022-Q3');
    expect(find(text, 'year-earlier period', pub).value).toBe('2022-Q3');
    // In the sentence that names another quarter, that quarter is the one compared.
    const same = 'Third-quarter profit rose. The second quarter was flat, down from a year earlier.';
    expect(find(same, 'a year earlier', pub).value).toBe('2022-Q2');
  });

  it('reads quarters and halves as reports print them, and fiscal years after a quarter', () => {
    const pub = '2024-11-01';
    expect(find('Profit rose in Q1.', 'Q1', pub).value).toBe('2024-Q1');
    expect(find('Profit rose in Q4.', 'Q4', '2024-08-01').value).toBe('2023-Q4');
    expect(find('Sales fell in Q3 2023.', 'Q3', pub).value).toBe('2023-Q3');
    expect(find('The 1Q24 numbers were weak.', '1Q24', pub).value).toBe('2024-Q1');
    expect(find("Q3'23 sales slipped.", 'Q3', pub).value).toBe('2023-Q3');
    expect(find('The H1 2025 outlook is weak.', 'H1', pub).value).toBe('2025-H1');
    expect(find('Revenue in the third quarter of fiscal 1998 rose.', 'third', pub).value).toBe('1998-Q3');
    // Codes and chemistry are not periods; a half needs its year.
    expect(times('The H1N1 virus, a Q400 plane, H2 fuel and an H1-B visa.', pub)).toEqual([]);
    // a bare code after "the" or a name is a model; after a preposition it is a quarter
    expect(times('Audi showed the Q3 and a new Audi Q5.', pub)).toEqual([]);
    expect(find('In Q2 the margin widened.', 'Q2', pub).value).toBe('2024-Q2');
  });

  it('does not read "quarterly" as a quarter and keeps plural quarters as a set', () => {
    const ts = times('The firm posted its first quarterly loss as a listed company.', '2023-10-25');
    expect(ts.some((t) => /quarter/i.test(t.text))).toBe(false);
    const set = find('Most sales come in the second and fourth quarters.', 'fourth quarters', '2023-10-25');
    expect([set.type, set.value]).toEqual(['SET', 'XXXX-Q4']);
  });
});

describe('no publication date: underspecified values, never a guessed day', () => {
  it('keeps the clock time and part of day on some day', () => {
    expect(find('The polls close at 9:30 p.m. Wednesday.', '9:30', null).value).toBe('XXXX-XX-XXT21:30');
    expect(find('Shots were heard at 10:30:34 a.m. near the port.', '10:30', null).value).toBe(
      'XXXX-XX-XXT10:30:34',
    );
    expect(find('Rockets fell on Monday night.', 'Monday', null).value).toBe('XXXX-XX-XXTNI');
    expect(find('Rockets fell later last night.', 'night', null).value).toBe('XXXX-XX-XXTNI');
    // A bare weekday names no knowable day at all.
    expect(find('Rockets fell on Monday.', 'Monday', null).value).toBeNull();
  });

  it('keeps quarters, halves, seasons and decades at the precision the text gives', () => {
    expect(find('Output rose in this year’s third quarter.', 'third quarter', null).value).toBe('XXXX-Q3');
    expect(find('Growth slowed in the second half of this year.', 'second half', null).value).toBe('XXXX-H2');
    expect(find('Talks resume this summer.', 'summer', null).value).toBe('XXXX-SU');
    expect(find('Prices crashed in the 90s.', '90s', null).value).toBe('199');
    expect(find('Prices crashed in the late seventies.', 'seventies', null).value).toBe('197');
  });
});

describe('time stamps and parts of a dated day', () => {
  it('keeps the clock time of a numeric time stamp', () => {
    const t = find('Filed 12/29/2000 20:29:05 from the desk.', '12/29', '2000-12-30');
    expect([t.type, t.value]).toEqual(['TIME', '2000-12-29T20:29:05']);
    expect(find('Prices fell on 10/29/2001 sharply.', '10/29', '2001-11-02').value).toBe('2001-10-29');
  });

  it('joins a printed date and the clock time after it', () => {
    const t = find('Filed Nov. 24, 2011 1535 GMT by the desk.', 'Nov. 24', '2011-11-25');
    expect([t.type, t.text, t.value]).toEqual(['TIME', 'Nov. 24, 2011 1535 GMT', '2011-11-24T15:35']);
    expect(find('Updated 29 Dec 2004 00:28:16 by the desk.', '29 Dec', null).value).toBe(
      '2004-12-29T00:28:16',
    );
    expect(find('Stamped 2009-12-19T17:00 on the cable.', '2009', null).value).toBe('2009-12-19T17:00');
  });

  it('reads "the morning of <day>" as that part of that day, but "the night of" as the day', () => {
    expect(find('Troops moved on the morning of April 18, 1775.', 'April', null).value).toBe('1775-04-18TMO');
    expect(find('He was shot on the night of Oct. 23, 1998.', 'Oct', null).value).toBe('1998-10-23');
  });
});

describe('months without a year', () => {
  // 2005-12-15 is a Thursday.
  const DEC = '2005-12-15';

  it('puts a month just ahead of a past-tense report in the previous year', () => {
    expect(find('Sunnis boycotted an election in January.', 'January', DEC).value).toBe('2005-01');
    expect(find('The rebels defeated the army in polls in January.', 'January', '2006-11-22').value).toBe(
      '2006-01',
    );
    expect(find('A bomb killed 19 servicemen in June.', 'June', '1997-04-07').value).toBe('1996-06');
    expect(find('Iran in February stopped the inspections.', 'February', '2006-11-20').value).toBe('2006-02');
    expect(find('In January, the company brought in a new chief.', 'January', '1989-10-27').value).toBe(
      '1989-01',
    );
  });

  it('puts a month just behind in the next year when a future modal governs it, but not a plan or a past verb', () => {
    const JUN = '2006-06-12';
    expect(find('The minister will travel to Seoul in May, officials said.', 'May', JUN).value).toBe(
      '2007-05',
    );
    expect(find("He'll not stand again in May.", 'May', JUN).value).toBe('2007-05');
    expect(find('The minister visited Tokyo in May.', 'May', JUN).value).toBe('2006-05');
    expect(find('A visit was expected in May.', 'May', JUN).value).toBe('2006-05');
    // the month itself is not behind: it stays this year's
    expect(find('The minister will travel to Seoul in June.', 'June', JUN).value).toBe('2006-06');
  });

  it('keeps a month just ahead when the past verb is only the frame of a plan', () => {
    const APR = '1997-04-07';
    expect(find('Beijing was looking forward to the premier’s visit in May.', 'May', APR).value).toBe(
      '1997-05',
    );
    expect(find('The Japanese hoped to give a progress report sometime in May.', 'May', APR).value).toBe(
      '1997-05',
    );
    expect(find('Owners refused to renew leases when they expire in May.', 'May', APR).value).toBe('1997-05');
  });

  it('keeps deadlines, plans and attributive months ahead', () => {
    expect(find('Troops may embed with local units as early as January.', 'January', DEC).value).toBe(
      '2006-01',
    );
    expect(find('The bank extended credit lines through January.', 'January', '2005-10-30').value).toBe(
      '2006-01',
    );
    expect(find('We are convinced that the June elections can be held.', 'June', '1997-04-03').value).toBe(
      '1997-06',
    );
    expect(
      find('The split will be paid on a still unspecified date in January.', 'January', '2005-10-26').value,
    ).toBe('2006-01');
    expect(find('He may lose when the appeal is heard in May.', 'May', '2000-03-29').value).toBe('2000-05');
    expect(find('Officials said the vote was postponed to January.', 'January', DEC).value).toBe('2006-01');
  });

  it('gives a bare month before a dated one that date’s year', () => {
    expect(find('Exports fell in May and June 2011.', 'May', '2024-01-01').value).toBe('2011-05');
    expect(find('Exports fell in May and June 2011.', 'June', '2024-01-01').value).toBe('2011-06');
    expect(times('Prices may rise.', '2024-01-01')).toEqual([]);
    expect(find('Talks were held in August and December last year.', 'August', '2006-11-08').value).toBe(
      '2005-08',
    );
  });

  it('does not read a month inside a capitalised name', () => {
    expect(times('The Long March rocket flew.', '2006-11-08')).toEqual([]);
    expect(find('The March accession will proceed.', 'March', '1999-02-10').value).toBe('1999-03');
  });

  it('leaves the sentence period of a full month name outside the span', () => {
    expect(find('The vote took place in January.', 'January', DEC).text).toBe('January');
    expect(find('The vote takes place on Jan. 5.', 'Jan', DEC).text).toBe('Jan. 5');
  });
});

describe('period edges', () => {
  it('counts "since the beginning of the year" from this year and "since year-end" from last year', () => {
    expect(
      find('Since the beginning of the year, raids have doubled.', 'beginning', '2006-11-22').value,
    ).toBe('2006');
    expect(find('The index is up 4% since year-end.', 'year-end', '2006-11-22').value).toBe('2005');
  });

  it('does not stretch a year used as a modifier into "the end of"', () => {
    const t = find('Sanctions were imposed at the end of the 1991 Gulf war.', '1991', '1997-04-02');
    expect([t.text, t.value, t.mod]).toEqual(['1991', '1991', undefined]);
    expect(find('The treaty was signed at the end of 1991.', '1991', '1997-04-02').mod).toBe('END');
    const cur = find('Work ends by the end of the current Iranian year.', 'current', '2006-11-20');
    expect([cur.text, cur.value]).toEqual(['current', 'PRESENT_REF']);
  });
});

describe('spelled days, centuries, holidays and sets', () => {
  it('reads spelled days and ordinal centuries', () => {
    expect(find('The fair opens on January nineteenth.', 'January', '2024-01-05').value).toBe('2024-01-19');
    expect(find('Fireworks mark the fourth of July, 1976.', 'fourth', null).value).toBe('1976-07-04');
    expect(find('The abbey dates from the seventh century.', 'century', null).value).toBe('06');
    // An adverb "first" after a month is not a day.
    expect(find('The case was in January first reported by the agency.', 'January', '2024-01-05').text).toBe(
      'January',
    );
    expect(ordinalWordValue('twenty-first')).toBe(21);
    expect(ordinalWordValue('thirtieth')).toBe(30);
    expect(ordinalWordValue('tenth')).toBe(10);
  });

  it('writes years before Christ with the BC prefix, at the precision the text gives', () => {
    expect(find('Rome burned in 64 AD, Carthage fell in 146 BC.', '146', null).value).toBe('BC0146');
    expect(find('Rome burned in 64 AD, Carthage fell in 146 BC.', '64', null).value).toBe('0064');
    expect(find('The pact dates from March 29, 190 BC.', 'March', null).value).toBe('BC0190-03-29');
    expect(find('It was built in the summer of 44 BC.', 'summer', null).value).toBe('BC0044-SU');
    expect(find('The temple dates from the fifth century BC.', 'century', null).value).toBe('BC04');
    expect(find('Settlers came in the 1990s BC.', '1990s', null).value).toBe('BC199');
    // A province abbreviation is not an era.
    expect(times('Vancouver, BC, hosted the 2010 games.', null).map((t) => t.value)).toEqual(['2010']);
  });

  it('reads both years of a range and leaves a printed year-month alone', () => {
    const vals = (t: string) => times(t, '2024-11-01').map((x) => [x.text, x.value]);
    expect(vals('The 1950-53 war and the 2008-09 season.')).toEqual([
      ['1950', '1950'],
      ['53', '1953'],
      ['2008', '2008'],
      ['09', '2009'],
    ]);
    expect(vals('He lived 1879/1968.')).toEqual([
      ['1879', '1879'],
      ['1968', '1968'],
    ]);
    expect(vals('The code 1998-08 and 2010-12 points.')).toEqual([]);
  });

  it('dates Easter and Good Friday and leaves "Eastern" alone', () => {
    expect(fmtDay(easterDays(2010))).toBe('2010-04-04');
    expect(fmtDay(easterDays(2016))).toBe('2016-03-27');
    expect(find('Pilgrims gathered on Easter Sunday 2010.', 'Easter', null).value).toBe('2010-04-04');
    expect(find('Shops closed on Good Friday 2016.', 'Good Friday', null).value).toBe('2016-03-25');
    expect(times('Troops left Eastern Europe.', '2010-04-06')).toEqual([]);
  });

  it('reads plural weekdays and "every summer" as sets', () => {
    expect(find('The market opens on Fridays.', 'Fridays', '2024-11-01').value).toBe('XXXX-WXX-5');
    expect(find('Talks are held Monday afternoons.', 'Monday', '2024-11-01').value).toBe('XXXX-WXX-1TAF');
    expect(find('Floods return every summer.', 'summer', '2024-11-01').value).toBe('XXXX-SU');
  });

  it('does not read a newspaper called a daily as a frequency', () => {
    const ts = times(
      'The Communist Party daily Granma said so. The Kommersant daily cited aides.',
      '2006-12-01',
    );
    expect(ts.some((t) => t.text === 'daily')).toBe(false);
    expect(find('The airline plans daily flights.', 'daily', '2006-12-01').value).toBe('P1D');
  });
});

describe('spans of durations and vague references', () => {
  it('keeps the determiner of an attributive length and a preposition out of the span', () => {
    expect(find('Peacekeepers arrived after the 34-day war.', 'day', '2006-12-11').text).toBe('34-day');
    expect(find('He oversaw the talks over the past five months.', 'months', '2005-11-16').text).toBe(
      'the past five months',
    );
    expect(find('It lasted more than a year.', 'year', '2005-11-16').mod).toBe('MORE_THAN');
  });

  it('reads "a weekend attack" as the weekend just past, "a weekend of talks" as a length', () => {
    // 2006-12-13 is a Wednesday.
    const t = find('Civilians were killed in a weekend attack.', 'weekend', '2006-12-13');
    expect([t.type, t.text, t.value]).toEqual(['DATE', 'weekend', '2006-W49-WE']);
    expect(find('After a weekend of talks, they left.', 'weekend', '2006-12-13').value).toBe('P1WE');
  });

  it('does not read "soon" inside a hyphenated name', () => {
    expect(times('Negotiator Song Min-soon spoke in Beijing.', '2005-11-08')).toEqual([]);
  });
});

describe('event-anchored days that name the event’s own day', () => {
  it('counts "the day before last Tuesday’s hearing" from that Tuesday', () => {
    // 2000-02-24 is a Thursday.
    const t = find('The day before last Tuesday’s court hearing, he went home.', 'day before', '2000-02-24');
    expect([t.text, t.value]).toEqual(['The day before last Tuesday’s court hearing', '2000-02-21']);
    expect(find('Envoys will meet on the eve of Friday’s talks.', 'eve', '2000-02-24').value).toBe(
      '2000-02-24',
    );
  });
});

describe('counting from a day the story named', () => {
  it('gives a day for "a week later" after a dated day', () => {
    const text = 'The rally was held on Dec. 29, 1998. A week later, police arrived.';
    expect(find(text, 'week later', '2000-01-01').value).toBe('1999-01-05');
    // Counted from publication, "a week ago" keeps week precision.
    expect(find('Police arrived a week ago.', 'week ago', '2024-11-01').value).toBe('2024-W43');
  });
});

describe('the tense of the nearest marker (nearMarker)', () => {
  const near = (text: string, word: string): string | null => {
    const at = text.indexOf(word);
    return nearMarker(text, tenseMarkers(text, 0, text.length), at, at + word.length, 40, 20)?.tense ?? null;
  };

  it('takes a verb next to the expression in its own clause only', () => {
    expect(near('Gunmen killed two guards in June.', 'June')).toBe('past');
    expect(near('In June, gunmen killed two guards.', 'June')).toBe('past');
    expect(near('Officials said that talks open in June.', 'June')).toBeNull();
    // A progressive past is a frame, and "preparing" points ahead.
    expect(near('The city was preparing for a festival in June.', 'June')).toBe('future');
    expect(near('The envoy was looking forward to a visit in June.', 'June')).toBeNull();
    expect(
      near('The minister said an inquiry is under way and will report back to parliament in June.', 'June'),
    ).toBe('future');
  });
});

describe('weekdays in plans and schedules', () => {
  // 2024-11-01 is a Friday.
  const pub = '2024-11-01';

  it('reads a bare present scheduling verb and a planned event as ahead', () => {
    expect(find('He and the envoy meet separately Monday in Geneva.', 'Monday', pub).value).toBe(
      '2024-11-04',
    );
    expect(find('Protesters planned a large demonstration on Saturday.', 'Saturday', pub).value).toBe(
      '2024-11-02',
    );
    // An infinitive after a past verb and a negation stay in the past.
    expect(find('They went to meet him Monday.', 'Monday', pub).value).toBe('2024-10-28');
    expect(find('The two sides did not meet Wednesday.', 'Wednesday', pub).value).toBe('2024-10-30');
  });

  it('does not read the noun "plans" as a future cue', () => {
    expect(find('On Wednesday, when she set aside vacation plans, she left.', 'Wednesday', pub).value).toBe(
      '2024-10-30',
    );
  });

  it('gives a bare weekday without a verb at hand the day another mention of it was given', () => {
    const text =
      'Iran and world powers resume talks Tuesday in Geneva. The talks Tuesday come after months of deadlock, an aide said.';
    const days = times(text, pub).map((t) => t.value);
    expect(days).toEqual(['2024-11-05', '2024-11-05']);
    // Without the first mention the second one alone reads as past.
    expect(find('The talks Tuesday came after months of deadlock, an aide said.', 'Tuesday', pub).value).toBe(
      '2024-10-29',
    );
  });
});

describe('held-out wire patterns (AFP/Xinhua)', () => {
  const mon = '2024-11-04';

  it('reads a visit programme in the present simple as ahead', () => {
    const text =
      'Opening a three-day stay, which includes talks Tuesday with the premier, the envoy met aides.';
    expect(find(text, 'Tuesday', mon).value).toBe('2024-11-05');
    expect(find('The minister holds talks Thursday in Rome.', 'Thursday', mon).value).toBe('2024-11-07');
  });

  it('dates "in the afternoon" to the day the story last named, never a clock reading', () => {
    const text =
      'The talks opened Friday morning. Before the afternoon session, envoys met in the afternoon.';
    const pods = times(text, mon).filter((t) => t.rule === 'the-pod');
    expect(pods.map((t) => [t.text, t.value])).toEqual([
      ['the afternoon', '2024-11-01TAF'],
      ['the afternoon', '2024-11-01TAF'],
    ]);
    expect(find('Envoys will meet in the evening.', 'evening', mon).value).toBe('2024-11-04TEV');
    // A clock time owns its part of the day; "the morning of" is left to the date after it.
    expect(times('He left at 4 in the morning.', mon).some((t) => t.rule === 'the-pod')).toBe(false);
    expect(times('He left in the morning of May 5.', mon).some((t) => t.rule === 'the-pod')).toBe(false);
  });

  it('keeps a plural unit after "a" vague and reads "and a half" counts', () => {
    expect(find('It broke a decades-long silence.', 'decades', mon).value).toBe('PXDE');
    expect(find('It ended a years-long feud.', 'years', mon).value).toBe('PXY');
    expect(find('It came some three-and-a-half years after the war.', 'years', mon).value).toBe('P3Y6M');
    expect(find('They waited two and a half hours.', 'hours', mon).value).toBe('PT2H30M');
  });

  it('reads an abbreviated month with the day right after its period', () => {
    expect(find('The blast occurred on Nov.13 at the plant.', 'Nov', mon).value).toBe('2024-11-13');
    expect(find('The blast occurred on Nov.13 at the plant.', 'Nov', mon).text).toBe('Nov.13');
  });

  it('does not date "the past" used as an adjective', () => {
    expect(times('They demanded compensation for the past problems.', mon)).toEqual([]);
    expect(find('The past is a guide, he said of the past.', 'past', mon).value).toBe('PAST_REF');
  });
});
