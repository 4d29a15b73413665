import { AttributionFinder } from '../../core/attribution.js';
import { buildDocIndex, type DocIndex } from '../../core/doc-index.js';
import type { Document } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { defineStage, type Stage } from '../../core/stage.js';
import type { Claim, Qualifier } from '../../core/types.js';
import { DEMONSTRATIVES, POSSESSIVE_DETERMINERS, union } from '../../knowledge/english/index.js';
import * as WORDS from './data/claim-words.js';
import { namesIn, parseDigits, readNumberWords, SCALES, VAGUE, wordValue } from './numbers.js';
import { refineClaims } from './refine.js';

/** Options of the claims stage. */
export interface ClaimsOptions {
  /** Drop claims whose value (or low bound) is below this; 0 keeps all. */
  minValue?: number;
}

const MONTHS: ReadonlySet<string> = new Set(WORDS.MONTHS);
/** Words before a number that make it a label, not a quantity ("Resolution 1718", "Flight 17"). */
const LABEL_WORDS: ReadonlySet<string> = new Set(WORDS.LABEL_WORDS);
/** Definite, demonstrative, possessive and distributive determiners ("the three", "their 12", "each 5"). */
const DETERMINERS = union(['the', 'both', 'each', 'every'], DEMONSTRATIVES, POSSESSIVE_DETERMINERS);
const TIME_UNITS: ReadonlySet<string> = new Set(WORDS.TIME_UNITS);
/** Words that end the unit noun phrase after a number. */
const NP_STOP: ReadonlySet<string> = new Set(WORDS.NP_STOP);
/** Frequent verbs that follow a counted noun ("troops remain", "people fled"). */
const VERBISH: ReadonlySet<string> = new Set(WORDS.VERBISH);
/** Heads that measure something else ("700 kg of medicine", "$50,000 worth of goods"). */
const MEASURES: ReadonlySet<string> = new Set(WORDS.MEASURES);
const MONEY_WORDS: ReadonlySet<string> = new Set(WORDS.MONEY_WORDS);
const CURRENCY: Record<string, string> = {
  $: 'dollars',
  us$: 'dollars',
  '€': 'euros',
  '£': 'pounds',
  '¥': 'yen',
};
/** The names `name in CURRENCY` and `name in VAGUE` hold for (see `namesIn`), asked for every token. */
const CURRENCY_IN = namesIn(CURRENCY);
const VAGUE_IN = namesIn(VAGUE);

interface NumRead {
  /** First and one-past-last token of the number itself. */
  start: number;
  end: number;
  value: number | null;
  low: number | null;
  vague: boolean;
  unit: string | null;
  /** A number glued to a word: "5,000-strong" (a strength), "15-member" (a count), "one-billion-dollar". */
  compound?: 'strong' | 'count' | 'money';
}

const COMPOUND_COUNTS = new Set(['member', 'nation', 'seat', 'man', 'party', 'country', 'vessel', 'ship']);
const COMPOUND_MONEY: Readonly<Record<string, string>> = {
  dollar: 'dollars',
  euro: 'euros',
  pound: 'pounds',
  yen: 'yen',
  yuan: 'yuan',
};

/**
 * A number glued by hyphens to the word it measures, as one token: "650,000-strong", "10-member",
 * "one-billion-dollar", "1.2-billion-dollar". Durations ("four-day visit") and other compounds are null.
 */
function compoundNumber(
  l: string,
): { value: number; kind: 'strong' | 'count' | 'money'; unit: string | null } | null {
  const cut = l.lastIndexOf('-');
  if (cut <= 0) return null;
  const suffix = l.slice(cut + 1);
  const kind =
    suffix === 'strong'
      ? 'strong'
      : COMPOUND_COUNTS.has(suffix)
        ? 'count'
        : suffix in COMPOUND_MONEY
          ? 'money'
          : null;
  if (!kind) return null;
  const parts = l.slice(0, cut).split('-');
  let value: number | null = null;
  if (isDigitStart(parts[0]!)) {
    value = parseDigits(parts[0]!);
    if (value !== null && parts.length === 2 && parts[1]! in SCALES)
      value = scaled(value, SCALES[parts[1]!]!);
    else if (parts.length > 1) value = null;
  } else {
    const r = readNumberWords(parts);
    value = r && r.used === parts.length ? r.value : null;
  }
  if (value === null) return null;
  return { value, kind, unit: kind === 'count' ? suffix : kind === 'money' ? COMPOUND_MONEY[suffix]! : null };
}

