import type { Span } from '../../core/types.js';
import { DirectQuotes } from './direct.js';
import { CUE_PREFIX, type CueClass, isParticiple, OBJECT_VERBS, PRONOUNS } from './lexicon.js';
import { isQuoteMark } from './marks.js';
import {
  type Candidate,
  CLAUSE_PUNCT,
  CONJ,
  END_PUNCT,
  isCapitalised,
  LEADING_PREPS,
  OBJECT_PREPS,
} from './shared.js';

/** Nouns that end a leading time adverbial after a cue ("said on that day …", "said at the time …"). */
const TIME_NOUNS = /^(?:\p{L}*day|time|week|weekend|month|year|morning|afternoon|evening|night|occasion)$/u;

/** Indirect speech: a reporting verb or "according to" plus the reported clause, outside quotation marks. */
export abstract class IndirectSpeech extends DirectQuotes {
  protected override findIndirect(cands: Candidate[], directSpans: Span[]): void {
    // taken contents per sentence: a candidate lies in one sentence, so each check is local (linear overall)
    const taken = new Map<number, Span[]>();
    const addTaken = (sp: Span) => {
      const s0 = this.toks[this.tokenAt(sp.start)]!.sentence;
      const s1 = this.toks[this.tokenAt(Math.max(sp.start, sp.end - 1))]!.sentence;
      for (let s = s0; s <= s1; s++) {
        const list = taken.get(s);
        if (list) list.push(sp);
        else taken.set(s, [sp]);
      }
    };
    for (const sp of directSpans) addTaken(sp);
    const overlapsTaken = (sp: Span, s: number) => {
      for (const t of taken.get(s) ?? []) {
        if (sp.start < t.end && t.start < sp.end) {
          const ov = Math.min(sp.end, t.end) - Math.max(sp.start, t.start);
          if (ov > 0.5 * (sp.end - sp.start) || ov > 0.5 * (t.end - t.start)) return true;
        }
      }
      return false;
    };
    const usedCue = new Set<number>();
    for (const c of cands) if (c.cue) usedCue.add(c.cue[0]);
    // three passes: "said"/"told"/"according to" first, so that a weaker cue in the same sentence
    // ("called on …") cannot take their content; then weaker cues that close their sentence ("…, it
    // added."), which report everything before them; then the rest
    for (const pass of [0, 1, 2])
      for (let s = 0; s < this.sentFirst.length; s++) {
        const first = this.sentFirst[s]!;
        const last = this.sentLast[s]!;
        if (first < 0) continue;
        let end = last;
        while (end > first && (END_PUNCT.has(this.low[end - 1]!) || isQuoteMark(this.low[end - 1]!))) end--;
        for (let k = first; k < end; k++) {
          if (this.regionOf[k]! >= 0 || usedCue.has(k)) continue;
          const cue = this.cueAt(k);
          if (!cue) continue;
          // a cue in a relative clause ("Citizens who say …, he said") waits for the main clause's
          const relative = k > first && (this.low[k - 1] === 'who' || this.low[k - 1] === 'which');
          const strong = (cue.cls === 'strong' || cue.cls === 'according') && !relative;
          if (pass === 0 ? !strong : strong) continue;
          if (pass === 1 && end - cue.end > 6) continue;
          const cand = this.indirectAt(k, cue.end, cue.cls, first, end, s);
          if (!cand) continue;
          if (pass === 1 && !cand.rule.startsWith('indirect:final')) continue;
          if (overlapsTaken(cand.content, s)) continue;
          addTaken(cand.content);
          usedCue.add(k);
          cands.push(cand);
          k = cue.end - 1;
        }
      }
  }

  protected override makeIndirect(
    rule: string,
    content: Span,
    cue: [number, number],
    source: [number, number] | null,
    sentence: number,
    participle = false,
  ): Candidate {
    return {
      kind: 'indirect',
      rule,
      content,
      cue,
      source,
      paragraph: this.paraOf[cue[0]]!,
      anchor: Math.min(cue[0], this.tokenAt(content.start)),
      inherit: false,
      region: null,
      speaker: null,
      speakerName: null,
      speakerSpan: null,
      person: null,
      sentence,
      participle,
    };
  }

