import { describe, expect, it } from 'vitest';
import { parseTitleLine } from './title.js';

const v = (line: string) => parseTitleLine(line).version;
const h = (line: string) => parseTitleLine(line).headline;

describe('parseTitleLine', () => {
  it('splits Yonhap version tags off the headline', () => {
    expect(parseTitleLine('(3rd LD) Rain delays the harvest')).toEqual({
      headline: 'Rain delays the harvest',
      byline: null,
      version: { tag: '3rd LD', number: 3 },
      warnings: [],
    });
    expect(v('(LEAD) Rain delays the harvest')).toEqual({ tag: 'LEAD', number: 1 });
    expect(v('(2nd LD) Rain delays the harvest')).toEqual({ tag: '2nd LD', number: 2 });
    expect(v('(4th LD) Rain delays the harvest')).toEqual({ tag: '4th LD', number: 4 });
    expect(v('(URGENT) Rain delays the harvest')).toEqual({ tag: 'URGENT', number: null });
    expect(v('(News Focus) Why farmers worry')).toEqual({ tag: 'News Focus', number: null });
    expect(v('(Yonhap Interview) Farmer sees hope')).toEqual({ tag: 'Yonhap Interview', number: null });
    expect(v('(Correction) Rain delays the harvest')).toEqual({ tag: 'Correction', number: null });
    expect(v('(2nd LD) (Yonhap Interview) Farmer sees hope')).toEqual({ tag: '2nd LD', number: 2 });
    expect(h('(2nd LD) (Yonhap Interview) Farmer sees hope')).toBe('Farmer sees hope');
  });

  it('reads AFP and Xinhua slugs and lead markers', () => {
    expect(v('2nd Ld: Ministers open the fair')).toEqual({ tag: '2nd Ld', number: 2 });
    expect(h('2nd Ld: Ministers open the fair')).toBe('Ministers open the fair');
    expect(v('1st Lead: Ministers open the fair')).toEqual({ tag: '1st Lead', number: 1 });
    expect(v('UPDATE-2: Ministers open the fair')).toEqual({ tag: 'UPDATE-2', number: 2 });
    expect(parseTitleLine('ATTENTION - UPDATES with vote count ///')).toMatchObject({
      headline: null,
      version: { tag: 'ATTENTION - UPDATES with vote count', number: null },
    });
    expect(v('ATTENTION - RECASTS ///')).toEqual({ tag: 'ATTENTION - RECASTS', number: null });
    expect(v('xxx as sent. Here is a corrected repetition: ///')).toEqual({
      tag: 'CORRECTED REPETITION',
      number: null,
    });
    expect(v('-farming-weather, ADDS minister reax ///')).toEqual({
      tag: 'ADDS minister reax',
      number: null,
    });
    expect(parseTitleLine('Mayor opens the fair (pictures) (ADDS details)')).toMatchObject({
      headline: 'Mayor opens the fair',
      version: { tag: 'ADDS details', number: null },
    });
    expect(parseTitleLine('=(PICTURE)=')).toMatchObject({
      headline: null,
      version: { tag: 'PICTURE', number: null },
    });
    expect(parseTitleLine('= (GRAPHIC+PICTURE) =')).toMatchObject({ version: { tag: 'GRAPHIC+PICTURE' } });
  });

  it('reads bylines at the end of the title and alone in the slot', () => {
    expect(parseTitleLine('Fishing fleet returns early by Jan Novak')).toMatchObject({
      headline: 'Fishing fleet returns early',
      byline: 'Jan Novak',
    });
    expect(parseTitleLine('by Jan Novak')).toMatchObject({ headline: null, byline: 'Jan Novak' });
    expect(parseTitleLine('By Mei Lin')).toMatchObject({ headline: null, byline: 'Mei Lin' });
    // Agents of a passive verb are not bylines.
    expect(parseTitleLine('Border post attacked by North Korea')).toMatchObject({ byline: null });
    expect(parseTitleLine('Plan backed by Mary Jones')).toMatchObject({ byline: null });
  });

  it('drops truncated fragments and slug tails, with a warning', () => {
    for (const line of ['unchanged', 'water supply', 'Harbour', 'position ///']) {
      const t = parseTitleLine(line);
      expect(t.headline, line).toBeNull();
      expect(t.warnings.length, line).toBe(1);
    }
    const kept = parseTitleLine('chief negotiator voices optimism about the coming meeting');
    expect(kept.headline).toBe('chief negotiator voices optimism about the coming meeting');
    expect(kept.warnings[0]).toMatch(/truncated/);
  });

  it('leaves ordinary headlines alone', () => {
    expect(parseTitleLine('Roundup: Farmers count the cost of the storm')).toEqual({
      headline: 'Roundup: Farmers count the cost of the storm',
      byline: null,
      version: null,
      warnings: [],
    });
    expect(h('Talks resume in Geneva (Switzerland)')).toBe('Talks resume in Geneva (Switzerland)');
  });
});
