import { SPEECH_VERB_DATA } from './data/speech-verbs.js';
import { formIndex, type VerbFormKind } from './morphology.js';

/** How a speech verb reports: see `scripts/build-english.ts` for the VerbNet classes behind each group. */
export type SpeechGroup = 'report' | 'manner' | 'cognition' | 'urge' | 'judgment';

/** One generated speech-verb lexicon entry. */
export interface SpeechVerbEntry {
  groups: readonly SpeechGroup[];
  /** VerbNet class ids, or `override` for our reviewed additions. */
  classes: readonly string[];
}

/** Speech-verb lemmas (single words and phrasal "point out") with their groups. */
export const SPEECH_VERBS: ReadonlyMap<string, SpeechVerbEntry> = new Map(Object.entries(SPEECH_VERB_DATA));

let forms: Map<string, { lemma: string; kinds: VerbFormKind[] }> | null = null;

/**
 * The speech-verb lemma of a (lower-case) word form, with the slots it fills, or undefined: "quipped" →
 * quip/past. Groups restrict the answer ("judgment" verbs are stance, not speech, and are usually excluded).
 */
export function speechVerb(
  form: string,
  groups?: readonly SpeechGroup[],
): { lemma: string; kinds: VerbFormKind[]; groups: readonly SpeechGroup[] } | undefined {
  forms ??= formIndex([...SPEECH_VERBS.keys()].filter((l) => !l.includes(' ')));
  const hit = forms.get(form);
  if (!hit) return undefined;
  const entry = SPEECH_VERBS.get(hit.lemma)!;
  if (groups && !entry.groups.some((g) => groups.includes(g))) return undefined;
  return { ...hit, groups: entry.groups };
}

/** True when the lemma is a speech verb of one of the groups (all groups but `judgment` by default). */
export function isSpeechLemma(
  lemma: string,
  groups: readonly SpeechGroup[] = ['report', 'manner', 'cognition', 'urge'],
): boolean {
  const e = SPEECH_VERBS.get(lemma);
  return !!e && e.groups.some((g) => groups.includes(g));
}

/**
 * Nouns that name an utterance and can govern its content ("a statement that …", "the warning came after
 * …" is not one: the noun must govern a clause or a quotation). Used as cues by quotes and as sources by
 * claims.
 */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set([
  'statement',
  'statements',
  'warning',
  'warnings',
  'remark',
  'remarks',
  'comment',
  'comments',
  'announcement',
  'claim',
  'claims',
  'assertion',
  'allegation',
  'allegations',
  'accusation',
  'accusations',
  'denial',
  'message',
  'speech',
  'testimony',
  'declaration',
  'pledge',
  'promise',
  'vow',
  'threat',
  'appeal',
  'plea',
  'admission',
  'confession',
  'insistence',
  'assurance',
  'assurances',
  'communique',
  'communiqué',
  'tweet',
  'post',
]);
