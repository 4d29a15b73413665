import type { PloverType } from '../../core/types.js';
import { TRIGGER_LEXICON_TEXT } from './data/trigger-lexicon.js';

/**
 * The trigger lexicon of the token rules: its text (data, `data/trigger-lexicon.ts`) compiled to entries that
 * map trigger words and phrases to a CAMEO code and, through the CAMEO root, to a PLOVER category.
 */

/** One compiled lexicon entry. */
export interface LexEntry {
  /** Rule name for provenance (`lex:<cameo>:<first form>`). */
  rule: string;
  cameo: string | null;
  type: PloverType;
  mode: string | null;
  noun: boolean;
  /** Base forms of the line's words ("fight", "clash", "battle"), for the clause lexicon. */
  lemmas: string[];
  /** Word sequences of noun triggers; for verbs, single forms. */
  forms: string[][];
  obj: ReadonlySet<string> | null;
  next: ReadonlySet<string> | null;
  gov: 'agree' | 'threaten' | 'reject' | 'demand' | null;
  military: boolean;
  /** Needs a "to"/"that"/"for" complement in the clause. */
  comp: boolean;
  /** Needs a target or a military word nearby. */
  arg: boolean;
  /** Needs a direct object right after the verb. */
  dobj: boolean;
  /** Needs a must/should/have-to clause after the verb. */
  modal: boolean;
  /** An adjective of attitude ("disappointed with"): never passive. */
  state: boolean;
  /** A forecast clause after it is no event ("warned that … could"). */
  noForecast: boolean;
  /** Only a negated use is an event. */
  negOnly: boolean;
  /** The target stands between the verb and its object noun. */
  between: boolean;
  /** The object is a topic; the target is a "with" party. */
  topic: boolean;
  /** The demand read off a must/should clause after a reporting verb (not a lexicon line). */
  mustClause: boolean;
}

/** PLOVER category of a CAMEO code (by root; 08 splits into CONCEDE 080–083 and RETREAT 084–087). */
export function cameoToPlover(cameo: string): PloverType | null {
  const root = cameo.slice(0, 2);
  switch (root) {
    case '02':
      return 'DEMAND';
    case '03':
      return 'AGREE';
    case '04':
      return 'CONSULT';
    case '05':
      return 'SUPPORT';
    case '06':
      return 'COOPERATE';
    case '07':
      return 'AID';
    case '08':
      return Number(cameo.slice(0, 3)) >= 84 ? 'RETREAT' : 'CONCEDE';
    case '09':
      return 'INVESTIGATE';
    case '10':
      return 'DEMAND';
    case '11':
      return 'DISAPPROVE';
    case '12':
      return 'REJECT';
    case '13':
      return 'THREATEN';
    case '14':
      return 'PROTEST';
    case '15':
      return 'MOBILIZE';
    case '16':
      return 'SANCTION';
    case '17':
      return 'COERCE';
    case '18':
    case '20':
      return 'ASSAULT';
    case '19':
      // 191 (blockade) and 192 (occupation) are coercion in the PLOVER translation table
      return cameo.startsWith('191') || cameo.startsWith('192') ? 'COERCE' : 'FIGHT';
    default:
      return null;
  }
}

const DOUBLE_OK = /[bdgklmnprt]$/;

/** Inflected forms of a lemma spec (`condemn`, `ban+`, `hold/held`, `give/gave/given`). */
export function inflect(spec: string): string[] {
  const [lemma0, past, participle] = spec.split('/');
  let lemma = lemma0!;
  const dbl = lemma.endsWith('+');
  if (dbl) lemma = lemma.slice(0, -1);
  const forms = new Set<string>([lemma]);
  // third person
  if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ies`);
  else if (/(s|sh|ch|x|z)$/.test(lemma)) forms.add(`${lemma}es`);
  else forms.add(`${lemma}s`);
  // past and -ing
  const stem = dbl && DOUBLE_OK.test(lemma) ? lemma + lemma.slice(-1) : lemma;
  if (past) forms.add(past);
  if (participle) forms.add(participle);
  if (!past) {
    if (lemma.endsWith('e')) forms.add(`${lemma}d`);
    else if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ied`);
    else forms.add(`${stem}ed`);
  }
  if (lemma.endsWith('ie')) forms.add(`${lemma.slice(0, -2)}ying`);
  else if (lemma.endsWith('e') && !lemma.endsWith('ee')) forms.add(`${lemma.slice(0, -1)}ing`);
  else forms.add(`${stem}ing`);
  return [...forms];
}

