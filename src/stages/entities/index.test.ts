import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Document, plainSource } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { readWireText } from '../../ingest/wire-text.js';
import { repairStage } from '../repair/index.js';
import { sentencesStage } from '../sentences/index.js';
import { type EntitiesOptions, entitiesStage, type StageEntity } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = path.resolve(repoRoot, '../shared');

function analyse(text: string, options: EntitiesOptions = { tagger: 'rules' }) {
  const pipeline = createPipeline([sentencesStage(), entitiesStage(options)], ['text']);
  const doc = pipeline.run(new Document('t', plainSource(text), { text }));
  return { doc, entities: doc.get('entities') as StageEntity[] };
}

const byName = (ents: StageEntity[], name: string) => ents.find((e) => e.name === name);
const texts = (e: StageEntity | undefined) => (e ? e.mentions.map((m) => m.text) : []);

// Our own sentences, written for these tests.
const STORY =
  'South Korea’s Foreign Minister Park Jin-ho and his U.S. and Japanese counterparts, Mary Tanner and ' +
  'Kenji Mori, respectively, met in Tokyo on Monday, Seoul’s presidential office said.\n\n' +
  'Park said that he and Tanner discussed the North’s missile launches. He did not elaborate.\n\n' +
  '“We will respond firmly,” Tanner said. The State Department said it would consult Pyongyang. ' +
  'The South Korean minister later met Kim Sung-min, North Korea’s ambassador, and Vice Foreign Minister Kim Yong-su. ' +
  'Kim Yong-su told reporters the two Koreas should talk, and Kim said Moscow agreed.';

describe('entitiesStage (rules tagger)', () => {
  const { entities } = analyse(STORY);

  it('takes titles off names and keeps them as roles with the country before them', () => {
    expect(byName(entities, 'Park Jin-ho')).toMatchObject({
      type: 'PERSON',
      country: 'KOR',
      role: 'Foreign Minister',
    });
    expect(entities.some((e) => e.type === 'PERSON' && /Minister/.test(e.name))).toBe(false);
  });

  it('gives counterparts in an appositive list their countries in order and the shared role', () => {
    expect(byName(entities, 'Mary Tanner')).toMatchObject({ country: 'USA', role: 'Foreign Minister' });
    expect(byName(entities, 'Kenji Mori')).toMatchObject({ country: 'JPN' });
  });

  it('links surnames and pronouns to the right person', () => {
    const park = byName(entities, 'Park Jin-ho');
    expect(texts(park)).toEqual(expect.arrayContaining(['Park', 'his', 'he', 'He']));
    expect(texts(byName(entities, 'Mary Tanner'))).toEqual(expect.arrayContaining(['Tanner']));
    expect(park!.mentions.every((m) => STORY.slice(m.start, m.end) === m.text)).toBe(true);
  });

  it('resolves a definite nominal by role', () => {
    expect(texts(byName(entities, 'Park Jin-ho'))).toContain('The South Korean minister');
  });

  it('keeps two people who share a surname apart and links "Kim" to the nearest', () => {
    const a = byName(entities, 'Kim Sung-min');
    const b = byName(entities, 'Kim Yong-su');
    expect(a).toMatchObject({ country: 'PRK', role: 'Ambassador' });
    expect(b).toMatchObject({ role: 'Vice Foreign Minister' });
    expect(texts(b)).toContain('Kim');
    expect(texts(a)).not.toContain('Kim');
  });

  it('resolves countries, capitals, metonyms and Korean shorthand', () => {
    const prk = entities.find((e) => e.kb === 'country:PRK');
    const kor = entities.find((e) => e.kb === 'country:KOR');
    expect(prk).toMatchObject({ type: 'GPE', name: 'North Korea', country: 'PRK' });
    expect(texts(prk)).toEqual(expect.arrayContaining(['the North', 'North Korea', 'the two Koreas']));
    expect(texts(kor)).toEqual(expect.arrayContaining(['South Korea', 'the two Koreas']));
    expect(entities.find((e) => e.name === 'Pyongyang')).toMatchObject({ type: 'GPE', country: 'PRK' });
    expect(entities.find((e) => e.name === 'Moscow')).toMatchObject({ country: 'RUS' });
  });

  it('gives government bodies their country and resolves "it" in speaker position', () => {
    const office = entities.find((e) => e.kb === 'gov:kor-presidential-office');
    expect(office).toMatchObject({ type: 'ORG', country: 'KOR' });
    const state = entities.find((e) => e.kb === 'gov:state-department');
    expect(state).toMatchObject({ type: 'ORG', country: 'USA' });
    expect(texts(state)).toContain('it');
  });

  it('never makes places, bodies or reporting verbs into people', () => {
    const people = entities.filter((e) => e.type === 'PERSON').flatMap((e) => [e.name, ...texts(e)]);
    for (const bad of ['Seoul', 'Tokyo', 'Pyongyang', 'State Department', 'Tanner said', 'Monday']) {
      expect(people).not.toContain(bad);
    }
  });

  it('numbers entities e1… in order of first mention', () => {
    expect(entities.map((e) => e.id)).toEqual(entities.map((_, i) => `e${i + 1}`));
    const firsts = entities.map((e) => e.mentions[0]!.start);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
  });
});