/** value × scale without binary noise ("8.2 million" is 8200000, not 8199999.999999999). */
function scaled(value: number, scale: number): number {
  return Number((value * scale).toPrecision(15));
}

/** The claims stage: quantitative statements with qualifier, unit, subject, source and time. */
export function claimsStage(options: ClaimsOptions = {}): Stage<ClaimsOptions> {
  if (options.minValue !== undefined && !(options.minValue >= 0)) {
    throw new NewsintelError('E_OPTIONS', 'claims: minValue must be a non-negative number');
  }
  return defineStage({
    name: 'claims',
    requires: ['text', 'sentences', 'tokens', 'entities', 'quotes', 'times'],
    assigns: ['claims'],
    options,
    run(doc: Document) {
      const claims = extractClaims(doc, options);
      // figures that are no claims; the name-number check reads the parse when the syntax layer is there
      return {
        claims: refineClaims(
          claims,
          doc.text,
          doc.has('syntax') ? doc.get('syntax') : null,
          doc.get('entities'),
        ),
      };
    },
  });
}

/** Extracts claims from a document that has at least text, sentences and tokens (other layers optional). */
export function extractClaims(doc: Document, options: ClaimsOptions = {}): Claim[] {
  const ix = buildDocIndex(doc);
  const attr = new AttributionFinder(ix);
  const out: Claim[] = [];
  for (let s = 0; s < ix.sentStart.length; s++) {
    const lo = ix.sentStart[s]!;
    const hi = ix.sentEnd[s]!;
    let i = lo;
    while (i < hi) {
      const c = claimAt(ix, attr, i, lo, hi, out.length + 1);
      if (c) {
        if (c.claim && !(options.minValue && (c.claim.value ?? c.claim.low ?? 0) < options.minValue))
          out.push(c.claim);
        i = Math.max(c.next, i + 1);
      } else i++;
    }
  }
  return out;
}