/** Compiles the lexicon text. Exported for tests; the stage uses the cached `LEXICON`. */
export function compileLexicon(text: string = TRIGGER_LEXICON_TEXT): LexEntry[] {
  const out: LexEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [formsPart, cameoPart, modePart, consPart] = line.split('|').map((x) => x.trim());
    const cons = (consPart ?? '-').split(/\s+/);
    const noun = cons.includes('noun');
    const cameo = cameoPart === 'crime' ? null : cameoPart!;
    const type: PloverType | null = cameo === null ? 'CRIME' : cameoToPlover(cameo);
    if (!type) throw new Error(`lexicon: no PLOVER type for '${line}'`);
    const specs = formsPart!.split(/\s+/);
    const forms = noun
      ? specs.map((s) => s.split('_'))
      : specs.flatMap((s) => (s.startsWith('=') ? [s.slice(1)] : inflect(s))).map((f) => [f]);
    const get = (k: string) => cons.find((c) => c.startsWith(`${k}=`))?.slice(k.length + 1) ?? null;
    const obj = get('obj');
    const next = get('next');
    const gov = get('gov') as LexEntry['gov'];
    out.push({
      rule: `lex:${cameoPart}:${specs[0]!.replace(/^=/, '')}`,
      cameo,
      type,
      mode: modePart && modePart !== '-' ? modePart : null,
      noun,
      lemmas: specs.map((s) => s.replace(/^=/, '').split('/')[0]!.replace(/\+$/, '')),
      forms,
      obj: obj ? new Set(obj.split(',')) : null,
      next: next ? new Set(next.split(',')) : null,
      gov,
      military: cons.includes('military'),
      comp: cons.includes('comp'),
      arg: cons.includes('arg'),
      dobj: cons.includes('dobj'),
      modal: cons.includes('modal'),
      state: cons.includes('state'),
      noForecast: cons.includes('noforecast'),
      negOnly: cons.includes('negonly'),
      between: cons.includes('between'),
      topic: cons.includes('topic'),
      mustClause: false,
    });
  }
  return out;
}

/** Entries indexed by the first word of each form; constrained entries come first. */
export interface LexiconIndex {
  byWord: Map<string, LexEntry[]>;
  /** All inflected forms that are past tense or participles (for the date-defaulting rule). */
  past: Set<string>;
}

function buildIndex(entries: LexEntry[]): LexiconIndex {
  const byWord = new Map<string, LexEntry[]>();
  const past = new Set<string>();
  for (const e of entries) {
    for (const f of e.forms) {
      const w = f[0]!;
      let list = byWord.get(w);
      if (!list) {
        list = [];
        byWord.set(w, list);
      }
      if (!list.includes(e)) list.push(e);
      if (
        !e.noun &&
        (/ed$/.test(w) ||
          /^(held|met|sent|gave|given|had|spoke|spoken|fought|shot|blew|blown|broke|broken|froze|frozen|began|begun|went|gone|took|taken|forbade|forbidden|stole|stolen|forgave|forgiven|withdrew|withdrawn|retook|retaken|put|set|cut)$/.test(
            w,
          ))
      )
        past.add(w);
    }
  }
  const rank = (e: LexEntry) =>
    e.noun ? (e.forms.some((f) => f.length > 1) ? 0 : 3) : e.obj || e.next ? 1 : 2;
  for (const list of byWord.values()) list.sort((a, b) => rank(a) - rank(b));
  return { byWord, past };
}

/** The compiled lexicon, built once per process. */
export const LEXICON: LexiconIndex = buildIndex(compileLexicon());
