import { DOUBLE_L_VARIANTS, IRREGULAR_VERBS } from './data/irregular-verbs.js';

/** The inflected forms of an English verb. */
export interface VerbForms {
  lemma: string;
  /** Third person singular present ("says"). */
  s: string;
  /** Simple past ("said"). */
  past: string;
  /** Past participle ("said", "written"). */
  participle: string;
  /** Present participle ("saying"). */
  ing: string;
}

const VOWEL_GROUPS = /[aeiou]+/g;

/** One-syllable consonant-vowel-consonant stems double their last consonant ("quip" → "quipped"). */
function doublesFinal(lemma: string): boolean {
  const core = lemma.replace(/^qu/, 'q');
  if ((core.match(VOWEL_GROUPS) ?? []).length !== 1) return false;
  return /[^aeiou][aeiou][bcdfgklmnprstvz]$/.test(core) || /^[aeiou][bcdfgklmnprstvz]$/.test(core);
}

/**
 * Inflects an English verb lemma (lower case; a phrasal verb inflects its first word: "point out" →
 * "points out"). Irregular verbs and spelling exceptions come from the data table; everything else follows the
 * regular spelling rules (sibilant + es, consonant + y → ies/ied, silent e dropped before -ing, one-syllable
 * CVC stems doubled). Why one function: the quotes lexicon generated "regreted" and "quiped" from its own
 * copy of these rules, so "regretted" and "quipped" were never cues.
 */
export function inflect(lemma: string): VerbForms {
  const space = lemma.indexOf(' ');
  if (space > 0) {
    const head = inflect(lemma.slice(0, space));
    const rest = lemma.slice(space);
    return {
      lemma,
      s: head.s + rest,
      past: head.past + rest,
      participle: head.participle + rest,
      ing: head.ing + rest,
    };
  }
  const irr = IRREGULAR_VERBS[lemma];
  if (irr) return { lemma, s: irr[0], past: irr[1], participle: irr[2], ing: irr[3] };
  let s: string;
  if (/(?:s|sh|ch|x|z|[^aeiou]o)$/.test(lemma)) s = `${lemma}es`;
  else if (/[^aeiou]y$/.test(lemma)) s = `${lemma.slice(0, -1)}ies`;
  else s = `${lemma}s`;
  let past: string;
  let ing: string;
  if (lemma.endsWith('ie')) {
    past = `${lemma}d`;
    ing = `${lemma.slice(0, -2)}ying`;
  } else if (lemma.endsWith('e')) {
    past = `${lemma}d`;
    ing = /(?:ee|ye|oe)$/.test(lemma) ? `${lemma}ing` : `${lemma.slice(0, -1)}ing`;
  } else if (/[^aeiou]y$/.test(lemma)) {
    past = `${lemma.slice(0, -1)}ied`;
    ing = `${lemma}ing`;
  } else if (doublesFinal(lemma)) {
    const last = lemma.at(-1)!;
    past = `${lemma}${last}ed`;
    ing = `${lemma}${last}ing`;
  } else {
    past = `${lemma}ed`;
    ing = `${lemma}ing`;
  }
  return { lemma, s, past, participle: past, ing };
}

/**
 * Every distinct form of a verb, lemma first, including both spellings of verbs whose final -l doubles only
 * in British English ("signalled", "signaled").
 */
export function verbForms(lemma: string): string[] {
  const f = inflect(lemma);
  const out = [f.lemma, f.s, f.past, f.participle, f.ing];
  if (DOUBLE_L_VARIANTS.has(lemma)) out.push(`${lemma}ed`, `${lemma}ing`);
  return [...new Set(out)];
}

/** Which grammatical slot a verb form fills. */
export type VerbFormKind = 'lemma' | 's' | 'past' | 'participle' | 'ing';

/**
 * Maps every form of the given lemmas to its lemma and the slots it fills (a form may fill several: "said"
 * is past and participle). Built once by each lexicon at load time.
 */