function isDigitStart(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Joins contiguous digit/separator tokens ("10" "," "000" from a coarse tokenizer) into one string. */
function readDigitString(ix: DocIndex, i: number, hi: number): { str: string; end: number } {
  let str = ix.tokens[i]!.text;
  let j = i + 1;
  while (
    j + 1 < hi &&
    (ix.low[j] === ',' || ix.low[j] === '.') &&
    ix.tokens[j]!.start === ix.tokens[j - 1]!.end &&
    ix.tokens[j + 1]!.start === ix.tokens[j]!.end &&
    /^\d+$/.test(ix.tokens[j + 1]!.text)
  ) {
    str += ix.tokens[j]!.text + ix.tokens[j + 1]!.text;
    j += 2;
  }
  // "165, 000 hectares": a stray space after a thousands comma; a group of three digits starting with 0 is
  // never a count of its own
  if (
    j + 1 < hi &&
    ix.low[j] === ',' &&
    ix.tokens[j]!.start === ix.tokens[j - 1]!.end &&
    ix.tokens[j + 1]!.start === ix.tokens[j]!.end + 1 &&
    /^0\d\d$/.test(ix.tokens[j + 1]!.text) &&
    /^\d{1,3}(?:,\d{3})*$/.test(str)
  ) {
    str += `,${ix.tokens[j + 1]!.text}`;
    j += 2;
  }
  return { str, end: j };
}

/** Reads a number (digits, words or vague plural) at token i. */
function readNumber(ix: DocIndex, i: number, hi: number): NumRead | null {
  const t = ix.tokens[i]!.text;
  const l = ix.low[i]!;
  let unit: string | null = null;
  const start = i;
  if (CURRENCY_IN.has(l) && i + 1 < hi && isDigitStart(ix.tokens[i + 1]!.text)) {
    unit = CURRENCY[l]!;
    i++;
  }
  if (start === i && l.includes('-')) {
    const c = compoundNumber(l);
    if (c)
      return { start, end: i + 1, value: c.value, low: null, vague: false, unit: c.unit, compound: c.kind };
  }
  if (isDigitStart(ix.tokens[i]!.text)) {
    // a digit run glued to letters before it ("G20" split by a coarse tokenizer) is a name
    if (i > 0 && ix.tokens[i - 1]!.end === ix.tokens[i]!.start && /\p{L}$/u.test(ix.tokens[i - 1]!.text))
      return null;
    const { str, end } = readDigitString(ix, i, hi);
    if (
      end < hi &&
      ix.tokens[end]!.start === ix.tokens[end - 1]!.end &&
      /^[\p{L}\d]/u.test(ix.tokens[end]!.text)
    ) {
      return null; // "60th", "10am" split by a coarse tokenizer
    }
    if (
      end < hi &&
      ix.tokens[end]!.start === ix.tokens[end - 1]!.end &&
      /^[,.]\d/.test(ix.text.slice(ix.tokens[end]!.start, ix.tokens[end]!.start + 2))
    ) {
      return null; // a malformed list such as "1,2,3"
    }
    let value = parseDigits(str);
    if (value === null) return null;
    // "650,000" "-" "strong" from a tokenizer that splits hyphens
    if (
      start === i &&
      ix.low[end] === '-' &&
      end + 1 < hi &&
      ix.tokens[end]!.start === ix.tokens[end - 1]!.end &&
      ix.tokens[end + 1]!.start === ix.tokens[end]!.end
    ) {
      const c = compoundNumber(`${str}-${ix.low[end + 1]}`);
      if (c)
        return {
          start,
          end: end + 2,
          value: c.value,
          low: null,
          vague: false,
          unit: c.unit,
          compound: c.kind,
        };
    }
    let j = end;
    // "a 22 billion-dollar project": the scale and the currency glued after a spaced number
    const glued = j < hi ? /^([a-z]+)-([a-z]+)$/.exec(ix.low[j]!) : null;
    if (glued && glued[1]! in SCALES && glued[1] !== 'hundred' && glued[2]! in COMPOUND_MONEY) {
      return {
        start,
        end: j + 1,
        value: scaled(value, SCALES[glued[1]!]!),
        low: null,
        vague: false,
        unit: COMPOUND_MONEY[glued[2]!]!,
        compound: 'money',
      };
    }
    if (j < hi && ix.low[j] === '%') {
      unit = 'percent';
      j++;
    } else if (j < hi && ix.low[j]! in SCALES) {
      value = scaled(value, SCALES[ix.low[j]!]!);
      j++;
    }
    return { start, end: j, value, low: null, vague: false, unit };
  }
  if (start !== i) return null;
  // "a dozen", "a hundred", "a million"
  if ((l === 'a' || l === 'an') && i + 1 < hi) {
    const n = ix.low[i + 1]!;
    if (n === 'dozen' || n in SCALES) {
      const r =
        n === 'dozen'
          ? { value: 12, used: 1 }
          : readNumberWords(['one', ...ix.low.slice(i + 1, Math.min(hi, i + 8))]);
      if (!r) return null;
      return { start: i, end: i + 1 + r.used, value: r.value, low: null, vague: false, unit: null };
    }
    return null;
  }
  // "tens of thousands", "hundreds of thousands", "thousands of"
  if ((l === 'tens' || VAGUE_IN.has(l)) && ix.low[i + 1] === 'of') {
    let scale = l === 'tens' ? 10 : VAGUE[l]!;
    let j = i + 2;
    const next = ix.low[j];
    if (next !== undefined && j < hi && VAGUE_IN.has(next) && ix.low[j + 1] === 'of') {
      scale *= VAGUE[next]!;
      j += 2;
    } else if (l === 'tens') return null;
    return { start: i, end: j, value: null, low: 2 * scale, vague: true, unit: null };
  }
  if (wordValue(t) !== null) {
    const r = readNumberWords(ix.low.slice(i, Math.min(hi, i + 8)));
    if (!r) return null;
    return { start: i, end: i + r.used, value: r.value, low: null, vague: false, unit: null };
  }
  return null;
}

/** True when a number at [start, end) is a date, year, age, time, label or duration rather than a quantity. */
function isExcluded(ix: DocIndex, n: NumRead, lo: number, hi: number, spelled: boolean): boolean {
  for (let k = n.start; k < n.end; k++) if (ix.timeAt[k]! >= 0) return true;
  const prev = n.start > lo ? ix.low[n.start - 1]! : '';
  const next = n.end < hi ? ix.low[n.end]! : '';
  if (MONTHS.has(prev) || MONTHS.has(next)) return true;
  if (LABEL_WORDS.has(prev)) return true;
  if (prev === 'aged' || prev === 'age' || prev === 'turned' || prev === 'turns') return true;
  // "would have been 85 on April 15": an age with nothing counted after it
  if (
    prev === 'been' &&
    ix.low[n.start - 2] === 'have' &&
    (n.end >= hi || NP_STOP.has(next) || !/^\p{L}/u.test(next))
  )
    return true;
  if (/^-?years?-old$|^year-old$/.test(next) || (TIME_UNITS.has(next) && next !== 'second')) return true;
  if (next === 'years' && ix.low[n.end + 1] === 'old') return true;
  if (next === ':' || prev === ':' || next === 'percentile') return true;
  if (n.value !== null && !n.vague) {
    const raw = ix.tokens[n.start]!.text;
    // bare four-digit years
    if (/^\d{4}$/.test(raw) && n.value >= 1800 && n.value <= 2100 && n.end === n.start + 1) return true;
    // ", 61," after a name is an age
    if (prev === ',' && next === ',' && n.value < 120 && Number.isInteger(n.value)) return true;
    if (spelled && n.value === 1) return true; // "one of", "one side": a pronoun or determiner
  }
  // "the two sides" is a determiner phrase; "the 47,000 US troops" is a figure; "the 15-member council" a name
  // ("the 650,000-strong military" is a figure: a strength)
  if (DETERMINERS.has(prev) && (spelled || next === '-' || n.compound === 'count') && n.compound !== 'strong')
    return true;
  // "August 6 and 9, 1945": a day of a date list
  if (next === ',' && /^\d{4}$/.test(ix.low[n.end + 1] ?? '') && n.value !== null && n.value <= 31)
    return true;
  // "aged 27 and 24": the second of two ages
  if ((prev === 'and' || prev === 'or') && /^\d+$/.test(ix.low[n.start - 2] ?? '')) {
    const p3 = ix.low[n.start - 3] ?? '';
    if (p3 === 'aged' || p3 === 'age' || p3 === 'ages') return true;
  }
  // phone-like runs: digits joined by hyphens or spaces into three or more groups
  if (next === '-' && n.end + 1 < hi && isDigitStart(ix.tokens[n.end + 1]!.text)) {
    const after = n.end + 2 < hi ? ix.low[n.end + 2] : '';
    if (after === '-') return true;
  }
  return false;
}

function hedgeBefore(ix: DocIndex, i: number, lo: number): { qualifier: Qualifier; start: number } | null {
  for (const [words, q] of WORDS.HEDGES) {
    const s = i - words.length;
    if (s < lo) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) if (ix.low[s + k] !== words[k]) ok = false;
    if (ok) return { qualifier: q, start: s };
  }
  return null;
}