describe('entitiesStage on awkward input', () => {
  it('returns no entities for text without names', () => {
    expect(analyse('it was raining and nothing happened at all.').entities).toEqual([]);
  });

  it('never lets a mention cross a sentence boundary', () => {
    const text =
      'The talks ended with Kim. Jong-un Park arrived later. Officials met Lee\n\nTeng-hui Chen on Friday.';
    const { doc, entities } = analyse(text);
    const sentences = doc.get('sentences');
    for (const e of entities) {
      for (const m of e.mentions) {
        expect(sentences.some((s) => s.start <= m.start && m.end <= s.end)).toBe(true);
      }
    }
  });

  it('handles Hangul, Cyrillic and ALL-CAPS headlines', () => {
    expect(() =>
      analyse('대한민국 외교부는 금요일 성명을 발표했다. Москва заявила о переговорах.'),
    ).not.toThrow();
    const caps = analyse('NORTH KOREA SENDS TROOPS TO RUSSIA, SOUTH KOREA SAYS').entities;
    expect(caps.map((e) => e.kb)).toEqual(
      expect.arrayContaining(['country:PRK', 'country:RUS', 'country:KOR']),
    );
  });

  it('analyses a 100,000-token document', () => {
    const para =
      'Foreign Minister Jane Doe of Chile met President Omar Said in Cairo, and she said Egypt agreed. ';
    const text = para.repeat(Math.ceil(100_000 / 20));
    const { entities } = analyse(text);
    expect(byName(entities, 'Jane Doe')?.mentions.length).toBeGreaterThan(4000);
  });

  it('rejects bad options with E_OPTIONS', () => {
    expect(() => entitiesStage({ homeCountry: 'XYZ' })).toThrow(/home country/);
    expect(() => entitiesStage({ tagger: 'neural' as never })).toThrow(/tagger/);
  });

  it('uses a plugged-in tagger', () => {
    const text = 'Zorblat Quux visited the city.';
    const { entities } = analyse(text, {
      tagger: (toks) => [{ start: 0, end: 2, type: 'ORG' }].filter(() => toks.length > 2),
    });
    expect(entities).toEqual([expect.objectContaining({ type: 'ORG', name: 'Zorblat Quux' })]);
  });
});

const seedFile = path.join(shared, 'examples/yonhap-2024-11-01-nk-troops-3rd-ld.txt');
const seedGold = path.join(shared, 'eval/gold/seed.json');

