import { describe, expect, it } from 'vitest';
import {
  CLOSE_KIN,
  inflect,
  isSpeechLemma,
  PRONOUNS,
  SPEECH_NOUNS,
  speechVerb,
  union,
  verbForms,
  verbLemma,
} from './index.js';

describe('inflect', () => {
  it('doubles the final consonant of one-syllable verbs and of listed stressed-final verbs', () => {
    expect(inflect('quip').past).toBe('quipped');
    expect(inflect('slam').ing).toBe('slamming');
    expect(inflect('regret').past).toBe('regretted');
    expect(inflect('visit').past).toBe('visited');
  });
  it('follows the -e, -y and sibilant spelling rules', () => {
    expect(inflect('state')).toMatchObject({ s: 'states', past: 'stated', ing: 'stating' });
    expect(inflect('deny')).toMatchObject({ s: 'denies', past: 'denied', ing: 'denying' });
    expect(inflect('push').s).toBe('pushes');
    expect(inflect('agree').ing).toBe('agreeing');
    expect(inflect('tie').ing).toBe('tying');
  });
  it('uses the irregular table and inflects the first word of a phrasal verb', () => {
    expect(inflect('tell').past).toBe('told');
    expect(inflect('write').participle).toBe('written');
    expect(inflect('point out').past).toBe('pointed out');
  });
  it('gives both spellings of verbs whose -l doubles only in British English', () => {
    expect(verbForms('signal')).toEqual(expect.arrayContaining(['signalled', 'signaled']));
  });
});

describe('verbLemma', () => {
  it('undoes regular and irregular inflection', () => {
    const cases: [string, string][] = [
      ['quipped', 'quip'],
      ['said', 'say'],
      ['announced', 'announce'],
      ['added', 'add'],
      ['called', 'call'],
      ['denies', 'deny'],
      ['accuses', 'accuse'],
      ['went', 'go'],
    ];
    for (const [form, lemma] of cases) expect(verbLemma(form)).toBe(lemma);
  });
  it('prefers a candidate the caller knows', () => {
    expect(verbLemma('hoped', (l) => l === 'hop')).toBe('hop');
  });
});

describe('speech verbs', () => {
  it('knows the speech verbs of VerbNet and our reviewed additions, in every form', () => {
    expect(speechVerb('quipped')?.lemma).toBe('quip');
    expect(speechVerb('regretted')?.lemma).toBe('regret');
    expect(speechVerb('muttered')?.groups).toContain('manner');
    expect(speechVerb('told')?.kinds).toEqual(expect.arrayContaining(['past', 'participle']));
  });
  it('leaves out verbs that are not speech', () => {
    for (const w of ['found', 'attacked', 'smiled', 'went']) {
      expect(speechVerb(w, ['report', 'manner', 'cognition', 'urge']), w).toBeUndefined();
    }
    expect(isSpeechLemma('criticize')).toBe(false);
    expect(isSpeechLemma('criticize', ['judgment'])).toBe(true);
  });
  it('lists utterance nouns', () => {
    expect(SPEECH_NOUNS.has('statement')).toBe(true);
    expect(SPEECH_NOUNS.has('attack')).toBe(false);
  });
});

describe('word classes', () => {
  it('gives pronouns their person, number and gender', () => {
    expect(PRONOUNS.get('she')).toMatchObject({ person: 3, number: 'sg', gender: 'f' });
    expect(PRONOUNS.get('they')?.number).toBe('pl');
  });
  it('gives close kin a gender and builds mixes with union', () => {
    expect(CLOSE_KIN.get('sister')).toBe('f');
    expect([...union(['a'], new Set(['b', 'a']))]).toEqual(['a', 'b']);
  });
});
