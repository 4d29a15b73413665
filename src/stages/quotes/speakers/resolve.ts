import type { Entity } from '../../../core/types.js';
import { DETERMINERS, ORG_NOUNS, PERSON_NOUNS, PRONOUNS } from '../lexicon.js';
import { isQuoteMark } from '../marks.js';
import {
  ANONYMOUS_NOUNS,
  AUTHOR_PARTICIPLES,
  type Candidate,
  CLAUSE_VERBS,
  DOC_NOUNS,
  HISTORY_REACH,
  isCapitalised,
  isWordToken,
  KIN,
  LEADING_PREPS,
  MEDIA_NOUNS,
  type Mention,
  ORG_TYPES,
  oneIndelApart,
  POSSESSIVES,
  SENTENCE_PREPS,
  type SpeakerRef,
  TRAILING_ADVERBS,
} from '../shared.js';
import { SpeakerSubjects } from './subject.js';

/**
 * Speaker resolution: a speaker phrase to an entity (names, titles, pronouns, nominals, kin, media,
 * documents) and the chaining of cue-less quotes to their neighbours.
 */
export abstract class SpeakerResolution extends SpeakerSubjects {
  /** Index of the first mention that starts at or after character `pos` (the mentions are sorted by start). */
  protected override firstMentionFrom(pos: number): number {
    const ms = this.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The entity `keep` admits that is mentioned most often among the 400 mentions before index `lo`, the later
   * one on ties: the one a story is following at that point.
   */
  protected override mostMentioned(lo: number, keep: (e: Entity) => boolean): Entity | null {
    const ms = this.mentions;
    const count = new Map<Entity, number>();
    let best: Entity | null = null;
    for (let i = lo - 1; i >= 0 && lo - i <= 400; i--) {
      const e = ms[i]!.entity;
      if (!keep(e)) continue;
      const n = (count.get(e) ?? 0) + 1;
      count.set(e, n);
      if (!best || n > count.get(best)!) best = e;
    }
    return best;
  }

  /**
   * The mention over tokens `lo`..`hi` that `skip` does not reject with the smallest `dist`, the first found on
   * ties; null when none is left.
   */
  protected override nearestMention(
    lo: number,
    hi: number,
    skip: (m: Mention) => boolean,
    dist: (m: Mention) => number,
  ): Mention | null {
    let best: Mention | null = null;
    let bestD = 1e9;
    for (const m of this.mentionsIn(this.toks[lo]!.start, this.toks[hi]!.end)) {
      if (skip(m)) continue;
      const d = dist(m);
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    return best;
  }

  protected override mentionsIn(a: number, b: number): Mention[] {
    const out: Mention[] = [];
    const ms = this.mentions;
    const lo = this.firstMentionFrom(a);
    // mentions starting slightly before a (a title) are covered by scanning back a little
    for (let i = Math.max(0, lo - 3); i < ms.length && ms[i]!.start < b; i++) {
      const m = ms[i]!;
      if (m.end > a && m.start < b) out.push(m);
    }
    return out;
  }

  /** Resolves a speaker phrase to an entity, a nominal name, or a pronoun antecedent. */
  protected override resolvePhrase(src: [number, number], history: Candidate[]): SpeakerRef {
    let [a, b] = src;
    // "In Paris, spokesman Jacques Rummelhardt": a leading place or time phrase is no part of the speaker
    if (LEADING_PREPS.has(this.low[a]!)) {
      let c = a + 1;
      while (c < b && this.low[c] !== ',') c++;
      if (c >= b - 1) return { speaker: null, name: null, person: null };
      a = c + 1;
    }
    // "Steven Cheung, a campaign spokesman": the name before an appositive names the speaker
    for (let i = a + 1; i < b; i++) {
      if (this.low[i] === ',' || this.low[i] === '(') {
        b = i;
        break;
      }
    }
    // "the Bernama news agency quoted Malaysian Premier Mahathir Mohamad as (saying)": the one quoted
    for (let i = a; i < b - 1; i++) {
      if (this.low[i] !== 'quoted') continue;
      let j = i + 1;
      while (j < b && this.low[j] !== 'as') j++;
      if (j > i + 1) {
        a = i + 1;
        b = j;
      }
      break;
    }
    // "Edward Morse of the Energy Intelligence Group": the person, not the body he is from
    for (let i = a + 1; i < b; i++) {
      const w = this.low[i]!;
      if (w !== 'of' && w !== 'from' && w !== 'with') continue;
      if (this.personEndingAt(i - 1, a) === a) b = i;
      break;
    }
    // "military sources in Rome", "Likulia also renewed …": a place after the head, or a verb, ends it
    for (let i = a + 1; i < b; i++) {
      const w = this.low[i]!;
      if (isCapitalised(this.toks[i]!.text)) continue;
      const t = this.toks[i]!;
      const cut =
        (LEADING_PREPS.has(w) &&
          !this.mentionsIn(t.start, t.end).some((m) => m.start < t.start && m.end > t.end)) ||
        CLAUSE_VERBS.has(w) ||
        w === 'also' ||
        (w === 'to' &&
          i + 1 < b &&
          !isCapitalised(this.toks[i + 1]!.text) &&
          !DETERMINERS.has(this.low[i + 1]!) &&
          !/^(?:this|that|these|those|his|her|its|their)$/.test(this.low[i + 1]!)) ||
        (/[a-z]ed$/.test(w) && isCapitalised(this.toks[a]!.text) && !DETERMINERS.has(this.low[a]!)) ||
        // "the Iraqi High Tribunal published a formal …": a verb right after the name
        (/[a-z]ed$/.test(w) &&
          i - a >= 2 &&
          DETERMINERS.has(this.low[a]!) &&
          isCapitalised(this.toks[i - 1]!.text));
      if (cut) {
        b = i;
        break;
      }
    }
    // "Standard and Poor's said": a possessive ending the whole speaker phrase belongs to the name
    const namePossessive =
      b === src[1] &&
      b - a >= 2 &&
      /^['’]s$/.test(this.low[b - 1]!) &&
      this.toks[b - 1]!.start === this.toks[b - 2]!.end &&
      isCapitalised(this.toks[b - 2]!.text);
    if (!namePossessive) while (b > a && !isWordToken(this.toks[b - 1]!.text)) b--;
    // "spokesman Liu Jianchao Thursday", "the minister here": a time or place adverb after the speaker
    while (b - a > 1 && TRAILING_ADVERBS.test(this.low[b - 1]!)) b--;
    while (a < b && !isWordToken(this.toks[a]!.text)) a++;
    if (b <= a) return { speaker: null, name: null, person: null };
    const start = this.toks[a]!.start;
    const end = this.toks[b - 1]!.end;
    const ms = this.mentionsIn(start, end);
    if (b - a === 1 && PRONOUNS.has(this.low[a]!)) {
      const own = this.sentenceAntecedent(a, this.low[a]!);
      if (own) return own;
      const sal = this.recentSubject(a, this.low[a]!, history);
      if (sal) return sal;
      // `… left it to his wife Lonnie to speak. "…," she said`: a relative of the right sex named since
      const kin = this.recentKin(a, this.low[a]!, history);
      if (kin) return kin;
      // the speaker of the last attribution, when it is near and nobody became a subject since: a
      // reporting "he said" continues the speaker chain more often than it picks up a name in passing
      const m = ms.find((x) => x.start <= start && x.end >= end);
      // …unless the pronoun's antecedent is named earlier in its own sentence ("Moose … when he told")
      const s0 = this.toks[a]!.sentence;
      const local =
        m &&
        this.mentionsIn(this.toks[Math.max(this.sentFirst[s0]!, a - 60)]!.start, start).some(
          (x) =>
            x.entity === m.entity &&
            x.end <= start &&
            isCapitalised(this.text[x.start]!) &&
            !this.afterPreposition(this.tokenAt(x.start)),
        );
      const prev = local ? null : this.nearSpeaker(a, this.low[a]!, history);
      if (prev) return prev;
      if (m) return { speaker: m.entity.id, name: m.entity.name, person: m.entity.type === 'PERSON' };
      return this.resolvePronoun(this.low[a]!, a, history);
    }
    if (b - a === 2 && POSSESSIVES.has(this.low[a]!) && KIN.has(this.low[a + 1]!)) {
      // "his wife said": the relative as named earlier ("his 60-year-old wife Tetsuyo"), else unnamed
      return this.kinName(a + 1) ?? { speaker: null, name: this.text.slice(start, end), person: true };
    }
    const doc = this.documentPhrase(a, b, history);
    if (doc) return doc;
    const headTok = this.toks[b - 1]!;
    const head = this.low[b - 1]!;

    // the entity whose mention ends at the phrase head wins; possessive modifiers ("Seoul's") do not
    let best: Mention | null = null;
    // …except the possessive ending of the whole phrase ("Moody's said"), which is the name's own
    const headEnd = namePossessive ? this.toks[b - 2]!.end : headTok.end;
    // the whole name before it ("Standard and Poor"), which a mention must cover
    let run = b - 2;
    while (
      namePossessive &&
      run > a &&
      (isCapitalised(this.toks[run - 1]!.text) ||
        (run - 1 > a && /^(?:and|&|of)$/.test(this.low[run - 1]!) && isCapitalised(this.toks[run - 2]!.text)))
    )
      run--;
    for (const m of ms) {
      const after = this.tokenAt(m.end);
      const ownEnding = namePossessive && after === b - 1 && m.start <= this.toks[run]!.start;
      if (
        !ownEnding &&
        after < this.toks.length &&
        this.toks[after]!.start === m.end &&
        /^['’]s$/.test(this.low[after]!)
      )
        continue;
      if (m.end < headEnd) continue;
      const len = m.end - m.start;
      const bestLen = best ? best.end - best.start : -1;
      if (len > bestLen || (len === bestLen && m.entity.type === 'PERSON' && best!.entity.type !== 'PERSON'))
        best = m;
    }
    const phrase = this.text.slice(start, end);
    const personNoun = PERSON_NOUNS.has(head) || head.endsWith('year-old');
    const definite = (this.low[a] === 'the' || this.low[a] === 'this') && !isCapitalised(headTok.text);
    if (!best && MEDIA_NOUNS.has(head) && !isCapitalised(headTok.text)) {
      const media = this.mediaSpeaker(a, b, ms, history, definite);
      if (media) return media;
    }
    if (
      best &&
      definite === false &&
      b - a === 2 &&
      DETERMINERS.has(this.low[a]!) &&
      best.entity.type === 'NORP'
    ) {
      // "the Ghanaian said": the person of that nationality the story follows
      const p = this.affiliatedPerson(best.entity, a, history, true);
      if (p) return p;
    }
    if (best) {
      // a nominal the entity layer linked ("the official") must fit the person's role; a generic one that
      // does not goes to the speaker the story is following
      if (
        definite &&
        best.entity.type === 'PERSON' &&
        DETERMINERS.has(this.text.slice(best.start, best.end).split(' ')[0]!.toLowerCase()) &&
        !(best.entity.role ?? '').toLowerCase().includes(head)
      ) {
        const sal = this.salientPerson(a, history, true);
        if (sal) return sal;
        // "the military official" after "a Burmese official": an unnamed person, not a guess
        if (ANONYMOUS_NOUNS.has(head))
          return { speaker: null, name: this.stripDeterminer(a, b), person: true };
      }
      const e = this.misspeltSurname(best.entity) ?? best.entity;
      return { speaker: e.id, name: e.name, person: e.type === 'PERSON' };
    }
    if (definite && b - a <= 5 && DOC_NOUNS.has(head)) {
      // "the message said": the one who issued it
      const author = this.documentAuthor(a, head, history);
      if (author) return author;
    }
    if ((this.low[a] === 'a' || this.low[a] === 'an') && b - a <= 3 && DOC_NOUNS.has(head)) {
      // `UNHCR said … [¶] "…," a statement said`: the body that has just been speaking
      const body = this.lastBody(a, history, 1);
      if (body) return body;
    }
    if (
      (this.low[a] === 'the' || this.low[a] === 'this') &&
      b - a <= 4 &&
      (personNoun || ORG_NOUNS.has(head))
    ) {
      const ante = this.nominalAntecedent(a, b, personNoun);
      if (ante) return ante;
    }
    if (
      definite &&
      b - a <= 5 &&
      !ORG_NOUNS.has(head) &&
      !DOC_NOUNS.has(head) &&
      !ANONYMOUS_NOUNS.has(head) &&
      !/[^s]s$/.test(head) &&
      !this.low
        .slice(a, b)
        .some((w) => w === 'unnamed' || w === 'anonymous' || w === 'other' || w === 'another')
    ) {
      // "the UN chief": the person named beside that organisation ("UN Secretary-General Antonio Ramos")
      const mod = ms.find(
        (m) => m.end <= headTok.start && (ORG_TYPES.has(m.entity.type) || m.entity.type === 'NORP'),
      );
      const aff = mod ? this.affiliatedPerson(mod.entity, a, history, false) : null;
      if (aff) return aff;
      // "the 61-year-old cleric", "the controversial right-winger": a description of the person in focus
      const sal = this.salientPerson(a, history, false);
      if (sal) return sal;
    }
    const name = this.stripDeterminer(a, b) ?? phrase;
    if (!personNoun && ms.length === 0 && isCapitalised(headTok.text)) {
      // a bare surname: reuse an earlier speaker whose name ends with it ("Kirby" -> "John Kirby")
      for (let i = history.length - 1; i >= 0 && history.length - i <= 200; i--) {
        const h = history[i]!;
        if (h.speakerName && h.speakerName !== phrase && h.speakerName.endsWith(` ${phrase}`)) {
          return { speaker: h.speaker, name: h.speakerName, person: h.person };
        }
      }
      // or an entity in the article with that surname
      if (!this.bySurname) {
        this.bySurname = new Map();
        for (const e of this.entities) {
          if (e.type !== 'PERSON') continue;
          // every multi-word tail of the name: "Kim Jong-un" → "Jong-un"; "Lee Hsien Loong" → "Hsien Loong", "Loong"
          const w = e.name.split(' ');
          for (let i = 1; i < w.length; i++) {
            const tail = w.slice(i).join(' ');
            if (!this.bySurname.has(tail)) this.bySurname.set(tail, e);
          }
        }
      }
      const e = this.bySurname.get(phrase);
      if (e) return { speaker: e.id, name: e.name, person: true };
    }
    if (personNoun) return { speaker: null, name, person: true };
    const orgish = ms.some((m) => ORG_TYPES.has(m.entity.type)) || !isCapitalised(headTok.text);
    return { speaker: null, name, person: orgish ? false : b - a <= 3 && isCapitalised(headTok.text) };
  }

  /**
   * "the minister" / "the 61-year-old" / "the ministry": a definite nominal speaker names someone introduced
   * earlier. Walks back (bounded) to the last use of the head noun outside quotes with a name beside it
   * ("Prosecutor Helena Silva", "a spokeswoman, Lise Dubois", "Martin, 61,", "the Disaster Management
   * Ministry"), and returns that entity, or the capitalised organisation name when no entity covers it.
   */
  protected override nominalAntecedent(a: number, b: number, person: boolean): SpeakerRef | null {
    const head = this.low[b - 1]!;
    const age = /^(\d+)-year-old$/.exec(head)?.[1];
    const want = (e: Entity) => (person ? e.type === 'PERSON' : ORG_TYPES.has(e.type));
    for (let t = a - 1; t >= 0 && a - t <= 600; t--) {
      if (this.low[t] !== (age ?? head) || this.regionOf[t]! >= 0) continue;
      const s = this.toks[t]!.sentence;
      if (age) {
        // "Paul Martin, 61, said": the name right before ", 61"
        if (t < 2 || this.low[t - 1] !== ',') continue;
        const m = this.mentionsIn(this.toks[t - 2]!.start, this.toks[t - 2]!.end).find(
          (x) => x.end === this.toks[t - 2]!.end && x.entity.type === 'PERSON',
        );
        if (m) return { speaker: m.entity.id, name: m.entity.name, person: true };
        continue;
      }
      if (!person) {
        // the organisation whose name ends with the head ("the Disaster Management Ministry")
        if (!isCapitalised(this.toks[t]!.text)) continue;
        const m = this.mentionsIn(this.toks[t]!.start, this.toks[t]!.end).find((x) => want(x.entity));
        if (m) return { speaker: m.entity.id, name: m.entity.name, person: false };
        let f = t;
        while (f > this.sentFirst[s]! && t - f < 6 && isCapitalised(this.toks[f - 1]!.text)) f--;
        while (f < t && DETERMINERS.has(this.low[f]!)) f++;
        if (f < t)
          return {
            speaker: null,
            name: this.text.slice(this.toks[f]!.start, this.toks[t]!.end),
            person: false,
          };
        continue;
      }
      // a person named beside the role word in the same sentence; the closest wins, a following name on ties
      const lo = Math.max(this.sentFirst[s]!, t - 8);
      const hi = Math.min(this.sentLast[s]! - 1, t + 6);
      const bestM = this.nearestMention(
        lo,
        hi,
        (m) =>
          !want(m.entity) ||
          !isCapitalised(this.text[m.start]!) ||
          PRONOUNS.has(this.text.slice(m.start, m.end).toLowerCase()),
        (m) => (m.start >= this.toks[t]!.end ? this.tokenAt(m.start) - t : t - this.tokenAt(m.end - 1) + 0.5),
      );
      if (bestM) return { speaker: bestM.entity.id, name: bestM.entity.name, person: true };
    }
    return null;
  }

  /**
   * `His wife travelled to Lima …. "…," she said`: a relative of the pronoun's sex ("his wife", "her son")
   * in the narrative since the last attribution (at most three sentences back), named as `kinName` finds.
   */
  protected override recentKin(at: number, p: string, history: Candidate[]): SpeakerRef | null {
    const sex = p === 'he' ? 'm' : p === 'she' ? 'f' : null;
    if (!sex) return null;
    const last = history.length > 0 ? history[history.length - 1]! : null;
    const lastPos = last ? Math.max(last.anchor, last.cue ? last.cue[1] : -1) : -1;
    const s0 = this.toks[at]!.sentence;
    const from = Math.max(lastPos + 1, this.sentFirst[Math.max(0, s0 - 3)]!, at - 150, 1);
    for (let t = at - 1; t >= from; t--) {
      if (KIN.get(this.low[t]!) !== sex || this.regionOf[t]! >= 0) continue;
      if (!POSSESSIVES.has(this.low[t - 1]!) && !/-year-old$/.test(this.low[t - 1]!)) continue;
      return (
        this.kinName(t) ?? {
          speaker: null,
          name: this.text.slice(this.toks[t - 1]!.start, this.toks[t]!.end),
          person: true,
        }
      );
    }
    return null;
  }

  /**
   * The name given to a relative: "wife Tetsuyo" / "wife Lonnie Ali" at this kin word or at an earlier use
   * of the same word (bounded look-back); the person entity when the entity layer has one.
   */
  protected override kinName(k: number): SpeakerRef | null {
    const word = this.low[k]!;
    for (let t = k; t >= 0 && k - t <= 600; t--) {
      if (this.low[t] !== word || this.regionOf[t]! >= 0) continue;
      const n = t + 1;
      if (
        n >= this.toks.length ||
        !isCapitalised(this.toks[n]!.text) ||
        this.toks[n]!.sentence !== this.toks[t]!.sentence
      )
        continue;
      const m = this.mentionsIn(this.toks[n]!.start, this.toks[n]!.end).find(
        (x) => x.start === this.toks[n]!.start && x.entity.type === 'PERSON',
      );
      if (m) return { speaker: m.entity.id, name: m.entity.name, person: true };
      let e = n + 1;
      while (
        e < this.toks.length &&
        e - n < 3 &&
        isCapitalised(this.toks[e]!.text) &&
        this.toks[e]!.sentence === this.toks[n]!.sentence
      )
        e++;
      return {
        speaker: null,
        name: this.text.slice(this.toks[n]!.start, this.toks[e - 1]!.end),
        person: true,
      };
    }
    return null;
  }

  /**
   * The subject of the latest narrative sentence before a pronoun speaker, when that sentence comes after
   * the last attribution: "Marco Silva showed no emotion. \"…,\" he told reporters." A sentence opening
   * with a name (or a title and a name) of the right kind; quote sentences are skipped. Bounded to three
   * sentences back.
   */
  protected override recentSubject(at: number, p: string, history: Candidate[]): SpeakerRef | null {
    const wantPerson = p === 'he' || p === 'she' ? true : p === 'it' ? false : null;
    if (wantPerson === null) return null;
    const last = history.length > 0 ? history[history.length - 1]! : null;
    const lastPos = last ? Math.max(last.anchor, last.cue ? last.cue[1] : -1) : -1;
    const s0 = this.toks[at]!.sentence;
    for (let s = s0 - 1; s >= 0 && s0 - s <= 3; s--) {
      const f = this.sentFirst[s]!;
      if (f < 0) continue;
      if (this.sentLast[s]! <= lastPos) return null;
      if (this.regionOf[f]! >= 0 || isQuoteMark(this.low[f]!)) continue;
      const m = this.sentenceSubject(s);
      if (!m) continue;
      // a pronoun subject ("He rejected …") continues the chain: its own link is no better evidence
      // and so does a description ("The official also accused …"), whose link is a guess too
      const mt = this.text.slice(m.start, m.end).toLowerCase();
      if (PRONOUNS.has(mt) || DETERMINERS.has(mt.split(' ')[0]!)) continue;
      const isPerson = m.entity.type === 'PERSON';
      if (wantPerson ? !isPerson : m.entity.type !== 'ORG') return null;
      // "she" for an entity only ever called "he" (or the reverse) is someone else
      if (wantPerson && this.genderOf(m.entity) === (p === 'he' ? 'f' : 'm')) return null;
      return { speaker: m.entity.id, name: m.entity.name, person: isPerson };
    }
    return null;
  }

  /**
   * The mention a narrative sentence opens with (after capitalised title words), or the one right after a
   * leading participle clause ("Arguing that …, Shen accused …"); null when neither.
   */
  protected override sentenceSubject(s: number): Mention | null {
    const f = this.sentFirst[s]!;
    const last = this.sentLast[s]!;
    const lim = Math.min(last - 1, f + 3);
    // "In his speech, ElBaradei …": a possessive is no subject; nor is a possessor ("Egeland's deputy, …")
    const m = this.mentionsIn(this.toks[f]!.start, this.toks[lim]!.end).find(
      (x) => !POSSESSIVES.has(this.text.slice(x.start, x.end).toLowerCase()),
    );
    const after = m ? this.tokenAt(m.end) : -1;
    const possessor =
      !!m && after < last && this.toks[after]!.start === m.end && /^['’]s?$/.test(this.low[after]!);
    if (m && !possessor && m.start >= this.toks[f]!.start) {
      let ok = true;
      for (let i = f; i < last && this.toks[i]!.end <= m.start; i++)
        if (!isCapitalised(this.toks[i]!.text)) ok = false;
      if (ok) return m;
    }
    const w = this.low[f]!;
    if (!(w.endsWith('ing') || w === 'asked' || LEADING_PREPS.has(w) || SENTENCE_PREPS.has(w))) return null;
    for (let i = f + 1; i < last && i - f < 40; i++) {
      if (this.low[i] !== ',' || this.regionOf[i]! >= 0) continue;
      const n = this.mentionsIn(
        this.toks[Math.min(i + 1, last - 1)]!.start,
        this.toks[Math.min(i + 4, last - 1)]!.end,
      )[0];
      if (!n || n.start !== this.toks[i + 1]?.start) return null;
      const after = this.tokenAt(n.end);
      return after < last && !isCapitalised(this.toks[after]!.text) && isWordToken(this.low[after]!)
        ? n
        : null;
    }
    return null;
  }

  /**
   * The person a story is following at token `at`: the person speaker of the latest attribution within two
   * paragraphs, else (unless `nearOnly`) the person mentioned most often in the last stretch of text, the
   * later one on ties. Bounded: looks at most 400 mentions back.
   */
  protected override salientPerson(at: number, history: Candidate[], nearOnly: boolean): SpeakerRef | null {
    const para = this.paraOf[at]!;
    for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
      const h = history[i]!;
      if (para - h.paragraph > 2) break;
      if (h.speaker && h.person) return { speaker: h.speaker, name: h.speakerName, person: true };
    }
    if (nearOnly) return null;
    const best = this.mostMentioned(this.firstMentionFrom(this.toks[at]!.start), (e) => e.type === 'PERSON');
    return best ? { speaker: best.id, name: best.name, person: true } : null;
  }

  /**
   * The person tied to an organisation or nationality: the latest one whose name comes right after a
   * mention of it ("UN Secretary-General Antonio Ramos", "Ghana's foreign minister Kwame Mensah"), or, with
   * `byCountry`, whose country is the body's. Bounded look-back over the mentions before token `at`.
   */
  protected override affiliatedPerson(
    body: Entity,
    at: number,
    history: Candidate[],
    byCountry: boolean,
  ): SpeakerRef | null {
    const ms = this.mentions;
    const lo = this.firstMentionFrom(this.toks[at]!.start);
    if (byCountry && body.country) {
      for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
        const h = history[i]!;
        const e = h.speaker ? this.entityById.get(h.speaker) : undefined;
        if (e && e.type === 'PERSON' && e.country === body.country)
          return { speaker: e.id, name: e.name, person: true };
      }
    }
    for (let i = lo - 1; i >= 0 && lo - i <= 400; i--) {
      const m = ms[i]!;
      if (m.entity.type !== 'PERSON' || !isCapitalised(this.text[m.start]!)) continue;
      if (byCountry && body.country && m.entity.country === body.country)
        return { speaker: m.entity.id, name: m.entity.name, person: true };
      const t = this.tokenAt(m.start);
      const near = this.mentionsIn(this.toks[Math.max(0, t - 5)]!.start, m.start);
      if (near.some((x) => x.entity === body && x.end <= m.start))
        return { speaker: m.entity.id, name: m.entity.name, person: true };
    }
    return null;
  }

  /**
   * A document as the speaker phrase: "the paper, penned by Victor Bulmer-Thomas" (the author after it),
   * "a statement read by Qatar's deputy premier" (read out for a body: the organisation the story follows),
   * "his paper added" (the possessor). Returns null when the phrase is no such document.
   */
  protected override documentPhrase(a: number, b: number, history: Candidate[]): SpeakerRef | null {
    let d = a;
    while (d < b && d - a < 4 && !DOC_NOUNS.has(this.low[d]!)) d++;
    if (d >= b || d - a >= 4) return null;
    const w0 = this.low[a]!;
    if (d === a + 1 && POSSESSIVES.has(w0)) {
      // "His paper added": the possessor, as the entity layer linked it, else the pronoun's speaker
      const t = this.toks[a]!;
      const m = this.mentionsIn(t.start, t.end).find((x) => x.start === t.start && x.end === t.end);
      if (m) return { speaker: m.entity.id, name: m.entity.name, person: false };
      const p = w0 === 'his' ? 'he' : w0 === 'her' ? 'she' : w0 === 'its' ? 'it' : '';
      const near = p ? this.nearSpeaker(a, p, history) : null;
      return near ? { ...near, person: false } : null;
    }
    if (d > a && !DETERMINERS.has(w0)) return null;
    let x = d + 1;
    if (this.low[x] === ',') x++;
    if (x >= this.toks.length || this.toks[x]!.sentence !== this.toks[a]!.sentence) return null;
    const verb = this.low[x]!;
    if (!AUTHOR_PARTICIPLES.has(verb) && verb !== 'read') return null;
    let by = x + 1;
    if (verb === 'read' && this.low[by] === 'out') by++;
    if (this.low[by] !== 'by') return null;
    if (AUTHOR_PARTICIPLES.has(verb)) {
      // an author inside the speaker phrase ends with it ("The statement issued by the ministry | said …");
      // one after it ("said the paper, penned by X") runs on
      const author = this.phraseAfter(by + 1, by < b ? b : undefined);
      if (!author) return null;
      const r = this.resolvePhrase(author, history);
      return r.speaker || r.name ? { ...r, person: false } : null;
    }
    if (verb === 'read') return this.salientBody(a);
    return null;
  }

  /**
   * The organisation a story is about before token `at`: the one mentioned most often in the last stretch
   * of text (the later one on ties), leaving out documents that the entity layer typed as organisations
   * ("Hanoi Declaration"). Bounded: looks at most 400 mentions back.
   */
  protected override salientBody(at: number): SpeakerRef | null {
    const best = this.mostMentioned(
      this.firstMentionFrom(this.toks[at]!.start),
      (e) => e.type === 'ORG' && !DOC_NOUNS.has(e.name.split(' ').pop()!.toLowerCase()),
    );
    return best ? { speaker: best.id, name: best.name, person: false } : null;
  }

  /**
   * The latest attribution within `paras` paragraphs before token `at` whose speaker is a body (an
   * organisation, a medium, a document), or null when a person spoke last.
   */
  protected override lastBody(at: number, history: Candidate[], paras: number): SpeakerRef | null {
    const para = this.paraOf[at]!;
    for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
      const h = history[i]!;
      if (para - h.paragraph > paras) return null;
      if (!h.speaker && !h.speakerName) continue;
      if (h.person === false) return { speaker: h.speaker, name: h.speakerName, person: false };
      if (h.kind === 'direct' || h.kind === 'indirect') return null;
    }
    return null;
  }

  /**
   * A medium as the speaker phrase: "the Kommersant daily" / "the respected Vedomosti business daily" (the
   * name inside), "Libyan television" (the phrase itself), "the daily" / "the television" (the medium that
   * has been quoted: the latest one with the same head nearby, else the latest body nearby, else the latest
   * one with the same head further back).
   */
  protected override mediaSpeaker(
    a: number,
    b: number,
    ms: Mention[],
    history: Candidate[],
    definite: boolean,
  ): SpeakerRef | null {
    const head = this.low[b - 1]!;
    const inner = ms.find(
      (m) =>
        m.entity.type === 'ORG' &&
        m.end <= this.toks[b - 1]!.start &&
        isCapitalised(this.text[m.start]!) &&
        !/^['’]s$/.test(this.low[this.tokenAt(m.end)] ?? ''),
    );
    if (inner) return { speaker: inner.entity.id, name: inner.entity.name, person: false };
    if (b - 2 >= a && isCapitalised(this.toks[b - 2]!.text) && !DETERMINERS.has(this.low[b - 2]!)) {
      let f = b - 2;
      while (f > a && isCapitalised(this.toks[f - 1]!.text) && !DETERMINERS.has(this.low[f - 1]!)) f--;
      return {
        speaker: null,
        name: this.text.slice(this.toks[f]!.start, this.toks[b - 1]!.end),
        person: false,
      };
    }
    if (!definite || b - a > 3) return null;
    const para = this.paraOf[a]!;
    const sameHead = (h: Candidate) => {
      const sp = h.speakerSpan;
      return (
        sp !== null &&
        (h.speaker !== null || h.speakerName !== null) &&
        this.low.slice(sp[0], sp[1]).includes(head)
      );
    };
    for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
      const h = history[i]!;
      if (para - h.paragraph > 2) break;
      if (sameHead(h)) return { speaker: h.speaker, name: h.speakerName, person: false };
    }
    const body = this.lastBody(a, history, 2);
    if (body) return body;
    for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
      const h = history[i]!;
      if (sameHead(h)) return { speaker: h.speaker, name: h.speakerName, person: false };
    }
    return null;
  }

  /**
   * "the message said" / "the report added": the author of a document named earlier — the speaker of an
   * attribution in the sentence that last mentioned it ("al-Sahhaf said in a message …"), else that
   * sentence's subject. Bounded look-back.
   */
  protected override documentAuthor(a: number, head: string, history: Candidate[]): SpeakerRef | null {
    for (let t = a - 1; t >= 0 && a - t <= 1500; t--) {
      if (this.low[t] !== head || this.regionOf[t]! >= 0) continue;
      const s = this.toks[t]!.sentence;
      // "Nguyen Minh Triet read out the Hanoi Declaration": who reads a document out did not write it
      for (let r = t - 1; r >= this.sentFirst[s]! && t - r <= 4; r--)
        if (this.low[r] === 'read') return this.salientBody(t);
      for (let i = history.length - 1; i >= 0; i--) {
        const h = history[i]!;
        if (h.sentence < s) break;
        if (h.sentence === s && h.speaker) return { speaker: h.speaker, name: h.speakerName, person: false };
      }
      const tok = this.toks[t]!;
      const m = this.sentenceSubject(s);
      if (
        m &&
        (m.entity.type === 'PERSON' || m.entity.type === 'ORG') &&
        isCapitalised(this.text[m.start]!) &&
        this.regionOf[this.tokenAt(m.start)]! < 0 &&
        !(m.start <= tok.start && m.end >= tok.end)
      )
        return { speaker: m.entity.id, name: m.entity.name, person: false };
      // "a paper from Chatham House", "in its report, HRW …": the nearest body or person beside the noun
      const lo = Math.max(this.sentFirst[s]!, t - 6);
      const hi = Math.min(this.sentLast[s]! - 1, t + 6);
      const near = this.nearestMention(
        lo,
        hi,
        // …but not the document itself ("the Hanoi Declaration") nor a possessor ("Hashimoto's departure")
        (x) => {
          const after = this.tokenAt(x.end);
          return (
            !(x.entity.type === 'PERSON' || x.entity.type === 'ORG') ||
            !isCapitalised(this.text[x.start]!) ||
            this.regionOf[this.tokenAt(x.start)]! >= 0 ||
            (x.start <= tok.start && x.end >= tok.end) ||
            (after < this.toks.length && /^['’]s$/.test(this.low[after]!))
          );
        },
        (x) => Math.abs(this.tokenAt(x.start) - t),
      );
      // no author beside this mention of the document: an earlier one may name it
      if (near) return { speaker: near.entity.id, name: near.entity.name, person: false };
    }
    return null;
  }

  /**
   * The speaker of the latest attribution within the current or previous paragraph, when it fits the
   * pronoun ("he"/"she" a person of a compatible gender, "it" an organisation); null otherwise.
   */
  protected override nearSpeaker(at: number, p: string, history: Candidate[]): SpeakerRef | null {
    const wantPerson = p === 'he' || p === 'she' ? true : p === 'it' ? false : null;
    if (wantPerson === null) return null;
    const para = this.paraOf[at]!;
    for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
      const h = history[i]!;
      if (para - h.paragraph > 2) return null;
      if (!h.speaker) {
        // "a military official said … he said": the unnamed person, not someone named in passing
        if (h.speakerName && h.person === true && wantPerson && !/[^s]s$/.test(h.speakerName))
          return { speaker: null, name: h.speakerName, person: true };
        // "Rating agency Moody's said … it said": a body the entity layer did not name
        if (h.speakerName && h.person === false && !wantPerson)
          return { speaker: null, name: h.speakerName, person: false };
        continue;
      }
      if (h.person !== wantPerson) return null;
      if (wantPerson) {
        const e = this.entityById.get(h.speaker);
        if (e && this.genderOf(e) === (p === 'he' ? 'f' : 'm')) return null;
      }
      return { speaker: h.speaker, name: h.speakerName, person: h.person };
    }
    return null;
  }

  /**
   * "Lehman said" after "Tyge Lehmann": a one-word person entity that is a dropped or doubled letter away
   * from the surname of exactly one fully named person (wire copy misspells names) is that person. Only
   * surnames of five letters or more, and never a substituted letter ("Jones" / "Jonas" are two people).
   */
  protected override misspeltSurname(e: Entity): Entity | null {
    if (e.type !== 'PERSON' || e.name.includes(' ') || e.name.length < 5) return null;
    const known = this.typos.get(e);
    if (known !== undefined) return known;
    let found: Entity | null = null;
    let n = 0;
    for (const x of this.entities) {
      if (x === e || x.type !== 'PERSON' || !x.name.includes(' ')) continue;
      const last = x.name.slice(x.name.lastIndexOf(' ') + 1);
      if (last === e.name) {
        n = 2; // the exact surname of someone else: no typo
        break;
      }
      if (oneIndelApart(last, e.name)) {
        found = x;
        n++;
      }
      if (n > 1) break;
    }
    const r = n === 1 ? found : null;
    this.typos.set(e, r);
    return r;
  }

  /** 'm' / 'f' from the pronouns the entity layer linked to an entity, or null when unknown or mixed. */
  protected override genderOf(e: Entity): 'm' | 'f' | null {
    const known = this.genders.get(e);
    if (known !== undefined) return known;
    const g = this.countGender(e);
    this.genders.set(e, g);
    return g;
  }

  protected override countGender(e: Entity): 'm' | 'f' | null {
    let m = 0;
    let f = 0;
    for (const x of e.mentions) {
      const w = x.text.toLowerCase();
      if (w === 'he' || w === 'him' || w === 'his' || w === 'himself') m++;
      else if (w === 'she' || w === 'her' || w === 'hers' || w === 'herself') f++;
    }
    return m > f ? 'm' : f > m ? 'f' : null;
  }

  protected override stripDeterminer(a: number, b: number): string | null {
    if (DETERMINERS.has(this.low[a]!) && b - a > 1) {
      return this.text.slice(this.toks[a + 1]!.start, this.toks[b - 1]!.end);
    }
    return null;
  }

  /**
   * `The Security Council … pledged sanctions against what it called "…"`: a pronoun later in its own
   * sentence whose subject is a name of the right kind (a person for he/she, an organisation for it) refers
   * to that subject, before any earlier speaker does.
   */
  protected override sentenceAntecedent(at: number, p: string): SpeakerRef | null {
    const wantPerson = p === 'he' || p === 'she' ? true : p === 'it' ? false : null;
    if (wantPerson === null) return null;
    const s = this.toks[at]!.sentence;
    if (this.sentFirst[s]! >= at - 1) return null;
    const m = this.sentenceSubject(s);
    if (!m || m.end > this.toks[at]!.start || !isCapitalised(this.text[m.start]!)) return null;
    if (PRONOUNS.has(this.text.slice(m.start, m.end).toLowerCase())) return null;
    const isPerson = m.entity.type === 'PERSON';
    if (wantPerson ? !isPerson : m.entity.type !== 'ORG') return null;
    if (wantPerson && this.genderOf(m.entity) === (p === 'he' ? 'f' : 'm')) return null;
    return { speaker: m.entity.id, name: m.entity.name, person: isPerson };
  }

  /**
   * `Demonstrators said they want "justice"`: a "they" right after a report verb (and "that") speaks for
   * the plural subject of that verb, in the same clause; walking back through earlier speakers would pick
   * whoever was quoted last. Returns that subject phrase as tokens, or null.
   */
  protected override reportedThey([a, b]: [number, number]): [number, number] | null {
    if (b - a !== 1 || this.low[a] !== 'they') return null;
    const first = this.sentFirst[this.toks[a]!.sentence]!;
    let k = a - 1;
    if (k > first && this.low[k] === 'that') k--;
    if (k <= first || !this.reportCue(k) || isCapitalised(this.toks[k]!.text)) return null;
    const subj = this.subjectBefore(k);
    if (!subj) return null;
    const head = this.low[subj[1] - 1]!;
    if (PRONOUNS.has(head) || !/[a-z]s$/.test(head) || /ss$/.test(head) || !this.isNounPhrase(subj))
      return null;
    return subj[1] - subj[0] <= 5 ? subj : null;
  }

  protected override resolvePronoun(p: string, at: number, history: Candidate[]): SpeakerRef {
    const wantPerson = p === 'he' || p === 'she' ? true : p === 'it' ? false : null;
    if (p === 'i' || p === 'we' || p === 'you') return { speaker: null, name: null, person: null };
    for (let i = history.length - 1; i >= 0 && history.length - i <= 200; i--) {
      const h = history[i]!;
      if (!h.speakerName && !h.speaker) continue;
      if (wantPerson === null || h.person === wantPerson) {
        return { speaker: h.speaker, name: h.speakerName, person: h.person };
      }
    }
    // no earlier speaker: the closest earlier entity of the right kind
    const pos = this.toks[at]!.start;
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && lo - i <= 2000; i--) {
      const m = this.mentions[i]!;
      if (m.end > pos) continue;
      const isPerson = m.entity.type === 'PERSON';
      if (
        wantPerson === null
          ? isPerson || m.entity.type === 'ORG'
          : wantPerson
            ? isPerson
            : m.entity.type === 'ORG'
      ) {
        return { speaker: m.entity.id, name: m.entity.name, person: isPerson };
      }
    }
    return { speaker: null, name: null, person: null };
  }

  protected override resolveSpeakers(cands: Candidate[]): void {
    const history: Candidate[] = [];
    let lastDirect: Candidate | undefined;
    for (const c of cands) {
      if (c.participle) {
        // the subject of the main clause: an attribution with a cue earlier in the same sentence
        let main: Candidate | undefined;
        for (let i = history.length - 1; i >= 0 && history[i]!.sentence >= c.sentence; i--) {
          const h = history[i]!;
          // "… an architect who said he was stiffed …, saying": not a cue inside a relative clause
          if (h.sentence === c.sentence && h.cue !== null && h.cue[0] < c.cue![0] && !this.subordinate(h)) {
            main = h;
            break;
          }
        }
        if (main) {
          c.speaker = main.speaker;
          c.speakerName = main.speakerName;
          c.person = main.person;
          c.speakerSpan = main.speakerSpan;
        } else {
          const subj =
            this.clauseSubject(c.sentence, c.cue![0]) ??
            this.mainSubject(c.sentence, c.cue![0]) ??
            this.subjectBefore(this.firstVerbGuess(c.sentence, c.cue![0])) ??
            this.subjectMention(c.sentence, c.cue![0]);
          if (subj) {
            const r = this.resolvePhrase(subj, history);
            c.speaker = r.speaker;
            c.speakerName = r.name;
            c.person = r.person;
            c.speakerSpan = subj;
          }
        }
      } else if (c.source) {
        c.source = this.reportedThey(c.source) ?? c.source;
        const r = this.resolvePhrase(c.source, history);
        c.speaker = r.speaker;
        c.speakerName = r.name;
        c.person = r.person;
        c.speakerSpan = c.source;
      } else if (c.inherit) {
        // a cue-less quote paragraph: the speaker of the adjacent earlier quote, or of a report just before
        // it (`Annan said he did not think … "could take another crisis". [¶] "It's in a very …"`)
        let last = history.length > 0 ? history[history.length - 1]! : undefined;
        // of several reports in that sentence, the main clause's (the first): "Karaha denied …, although
        // Paris has suggested …"
        for (let i = history.length - 2; last && last.kind === 'indirect' && i >= 0; i--) {
          const h = history[i]!;
          if (h.sentence !== last.sentence) break;
          if (h.kind === 'indirect' && h.cue && h.speaker && this.reportCue(h.cue[0])) last = h;
        }
        // …but not one inside a relative or subordinate clause ("Citizens who say …, he said")
        if (last && last.kind === 'indirect' && this.subordinate(last)) {
          let main: Candidate | undefined;
          for (let i = history.length - 1; i >= 0 && history[i]!.sentence >= last.sentence; i--) {
            const h = history[i]!;
            if (h.sentence === last.sentence && h.kind === 'indirect' && !this.subordinate(h)) {
              main = h;
              break;
            }
          }
          last = main ?? lastDirect;
        }
        const report =
          last &&
          last.kind === 'indirect' &&
          last.cue &&
          (last.speaker || last.speakerName) &&
          c.sentence - last.sentence <= 1 &&
          !(lastDirect && lastDirect.paragraph === c.paragraph) &&
          this.reportCue(last.cue[0]);
        const prev = report ? last : lastDirect;
        // `Sanders … identified exhaustion with bigotry as a reason. "The younger people are …"`: a
        // person introduced in the same paragraph right before the quote, over a speaker of an earlier one
        const intro = prev && prev.paragraph < c.paragraph ? this.paragraphIntro(c) : null;
        if (intro) {
          const [a, b] = intro;
          const r = this.resolvePhrase(intro, history);
          c.speaker = r.speaker;
          c.speakerName = r.name;
          c.person = r.person;
          c.speakerSpan = [a, b];
          c.rule = 'direct:intro';
        } else if (
          prev &&
          c.paragraph - prev.paragraph <= 1 &&
          (prev.speaker || prev.speakerName || prev.speakerSpan)
        ) {
          c.speaker = prev.speaker;
          c.speakerName = prev.speakerName;
          c.person = prev.person;
          c.speakerSpan = prev.speakerSpan;
          c.rule = 'direct:inherited';
          // the rest of a quote split around its cue in one paragraph is the same attribution
          if (prev.paragraph === c.paragraph && prev.cue) c.cue = prev.cue;
        }
      }
      if (c.speaker || c.speakerName) history.push(c);
      else if (c.kind === 'direct') history.push(c);
      if (c.kind === 'direct') lastDirect = c;
    }
    // cue-less quotes before their speaker is named: take the next adjacent quote's speaker
    let next: Candidate | undefined;
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i]!;
      const after = next;
      if (c.kind === 'direct') next = c;
      if (!c.inherit || c.speaker || c.speakerName || c.speakerSpan) continue;
      if (
        after &&
        after.paragraph - c.paragraph <= 1 &&
        (after.speaker || after.speakerName || after.speakerSpan)
      ) {
        const next = after;
        c.speaker = next.speaker;
        c.speakerName = next.speakerName;
        c.person = next.person;
        c.speakerSpan = next.speakerSpan;
        if (next.paragraph === c.paragraph && next.cue) c.cue = next.cue;
      }
    }
    this.inheritFromNarrative(cands);
  }

  /**
   * The person a cue-less quote's paragraph opens with: the named subject of the narrative sentence right
   * before the quote, in the same paragraph (not a quote sentence itself), as tokens; null otherwise.
   */
  protected override paragraphIntro(c: Candidate): [number, number] | null {
    const s = c.sentence - 1;
    const f = s >= 0 ? this.sentFirst[s]! : -1;
    if (f < 0 || this.paraOf[f] !== c.paragraph || this.regionOf[f]! >= 0 || isQuoteMark(this.low[f]!))
      return null;
    let m = this.sentenceSubject(s);
    if (!m) {
      // `On "Face the Nation," Sen. Bernie Sanders (Vt.), who lost …, identified …`: the clause subject
      const subj = this.mainSubject(s, this.sentLast[s]!);
      if (subj) {
        const a = this.toks[subj[0]]!.start;
        m = this.mentionsIn(a, this.toks[subj[1] - 1]!.end).find((x) => x.entity.type === 'PERSON') ?? null;
      }
    }
    if (m?.entity.type !== 'PERSON' || !isCapitalised(this.text[m.start]!)) return null;
    if (PRONOUNS.has(this.text.slice(m.start, m.end).toLowerCase())) return null;
    return [this.tokenAt(m.start), this.tokenAt(m.end - 1) + 1];
  }

  /**
   * Cue-less quotes that no adjacent quote or report attributes take the actor of the narrative sentence
   * right before them, in the same or the previous paragraph: the speaker of its main attribution ("He
   * called on the government to …"), else its subject (`Abbas, who …, also appealed for calm. [¶] "Any
   * bullet shot …"`). Quote sentences are no narrative.
   */
  protected override inheritFromNarrative(cands: Candidate[]): void {
    const main = new Map<number, Candidate>();
    for (const c of cands)
      if (c.cue && c.speaker && !main.has(c.sentence) && !this.subordinate(c)) main.set(c.sentence, c);
    const seen: Candidate[] = [];
    for (const c of cands) {
      if (c.speaker) seen.push(c);
      if (!c.inherit || c.speaker || c.speakerName || c.speakerSpan) continue;
      const s = c.sentence - 1;
      const f = s >= 0 ? this.sentFirst[s]! : -1;
      if (f < 0 || c.paragraph - this.paraOf[f]! > 1) continue;
      const h = main.get(s);
      if (h) {
        c.speaker = h.speaker;
        c.speakerName = h.speakerName;
        c.person = h.person;
        c.speakerSpan = h.speakerSpan;
        continue;
      }
      if (this.regionOf[f]! >= 0 || isQuoteMark(this.low[f]!)) continue;
      if (this.low[f] === 'the' && DOC_NOUNS.has(this.low[f + 1]!)) {
        // "The report urges China to …" [¶] "Its obstinacy …": the document's author
        const author = this.documentAuthor(f, this.low[f + 1]!, seen);
        if (author?.speaker) {
          c.speaker = author.speaker;
          c.speakerName = author.name;
          c.person = false;
          c.speakerSpan = [f, f + 2];
        }
        continue;
      }
      const m = this.sentenceSubject(s);
      if (
        !m ||
        !(m.entity.type === 'PERSON' || m.entity.type === 'ORG') ||
        !isCapitalised(this.text[m.start]!)
      )
        continue;
      c.speaker = m.entity.id;
      c.speakerName = m.entity.name;
      c.person = m.entity.type === 'PERSON';
      c.speakerSpan = [this.tokenAt(m.start), this.tokenAt(m.end - 1) + 1];
    }
  }
}