describe.skipIf(!existsSync(seedFile) || !existsSync(seedGold))('seed wire story (needs ../shared)', () => {
  // The describe body runs even when skipped, so read the file only when it is there.
  const gold = JSON.parse(existsSync(seedGold) ? readFileSync(seedGold, 'utf8') : '{}') as {
    persons: string[];
    not_persons: string[];
    countries: Record<string, string[]>;
  };
  const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/^the /i, '').toLowerCase();
  for (const tagger of ['rules', 'model'] as const) {
    it(`finds the gold persons, non-persons and country aliases (${tagger} tagger)`, () => {
      const pipeline = createPipeline([repairStage(), sentencesStage(), entitiesStage({ tagger })]);
      const doc = pipeline.run(new Document('seed', readWireText(readFileSync(seedFile, 'utf8'))));
      const ents = doc.get('entities');
      const persons = ents.filter((e) => e.type === 'PERSON');
      for (const p of gold.persons) expect(persons.map((e) => e.name)).toContain(p);
      const personTexts = new Set(
        persons.flatMap((e) => [e.name, ...e.mentions.map((m) => m.text)]).map(norm),
      );
      for (const p of gold.not_persons) expect(personTexts.has(norm(p))).toBe(false);
      let hits = 0;
      let total = 0;
      for (const [code, aliases] of Object.entries(gold.countries)) {
        for (const alias of aliases) {
          total++;
          const ok = ents.some(
            (e) => e.country === code && e.mentions.some((m) => norm(m.text) === norm(alias)),
          );
          if (ok) hits++;
        }
      }
      expect(hits).toBeGreaterThanOrEqual(total - 1);
      const kirby = persons.find((e) => e.name === 'John Kirby')!;
      expect(kirby.role).toBe('National Security Communications Advisor');
      expect(persons.find((e) => e.name === 'Jake Sullivan')).toMatchObject({ country: 'USA' });
      expect(persons.find((e) => e.name === 'Takeo Akiba')).toMatchObject({ country: 'JPN' });
    });
  }
});

const storiesDir = path.join(shared, 'eval/news/te3-silver-geopolitics/txt');

describe.skipIf(!existsSync(storiesDir))('AFP/Xinhua wire stories (needs ../shared)', () => {
  it('analyses every story with exact mention texts inside sentences', () => {
    const pipeline = createPipeline([repairStage(), sentencesStage(), entitiesStage()]);
    const files = readdirSync(storiesDir).filter((f) => f.endsWith('.txt'));
    const names = new Set<string>();
    for (const f of files) {
      const doc = pipeline.run(new Document(f, readWireText(readFileSync(path.join(storiesDir, f), 'utf8'))));
      const text = doc.text;
      const sentences = doc.get('sentences');
      for (const e of doc.get('entities')) {
        if (e.type === 'PERSON') names.add(e.name);
        for (const m of e.mentions) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(sentences.some((s) => s.start <= m.start && m.end <= s.end)).toBe(true);
        }
      }
    }
    expect([...names]).toEqual(expect.arrayContaining(['Lee Teng-hui', 'Kofi Annan']));
  });
});

describe('bodies, publications and countries (model tagger)', () => {
  // Our own sentences, written for these tests (the bodies and papers are invented).
  const model = (text: string) => analyse(text, { tagger: 'model' }).entities;

  it('joins an acronym defined in brackets to the full name, wherever it recurs', () => {
    const ents = model(
      'The Nordic Fisheries Protection Council (NFPC) warned on Monday that cod stocks were falling. ' +
        'NFPC inspectors counted fewer fish, and the NFPC said quotas should be cut.',
    );
    const body = byName(ents, 'Nordic Fisheries Protection Council');
    expect(body).toMatchObject({ type: 'ORG' });
    expect(texts(body)).toEqual(['Nordic Fisheries Protection Council', 'NFPC', 'NFPC', 'NFPC']);
    expect(ents.filter((e) => e.name === 'NFPC')).toEqual([]);
  });

  it('makes a name that reports a publication, and keeps it one where it stands alone', () => {
    const ents = model(
      'The business daily Vestrabladet reported that the ministry would act. ' +
        'Vestrabladet said the cut could reach a third. Dagsposten reported that fishermen planned a protest, ' +
        'according to Dagsposten.',
    );
    expect(ents.filter((e) => e.type === 'PERSON')).toEqual([]);
    expect(texts(byName(ents, 'Vestrabladet'))).toEqual(['Vestrabladet', 'Vestrabladet']);
    expect(ents.filter((e) => e.name === 'Dagsposten').map((e) => e.type)).toEqual(['ORG']);
  });

  it('gives a person the country before a title with a body in it, or before a noun for what they are', () => {
    const ents = model(
      "Britain's UN Ambassador Owen Carrick urged restraint on Monday. Chinese astronaut Zhou Minghao returned home.",
    );
    expect(byName(ents, 'Owen Carrick')).toMatchObject({ country: 'GBR', role: 'Ambassador' });
    expect(byName(ents, 'Zhou Minghao')).toMatchObject({ country: 'CHN' });
  });
});