function isWordToken(ix: DocIndex, i: number): boolean {
  return /^\p{L}/u.test(ix.tokens[i]!.text);
}

/** True when the "-ing"/"-ed" word at j is followed by a plain lower-case noun it modifies ("fishing ships"). */
function modifiesNext(ix: DocIndex, j: number, hi: number): boolean {
  const n = j + 1;
  if (n >= hi || !isWordToken(ix, n)) return false;
  const l = ix.low[n]!;
  return (
    /^\p{Ll}/u.test(ix.tokens[n]!.text) &&
    !NP_STOP.has(l) &&
    !VERBISH.has(l) &&
    !/ly$/.test(l) &&
    !/[^e]ed$|ing$/.test(l) &&
    (n + 1 >= hi || !isWordToken(ix, n + 1) || NP_STOP.has(ix.low[n + 1]!) || /s$/.test(l))
  );
}

/** The noun phrase after a number: [start, end) with its head as unit. */
function unitPhrase(ix: DocIndex, i: number, hi: number): [number, number] | null {
  let j = i;
  // "two million fled": a verb right after the number counts nothing
  if (i < hi && VERBISH.has(ix.low[i]!)) return null;
  while (j < hi && j - i < 5 && isWordToken(ix, j) && !NP_STOP.has(ix.low[j]!) && !/ly$/.test(ix.low[j]!)) {
    // after the first word, a past-tense or common verb ends the phrase ("people fled", "soldiers died"),
    // unless it modifies a noun after it ("40 large fishing ships", "displaced people")
    const l = ix.low[j]!;
    if (j > i && VERBISH.has(l)) break;
    // "2,000 children aged two to 15": another number, or the word that brings an age, ends the phrase
    if (j > i && (wordValue(l) !== null || l === 'aged')) break;
    // "150 Airbus planes worth 10 billion dollars": "worth" after the counted noun starts a new phrase
    if (j > i && l === 'worth') break;
    // "10 percent every year": a percentage is complete in itself
    if (j > i && /^(?:percent|pct)$/.test(ix.low[i]!)) break;
    // "six major powers resumed talks": a past form after a plural noun is its verb
    if (j > i && /[^e]ed$/.test(l) && /[^s]s$/.test(ix.low[j - 1]!)) break;
    if ((j > i || /[^e]ed$/.test(l)) && /[^e]ed$|ing$/.test(l) && !modifiesNext(ix, j, hi)) {
      if (j > i) break;
    }
    j++;
  }
  // a verb-looking last word ("troops moved") is cut when a longer phrase exists
  return j > i ? [i, j] : null;
}

