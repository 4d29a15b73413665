import { CUE_PREFIX, cueClass, DETERMINERS, SUBJECT_STOP } from './lexicon.js';
import { isQuoteMark, type QuoteRegion } from './marks.js';
import {
  AS_PUT_BARE,
  AS_PUT_OBJECT,
  type Candidate,
  CLAUSE_PUNCT,
  CLAUSE_VERBS,
  END_PUNCT,
  type ExtractedQuote,
  isCapitalised,
  isWordToken,
  SUBJECT_PRONOUNS,
} from './shared.js';
import { SpeakerResolution } from './speakers/resolve.js';

/** Partial quotes: quoted fragments inside a report, owned by the report's speaker. */
export abstract class PartialQuotes extends SpeakerResolution {
  /** An attribution whose cue sits in a relative or subordinate clause: "who say", "although X said". */
  protected override subordinate(c: Candidate): boolean {
    if (!c.cue) return false;
    const k = c.cue[0];
    const first = this.sentFirst[this.toks[k]!.sentence]!;
    if (k > first && (this.low[k - 1] === 'who' || this.low[k - 1] === 'which')) return true;
    const b = c.source ? c.source[0] : -1;
    const w = b > first ? this.low[b - 1]! : '';
    // "But Lankov argued …": a coordinator opening the sentence leaves its clause the main one
    if (b - 1 === first && (w === 'but' || w === 'yet' || w === 'so' || w === 'or')) return false;
    return b > first && SUBJECT_STOP.has(w) && w !== 'and';
  }

  /** A cue that reports speech ("said", "told", "warned"), not a stance verb ("wants", "backed"). */
  protected override reportCue(k: number): boolean {
    const cls = cueClass(this.low[k]!);
    return cls === 'strong' || cls === 'that' || this.low[k] === 'according';
  }

  /** A rough main-verb position for participle clauses without an earlier cue: the token before the comma. */
  /**
   * "When his family moved back, his mother refused to teach him, insisting …": the subject of the clause
   * right before the participle's comma, when that clause opens with one.
   */
  protected override clauseSubject(s: number, cueTok: number): [number, number] | null {
    const first = this.sentFirst[s]!;
    const c = cueTok - 1; // the comma before the participle
    let b = c;
    while (b > first && c - b < 30 && !CLAUSE_PUNCT.has(this.low[b - 1]!)) b--;
    if (b <= first) return null;
    for (let i = b + 1; i < c; i++) {
      const w = this.low[i]!;
      const verb = (/(ed|s)$/.test(w) || cueClass(w) === 'strong') && !isCapitalised(this.toks[i]!.text);
      if (verb && !CUE_PREFIX.has(w)) {
        const subj = this.subjectBefore(i);
        const named = subj && (this.leadingPhrase(subj) || this.isSpeakerPhrase(subj[0], subj[1]));
        return subj && subj[0] === b && named ? subj : null;
      }
    }
    return null;
  }

  /**
   * `Dean, a former party chairman, poked at …, tweeting, "…"` / `Clinton spoke out Tuesday about …,
   * arguing …`: the person or organisation mention opening the sentence (or its main clause), as tokens,
   * when it lies before token `before`; null otherwise.
   */
  protected override subjectMention(s: number, before: number): [number, number] | null {
    const m = this.sentenceSubject(s);
    if (!m || (m.entity.type !== 'PERSON' && m.entity.type !== 'ORG')) return null;
    const a = this.tokenAt(m.start);
    const b = this.tokenAt(m.end - 1) + 1;
    return b <= before ? [a, b] : null;
  }

  protected override firstVerbGuess(s: number, cueTok: number): number {
    const first = this.sentFirst[s]!;
    for (let i = first + 1; i < cueTok; i++) {
      const w = this.low[i]!;
      if (CLAUSE_PUNCT.has(w)) break;
      if (/(ed|s)$/.test(w) && !isCapitalised(this.toks[i]!.text) && i > first) return i;
    }
    return first;
  }

  /** Attributions indexed for partial quotes: by content start, and the first one cued in each sentence. */
  protected override ownerIndex(cands: Candidate[]): {
    byStart: Candidate[];
    bySentence: Map<number, Candidate>;
  } {
    if (this.owners) return this.owners;
    const byStart = cands
      .filter((c) => c.kind !== 'partial')
      .sort((x, y) => x.content.start - y.content.start);
    const bySentence = new Map<number, Candidate>();
    for (const c of cands) {
      if (!c.cue) continue;
      const s = this.toks[c.cue[0]]!.sentence;
      if (!bySentence.has(s)) bySentence.set(s, c);
    }
    this.owners = { byStart, bySentence };
    return this.owners;
  }

