import { describe, expect, it } from 'vitest';
import { analyze } from '../../../services/analyze.js';

/**
 * Meeting nouns read off the parse (issue 11), through the whole pipeline on sentences we wrote: who travels
 * for talks takes part in them, and a place or a topic after the noun is no other side.
 */
function events(text: string): string[] {
  const a = analyze(text);
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  const names = (ids: readonly string[]) => ids.map((id) => name.get(id) ?? id).join(',');
  return a.events.map((e) => `${e.type} ${e.trigger.text} ${names(e.actors)}->${names(e.targets)}`);
}

describe('meeting nouns', () => {
  it('gives talks that a journey is made for to the traveller ("flew to X for talks with Y")', () => {
    const got = events(
      'Swedish Prime Minister Ola Berg flew into northern Norway for talks with his Norwegian counterpart Kim Moe.',
    );
    expect(got).toContain('CONSULT talks Ola Berg->Kim Moe');
  });

  it('dates talks that a past trip was made for by the trip: its own time, else the day of the report', () => {
    const dated = (text: string) =>
      analyze(text, { published: '2006-03-08' }).events.find((e) => e.trigger.text === 'talks')?.date;
    const trip =
      'Swedish Prime Minister Ola Berg flew into northern Norway for talks with his Norwegian counterpart Kim Moe.';
    expect(dated(trip)).toBe('2006-03-08');
    expect(dated(trip.replace('Norway for', 'Norway on Monday for'))).toBe('2006-03-06');
  });

  it('takes no place or topic as the other side of a meeting ("talks in X", "talks on X")', () => {
    const after = events('Ola Berg said after a meeting in Norway that the plan would work.');
    expect(after.filter((e) => e.startsWith('CONSULT meeting'))).toEqual([]);
    const speaking = events('Ola Berg, speaking after talks in Oslo, said the plan would work.');
    expect(speaking.filter((e) => e.startsWith('CONSULT talks'))).toEqual([]);
  });
});