/**
 * Where a range that goes on from an excluded number ends ("aged two to 15", "from 1990 to 1995"): its second
 * number is excluded with the first, never read as a figure of its own.
 */
function rangeEnd(ix: DocIndex, end: number, hi: number): number {
  const sep = end < hi ? ix.low[end]! : '';
  if (!['to', 'and', 'or', '-', '\u2013'].includes(sep) || end + 1 >= hi) return end;
  const m = readNumber(ix, end + 1, hi);
  return m && !m.vague && m.unit === null ? m.end : end;
}

function claimAt(
  ix: DocIndex,
  attr: AttributionFinder,
  i: number,
  lo: number,
  hi: number,
  nextId: number,
): { claim: Claim | null; next: number } | null {
  const spelled = !isDigitStart(ix.tokens[i]!.text) && !CURRENCY_IN.has(ix.low[i]!);
  const n = readNumber(ix, i, hi);
  if (!n) return null;
  if (isExcluded(ix, n, lo, hi, spelled)) return { claim: null, next: rangeEnd(ix, n.end, hi) };
  let qualifier: Qualifier = n.vague ? 'approx' : 'exact';
  let start = n.start;
  let low = n.low;
  let high: number | null = null;
  let value = n.value;
  let end = n.end;
  const hedge = hedgeBefore(ix, n.start, lo);
  // ranges: "between 2,000 and 3,000", "2,000 to 3,000", "six or seven", "from 5 to 10"
  const sep = end < hi ? ix.low[end]! : '';
  const between = ix.low[n.start - 1] === 'between' && n.start - 1 >= lo;
  if (
    (sep === 'to' || sep === 'or' || sep === '-' || sep === '\u2013' || (sep === 'and' && between)) &&
    end + 1 < hi
  ) {
    const m = readNumber(ix, end + 1, hi);
    if (
      m &&
      !m.vague &&
      m.value !== null &&
      value !== null &&
      m.value > value &&
      (sep !== 'or' || spelled === !isDigitStart(ix.tokens[end + 1]!.text))
    ) {
      low = value;
      high = m.value;
      value = null;
      qualifier = 'range';
      end = m.end;
      if (between) start = n.start - 1;
      else if (ix.low[n.start - 1] === 'from' && sep === 'to') start = n.start - 1;
      if (!n.unit && m.unit) n.unit = m.unit;
    }
  }
  // "under"/"over"/"above"/"below" are hedges before figures, prepositions before counted words ("served
  // under three governments")
  // "based around three pillars", "talked about two issues": after a verb, "around"/"about" are prepositions
  const afterVerb =
    hedge &&
    hedge.start === n.start - 1 &&
    /^(?:around|about|over|under)$/.test(ix.low[hedge.start]!) &&
    /(?:[^e]ed|^talking|^thinking|^revolving|^centring|^centering)$/.test(ix.low[hedge.start - 1] ?? '') &&
    // "raised about 8.2 million dollars": a money figure or a large one is hedged, not a preposition's object
    !(!spelled && (n.unit !== null || (n.value ?? 0) >= 1000));
  const prepHedge =
    (hedge && hedge.start === n.start - 1 && /^(?:under|over|above|below)$/.test(ix.low[hedge.start]!)) ||
    afterVerb;
  if (qualifier !== 'range' && hedge && !(prepHedge && (spelled || afterVerb))) {
    qualifier = hedge.qualifier;
    start = hedge.start;
  }
  // "70,000 or more trainers", "20 or so vehicles"
  if (
    qualifier !== 'range' &&
    ix.low[end] === 'or' &&
    (ix.low[end + 1] === 'more' || ix.low[end + 1] === 'so')
  ) {
    qualifier = ix.low[end + 1] === 'more' ? 'at least' : 'approx';
    end += 2;
  }
  // unit and subject
  let unit = n.unit;
  let subject: string | null = null;
  let j = end;
  if (ix.low[j] === 'of' && (n.vague || unit)) j++;
  const np = unitPhrase(ix, j, hi);
  let phraseEnd = end;
  if (np) {
    const head = ix.tokens[np[1] - 1]!.text;
    let subjStart = np[0];
    let subjEnd = np[1];
    // "1.2 billion dollar gas pipeline project": a currency word that modifies the head is the unit
    if (!unit && np[1] - np[0] > 1 && MONEY_WORDS.has(ix.low[np[0]]!)) unit = ix.tokens[np[0]]!.text;
    // "1,000 cubic meters", "500 square kilometres"
    if (!unit && np[1] - np[0] > 1 && /^(?:cubic|square)$/.test(ix.low[np[1] - 2]!))
      unit = `${ix.low[np[1] - 2]} ${head}`;
    unit ??= head;
    if (MEASURES.has(head.toLowerCase()) && ix.low[np[1]] === 'of') {
      const np2 = unitPhrase(ix, np[1] + 1, hi);
      if (np2) {
        subjStart = np2[0];
        subjEnd = np2[1];
        phraseEnd = np2[1];
      }
    }
    phraseEnd = Math.max(phraseEnd, np[1]);
    // one trailing modifier: a participle ("already dispatched") or a short prepositional phrase ("to Russia")
    let k = subjEnd;
    if (ix.low[k] === 'already' || ix.low[k] === 'reportedly') k++;
    const adverb = k > subjEnd;
    const reduced = ['to', 'in', 'into', 'by', 'from'].includes(ix.low[k + 1] ?? '');
    if (k < hi && /ed$/.test(ix.low[k]!) && !NP_STOP.has(ix.low[k]!) && (adverb || reduced)) subjEnd = k + 1;
    else if (k < hi && ['to', 'in', 'from', 'on'].includes(ix.low[k]!)) {
      const pp = unitPhrase(ix, k + 1, hi);
      // "to Russia" names what is counted; "on Monday" says when (a time expression is no modifier of it)
      const when = pp ? ix.timeAt.slice(pp[0], pp[1]).some((t) => t >= 0) : false;
      if (pp && !when && /^\p{Lu}/u.test(ix.tokens[pp[0]]!.text)) subjEnd = pp[1];
    }
    subject = ix.text.slice(ix.tokens[subjStart]!.start, ix.tokens[subjEnd - 1]!.end);
    if (unit === 'percent' && subject.toLowerCase() === 'percent') subject = null;
  } else if (ix.low[end] === 'percent' || ix.low[end] === 'per') {
    unit = 'percent';
    phraseEnd = ix.low[end] === 'per' && ix.low[end + 1] === 'cent' ? end + 2 : end + 1;
  }
  // bare small spelled numbers without a noun are not quantities ("two of them")
  if (spelled && !n.vague && !np && value !== null && value < 100) return { claim: null, next: end };
  if (unit && /^percent$|^per$/.test(unit) && subject === 'percent') subject = null;
  const a0 = attr.at(n.start);
  // "An estimated 2,500 people": the hedge's "estimated" is no reporting verb with "An" as its speaker
  const a = a0 && a0.cue >= start && a0.cue < n.start ? null : a0;
  // a source phrase that names nobody ("according to some estimates", "it would …") is no source
  const vagueSource =
    !!a &&
    !a.source &&
    (/^(?:according|some|it|they|this|that|these|those|which|there|such|many|most)\b/i.test(
      a.sourceName ?? '',
    ) ||
      !namesASource(a.sourceName ?? ''));
  const time = nearestTime(ix, n.start, lo, hi, start, phraseEnd);
  const span = { start: ix.tokens[start]!.start, end: ix.tokens[phraseEnd - 1]!.end };
  const claim: Claim = {
    id: `c${nextId}`,
    start: span.start,
    end: span.end,
    text: ix.text.slice(span.start, span.end),
    value,
    low,
    high,
    qualifier,
    unit,
    subject,
    source: vagueSource ? null : (a?.source ?? null),
    sourceName: vagueSource ? null : (a?.sourceName ?? null),
    time,
  };
  return { claim, next: phraseEnd };
}

