import { IndirectSpeech } from '../indirect.js';
import { CUE_PREFIX, cueClass, DETERMINERS, PERSON_NOUNS, PRONOUNS, SUBJECT_STOP } from '../lexicon.js';
import { isQuoteMark } from '../marks.js';
import {
  APPOSITIVE_OPEN,
  CLAUSE_PUNCT,
  CLAUSE_VERBS,
  END_PUNCT,
  isCapitalised,
  isWordToken,
  JUNK_OPENERS,
  LEADING_PREPS,
  MAX_SUBJECT,
  NEGATIONS,
  OBJECT_PREPS,
  POSSESSIVES,
  SENTENCE_PREPS,
  SUBORDINATORS,
} from '../shared.js';

/** A day of the week, lower-cased. */
const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/;

/**
 * Speaker phrases: the subject of a cue (before it, inverted after it, coordinated, appositive, opening the
 * clause).
 */
export abstract class SpeakerSubjects extends IndirectSpeech {
  /**
   * "Rubio stood up and said …" / "Barkley, who said …": the cue has no subject of its own; the speaker is
   * the leading noun phrase of the clause before "and" / "but", or the phrase before ", who".
   */
  protected override coordinateSubject(k: number, first: number): [number, number] | null {
    let e = k;
    while (e > first && CUE_PREFIX.has(this.low[e - 1]!)) e--;
    const w = this.low[e - 1];
    if (e - 1 <= first) return null;
    if (w === 'who') {
      let b = e - 1;
      if (this.low[b - 1] === ',') b--;
      // "… from Chancellor Angela Merkel, who said": the person named right before the relative pronoun
      const t = this.toks[b - 1];
      const named = t
        ? this.mentionsIn(t.start, t.end).find(
            (m) => m.entity.type === 'PERSON' && m.end === t.end && isCapitalised(this.text[m.start]!),
          )
        : undefined;
      if (named) return [this.tokenAt(named.start), b];
      const np = this.subjectBefore(b);
      const lead = np ? this.leadingPhrase(np) : null;
      // "four in 10 who said …": the relative pronoun is the speaker phrase
      return lead ?? [e - 1, e];
    }
    if (w === 'and' || w === 'but') {
      // "Lazar said he welcomed it and added, …": the subject of the earlier verb in the sentence
      for (let j = e - 2; j > first && e - j < 30; j--) {
        const x = this.low[j]!;
        if (CLAUSE_PUNCT.has(x) || isQuoteMark(x)) break;
        if (!this.cueAt(j)) continue;
        // "… agreement which calls for …, and said": a cue inside a relative clause is not the main verb
        const before = this.low[j - 1]!;
        if (before === 'which' || before === 'who' || before === 'that') continue;
        const sub = this.subjectBefore(j);
        if (sub && this.leadingPhrase(sub)) return this.leadingPhrase(sub);
        break;
      }
      if (this.low[e - 2] === ',' && e - 2 > first) {
        // `Hashimoto thanked Fujimori, but noted: "…"`: the subject opening the clause before the comma
        let b = e - 2;
        while (
          b > first &&
          e - b < 30 &&
          !CLAUSE_PUNCT.has(this.low[b - 1]!) &&
          !isQuoteMark(this.low[b - 1]!)
        )
          b--;
        if (b === first || this.low[b - 1] === ',') {
          const lp = this.leadingPhrase([b, e - 2]);
          if (lp && this.isSpeakerPhrase(lp[0], lp[1])) return lp;
        }
        // "He recalled the accord, which calls for …, and said": the subject opening the sentence
        return this.openingSubject(first, e - 2);
      }
      const clause = this.subjectBefore(e - 1) ?? null;
      let lp: [number, number] | null;
      if (!clause) {
        // walk to the clause start and take its leading phrase
        let b = e - 1;
        while (b > first && !CLAUSE_PUNCT.has(this.low[b - 1]!) && e - b < MAX_SUBJECT * 2) b--;
        lp = this.leadingPhrase([b, e - 1]);
      } else lp = this.leadingPhrase(clause);
      // `Clinton, the former secretary of State, stressed … and said: "…"`: the main clause's subject
      return lp ?? this.openingSubject(first, e - 1) ?? this.mainSubject(this.toks[k]!.sentence, e - 1);
    }
    return null;
  }

