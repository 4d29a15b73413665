import { describe, expect, it } from 'vitest';
import {
  type ArticleFeatures,
  bandKeys,
  containment,
  headlineStem,
  jaccard,
  leadParagraphHashes,
  minhash,
  paragraphSpans,
  shingles,
  textFigures,
  versionInfo,
  words,
} from './features.js';
import { comparePair, DEFAULT_THRESHOLDS, isEarlier, pairFeatures, versionProbability } from './score.js';

const BASE =
  'The harbour authority said on Monday that the northern channel would reopen after divers cleared two wrecks that had blocked it since the storm.';
const EXTRA =
  'Shipping agents said about forty vessels were waiting offshore and that fuel deliveries to the islands had been delayed by three days.';

describe('version markers', () => {
  it('reads update numbers from tags and headlines and flags an update claim', () => {
    expect(versionInfo('2nd LD', null, null)).toEqual({ number: 2, claimsUpdate: true });
    expect(versionInfo(null, null, 'Olympic mascots unveiled (updated 3)')).toEqual({
      number: 3,
      claimsUpdate: true,
    });
    expect(versionInfo('ATTENTION - ADDS quotes, background', null, null).claimsUpdate).toBe(true);
    expect(versionInfo(null, null, 'Harbour reopens after storm')).toEqual({
      number: null,
      claimsUpdate: false,
    });
  });

  it('keeps topic words of a headline and drops slug and function words', () => {
    expect(headlineStem('UPDATE 2-Harbour reopens after the storm')).toEqual(['harbour', 'reopens', 'storm']);
  });
});

describe('figures', () => {
  it('keeps the figures a report gives, without thousands separators, years or one-digit counts', () => {
    expect(
      textFigures('The index fell 13.68 points to 1,189.42 in 1997, with 3 banks and 3,000 traders.'),
    ).toEqual(['1189.42', '13.68', '3000']);
    expect(textFigures('No figures here.')).toEqual([]);
  });
});

describe('text similarity', () => {
  it('estimates high containment for a version that adds a paragraph, low for unrelated text', () => {
    const a = shingles(words(BASE));
    const b = shingles(words(`${BASE} ${EXTRA}`));
    const j = jaccard(minhash(a), minhash(b));
    expect(containment(j, a.size, b.size)).toBeGreaterThan(0.7);
    const u = shingles(words(EXTRA));
    expect(jaccard(minhash(a), minhash(u))).toBeLessThan(0.1);
  });

  it('gives identical texts the same band keys', () => {
    const s = minhash(shingles(words(BASE)));
    expect(bandKeys(s)).toEqual(bandKeys(minhash(shingles(words(BASE)))));
    expect(bandKeys(s).length).toBeGreaterThan(0);
  });

  it('splits paragraphs on blank lines with spans into the text', () => {
    const text = `${BASE}\n\n  ${EXTRA}\n`;
    const ps = paragraphSpans(text);
    expect(ps.map((p) => text.slice(p.start, p.end))).toEqual([BASE, EXTRA]);
  });
});

