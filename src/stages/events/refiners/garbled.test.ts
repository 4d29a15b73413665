import { describe, expect, it } from 'vitest';
import { analyze } from '../../../services/analyze.js';

// Sentences written for this test.
const english = 'Russia condemned the attack on Georgia and met officials from Ukraine in Moscow on Tuesday.';

describe('non-English and garbled text', () => {
  it('gives events for the English sentence the other cases are made from', () => {
    expect(analyze(english).events.length).toBeGreaterThan(0);
  });

  it('gives no events for shuffled words run together without punctuation', () => {
    const words = english.replace(/[.,]/g, '').split(' ');
    // a fixed permutation repeated: every trigger word and every name is there, no sentence is
    const salad = Array.from({ length: 6 }, (_, r) => words.map((_, i) => words[(i * 5 + r) % words.length]))
      .flat()
      .join(' ');
    expect(analyze(salad).events).toEqual([]);
  });

  it('gives no events for French or German text about the same events', () => {
    const fr =
      'La Russie a condamné mardi l’attaque contre la Géorgie et a rencontré à Moscou des responsables ukrainiens.';
    const de =
      'Russland hat am Dienstag den Angriff auf Georgien verurteilt und in Moskau Vertreter der Ukraine getroffen.';
    expect(analyze(fr).events).toEqual([]);
    expect(analyze(de).events).toEqual([]);
  });

  it('gives no events for text damaged by a wrong character encoding', () => {
    const damaged = Buffer.from(english.replace(/a/g, 'á').replace(/e/g, 'é'), 'utf8').toString('latin1');
    expect(analyze(damaged).events).toEqual([]);
  });
});