  protected override indirectAt(
    k: number,
    cueEnd: number,
    cls: CueClass | 'according',
    first: number,
    end: number,
    s: number,
  ): Candidate | null {
    const cue: [number, number] = [k, cueEnd];
    if (cls === 'according') {
      const src = this.phraseAfter(cueEnd, end);
      if (!src) return null;
      if (k === first || (k > first && this.low[k - 1] === ',' && k - first <= 4)) {
        // "According to X, CONTENT."
        let c = src[1];
        if (this.low[c] === ',') c++;
        const content = this.contentSpan(c, end);
        return content && end - c >= 3
          ? this.makeIndirect('indirect:according-to', content, cue, src, s)
          : null;
      }
      // "CONTENT, according to X."
      let b = k;
      while (b > first && (this.low[b - 1] === ',' || isQuoteMark(this.low[b - 1]!))) b--;
      const content = this.contentSpan(first, b);
      return content && b - first >= 3
        ? this.makeIndirect('indirect:according-to', content, cue, src, s)
        : null;
    }
    const next = this.low[cueEnd];
    // participle: "…, saying the move was illegal"
    if (isParticiple(this.low[k]!) && k > first && this.low[k - 1] === ',') {
      const t = this.findThat(cueEnd, end);
      const c = t >= 0 ? t + 1 : this.low[cueEnd] === ':' ? cueEnd + 1 : cueEnd;
      if (end - c < 3 || CLAUSE_PUNCT.has(this.low[c]!) || isQuoteMark(this.low[c]!)) return null;
      const content = this.contentSpan(c, this.contentEnd(c, end));
      return content ? this.makeIndirect('indirect:participle', content, cue, null, s, true) : null;
    }
    const appos = this.appositiveSubject(k) ?? this.headSubject(k);
    // clause-final, inverted: "CONTENT, said the minister."
    if (
      !appos &&
      k > first + 2 &&
      (this.low[k - 1] === ',' || (isQuoteMark(this.low[k - 1]!) && this.low[k - 2] === ','))
    ) {
      if (next !== 'that' && next !== ':' && next !== ',') {
        const src = this.phraseAfter(cueEnd, end);
        if (src && src[1] - src[0] <= 10 && this.isNounPhrase(src)) {
          let b = k;
          while (b > first && (this.low[b - 1] === ',' || isQuoteMark(this.low[b - 1]!))) b--;
          const content = this.contentSpan(first, b);
          if (content && b - first >= 3)
            return this.makeIndirect('indirect:final-inverted', content, cue, src, s);
        }
      }
    }
    let subj = appos ?? this.subjectBefore(k);
    if (!subj) {
      subj = this.coordinateSubject(k, first);
      if (!subj) return null;
    }
    // clause-final: "CONTENT, X said (in a statement)."
    const beforeSubj = subj[0] - 1;
    if (beforeSubj > first && (this.low[beforeSubj] === ',' || isQuoteMark(this.low[beforeSubj]!))) {
      const restHasThat = next === 'that' || next === ':';
      const nearEnd = end - cueEnd <= 8 || next === ',';
      if (!restHasThat && nearEnd && subj[1] - subj[0] <= 8 && !this.hasClauseAfter(cueEnd, end)) {
        let b = beforeSubj + 1;
        while (b > first && (this.low[b - 1] === ',' || isQuoteMark(this.low[b - 1]!))) b--;
        // "The plan, an inside source said, is to …": a parenthetical cue inside its content
        const aside = next === ',' && cueEnd + 1 < end && end - cueEnd > 3 && this.low[cue[0] - 1] !== ',';
        const content = this.contentSpan(first, aside ? end : b);
        if (content && (aside || b - first >= 3))
          return this.makeIndirect(aside ? 'indirect:aside' : 'indirect:final', content, cue, subj, s);
      }
    }
    if (cls === 'final') return null;
    // verb-first: "X said (that) CONTENT."
    const c = this.contentStart(cueEnd, end, cls, this.low[k]!);
    if (c < 0 || end - c < 3) return null;
    const content = this.contentSpan(c, this.contentEnd(c, end));
    return content ? this.makeIndirect('indirect:verb', content, cue, subj, s) : null;
  }

