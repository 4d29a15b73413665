import type { Modality } from '../../core/types.js';
import { CLAUSE_WORDS, isReportingVerb } from './attribution.js';
import { heldBy } from './clause.js';
import { ASPECT_VERBS, LOC_PREP, PREP_START } from './data/word-lists.js';
import { type DocIndex, tokenAtOrAfter } from './doc-index.js';
import { LEXICON } from './lexicon.js';
import { leadingAdverbialEnd } from './participants.js';
import { isAdverb, isBoundary, nounModifierWord } from './triggers.js';
import type { Trigger } from './types.js';

/** True when a past-tense verb (a reporting verb or a trigger) precedes token `end` in its sentence. */
export function pastBefore(ix: DocIndex, lo: number, end: number): boolean {
  for (let k = lo; k < end; k++) {
    const l = ix.low[k]!;
    if (ix.entityAt[k]! >= 0) continue;
    if ((isReportingVerb(ix, k) && /(?:ed|told|said|wrote)$/.test(l)) || LEXICON.past.has(l)) return true;
    // "the Tribunal published a judgement rejecting …": a finite past verb after its named subject
    if (/[^e]ed$/.test(l) && k > lo && ix.entityAt[k - 1]! >= 0 && /^\p{Ll}/u.test(ix.tokens[k]!.text))
      return true;
  }
  return false;
}

export function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** True when token k opens an infinitival complement ("to discuss"), not a preposition ("to Russia"). */
export function infinitival(ix: DocIndex, k: number): boolean {
  if (ix.low[k] !== 'to') return false;
  const n = ix.tokens[k + 1];
  if (!n || ix.entityAt[k + 1]! >= 0 || ix.timeAt[k + 1]! >= 0) return false;
  if (LEXICON.byWord.has(ix.low[k + 1]!) && !/^(?:the|a|an)$/.test(ix.low[k + 1]!)) return true;
  // "to eastern Russia": an adjective before a name
  if (k + 2 < ix.tokens.length && (ix.entityAt[k + 2]! >= 0 || /^\p{Lu}/u.test(ix.tokens[k + 2]!.text)))
    return false;
  return (
    /^\p{Ll}/u.test(n.text) && !/^(?:the|a|an|its|their|his|her|this|these|those|\d)/.test(ix.low[k + 1]!)
  );
}

/**
 * Links the nearest time expression of the trigger's own clause; defaults a past-tense event to the
 * publication day. A noun trigger ("the North's troop deployment") only takes a time written inside its own
 * phrase ("the deployment earlier this month", "Tuesday's attack"): the main clause's time is when the
 * mention was made, not when the mentioned event happened. Times in a following complement or subordinate
 * clause ("agreed … to make 2025 a milestone", "after … the November 7 elections") belong to that clause.
 */