  /**
   * `He evoked the 1984 agreement … and said: "…"`: the pronoun or name opening the sentence, right before
   * its (lower-case) verb, when the walk back from the coordinated cue found no subject of its own.
   */
  protected override openingSubject(first: number, end: number): [number, number] | null {
    const lp = this.leadingPhrase([first, end]);
    if (!lp || lp[1] >= end || !this.isSpeakerPhrase(lp[0], lp[1])) return null;
    const next = this.toks[lp[1]]!.text;
    return isWordToken(next) && !isCapitalised(next) ? lp : null;
  }

  /**
   * `Said Ellis: "…"`: the speaker phrase after an inverted cue that runs exactly up to the colon or comma
   * before the quote (token `end`), or null.
   */
  protected override invertedSubject(from: number, end: number): [number, number] | null {
    if (end - from < 1 || end - from > 8) return null;
    const src = this.phraseAfter(from, end);
    if (!src || src[1] !== end || !this.isNounPhrase(src)) return null;
    return this.isSpeakerPhrase(src[0], src[1]) ? src : null;
  }

  /** `The piece used …`: a determiner and one to three words opening a clause, right before a past-tense verb. */
  protected override openingNominal(a: number, end: number): [number, number] | null {
    if (!DETERMINERS.has(this.low[a]!)) return null;
    for (let e = a + 2; e < end && e - a <= 4; e++) {
      const w = this.low[e]!;
      if (!isWordToken(w)) return null;
      if (/[a-z]ed$/.test(w) || CLAUSE_VERBS.has(w)) return this.isSpeakerPhrase(a, e) ? [a, e] : null;
    }
    return null;
  }

  /**
   * Where the main clause of a sentence starts: after a leading place, time or subordinate phrase closed by
   * a comma ("In his speech Wednesday, Trump …", "Although the IMF …, it …"); else at `first`. Bounded.
   */
  protected override mainClauseStart(first: number, end: number): number {
    const w = this.low[first]!;
    if (!(LEADING_PREPS.has(w) || SENTENCE_PREPS.has(w) || SUBORDINATORS.has(w))) return first;
    for (let i = first + 1; i < end && i - first < 30; i++) {
      const x = this.low[i]!;
      if (x === ',') return i + 1 < end ? i + 1 : first;
      if (isQuoteMark(x) || x === ';' || x === ':' || END_PUNCT.has(x)) return first;
    }
    return first;
  }

  /** A lower-case word that reads as a finite verb right after a noun phrase (`prev`: the word before it). */
  protected override finiteVerbAt(i: number): boolean {
    const t = this.toks[i]!.text;
    const w = this.low[i]!;
    if (!isWordToken(w) || isCapitalised(t)) return false;
    if (CLAUSE_VERBS.has(w) || /[a-z]ed$/.test(w) || cueClass(w) === 'strong') return true;
    // "Trump says" / "he tells": an -s verb after a name or a pronoun ("groups granted" is a noun first)
    if (/[a-z]s$/.test(w) && !/ss$/.test(w) && i > 0) {
      const p = this.toks[i - 1]!.text;
      return isCapitalised(p) || PRONOUNS.has(this.low[i - 1]!);
    }
    return false;
  }

  /**
   * Like `mainClauseStart`, but a leading phrase may hold a quoted title (`On "Face the Nation," Sanders
   * …`): wire style puts its comma inside the closing mark, so that comma ends the phrase too.
   */
  protected override leadingPhraseEnd(first: number, end: number): number {
    const w = this.low[first]!;
    if (!(LEADING_PREPS.has(w) || SENTENCE_PREPS.has(w) || SUBORDINATORS.has(w))) return first;
    for (let i = first + 1; i < end && i - first < 30; i++) {
      const x = this.low[i]!;
      if (x === ';' || x === ':' || END_PUNCT.has(x)) return first;
      if (x !== ',') continue;
      if (this.regionOf[i]! < 0) return i + 1 < end ? i + 1 : first;
      if (isQuoteMark(this.low[i + 1] ?? '') && i + 2 < end) return i + 2;
    }
    return first;
  }

  /**
   * A light clause analysis of a sentence's main clause, for cues that carry no subject of their own
   * (`…, saying …`, `… and said …`): past a leading prepositional or subordinate phrase closed by a comma,
   * the noun phrase that opens the clause, then past a parenthesis (`(D)`) and one appositive or relative
   * clause between commas (`, the chief executive of X,` / `, who lost the primaries,`), an optional
   * adverb, and a finite verb before token `before`. Word windows pick the nearest name instead (the
   * object of the appositive, the one inside the relative clause); the subject is who speaks. Returns the
   * subject phrase as tokens, or null when the sentence does not open that way.
   */
  protected override mainSubject(s: number, before: number): [number, number] | null {
    return this.clauseHead(s, before)?.subject ?? null;
  }

