import { describe, expect, it } from 'vitest';
import { analyze } from '../../services/analyze.js';

/**
 * Short wire texts whose dateline the reader leaves in the text: its year is never a quote's speaker and its
 * city never joins the first subject as an event actor. Sentences written by us.
 */
describe('datelines left in short texts', () => {
  it('never takes the year of a dateline before a colon as the speaker', () => {
    const a = analyze('BAGHDAD, Dec 3, 2006: "We will not leave until the job is done."\n');
    for (const q of a.quotes) expect(q.speakerName ?? '').not.toMatch(/\d/);
  });

  it('keeps a dateline city out of the actors of the first event', () => {
    const a = analyze('BRUSSELS, Dec 3 - NATO urged Russia to withdraw its troops.\n');
    const names = new Map(a.entities.map((e) => [e.id, e.name]));
    const demand = a.events.find((e) => e.type === 'DEMAND');
    expect(demand).toBeDefined();
    expect(demand!.actors.map((x) => names.get(x))).toEqual(['NATO']);
  });
});