export function formIndex(lemmas: Iterable<string>): Map<string, { lemma: string; kinds: VerbFormKind[] }> {
  const out = new Map<string, { lemma: string; kinds: VerbFormKind[] }>();
  for (const lemma of lemmas) {
    const f = inflect(lemma);
    const slots: [VerbFormKind, string][] = [
      ['lemma', f.lemma],
      ['s', f.s],
      ['past', f.past],
      ['participle', f.participle],
      ['ing', f.ing],
    ];
    if (DOUBLE_L_VARIANTS.has(lemma))
      slots.push(['past', `${lemma}ed`], ['participle', `${lemma}ed`], ['ing', `${lemma}ing`]);
    for (const [kind, form] of slots) {
      const cur = out.get(form);
      if (!cur) out.set(form, { lemma, kinds: [kind] });
      else if (cur.lemma === lemma && !cur.kinds.includes(kind)) cur.kinds.push(kind);
    }
  }
  return out;
}

let irregularBack: Map<string, string> | null = null;

/**
 * Lemma candidates of a stem left by removing -ed/-ing, most likely first: a doubled final consonant
 * undoubled (plann → plan; not ll/ss/ff/zz: call, pass), a silent e restored where English spelling needs
 * one (a stem ending in v, c, g, u or a consonant + s; a one-syllable vowel-consonant stem: hop → hope,
 * stat → state), else the stem itself.
 */
function stemCandidates(stem: string): string[] {
  if (/([^aeioulsfz])\1$/.test(stem)) return [stem.slice(0, -1), stem];
  const core = stem.replace(/^qu/, 'q');
  const oneSyllable = (core.match(VOWEL_GROUPS) ?? []).length === 1;
  if (
    /(?:[vcu]|[^aeioudg]g|dg|[^aeious]s|[aeiou]{2}s)$/.test(stem) ||
    (oneSyllable && /(?:^|[^aeiou])[aeiou][^aeiouwxy]$/.test(core))
  ) {
    return [`${stem}e`, stem];
  }
  return [stem, `${stem}e`];
}

/**
 * The lemma candidates of a verb form, most likely first: an irregular form's lemma, then the regular
 * undoings (-ies → -y, -ed → -e / ∅ / undoubled, -ing → -e / ∅ / undoubled). `known`, when given, picks the
 * first candidate it accepts (a lexicon's lemma set); without it the first candidate is returned.
 */
export function verbLemma(form: string, known?: (lemma: string) => boolean): string {
  const w = form.toLowerCase();
  if (!irregularBack) {
    irregularBack = new Map();
    for (const [lemma, forms] of Object.entries(IRREGULAR_VERBS)) {
      for (const f of forms) if (!irregularBack.has(f)) irregularBack.set(f, lemma);
    }
  }
  const cands: string[] = [];
  const irr = irregularBack.get(w);
  if (irr) cands.push(irr);
  const rules: [RegExp, (m: RegExpMatchArray) => string[]][] = [
    [/^(.+)ie[ds]$/, (m) => [`${m[1]}y`]],
    [/^(.+)ying$/, (m) => [`${m[1]}ie`, `${m[1]}y`]],
    [/^(.{2,}?)(?:ed|ing)$/, (m) => stemCandidates(m[1]!)],
    [/^(.+(?:ss|sh|ch|x|zz|[^aeiou]o))es$/, (m) => [m[1]!, `${m[1]}e`]],
    [/^(.+[^s])es$/, (m) => [`${m[1]}e`, m[1]!]],
    [/^(.+[^s])s$/, (m) => [m[1]!]],
  ];
  for (const [re, undo] of rules) {
    const m = w.match(re);
    if (m) {
      cands.push(...undo(m));
      break;
    }
  }
  cands.push(w);
  if (known) {
    for (const c of cands) if (known(c) && verbForms(c).includes(w)) return c;
    for (const c of cands) if (known(c)) return c;
  }
  return cands[0]!;
}