  /**
   * `Attorney General Roy Cooper (D), McCrory's opponent …, called …`: the subject of cue token `k` when
   * `k` is the main verb right after the sentence's opening noun phrase and its appositive; such a clause
   * is no quoted content of an inverted cue (`CONTENT, said the minister`). Null otherwise.
   */
  protected override headSubject(k: number): [number, number] | null {
    const h = this.clauseHead(this.toks[k]!.sentence, k + 1);
    return h && h.verb === k ? h.subject : null;
  }

  /** `mainSubject` with the position of the verb found. */
  protected override clauseHead(
    s: number,
    before: number,
  ): { subject: [number, number]; verb: number } | null {
    const first = this.sentFirst[s]!;
    const last = Math.min(this.sentLast[s]!, before);
    const a = this.leadingPhraseEnd(first, last);
    // the noun phrase: words up to the first finite verb or punctuation, at most six
    let b = a;
    while (b < last && b - a < 6) {
      const w = this.low[b]!;
      if (!isWordToken(w) && w !== '.' && !/^['’]s$/.test(w)) break;
      if (b > a && (this.finiteVerbAt(b) || SUBJECT_STOP.has(w) || w === 'who' || w === 'which')) break;
      b++;
    }
    if (b === a || b >= last) return null;
    const w0 = this.low[a]!;
    const nominal = PRONOUNS.has(w0) ? b - a === 1 : isCapitalised(this.toks[a]!.text) || !/ing$/.test(w0);
    if (!nominal || JUNK_OPENERS.has(w0) || SUBORDINATORS.has(w0) || LEADING_PREPS.has(w0)) return null;
    let v = b;
    if (this.low[v] === '(') {
      let c = v + 1;
      while (c < last && c - v < 8 && this.low[c] !== ')') c++;
      if (this.low[c] !== ')') return null;
      v = c + 1;
    }
    if (this.low[v] === ',') {
      let c = v + 1;
      while (c < last && c - v < 30 && this.low[c] !== ',') {
        const w = this.low[c]!;
        if (END_PUNCT.has(w) || isQuoteMark(w) || w === ';' || w === ':') return null;
        c++;
      }
      if (this.low[c] !== ',' || c === v + 1) return null;
      v = c + 1;
    }
    if (v < last && /[a-z]ly$/.test(this.low[v]!) && !isCapitalised(this.toks[v]!.text)) v++;
    return v < last && this.finiteVerbAt(v) ? { subject: [a, b], verb: v } : null;
  }

  /** Trims a token range to its leading noun phrase: determiners, capitalised words, possessives, pronouns. */
  protected override leadingPhrase([a, b]: [number, number]): [number, number] | null {
    let i = a;
    while (i < b) {
      const w = this.low[i]!;
      const t = this.toks[i]!.text;
      if (i === a && PRONOUNS.has(w)) return [a, a + 1];
      if (DETERMINERS.has(w) || isCapitalised(t) || /^['’]s$/.test(w) || /^\d/.test(w)) {
        i++;
        continue;
      }
      break;
    }
    while (i > a && DETERMINERS.has(this.low[i - 1]!)) i--;
    // "His wife travelled …": a possessive alone is no subject; its noun comes with it
    if (i === a + 1 && POSSESSIVES.has(this.low[a]!) && i < b && isWordToken(this.low[i]!)) return [a, i + 1];
    return i > a ? [a, i] : null;
  }

  /**
   * "Steven Cheung, a campaign spokesman, said …" / "Ann Compton, who covered the White House, said …": a
   * name followed by an appositive or a relative clause between commas. Returns the name plus the
   * appositive (the whole phrase names the speaker), or null.
   */
  protected override appositiveSubject(k: number): [number, number] | null {
    const first = this.sentFirst[this.toks[k]!.sentence]!;
    let e = k;
    while (e > first && CUE_PREFIX.has(this.low[e - 1]!)) e--;
    if (e - 1 <= first || this.low[e - 1] !== ',') return null;
    // the appositive: back to the previous comma
    let c = e - 2;
    while (c > first && e - c < 30) {
      const w = this.low[c]!;
      if (w === ',') break;
      if (END_PUNCT.has(w) || isQuoteMark(w) || w === ';' || w === ':') return null;
      c--;
    }
    if (c <= first || this.low[c] !== ',' || c + 1 >= e - 1) return null;
    // "her senior adviser, Jake Sullivan, said": a name between commas after a nominal is the speaker
    const named = this.mentionsIn(this.toks[c + 1]!.start, this.toks[e - 2]!.end);
    if (
      named.length > 0 &&
      named[0]!.entity.type === 'PERSON' &&
      named[0]!.start === this.toks[c + 1]!.start &&
      named[0]!.end === this.toks[e - 2]!.end
    )
      return [c + 1, e - 1];
    // `spokesman Jacques Rummelhardt, asked if …, declared` / `Raul Castro, Cuba's defense minister …, said`
    // / `Karaha, speaking at …, on the border …, said`: a person's name right before the insert (one or two
    // comma-delimited parts) is the subject, whatever the insert holds
    for (let x = c, parts = 0; x > first && e - x < 40 && parts < 3; x--) {
      const w = this.low[x]!;
      if (END_PUNCT.has(w) || isQuoteMark(w) || w === ';' || w === ':') break;
      if (w !== ',') continue;
      parts++;
      const person = this.personEndingAt(x - 1, first);
      if (person >= 0) return [person, e - 1];
    }
    const a0 = this.low[c + 1]!;
    const appositive =
      APPOSITIVE_OPEN.has(a0) ||
      PERSON_NOUNS.has(this.low[e - 2]!) ||
      (!isCapitalised(this.toks[c + 1]!.text) && isWordToken(a0) && e - c <= 8);
    if (!appositive) return null;
    // "Marley Anderson, 21, a junior from Las Vegas, said": an age before the appositive
    if (c - 2 > first && /^\d+$/.test(this.low[c - 1]!) && this.low[c - 2] === ',') c -= 2;
    // the name before it: capitalised words (titles, initials, "of") from a clause start
    let b = c;
    while (b > first && c - b < 8) {
      const w = this.low[b - 1]!;
      const t = this.toks[b - 1]!.text;
      if (isCapitalised(t) || w === '.' || w === 'of' || w === '-' || /^['’]s$/.test(w)) {
        b--;
        continue;
      }
      break;
    }
    if (b >= c || !isCapitalised(this.toks[b]!.text)) return null;
    const before = b > first ? this.low[b - 1]! : '';
    if (
      b > first &&
      !CLAUSE_PUNCT.has(before) &&
      !isQuoteMark(before) &&
      before !== 'and' &&
      before !== 'but'
    )
      return null;
    return [b, e - 1];
  }

  /** Whether a capitalised token lies in the token range [a, b). */
  protected override hasCapitalised(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (isCapitalised(this.toks[i]!.text)) return true;
    return false;
  }

  /** A name inside a prepositional phrase ("better under president Saddam"): never a clause's subject. */
  protected override afterPreposition(t: number): boolean {
    let i = t - 1;
    while (i >= 0 && i > t - 4 && (PERSON_NOUNS.has(this.low[i]!) || DETERMINERS.has(this.low[i]!))) i--;
    return i >= 0 && OBJECT_PREPS.has(this.low[i]!);
  }

  /**
   * The first token of a person's name ending at token `t`, when the name opens its clause or follows a
   * title or role word ("foreign ministry spokesman Jacques Rummelhardt"); -1 otherwise.
   */
  protected override personEndingAt(t: number, first: number): number {
    if (t < first) return -1;
    const m = this.mentionsIn(this.toks[t]!.start, this.toks[t]!.end).find(
      (x) => x.entity.type === 'PERSON' && x.end === this.toks[t]!.end && isCapitalised(this.text[x.start]!),
    );
    if (!m) return -1;
    const b = this.tokenAt(m.start);
    if (b <= first) return b;
    const w = this.low[b - 1]!;
    const ok =
      CLAUSE_PUNCT.has(w) ||
      isQuoteMark(w) ||
      w === 'and' ||
      w === 'but' ||
      PERSON_NOUNS.has(w) ||
      isCapitalised(this.toks[b - 1]!.text);
    return ok ? b : -1;
  }

  /** The speaker phrase before a cue: walks back over auxiliaries, then over a noun phrase. */
  protected override subjectBefore(k: number): [number, number] | null {
    const s = this.toks[k]!.sentence;
    const first = this.sentFirst[s]!;
    let e = k;
    // "he did not support": a negated cue keeps its subject
    while (e > first && (CUE_PREFIX.has(this.low[e - 1]!) || NEGATIONS.has(this.low[e - 1]!))) e--;
    // "Shin on Friday said"
    if (e - 2 >= first && this.low[e - 2] === 'on' && /day$/.test(this.low[e - 1]!)) e -= 2;
    let b = e;
    while (b > first && e - b < MAX_SUBJECT) {
      const w = this.low[b - 1]!;
      if (w === ')') {
        // "Sen. Bernie Sanders (I-Vt.) said": step over a short parenthesis
        let o = b - 2;
        while (o > first && b - o < 8 && this.low[o] !== '(' && this.low[o] !== ')') o--;
        if (this.low[o] === '(' && o > first) {
          b = o;
          continue;
        }
        break;
      }
      if (CLAUSE_PUNCT.has(w) || END_PUNCT.has(w) || isQuoteMark(w)) break;
      if (SUBJECT_STOP.has(w)) {
        // "Shin and Sullivan said": keep "and" between capitalised words
        if ((w === 'and' || w === 'or') && b - 2 >= first && isCapitalised(this.toks[b - 2]!.text) && b < e) {
          if (isCapitalised(this.toks[b]!.text)) {
            b--;
            continue;
          }
        }
        break;
      }
      if (cueClass(w) && !isCapitalised(this.toks[b - 1]!.text) && w !== 'told') break;
      b--;
    }
    if (b >= e) return null;
    // junk is no speaker: "from saying", "Having said that", "in many cases reporting"
    const w0 = this.low[b]!;
    if (
      (JUNK_OPENERS.has(w0) || (/ing$/.test(w0) && !isCapitalised(this.toks[b]!.text))) &&
      !this.hasCapitalised(b + 1, e)
    )
      return null;
    if (/ing$/.test(w0) && e - b === 1) return null;
    // a subject phrase must contain a word
    for (let i = b; i < e; i++) if (isWordToken(this.toks[i]!.text)) return [b, e];
    return null;
  }

  /** The speaker phrase after an inverted cue ("said the minister, who …"), up to a comma or clause word. */
  protected override phraseAfter(from: number, end = this.toks.length): [number, number] | null {
    const s = from < this.toks.length ? this.toks[from]!.sentence : -1;
    if (s < 0) return null;
    // `"…," said on Tuesday Mike Cox`: a leading day is when, not who
    if (
      this.low[from] === 'on' &&
      WEEKDAY.test(this.low[from + 1] ?? '') &&
      this.toks[from + 2]?.sentence === s
    )
      from += 2;
    else if (
      (WEEKDAY.test(this.low[from]!) || this.low[from] === 'yesterday') &&
      this.toks[from + 1]?.sentence === s
    )
      from += 1;
    const stop = Math.min(end, this.sentLast[s]!, from + 12);
    let i = from;
    while (i < stop) {
      const w = this.low[i]!;
      if (CLAUSE_PUNCT.has(w) || END_PUNCT.has(w) || isQuoteMark(w)) break;
      if (w === 'who' || w === 'which' || w === 'that' || w === 'when' || w === 'while' || w === 'as') break;
      if (i > from && (w === 'in' || w === 'on' || w === 'at' || w === 'during' || w === 'after')) {
        // "the Organisation for Security and Cooperation in Europe envoy": a preposition inside a name
        const t = this.toks[i]!;
        if (!this.mentionsIn(t.start, t.end).some((m) => m.start < t.start && m.end > t.end)) break;
      }
      i++;
    }
    return i > from ? [from, i] : null;
  }

  /** "he" / "Trump" / "Sen. Ted Cruz" / "the judge": a pronoun, a run of capitalised words, or "the" + noun. */
  protected override isSpeakerPhrase(a: number, b: number): boolean {
    if (b - a === 1 && PRONOUNS.has(this.low[a]!)) return true;
    if (DETERMINERS.has(this.low[a]!)) {
      if (b - a < 2 || b - a > 4) return false;
      for (let i = a + 1; i < b; i++)
        if (!isWordToken(this.low[i]!) || CLAUSE_VERBS.has(this.low[i]!)) return false;
      return true;
    }
    for (let i = a; i < b; i++) {
      const t = this.toks[i]!.text;
      if (!isCapitalised(t) && t !== '.') return false;
    }
    return true;
  }

  /** A phrase without auxiliaries or modals: "the minister" is a speaker, "the plan was illegal" is not. */
  protected override isNounPhrase([a, b]: [number, number]): boolean {
    for (let i = a; i < b; i++) if (CLAUSE_VERBS.has(this.low[i]!)) return false;
    return true;
  }

  // ---------------------------------------------------------------- speakers
}