  protected override partialQuote(r: QuoteRegion, cands: Candidate[]): ExtractedQuote | null {
    const content = this.contentSpan(r.from, r.to);
    if (!content) return null;
    const s = this.toks[r.open]!.sentence;
    // the attribution whose content holds the fragment, else one cued in the same sentence
    const idx = this.ownerIndex(cands);
    let owner: Candidate | undefined;
    let lo = 0;
    let hi = idx.byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (idx.byStart[mid]!.content.start <= content.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && lo - i <= 50; i--) {
      const c = idx.byStart[i]!;
      if (c.content.end >= content.end && (!owner || c.anchor < owner.anchor)) owner = c;
    }
    owner ??= idx.bySentence.get(s);
    let speaker: string | null = null;
    let speakerName: string | null = null;
    let speakerSpan: [number, number] | null = null;
    let cue: [number, number] | null = null;
    let rule = 'partial:report';
    const asPut = this.asTheyPutIt(r);
    if (asPut) {
      // `… a "lawful source of income," as a Homeland Security memo put it`: the one named there
      const res = this.resolvePhrase(asPut, []);
      speaker = res.speaker;
      speakerName = res.name ?? this.text.slice(this.toks[asPut[0]]!.start, this.toks[asPut[1] - 1]!.end);
      speakerSpan = asPut;
      rule = 'partial:as-put';
    } else if (owner && (owner.speaker || owner.speakerName)) {
      speaker = owner.speaker;
      speakerName = owner.speakerName;
      speakerSpan = owner.speakerSpan;
      cue = owner.cue;
    } else {
      // no report around it: the subject entity of the sentence proposes the term (or it is left out):
      // the one opening the sentence or its main clause ("In his speech, Trump proclaimed a "…""), else
      // the first person or organisation named before the quote
      const first = this.sentFirst[s]!;
      const opening = this.sentenceSubject(s);
      const ms = this.mentionsIn(this.toks[first]!.start, this.toks[r.open]!.start);
      const named =
        opening &&
        (opening.entity.type === 'PERSON' || opening.entity.type === 'ORG') &&
        opening.end <= this.toks[r.open]!.start
          ? opening
          : null;
      // `He made the criticism while showing support for Clinton's "public option"` / `Although the IMF
      // …, it referenced "…"`: a pronoun opening the main clause before its verb is the subject
      const mc = this.mainClauseStart(first, r.open);
      const pro = SUBJECT_PRONOUNS.has(this.low[mc]!) && mc + 1 < r.open;
      if (!named && pro && isWordToken(this.low[mc + 1]!) && !isCapitalised(this.toks[mc + 1]!.text)) {
        const res = this.resolvePhrase([mc, mc + 1], []);
        speaker = res.speaker;
        speakerName = res.name;
        speakerSpan = [mc, mc + 1];
      } else {
        const m = named ?? ms.find((x) => x.entity.type === 'PERSON' || x.entity.type === 'ORG');
        if (!m) return null;
        speaker = m.entity.id;
        speakerName = m.entity.name;
        const a = this.tokenAt(m.start);
        speakerSpan = [a, this.tokenAt(m.end - 1) + 1];
      }
      rule = 'partial:subject';
    }
    return {
      id: '',
      kind: 'partial',
      start: content.start,
      end: content.end,
      text: this.text.slice(content.start, content.end),
      speaker,
      speakerName,
      cue: cue ? this.tokSpan(cue) : null,
      rule,
      speakerSpan: speakerSpan ? this.tokSpan(speakerSpan) : null,
    };
  }

  /**
   * `as a Homeland Security memo put it, "…"` / `"…," as The New Yorker called it` / `as Smith wrote, "…"`:
   * the phrase naming whose words a quoted fragment is, within ten tokens of its marks in the same sentence.
   */
  protected override asTheyPutIt(r: QuoteRegion): [number, number] | null {
    if (r.close < 0) return null;
    const s = this.toks[r.open]!.sentence;
    const from = Math.max(this.sentFirst[s]!, r.open - 12);
    const to = Math.min(this.sentLast[s]!, r.close + 12);
    for (let i = from; i < to; i++) {
      if (i >= r.open && i <= r.close) {
        i = r.close;
        continue;
      }
      if (this.low[i] !== 'as') continue;
      for (let v = i + 2; v < to && v - i <= 7; v++) {
        const w = this.low[v]!;
        if (!isWordToken(w) || CLAUSE_VERBS.has(w)) break;
        const next = this.low[v + 1] ?? '.';
        const ok = AS_PUT_OBJECT.has(w)
          ? next === 'it' || next === 'them'
          : AS_PUT_BARE.has(w) && (CLAUSE_PUNCT.has(next) || END_PUNCT.has(next) || isQuoteMark(next));
        if (!ok) continue;
        return this.isSpeakerPhrase(i + 1, v) || this.isNamePhrase(i + 1, v) ? [i + 1, v] : null;
      }
    }
    return null;
  }

  /** A short phrase of a determiner or number and capitalised words ("one aide", "a Homeland Security memo"). */
  protected override isNamePhrase(a: number, b: number): boolean {
    if (b - a > 6) return false;
    for (let i = a; i < b; i++) if (!isWordToken(this.low[i]!) && this.low[i] !== '.') return false;
    return DETERMINERS.has(this.low[a]!) || this.low[a] === 'one' || isCapitalised(this.toks[a]!.text);
  }
}
