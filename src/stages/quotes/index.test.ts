import { describe, expect, it } from 'vitest';
import type { Entity } from '../../core/types.js';
import { segment } from '../sentences/segment.js';
import { type ExtractedQuote, extractQuotes, quotesStage } from './index.js';

/** Hand-built entities: every occurrence of each alias becomes a mention. */
function ents(text: string, specs: [string, string, string[]][]): Entity[] {
  return specs.map(([type, name, aliases], i) => {
    const mentions = [];
    for (const a of [name, ...aliases]) {
      for (let p = text.indexOf(a); p >= 0; p = text.indexOf(a, p + 1)) {
        mentions.push({ start: p, end: p + a.length, text: a });
      }
    }
    return { id: `e${i + 1}`, type, name, kb: null, country: null, role: null, mentions };
  });
}

function run(text: string, specs: [string, string, string[]][] = []): ExtractedQuote[] {
  return extractQuotes({ text, ...segment(text), entities: ents(text, specs) });
}

const find = (qs: ExtractedQuote[], start: string) => qs.find((q) => q.text.startsWith(start));

describe('direct quotes', () => {
  it('splits a quote around its cue and resolves the pronoun to the previous speaker', () => {
    const t =
      'Foreign Minister Ana Ruiz spoke in Lima on Monday.\n\n' +
      '"We will not wait any longer," she said. "The vote is next week and we are ready."';
    const qs = run(t, [['PERSON', 'Ana Ruiz', ['Ruiz']]]);
    const a = find(qs, 'We will not wait')!;
    const b = find(qs, 'The vote is next week')!;
    expect(a).toMatchObject({ kind: 'direct', speaker: 'e1', speakerName: 'Ana Ruiz' });
    expect(a.cue?.text).toBe('said');
    expect(b.kind).toBe('direct');
    expect(b.speakerName).toBe(a.speakerName);
  });
  it('takes the speaker from a named cue, curly marks, and a line break inside the quote', () => {
    const t = '“The harbour will reopen\nby spring,” Ruiz told reporters in Lima.';
    const q = run(t, [['PERSON', 'Ana Ruiz', ['Ruiz']]])[0]!;
    expect(q).toMatchObject({ kind: 'direct', speaker: 'e1', speakerName: 'Ana Ruiz' });
    expect(q.text.startsWith('The harbour will reopen')).toBe(true);
    expect(q.cue?.text).toBe('told');
  });
  it('continues a quote across paragraphs and inherits the speaker', () => {
    const t =
      '"Our farmers have waited three years for this road," said Mayor Tom Bell.\n\n' +
      '"It will cut the trip to market by half. We expect the first trucks in May.\n\n' +
      '"Nobody here believed it would happen."';
    const qs = run(t, [['PERSON', 'Tom Bell', []]]);
    expect(qs.filter((q) => q.kind === 'direct')).toHaveLength(3);
    expect(qs.every((q) => q.speaker === 'e1')).toBe(true);
    expect(find(qs, 'It will cut the trip')!.end).toBeLessThan(t.indexOf('Nobody'));
  });
  it('resolves "it" to an organisation and a post-posed speaker', () => {
    const t =
      '"The border stays closed," the Interior Ministry said in a statement. "Checks continue," it added.\n\n' +
      '"We are not leaving," said the minister, who arrived on Monday.';
    const qs = run(t, [['ORG', 'Interior Ministry', []]]);
    expect(find(qs, 'Checks continue')).toMatchObject({ speaker: 'e1' });
    expect(find(qs, 'We are not leaving')!.speakerName).toBe('minister');
  });
});

describe('partial and indirect quotes', () => {
  it('attributes a quoted fragment to the speaker of the surrounding report', () => {
    const t = 'The envoy voiced “deep regret” over the clash, Ruiz said.';
    const qs = run(t, [['PERSON', 'Ana Ruiz', ['Ruiz']]]);
    expect(find(qs, 'deep regret')).toMatchObject({ kind: 'partial', speaker: 'e1' });
    expect(find(qs, 'The envoy voiced')).toMatchObject({ kind: 'indirect', speaker: 'e1' });
  });
  it('reads verb-first reports with "that", modifiers and according to', () => {
    const t =
      'Ruiz said via state television that the talks would resume. ' +
      'The port authority warned that fuel was short. ' +
      'Prices will rise in June, according to the central bank.';
    const qs = run(t, [['PERSON', 'Ana Ruiz', ['Ruiz']]]);
    expect(find(qs, 'the talks would resume')).toMatchObject({ kind: 'indirect', speaker: 'e1' });
    expect(find(qs, 'fuel was short')!.speakerName).toBe('port authority');
    expect(find(qs, 'Prices will rise in June')!.cue?.text).toBe('according to');
  });
  it('keeps a nominal speaker phrase when it is not an entity mention', () => {
    const t = 'A senior defence official told a newspaper that the drills would go ahead.';
    const q = find(run(t), 'the drills would go ahead')!;
    expect(q.speaker).toBeNull();
    expect(q.speakerName).toBe('senior defence official');
  });
  it('does not turn names and coined terms into direct speech', () => {
    const t =
      'Rebels calling themselves the "Free Hills" seized the town. The plan, dubbed "Bridge to Peace", stalled.';
    const qs = run(t);
    expect(qs.some((q) => q.kind === 'direct')).toBe(false);
    expect(qs.some((q) => q.text.startsWith('Free Hills') || q.text.startsWith('Bridge to Peace'))).toBe(
      false,
    );
  });
});