  /**
   * Where a reported clause ends: before a second attribution coordinated in the same sentence ("…, but he
   * said …", "…, adding that …", "…; she added …"), which is a relation of its own. Bounded look-ahead.
   */
  protected override contentEnd(c: number, end: number): number {
    for (let i = c + 2; i < end; i++) {
      const w = this.low[i]!;
      if (w !== ',' && w !== ';' && w !== '—' && w !== '--') continue;
      let j = i + 1;
      if (j < end && CONJ.has(this.low[j]!)) j++;
      if (j >= end) break;
      const cue0 = this.cueAt(j);
      if (cue0 && isParticiple(this.low[j]!)) return i;
      // a subject of up to eight words, then a reporting verb
      for (let h = j + 1; h < end && h - j <= 8; h++) {
        const x = this.low[h]!;
        if (CLAUSE_PUNCT.has(x) || END_PUNCT.has(x) || isQuoteMark(x) || x === 'that') break;
        if (CUE_PREFIX.has(x)) continue;
        const cue = this.cueAt(h);
        if (cue) {
          if (cue.cls === 'strong' || cue.cls === 'that' || cue.cls === 'according') return i;
          break;
        }
      }
    }
    // "… and says he introduced …": a second verb of the same speaker
    for (let i = c + 2; i < end; i++) {
      if (this.low[i] !== 'and' && this.low[i] !== 'but') continue;
      let h = i + 1;
      while (h < end && h - i < 4 && CUE_PREFIX.has(this.low[h]!)) h++;
      const cue = h < end ? this.cueAt(h) : null;
      if (cue && cue.cls === 'strong') return i;
    }
    return end;
  }

  /** True when a that-clause follows the cue (so a speaker after a comma is a subject, not clause-final). */
  protected override hasClauseAfter(cueEnd: number, end: number): boolean {
    return cueEnd < end && this.findThat(cueEnd, end) >= 0;
  }

  protected override findThat(from: number, end: number): number {
    for (let i = from; i < end && i < from + 10; i++) {
      const w = this.low[i]!;
      // "said on that day he would …", "at that time": after a preposition "that" is a determiner
      if (
        w === 'that' &&
        !(i > from && (OBJECT_PREPS.has(this.low[i - 1]!) || LEADING_PREPS.has(this.low[i - 1]!)))
      )
        return i;
      if (w === ',' || w === ';' || isQuoteMark(w) || END_PUNCT.has(w)) return -1;
    }
    return -1;
  }

  /** Where the reported clause starts after a cue: after "that" / ":" / a listener object; -1 if none. */
  protected override contentStart(cueEnd: number, end: number, cls: CueClass, cueWord: string): number {
    if (cueEnd >= end) return -1;
    const t = cls === 'object' ? -1 : this.findThat(cueEnd, end);
    if (t >= 0) return t + 1;
    const next = this.low[cueEnd]!;
    if (next === ':') return cueEnd + 1;
    if (cls === 'final') return -1;
    if (next === ',' || END_PUNCT.has(next) || isQuoteMark(next) || next === 'by' || next === 'of') return -1;
    // stance verbs ("X wants a recount", "Y noted the risks"): the rest of the clause is the content
    if (cls === 'object' || cls === 'that') return cueEnd;
    if (OBJECT_VERBS.has(cueWord)) {
      // "told reporters the talks failed": skip the listener up to a clause-opening word
      let i = cueEnd + 1;
      while (i < end && i < cueEnd + 6) {
        const w = this.low[i]!;
        if (PRONOUNS.has(w) || w === 'the' || w === 'a' || w === 'there' || w === 'this') return i;
        if (w === ',' || END_PUNCT.has(w)) return -1;
        i++;
      }
      return cueEnd + 1 < end ? cueEnd + 1 : -1;
    }
    // "said on Friday the talks …": skip a leading time adverbial
    let i = cueEnd;
    if (this.low[i] === 'on' && i + 1 < end && /day$/.test(this.low[i + 1]!)) i += 2;
    else if (
      LEADING_PREPS.has(this.low[i]!) &&
      /^(?:that|the|this)$/.test(this.low[i + 1] ?? '') &&
      TIME_NOUNS.test(this.low[i + 2] ?? '')
    )
      i += 3;
    else if (/day$/.test(this.low[i]!) && isCapitalised(this.toks[i]!.text)) i += 1;
    if (this.low[i] === ',') i++;
    return i < end ? i : -1;
  }
}