export function timeFor(
  ix: DocIndex,
  t: Trigger,
  start: number,
  hi: number,
  modality: Modality,
  adjunct = false,
): { time: string | null; date: string | null } {
  const pick = (ti: number) => {
    const tm = ix.times[ti]!;
    const date = tm.value && /^\d{4}/.test(tm.value) ? tm.value : null;
    return { time: tm.id, date };
  };
  const usable = (ti: number) => {
    const tm = ix.times[ti]!;
    if (tm.type === 'DURATION' || tm.type === 'SET' || !tm.value) return false;
    // "the 2005 Nobel Peace Prize", "the 1989 Tiananmen Square massacre": a year naming a thing
    if (/^\d{4}$/.test(tm.value)) {
      const k = tokenAtOrAfter(ix.tokens, tm.start);
      if (k > 0 && ix.low[k - 1] === 'the') return false;
    }
    return true;
  };
  if (t.entry.noun) {
    // "Tuesday's attack"
    if (t.start - 2 >= start && ix.low[t.start - 1] === "'s" && ix.timeAt[t.start - 2]! >= 0) {
      const ti = ix.timeAt[t.start - 2]!;
      if (usable(ti)) return pick(ti);
    }
    // "its August 1990 invasion", "the March 2003 invasion": a time inside the noun's own phrase
    {
      const k = t.start - 1;
      const ti = k >= start ? ix.timeAt[k]! : -1;
      let d = k;
      while (ti >= 0 && d > start && ix.timeAt[d - 1] === ti) d--;
      if (ti >= 0 && /^(?:its|their|his|her|the|'s)$/.test(ix.low[d - 1] ?? '') && usable(ti))
        return pick(ti);
    }
    const reach = t.type === 'CONSULT' ? 12 : 8;
    for (let k = t.end; k < Math.min(hi, t.end + reach); k++) {
      const ti = ix.timeAt[k]!;
      if (ti >= 0 && usable(ti)) return pick(ti);
      if (isBoundary(ix, k) || ix.low[k] === ',' || infinitival(ix, k)) break;
      // "Talks between A and B ended on Monday", "the talks were held in Beijing on Thursday": the verb the
      // meeting is subject of dates it
      if (LEXICON.byWord.has(ix.low[k]!) && !(t.type === 'CONSULT' && ASPECT_VERBS.has(ix.low[k]!))) break;
    }
    // "…, said Vranitzky after talks with Fino": a meeting in an after/following adverbial of a past report
    // happened that day (the report's own date rules apply)
    if (t.type === 'CONSULT' && ix.published && modality !== 'expected' && modality !== 'hypothetical') {
      let p = t.start - 1;
      while (
        p > start &&
        p >= t.start - 4 &&
        nounModifierWord(ix, p) &&
        !/^(?:after|following)$/.test(ix.low[p]!)
      )
        p--;
      const sLo = ix.sentStart[ix.tokens[t.start]!.sentence]!;
      if (/^(?:after|following)$/.test(ix.low[p] ?? '') && pastBefore(ix, sLo, t.start)) {
        // "Bush said Thursday after talks with Maliki": the report's own time
        const ti = p - 1 >= sLo ? ix.timeAt[p - 1]! : -1;
        if (ti >= 0 && usable(ti)) return pick(ti);
        return { time: null, date: ix.published };
      }
    }
    // "On April 7, the UN launched an urgent appeal": a noun that a verb carries out is dated like that verb
    const sLo0 = ix.sentStart[ix.tokens[t.start]!.sentence]!;
    if (!heldBy(ix, t.start, sLo0)) return { time: null, date: null };
  }
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  // "welcomed the renewal early this month … and pledged to …": a coordinated verb's time follows the "and"
  let back = start;
  for (let k = t.start - 1; k > start; k--) {
    if (isAdverb(ix.low[k]!)) continue;
    if (ix.low[k] === 'and') back = t.start;
    break;
  }
  // "Benedict, who hopes one day to visit …, on Wednesday met": a relative clause ends at its comma
  const relative = start > 0 && /^(?:who|which)$/.test(ix.low[start - 1]!);
  for (let k = back; k < t.start; k++) {
    const ti = ix.timeAt[k]!;
    if (ti < 0 || !usable(ti)) continue;
    const d = t.start - k;
    if (d < bestD) {
      bestD = d;
      best = ti;
    }
  }
  const end = Math.min(hi, t.consumedEnd + 20);
  for (let k = t.end; k < end; k++) {
    if (k >= t.consumedEnd) {
      const l = ix.low[k]!;
      if (l === ';' || (CLAUSE_WORDS.has(l) && l !== 'as') || infinitival(ix, k) || isReportingVerb(ix, k))
        break;
      if (relative && l === ',') break;
    }
    const ti = ix.timeAt[k]!;
    if (ti < 0 || !usable(ti)) continue;
    if (k >= t.consumedEnd && isBoundary(ix, k - 1) && !LOC_PREP.has(ix.low[k - 1]!)) continue;
    const d = k - t.start;
    if (d < bestD) {
      bestD = d;
      best = ti;
    }
    break;
  }
  if (best >= 0) return pick(best);
  // "Tuesday when Peruvian troops stormed the compound": the time the when-clause hangs on
  if (
    start - 2 >= 0 &&
    ix.low[start - 1] === 'when' &&
    ix.timeAt[start - 2]! >= 0 &&
    usable(ix.timeAt[start - 2]!)
  )
    return pick(ix.timeAt[start - 2]!);
  const realis = modality === 'asserted' || modality === 'reported';
  const sLo = ix.sentStart[ix.tokens[t.start]!.sentence]!;
  // "collapsed on Wednesday night after the SCIC refused …": an after/as/when clause without a time of its
  // own happened when the clause it hangs on did
  if (realis && start - 1 > sLo && /^(?:after|as|when)$/.test(ix.low[start - 1]!)) {
    for (let k = start - 2; k >= Math.max(sLo, start - 12); k--) {
      if (isBoundary(ix, k) && !CLAUSE_WORDS.has(ix.low[k]!)) break;
      const ti = ix.timeAt[k]!;
      if (ti >= 0 && usable(ti)) return pick(ti);
    }
  }
  // "On Saturday, Mobutu offered …, although he dismissed …", "At Thursday's meeting, the Board decided that
  // it would not …": a time that opens the sentence dates its other events too
  const adv = leadingAdverbialEnd(ix, sLo, t.start);
  if (realis && adv > 0 && adv <= start && PREP_START.has(ix.low[sLo]!)) {
    for (let k = sLo; k < Math.min(adv, sLo + 4); k++) {
      const ti = ix.timeAt[k]!;
      if (ti >= 0 && usable(ti)) return pick(ti);
    }
  }
  let aux = t.start - 1;
  while (aux >= start && isAdverb(ix.low[aux]!)) aux--;
  // "were meeting": a past progressive; ", calling for …" after a past main verb
  const past =
    LEXICON.past.has(ix.low[t.start]!) ||
    // "was disappointed with", "felt regretful about": an attitude in the past
    (t.entry.state && /^(?:was|were|felt|seemed|appeared)$/.test(ix.low[aux] ?? '')) ||
    (/ing$/.test(ix.low[t.start]!) && aux >= start && (ix.low[aux] === 'was' || ix.low[aux] === 'were')) ||
    (adjunct && pastBefore(ix, ix.sentStart[ix.tokens[t.start]!.sentence]!, t.start));
  // "have fought three wars since 1947": a perfect spans time, it is not an event of the day
  const perfect = aux >= start && /^(?:have|has|had)$/.test(ix.low[aux]!);
  if (
    !past ||
    perfect ||
    !ix.published ||
    modality === 'expected' ||
    modality === 'hypothetical' ||
    modality === 'negated'
  ) {
    return { time: null, date: null };
  }
  // "On the eve of …": the day before the reference day
  for (let k = start; k < t.start - 2; k++) {
    if (ix.low[k] === 'eve' && ix.low[k + 1] === 'of')
      return { time: null, date: shiftDay(ix.published, -1) };
  }
  return { time: null, date: ix.published };
}
