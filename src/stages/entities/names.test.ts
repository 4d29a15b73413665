import { describe, expect, it } from 'vitest';
import { isAllCapsSentence, isForeignScript, joinNameParts, trimPunctuation, truecase } from './names.js';

const words = (toks: string[], spans: { start: number; end: number; type: string }[]) =>
  spans.map((s) => `${s.type}:${toks.slice(s.start, s.end).join(' ')}`);

describe('name spans', () => {
  it('joins Arabic articles, patronymics and European particles to the person before them', () => {
    const toks =
      'Abu Musab al-Zarqawi met Sheikh Hamad bin Jassim al-Thani and Hans van der Broek in Doha'.split(' ');
    const joined = joinNameParts(toks, [
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'MISC' },
      { start: 4, end: 6, type: 'PER' },
      { start: 7, end: 9, type: 'PER' },
      { start: 10, end: 11, type: 'PER' },
      { start: 15, end: 16, type: 'LOC' },
    ]);
    expect(words(toks, joined)).toEqual([
      'PER:Abu Musab al-Zarqawi',
      'PER:Sheikh Hamad bin Jassim al-Thani',
      'PER:Hans van der Broek',
      'LOC:Doha',
    ]);
  });

  it('does not join across ordinary lower-case words or into places', () => {
    const toks = 'Omar Said met de Gaulle aides in La Paz'.split(' ');
    const joined = joinNameParts(toks, [
      { start: 0, end: 2, type: 'PER' },
      { start: 7, end: 9, type: 'LOC' },
    ]);
    expect(words(toks, joined)).toEqual(['PER:Omar Said', 'LOC:La Paz']);
  });

  it('never starts or ends a span on a quote mark or other punctuation', () => {
    const toks = ['go', ',', '”', 'Sarandon', '“', 'said'];
    expect(trimPunctuation(toks, 2, 5)).toEqual([3, 4]);
    expect(trimPunctuation(toks, 1, 3)[1]).toBeLessThanOrEqual(trimPunctuation(toks, 1, 3)[0]);
  });

  it('tells other scripts from Latin with diacritics', () => {
    expect(isForeignScript('Москве')).toBe(true);
    expect(isForeignScript('김정은')).toBe(true);
    expect(isForeignScript('Erdoğan')).toBe(false);
    expect(isForeignScript('Nguyễn')).toBe(false);
  });

  it('reads an ALL-CAPS headline in ordinary case for the tagger', () => {
    const toks = 'ABE URGES CALM AS UN MEETS'.split(' ');
    expect(isAllCapsSentence(toks)).toBe(true);
    expect(isAllCapsSentence('Abe urges calm as UN meets'.split(' '))).toBe(false);
    const lower = new Set(['urges', 'calm', 'as', 'meets']);
    expect(
      truecase(
        toks,
        (w) => lower.has(w),
        (w) => w === 'UN',
      ),
    ).toEqual(['Abe', 'urges', 'calm', 'as', 'UN', 'meets']);
    expect(
      truecase(
        ['KIM', 'JONG-IL'],
        () => false,
        () => false,
      ),
    ).toEqual(['Kim', 'Jong-Il']);
  });
});