/** Heads of unnamed sources that still say who is speaking ("diplomatic sources", "a UNHCR spokesman"). */
const SOURCE_HEADS =
  /\b(?:sources?|officials?|spokes(?:man|woman|person)|ministry|ministers?|police|agency|agencies|report|reports|study|survey|statement|group|media|diplomats?|witnesses|analysts|experts|observers|residents|medics|doctors|military|army|government|authorities|officers?|commanders?|hospital|organi[sz]ations?|newspaper|television|radio|activists|monitors|figures|estimates|data|census|count|tally)\b/i;

/**
 * True when an attributed source phrase names someone: a capitalised name or a source head. "A key element of
 * efforts" or "promoted scientific research" (a verb read as a reporting cue) name nobody.
 */
function namesASource(name: string): boolean {
  if (name === '') return true;
  if (/(?:^|\s)\p{Lu}/u.test(name)) return true;
  return SOURCE_HEADS.test(name);
}

/** The time expression nearest to token `at` in its sentence (outside the claim itself), or null. */
function nearestTime(
  ix: DocIndex,
  at: number,
  lo: number,
  hi: number,
  cs: number,
  ce: number,
): string | null {
  let best: string | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  const limit = 40;
  for (let k = Math.max(lo, at - limit); k < Math.min(hi, at + limit); k++) {
    const ti = ix.timeAt[k]!;
    if (ti < 0 || (k >= cs && k < ce)) continue;
    const t = ix.times[ti]!;
    if (t.type === 'DURATION' || t.type === 'SET') continue;
    // a time after the number in the same clause is preferred ("send … by the end of this year")
    const d = k >= at ? k - at : (at - k) * 1.5;
    if (d < bestD) {
      bestD = d;
      best = t.id;
    }
  }
  return best;
}
