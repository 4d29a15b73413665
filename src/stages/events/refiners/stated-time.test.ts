import { describe, expect, it } from 'vitest';
import { analyze } from '../../../services/analyze.js';

/** Speech acts dated by the report that states them, through the whole pipeline on sentences we wrote. */
const demandDate = (text: string) =>
  analyze(text, { published: '2006-03-08' }).events.find((e) => e.type === 'DEMAND')?.date ?? null;

describe('stated time', () => {
  it("dates a demand stated in a past report by the report's own time, else by the day of the story", () => {
    expect(demandDate('The Crisis Group said on Monday that Washington should open talks with Iran.')).toBe(
      '2006-03-06',
    );
    expect(demandDate('The Crisis Group said that Washington should open talks with Iran.')).toBe(
      '2006-03-08',
    );
  });

  it('leaves a demand in a present-tense report undated', () => {
    expect(demandDate('The Crisis Group says Washington should open talks with Iran.')).toBeNull();
  });
});