describe('attribution patterns', () => {
  it('reads a speaker with an appositive or a relative clause between commas', () => {
    const t =
      'Ana Ruiz, a campaign spokeswoman, said the office was needed. ' +
      'Leo Park, who covered the race for years, said the vote was close.';
    const qs = run(t, [
      ['PERSON', 'Ana Ruiz', []],
      ['PERSON', 'Leo Park', []],
    ]);
    expect(find(qs, 'the office was needed')).toMatchObject({ kind: 'indirect', speaker: 'e1' });
    expect(find(qs, 'the office was needed')!.speakerSpan?.text).toBe('Ana Ruiz, a campaign spokeswoman');
    expect(find(qs, 'the vote was close')).toMatchObject({ speaker: 'e2' });
  });
  it('does not read a clause after an inverted cue as its speaker', () => {
    const qs = run('Ana Ruiz, a spokeswoman, said the plan was dead.', [['PERSON', 'Ana Ruiz', []]]);
    expect(qs.some((q) => q.rule === 'indirect:final-inverted')).toBe(false);
  });
  it('splits two attributions coordinated in one sentence', () => {
    const t =
      'Beck said he would not run, but he said Park could win. The mayor said the bridge was safe, adding that tolls would stay low.';
    const qs = run(t, [['PERSON', 'Beck', ['he']]]);
    expect(find(qs, 'he would not run')!.text).toBe('he would not run');
    expect(find(qs, 'Park could win')).toMatchObject({ speaker: 'e1' });
    expect(find(qs, 'the bridge was safe')!.text).toBe('the bridge was safe');
    expect(find(qs, 'tolls would stay low')!.cue?.text).toBe('adding');
  });
  it('reads stance verbs, a parenthetical cue and two glued apostrophes as quotation marks', () => {
    const t =
      'The senator wants a recount of the ballots. ' +
      'The plan, an aide said, is to hand out leaflets. ' +
      "''The tool is communication,'' said Leo Park. ''Being open matters.''";
    const qs = run(t, [['PERSON', 'Leo Park', []]]);
    expect(find(qs, 'a recount of the ballots')!.speakerName).toBe('senator');
    expect(find(qs, 'The plan, an aide said')).toMatchObject({ kind: 'indirect', speakerName: 'aide' });
    const direct = qs.filter((q) => q.kind === 'direct');
    expect(direct.map((q) => q.text)).toEqual(['The tool is communication', 'Being open matters.']);
    // the rest of a quote split around its cue shares that cue
    expect(direct[1]!.cue?.text).toBe('said');
    expect(direct[1]!.speaker).toBe('e1');
  });
  it('lets a clause-final cue report the whole sentence before a stance verb inside it', () => {
    const t = 'The two sides agreed to make 2025 a “historic year” for ties, the office added.';
    const q = find(run(t), 'historic year')!;
    expect(q.speakerName).toBe('office');
  });
});

describe('robustness', () => {
  it('handles unbalanced, nested, mixed and never-closing marks in a large input', () => {
    const parts = [
      '"This never closes and goes on and on ',
      '“Nested ‘inner’ quote,” he said. ',
      'Mixed “marks" here, said Ruiz. ',
      '” stray closer ’ and ‘ opener ',
      'and a plain sentence. ',
    ];
    let t = '';
    while (t.length < 1_000_000) t += parts.join('') + (t.length % 7 === 0 ? '\n\n' : '');
    const qs = run(t, [['PERSON', 'Ana Ruiz', ['Ruiz']]]);
    expect(Array.isArray(qs)).toBe(true);
    for (const q of qs) {
      expect(q.start).toBeGreaterThanOrEqual(0);
      expect(q.end).toBeLessThanOrEqual(t.length);
      expect(q.text).toBe(t.slice(q.start, q.end));
    }
  });
  it('treats one giant unclosed quote as a single quote and returns nothing for empty input', () => {
    const t = `"${'word '.repeat(50_000)}`;
    const qs = run(t);
    expect(qs.length).toBeLessThanOrEqual(1);
    expect(run('')).toEqual([]);
  });
});

describe('quotesStage', () => {
  it('declares its contract and validates options', () => {
    const s = quotesStage();
    expect(s.requires).toEqual(['text', 'paragraphs', 'sentences', 'tokens', 'entities']);
    expect(s.assigns).toEqual(['quotes']);
    expect(() => quotesStage({ indirect: 'yes' } as never)).toThrow(/invalid option/);
  });
});