describe('pair decisions', () => {
  const feat = (id: string, text: string, over: Partial<ArticleFeatures> = {}): ArticleFeatures => ({
    ...base(id, text),
    ...over,
  });
  function base(id: string, text: string): ArticleFeatures {
    const sh = shingles(words(text));
    return {
      articleId: id,
      agency: 'test wire',
      published: '2026-03-02',
      day: 100,
      versionNumber: null as number | null,
      versionTag: null,
      claimsUpdate: false,
      stem: headlineStem('Harbour channel reopens'),
      shingleCount: sh.size,
      signature: minhash(sh),
      paragraphs: paragraphSpans(text).map((p) => p.text),
      terms: {},
      actors: [],
    };
  }

  it('links a longer re-send from the same agency and orders it later', () => {
    const a = feat('a', BASE);
    const b = feat('b', `${BASE}\n\n${EXTRA}`, { versionNumber: 1, claimsUpdate: true });
    expect(comparePair(a, b).version).toBe(true);
    expect(isEarlier(a, b)).toBe(true);
    expect(isEarlier(b, a)).toBe(false);
  });

  it('does not link the same text from another agency or a week later as a version', () => {
    const a = feat('a', BASE);
    expect(comparePair(a, feat('b', BASE, { agency: 'other wire' })).version).toBe(false);
    expect(comparePair(a, feat('c', BASE, { day: 107 })).version).toBe(false);
  });

  const REWRITE =
    'Divers cleared the second wreck on Monday and the harbour authority reopened the northern channel to ships.';
  const topic = { harbour: 3, channel: 3, wreck: 2, divers: 2, storm: 1 };
  const lead = {
    leadWords: ['channel', 'divers', 'harbour', 'reopen'],
    leadActors: ['name:harbour authority||ORG'],
  };

  const MODEL = { ...DEFAULT_THRESHOLDS, versionModel: true };
  const RULE = { ...DEFAULT_THRESHOLDS, versionModel: false };

  it('links a rewrite that shares little text by the opt-in model, not by the default shared-text rule', () => {
    const a = feat('a', BASE, { terms: topic, dateline: 'portsmouth', ...lead });
    const b = feat('b', REWRITE, { terms: topic, dateline: 'portsmouth', ...lead });
    expect(pairFeatures(a, b).text).toBeLessThan(0.3);
    expect(DEFAULT_THRESHOLDS.versionModel).toBe(false);
    expect(comparePair(a, b, MODEL).version).toBe(true);
    expect(comparePair(a, b, RULE).version).toBe(false);
    expect(comparePair(a, b, RULE).probability).toBeGreaterThanOrEqual(MODEL.versionProbability);
    // The model names itself in the signals only when it decides.
    expect(comparePair(a, b, MODEL).signals.some((x) => x.startsWith('version-model'))).toBe(true);
    expect(comparePair(a, b, RULE).signals.some((x) => x.startsWith('version-model'))).toBe(false);
  });

  it('does not link a same-topic report from another dateline with another headline and lead', () => {
    const a = feat('a', BASE, { terms: topic, dateline: 'portsmouth', ...lead });
    const b = feat('b', REWRITE, {
      terms: topic,
      dateline: 'london',
      stem: headlineStem('Insurers count storm losses'),
      leadWords: ['insurers', 'losses'],
      leadActors: ['name:lloyd s||ORG'],
    });
    expect(comparePair(a, b, MODEL).version).toBe(false);
    expect(comparePair(a, b).probability).toBeLessThan(
      comparePair(a, feat('c', REWRITE, { terms: topic, dateline: 'portsmouth', ...lead })).probability,
    );
  });

  it('tells a re-sent report from a templated report of another market by its figures', () => {
    const a = feat('a', BASE, { figures: ['1189.42', '13.68', '401', '187'] });
    const resent = feat('b', BASE, { figures: ['1189.42', '13.68', '401', '187', '162.178'] });
    const other = feat('c', BASE, { figures: ['2106.10', '13.55', '0.64'] });
    expect(pairFeatures(a, resent).figures).toBe(1);
    expect(pairFeatures(a, other).figures).toBe(0);
    // Too few figures to tell, or a row stored before figures existed: no evidence either way.
    expect(pairFeatures(a, feat('d', BASE, { figures: ['401'] })).figures).toBe(0);
    expect(pairFeatures(a, feat('e', BASE)).figures).toBe(0);
  });

  it('counts update tags only when they agree with the order of the two articles', () => {
    const first = feat('a', BASE, { day: 100 });
    const update = feat('b', BASE, { day: 100, published: '2026-03-02T10:00', claimsUpdate: true });
    expect(pairFeatures(first, update).updateOrder).toBe(1);
    expect(pairFeatures(update, first).updateOrder).toBe(1);
    // Two stories that both carry an update slug: the symmetric marker fires, the order figure does not.
    const other = feat('c', EXTRA, { day: 100, claimsUpdate: true });
    expect(pairFeatures(update, other).marker).toBe(1);
    expect(pairFeatures(update, other).updateOrder).toBe(0);
    // Numbered versions: the later must carry the higher number.
    const second = feat('d', `${BASE}\n\n${EXTRA}`, { versionNumber: 2, claimsUpdate: true });
    const firstLead = feat('e', BASE, { versionNumber: 1, claimsUpdate: true });
    expect(pairFeatures(firstLead, second).updateOrder).toBe(1);
  });

  it('sees a kept lead paragraph in a longer version, not a shared headline or dateline line', () => {
    const text = (lead: string) => `Harbour reopens\n\nPORTSMOUTH, March 2\n\n${lead}`;
    const a = feat('a', '', { leadParagraphs: leadParagraphHashes(text(BASE)) });
    const longer = feat('b', '', { leadParagraphs: leadParagraphHashes(`${text(BASE)}\n\n${EXTRA}`) });
    const other = feat('c', '', { leadParagraphs: leadParagraphHashes(text(EXTRA)) });
    expect(leadParagraphHashes(text(BASE))).toHaveLength(1);
    expect(pairFeatures(a, longer).leadParagraph).toBe(1);
    expect(pairFeatures(a, other).leadParagraph).toBe(0);
    expect(pairFeatures(a, feat('d', BASE)).leadParagraph).toBe(0);
  });

  it('scores a pair the same whichever article comes first', () => {
    const a = feat('a', BASE, { terms: topic, dateline: 'portsmouth', ...lead });
    const b = feat('b', `${BASE}\n\n${EXTRA}`, { terms: { harbour: 1 }, dateline: null, day: 101 });
    expect(pairFeatures(a, b)).toEqual(pairFeatures(b, a));
    expect(versionProbability(pairFeatures(a, b))).toBe(versionProbability(pairFeatures(b, a)));
  });

  it('reads lead figures missing from a row stored by the first linker as unknown, not as a mismatch', () => {
    const old = feat('a', BASE);
    const x = pairFeatures(old, feat('b', BASE, { dateline: 'portsmouth', ...lead }));
    expect(x.leadWords).toBe(0.5);
    expect(x.dateline).toBe(0.5);
    expect(
      comparePair(old, feat('b', `${BASE}\n\n${EXTRA}`, { dateline: 'portsmouth', ...lead })).version,
    ).toBe(true);
  });
});
