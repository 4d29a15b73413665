import { ExtractorBase } from './base.js';
import {
  CUE_PREFIX,
  type CueClass,
  cueClass,
  DETERMINERS,
  isParticiple,
  OBJECT_VERBS,
  ORG_NOUNS,
  PERSON_NOUNS,
  PRONOUNS,
  SPEECH_MEANS,
} from './lexicon.js';
import { isQuoteMark, type QuoteRegion } from './marks.js';
import {
  APPOSITIVE_OPEN,
  type Candidate,
  CLAUSE_PUNCT,
  CLAUSE_VERBS,
  CONJ,
  DASHES,
  DATELINE_LEAD,
  END_PUNCT,
  isCapitalised,
  isWordToken,
  NOUN_BEFORE,
  PARTY_TAG,
  PHRASAL,
  VERB_ONLY,
} from './shared.js';

/**
 * Direct quotes: classifies each quotation-mark region (title, partial fragment, or a quote of its own) and
 * finds its cue before, after or inside it.
 */
export abstract class DirectQuotes extends ExtractorBase {
  /** Looks like a name or title rather than speech: short, every word capitalised, no final punctuation. */
  protected override isTitleLike(r: QuoteRegion): boolean {
    const n = r.to - r.from;
    if (n > 6) return false;
    let words = 0;
    for (let i = r.from; i < r.to; i++) {
      const s = this.toks[i]!.text;
      if (END_PUNCT.has(s) || s === ',') return false;
      if (!isWordToken(s)) continue;
      words++;
      if (!isCapitalised(s) && !['of', 'the', 'and', 'for', 'in', 'on', 'to', 'a'].includes(s)) return false;
    }
    return words > 0;
  }

  /** Whether the quote opens a clause (sentence start, after ":" or after a cue) — the mark of direct speech. */
  protected override opensClause(r: QuoteRegion): boolean {
    const o = r.open;
    const s = this.toks[o]!.sentence;
    if (this.sentFirst[s] === o) return true;
    if (o > 0 && this.paraOf[o - 1] !== this.paraOf[o]) return true;
    // a quote opening a line of its own, even where no paragraph break was found
    if (o > 0 && this.text.slice(this.toks[o - 1]!.end, this.toks[o]!.start).includes('\n')) return true;
    const prev = this.low[o - 1];
    if (prev === ':') return true;
    // `"…" ― Ann Lee "…"`: the next quote of a signed list
    if (o === this.signatureEnd) return true;
    if (prev && cueClass(prev)) return true;
    if ((prev === ',' || prev === 'that') && o >= 2 && cueClass(this.low[o - 2]!)) return true;
    // `The businessman says of Clinton, "…"`: the cue's topic between it and the quote
    if (prev === ',') {
      for (let i = o - 2; i > o - 7 && i > 0; i--) {
        const w = this.low[i]!;
        if (CLAUSE_PUNCT.has(w) || END_PUNCT.has(w) || isQuoteMark(w)) break;
        if (w === 'of' && cueClass(this.low[i - 1]!) && this.cueAt(i - 1)) return true;
      }
    }
    // `"…," the judge exclaimed, "…"`: the rest of a quote split around a cue found after its first part
    if (prev === ',' && o >= 2 && this.splitCueEnd === o - 1) return true;
    return false;
  }

  protected override classifyRegion(r: QuoteRegion): Candidate | 'partial' | null {
    if (this.isTitleLike(r)) return null;
    const n = r.to - r.from;
    const after = r.close >= 0 ? this.cueAfterQuote(r) : null;
    if (r.single) return n >= 1 ? 'partial' : null;
    // a quote signed with its author's name after a dash is speech in its own right
    const dash = after ? null : this.dashSignature(r);
    const direct = (this.opensClause(r) && (n >= 3 || after !== null)) || (dash !== null && n >= 3);
    if (!direct) return n >= 1 ? 'partial' : null;
    const content = this.contentSpan(r.from, r.to);
    if (!content) return null;
    const cand: Candidate = {
      kind: 'direct',
      rule: 'direct',
      content,
      cue: null,
      source: null,
      paragraph: r.paragraph,
      anchor: r.open,
      inherit: false,
      region: r,
      speaker: null,
      speakerName: null,
      speakerSpan: null,
      person: null,
      sentence: this.toks[r.open]!.sentence,
      participle: false,
    };
    const label = this.transcriptLabel(r);
    if (label >= 0) {
      cand.cue = [label, label + 1];
      cand.source = [r.from, label];
      cand.rule = 'direct:label';
      return cand;
    }
    if (dash) {
      this.signatureEnd = dash.end;
      cand.cue = dash.cue;
      cand.source = dash.source;
      cand.rule = 'direct:dash';
      return cand;
    }
    if (after) {
      this.splitCueEnd = after.cue[1];
      cand.cue = after.cue;
      cand.source = after.source;
      cand.rule = 'direct:cue-after';
      cand.sentence = this.toks[after.cue[0]]!.sentence;
      return cand;
    }
    const before = this.cueBeforeQuote(r);
    if (before) {
      cand.cue = before.cue;
      cand.source = before.source;
      cand.rule = 'direct:cue-before';
      if (before.participle) {
        cand.participle = true;
        cand.sentence = this.toks[before.cue[0]]!.sentence;
      }
      return cand;
    }
    const later = r.close >= 0 ? this.cueLaterInSentence(r) : null;
    if (later) {
      cand.cue = later.cue;
      cand.source = later.source;
      cand.rule = 'direct:cue-later';
      cand.sentence = this.toks[later.cue[0]]!.sentence;
      return cand;
    }
    cand.inherit = true;
    cand.rule = 'direct:inherited';
    return cand;
  }

  /**
   * `"…" ― Esther Tapia` / `"…" — Ann Lee, a teacher`: a quote signed after a dash, the name ending its
   * line (reader comments, epigraphs, quote lists). The name must open with a capital and the line must end
   * after at most 12 tokens, so a dash that opens an aside is not taken for a signature.
   */
  protected override dashSignature(
    r: QuoteRegion,
  ): { cue: [number, number]; source: [number, number]; end: number } | null {
    const d = r.close + 1;
    if (r.close < 0 || d + 1 >= this.toks.length) return null;
    if (!DASHES.has(this.low[d]!) || !isCapitalised(this.toks[d + 1]!.text)) return null;
    // the signature ends its line, or the next quote of a list follows it at once (line breaks undone)
    const lineEnd = (i: number) => {
      if (i + 1 >= this.toks.length) return true;
      if (this.text.slice(this.toks[i]!.end, this.toks[i + 1]!.start).includes('\n')) return true;
      const ri = this.regionOf[i + 1]!;
      return ri >= 0 && this.regions[ri]!.open === i + 1;
    };
    let comma = -1;
    for (let i = d + 1; i < this.toks.length && i - d <= 12; i++) {
      const w = this.low[i]!;
      if (isQuoteMark(w) || w === ';' || w === ':') return null;
      if (w === ',' && comma < 0) comma = i;
      if (!lineEnd(i)) continue;
      let e = comma >= 0 ? comma : i + 1;
      while (e > d + 1 && END_PUNCT.has(this.low[e - 1]!)) e--;
      return e > d + 1 ? { cue: [d, d + 1], source: [d + 1, e], end: i + 1 } : null;
    }
    return null;
  }

  /**
   * `"WALLACE: Let's start …"`: an interview transcript quoted with its speaker label (one to three
   * upper-case words and a colon opening the quote). Returns the colon's token, or -1.
   */
  protected override transcriptLabel(r: QuoteRegion): number {
    for (let i = r.from; i < r.to && i < r.from + 4; i++) {
      const t = this.toks[i]!.text;
      if (t === ':') return i > r.from ? i : -1;
      if (!/^\p{Lu}[\p{Lu}.'’-]+$/u.test(t)) return -1;
    }
    return -1;
  }

  /**
   * `"We must support them" by June, said envoy Franz Vranitzky, after talks` / `"It will help" the
   * council, he told reporters`: a quote that ends mid-sentence, its sentence running on to a cue after a
   * comma. Only a comma-led cue with a speaker phrase counts, within a bounded stretch of the sentence.
   */
  protected override cueLaterInSentence(
    r: QuoteRegion,
  ): { cue: [number, number]; source: [number, number] } | null {
    const c0 = r.close + 1;
    if (c0 >= this.toks.length || this.paraOf[c0] !== r.paragraph) return null;
    const s = this.toks[r.close]!.sentence;
    const stop = Math.min(this.sentLast[this.toks[c0]!.sentence]!, c0 + 25);
    if (this.toks[c0]!.sentence !== s) return null;
    for (let i = c0; i < stop; i++) {
      const w = this.low[i]!;
      // `"What a great honor" to die in battle "but …" for the losses, Fujimori said`: a second quoted
      // stretch of the same sentence is stepped over
      const ri = this.regionOf[i]!;
      if (isQuoteMark(w) && ri >= 0 && this.regions[ri]!.open === i && this.regions[ri]!.close >= 0) {
        const close = this.regions[ri]!.close;
        if (this.toks[close]!.sentence !== s) return null;
        i = close;
        continue;
      }
      if (isQuoteMark(w) || w === ';' || w === ':' || END_PUNCT.has(w)) return null;
      if (w !== ',' || i === c0) continue;
      const j = i + 1;
      if (j >= stop) return null;
      const inv = this.cueAt(j);
      // `…, the spokesman, Lee Sun-mi, told AFP`: the name before the comma is the speaker
      const named = inv && inv.cls !== 'according' ? this.personEndingAt(i - 1, c0) : -1;
      if (named >= 0) return { cue: [j, inv!.end], source: [named, i] };
      if (inv && inv.cls !== 'according' && !isParticiple(this.low[j]!) && !OBJECT_VERBS.has(this.low[j]!)) {
        const src = this.phraseAfter(inv.end, stop);
        if (
          src &&
          src[1] - src[0] <= 10 &&
          this.isNounPhrase(src) &&
          (isCapitalised(this.toks[src[0]]!.text) || isCapitalised(this.toks[src[1] - 1]!.text))
        )
          return { cue: [j, inv.end], source: src };
        if (src && src[1] - src[0] <= 10 && DETERMINERS.has(this.low[src[0]]!) && this.isNounPhrase(src))
          return { cue: [j, inv.end], source: src };
      }
      for (let h = j + 1; h < stop && h - j <= 6; h++) {
        const x = this.low[h]!;
        if (CLAUSE_PUNCT.has(x) || END_PUNCT.has(x) || isQuoteMark(x)) break;
        const cue = this.cueAt(h);
        if (!cue || cue.cls === 'according') continue;
        if (this.low[cue.end] === 'that') break;
        return this.isSpeakerPhrase(j, h) ? { cue: [h, cue.end], source: [j, h] } : null;
      }
    }
    return null;
  }

  /** Multi-word cue at token k: returns its end (exclusive), or -1. */
  protected override cueAt(k: number): { end: number; cls: CueClass | 'according' } | null {
    const w = this.low[k]!;
    if (w === 'according' && this.low[k + 1] === 'to') return { end: k + 2, cls: 'according' };
    if (w === 'quoted' && this.low[k + 1] === 'as' && this.low[k + 2] === 'saying')
      return { end: k + 3, cls: 'strong' };
    if ((w === 'pointed' || w === 'points') && this.low[k + 1] === 'out') return { end: k + 2, cls: 'that' };
    const particle = PHRASAL.get(w);
    if (
      particle &&
      this.low[k + 1] === particle &&
      k > 0 &&
      this.low[k - 1] !== 'to' &&
      !NOUN_BEFORE.has(this.low[k - 1]!)
    )
      return { end: k + 2, cls: 'object' };
    const cls = cueClass(w);
    if (!cls) return null;
    // a capitalised cue word mid-sentence is a name ("Said"); "to say" is not a report
    if (isCapitalised(this.toks[k]!.text) && this.sentFirst[this.toks[k]!.sentence] !== k) return null;
    const prev = k > 0 ? this.low[k - 1]! : '';
    // "Standard and Poor's said", "McDonald's told": after a name's possessive ending, a form that is only
    // ever a verb is still the cue
    const verbAfterName = VERB_ONLY.has(w) && /^['’]s$/.test(prev);
    if (k > 0 && (prev === 'to' || (NOUN_BEFORE.has(prev) && !verbAfterName))) return null;
    if (this.low[k + 1] === 'by' && !SPEECH_MEANS.has(this.low[k + 2] ?? '')) return null;
    // "Italy is expected to send troops", "Ekeus was widely expected at the talks": a passive "expected"
    // forecasts what its subject will do; the subject says nothing
    if (/^expect(?:ed|s)?$/.test(w) && this.passiveBefore(k)) return null;
    return { end: k + 1, cls };
  }

  /** True when a form of "be" (an adverb may intervene) precedes token k ("is expected", "was widely expected"). */
  protected override passiveBefore(k: number): boolean {
    let p = k - 1;
    while (p >= 0 && p >= k - 3 && /^(?:\p{L}+ly|also|still|not|now|then|already)$/u.test(this.low[p]!)) p--;
    return p >= 0 && /^(?:is|are|was|were|be|been|being|['’]s|['’]re)$/.test(this.low[p]!);
  }

  /** `"…," he said` / `"…," said the minister`: the cue in the sentence right after the closing mark. */
  protected override cueAfterQuote(
    r: QuoteRegion,
  ): { cue: [number, number]; source: [number, number] | null } | null {
    const c0 = r.close + 1;
    if (c0 >= this.toks.length || this.paraOf[c0] !== r.paragraph) return null;
    const s = this.toks[r.close]!.sentence;
    let limit = Math.min(this.sentLast[Math.max(s, this.toks[c0]!.sentence)]!, c0 + 20);
    if (limit < c0) limit = c0;
    // the quote must end its clause: `,"` / `."` / `?"` inside the marks, or a comma after them; a nested
    // quote closing with it (`… 90 percent of the vote,'" said King`) is stepped over
    let li = r.to - 1;
    while (li > r.from && (this.low[li] === "'" || this.low[li] === '’')) li--;
    const lastIn = this.low[li]!;
    const firstOut = this.low[c0];
    if (![',', '.', '?', '!', '...', '…', '—', '--'].includes(lastIn) && firstOut !== ',') {
      // `"… is over" Burns said`: a missing comma, but a name or pronoun and a cue right after the mark
      if (firstOut && PRONOUNS.has(firstOut) && firstOut !== 'it' && c0 + 1 < this.toks.length) {
        const cue = this.cueAt(c0 + 1);
        if (cue && cue.cls !== 'according') return { cue: [c0 + 1, cue.end], source: [c0, c0 + 1] };
      }
      return this.nameThenCue(c0);
    }
    let k = c0;
    if (this.low[k] === ',') k++;
    let nameEnd = -1; // end of the speaker name before an inserted age or appositive
    let paren = 0; // tokens inside a parenthesis of the name ("Rep. Jim Jordan (R-Ohio)")
    for (let i = k; i < limit; i++) {
      const w = this.low[i]!;
      if (isQuoteMark(w) || w === ';' || w === ':') break;
      if (w === '(' && nameEnd < 0) {
        const close = this.parenEnd(i, limit);
        if (close > i) {
          paren += close - i + 1;
          i = close;
          continue;
        }
      }
      if (w === ',' && i > k) {
        // `"…," Rahman, 48, told …` / `"…," Graham, a former candidate, told …`: step over the insert
        let skip = nameEnd < 0 && i - k - paren <= 5 ? this.insertEnd(i) : -1;
        // `"…," Pruitt, the attorney general of Oklahoma, one of the states suing, said`: a second insert
        // right before the cue
        const second = skip >= 0 ? this.insertEnd(skip) : -1;
        if (second >= 0) {
          let c = second + 1;
          while (c < this.toks.length && c - second < 4 && CUE_PREFIX.has(this.low[c]!)) c++;
          const cue = c < this.toks.length ? this.cueAt(c) : null;
          if (cue && cue.cls !== 'according') skip = second;
        }
        if (skip < 0) {
          // `"…," the North's vice minister, Kim Kye-Gwan told …`: a name after the nominal, then the cue
          const named = this.nameThenCue(i + 1);
          if (named) return named;
          // `"…," Yoshio Utsumi, secretary general of the ITU told reporters`: no closing comma
          const open = nameEnd < 0 ? this.unclosedAppositive(k, i) : null;
          if (open) return open;
          break;
        }
        nameEnd = i;
        i = skip;
        limit = Math.min(this.sentLast[this.toks[i]!.sentence]!, i + 6);
        continue;
      }
      const cue = this.cueAt(i);
      if (!cue) continue;
      if (cue.cls === 'according') {
        return { cue: [i, cue.end], source: this.phraseAfter(cue.end) };
      }
      // `"… whistles." Trump has record low support from …`: after a quote closed by its full stop, a
      // stance verb of the next sentence ("support", "want") is no cue of it
      if (cue.cls === 'object' && lastIn === '.' && this.toks[i]!.sentence !== s) return null;
      // `… but said "the question is the timing." Gov. Lee said it …`: a quote closed by its full stop after a
      // cue of its own sentence is that cue's; the next sentence's cue reports the next sentence
      if (lastIn === '.' && this.toks[i]!.sentence !== s && this.cueBeforeQuote(r)) return null;
      if (i > k) {
        // `"…," but offered no details`: a second verb of the clause before the quote, not a speaker
        if (CONJ.has(this.low[k]!)) return null;
        let e = nameEnd >= 0 ? nameEnd : i;
        while (e > k && CUE_PREFIX.has(this.low[e - 1]!)) e--;
        // "Ivanov was quoted by Itar-Tass as telling": the speaker ends at the auxiliary
        for (let x = k + 1; x < e; x++) {
          if (this.low[x] === 'was' || this.low[x] === 'is' || this.low[x] === 'were') {
            e = x;
            break;
          }
        }
        if (e > k && e - k <= 10) return { cue: [i, cue.end], source: [k, e] };
        // a long title before a name: "US Assistant Secretary of State for … Affairs Richard Boucher said"
        const named = e > k ? this.mentionsIn(this.toks[e - 1]!.start, this.toks[e - 1]!.end) : [];
        const m = named.find((x) => x.entity.type === 'PERSON' && x.end === this.toks[e - 1]!.end);
        if (m && e - k <= 18) return { cue: [i, cue.end], source: [this.tokenAt(m.start), e] };
        return null;
      }
      // `"…," adding that …`: a participle right after the quote is no inverted cue; its subject is the
      // main clause's, so a cue before the quote (`Peabody said: "…," adding …`) decides
      if (isParticiple(w)) return null;
      return { cue: [i, cue.end], source: this.phraseAfter(cue.end) };
    }
    return nameEnd < 0 ? this.unlistedCueAfter(k) : null;
  }

  /**
   * A person's name in tokens [k, comma) followed by an appositive that runs into the cue without its closing
   * comma (`Yoshio Utsumi, secretary general of the ITU told reporters`). Bounded to 16 tokens.
   */
  protected override unclosedAppositive(
    k: number,
    comma: number,
  ): { cue: [number, number]; source: [number, number] } | null {
    if (comma - k > 5 || this.personEndingAt(comma - 1, k) !== k) return null;
    const a = comma + 1;
    if (a >= this.toks.length) return null;
    const w0 = this.low[a]!;
    if (!(APPOSITIVE_OPEN.has(w0) || PERSON_NOUNS.has(w0) || !isCapitalised(this.toks[a]!.text))) return null;
    const s = this.toks[comma]!.sentence;
    const stop = Math.min(this.sentLast[s]!, a + 16);
    for (let j = a + 1; j < stop; j++) {
      const w = this.low[j]!;
      if (isQuoteMark(w) || END_PUNCT.has(w) || w === ';' || w === ':' || w === ',') return null;
      if (w === 'who' || w === 'which' || w === 'that') return null;
      const cue = this.cueAt(j);
      if (!cue || cue.cls === 'according' || isParticiple(w)) continue;
      return { cue: [j, cue.end], source: [k, comma] };
    }
    return null;
  }

  /** A person's name at token j directly followed by a cue: `…, Kim Kye-Gwan told …`. Bounded. */
  protected override nameThenCue(j: number): { cue: [number, number]; source: [number, number] } | null {
    if (j >= this.toks.length) return null;
    const m = this.mentionsIn(this.toks[j]!.start, this.toks[j]!.end).find(
      (x) => x.start === this.toks[j]!.start && x.entity.type === 'PERSON',
    );
    if (!m) return null;
    const e = this.tokenAt(m.end - 1) + 1;
    let i = e;
    // `…, the spokesman for the ministry, Lee Sun-mi, told AFP`: the appositive name's closing comma
    if (this.low[i] === ',') i++;
    while (i < this.toks.length && i - e < 4 && CUE_PREFIX.has(this.low[i]!)) i++;
    const cue = i < this.toks.length ? this.cueAt(i) : null;
    return cue && cue.cls !== 'according' ? { cue: [i, cue.end], source: [j, e] } : null;
  }

  /**
   * The end of a comma-delimited insert after a speaker name (`, 48,` / `, a former candidate,` / `, who …,`):
   * the index of the closing comma, or -1. Bounded.
   */
  protected override insertEnd(comma: number): number {
    const s = this.toks[comma]!.sentence;
    const stop = Math.min(this.sentLast[s]!, comma + 20);
    const a = comma + 1;
    if (a >= stop) return -1;
    const w0 = this.low[a]!;
    // `McConnell, R-Ky., said`: a party and state tag
    let opens =
      /^\d+$/.test(w0) ||
      APPOSITIVE_OPEN.has(w0) ||
      !isCapitalised(this.toks[a]!.text) ||
      PARTY_TAG.test(this.toks[a]!.text);
    for (let i = a + 1; i < stop; i++) {
      const w = this.low[i]!;
      // "Vranitzky, Austria's former chancellor, told": a capitalised appositive must hold a role noun
      if (PERSON_NOUNS.has(w) || ORG_NOUNS.has(w)) opens = true;
      if (w === ',') return opens ? i : -1;
      // the period of an abbreviation right before the closing comma ("R-Ky.,")
      if (w === '.' && this.low[i + 1] === ',') continue;
      if (isQuoteMark(w) || END_PUNCT.has(w) || w === ';' || w === ':') return -1;
    }
    return -1;
  }

  /** The closing parenthesis of the one opened at token `open`, before `stop` (8 tokens at most), or -1. */
  protected override parenEnd(open: number, stop: number): number {
    for (let i = open + 1; i < stop && i - open <= 8; i++) {
      const w = this.low[i]!;
      if (w === ')') return i;
      if (w === '(' || isQuoteMark(w) || END_PUNCT.has(w)) return -1;
    }
    return -1;
  }

  /**
   * `"…," the judge exclaimed.` / `"…," Trump barked`: right after a quote that ends its clause, a short
   * speaker phrase and a past-tense verb outside the cue lexicon still attribute the quote.
   */
  protected override unlistedCueAfter(k: number): { cue: [number, number]; source: [number, number] } | null {
    const s = this.toks[k]?.sentence;
    if (s === undefined) return null;
    const stop = Math.min(this.sentLast[s]!, k + 5);
    for (let j = k + 1; j < stop; j++) {
      const w = this.low[j]!;
      if (!isWordToken(w)) return null;
      if (isCapitalised(this.toks[j]!.text) || !/[a-z]ed$/.test(w) || CLAUSE_VERBS.has(w)) continue;
      const after = j + 1 < this.toks.length ? this.low[j + 1]! : '.';
      if (!(END_PUNCT.has(after) || after === ',' || after === 'and' || isQuoteMark(after))) return null;
      return this.isSpeakerPhrase(k, j) ? { cue: [j, j + 1], source: [k, j] } : null;
    }
    return null;
  }

  /** `Kirby said: "…"` / `he added, "…"`: the cue right before the opening mark. */
  protected override cueBeforeQuote(
    r: QuoteRegion,
  ): { cue: [number, number]; source: [number, number] | null; participle?: boolean } | null {
    const s = this.toks[r.open]!.sentence;
    let first = this.sentFirst[s]!;
    let i = r.open - 1;
    while (
      i >= first &&
      i >= r.open - 3 &&
      (this.low[i] === ':' || this.low[i] === ',' || this.low[i] === 'that')
    ) {
      i--;
    }
    let colon = r.open > first && this.low[r.open - 1] === ':' ? r.open - 1 : -1;
    if (
      first === r.open &&
      r.open > 0 &&
      this.low[r.open - 1] === ':' &&
      this.paraOf[r.open - 1] === r.paragraph - 1
    ) {
      // `Cruz continued:` closing the previous paragraph
      colon = r.open - 1;
      i = r.open - 2;
      first = this.sentFirst[this.toks[colon]!.sentence]!;
    }
    // skip a short modifier: `said in a statement: "…"`; before a colon a longer one (`said in a message
    // to UN Secretary General Kofi Annan: "…"`), since the colon already marks the attribution
    const reach = colon >= 0 ? 14 : 6;
    for (let j = i; j >= first && j >= i - reach; j--) {
      const w = this.low[j]!;
      if (isQuoteMark(w) || END_PUNCT.has(w)) break;
      const cue = this.cueAt(j);
      if (!cue) continue;
      if (cue.cls === 'according') return null;
      // `X posted a comment, saying: "…"`: the participle takes the main clause's subject
      if (isParticiple(this.low[j]!) && j > first && this.low[j - 1] === ',')
        return { cue: [j, cue.end], source: null, participle: true };
      return {
        cue: [j, cue.end],
        source:
          this.appositiveSubject(j) ??
          this.subjectBefore(j) ??
          this.coordinateSubject(j, first) ??
          this.invertedSubject(cue.end, i + 1),
      };
    }
    if (colon >= 0) {
      // `BAGHDAD, Dec 3, 2006 (AFP): "…"`: a dateline before the colon is where and when, never who
      if (DATELINE_LEAD.test(this.text.slice(this.toks[first]!.start, this.toks[colon]!.start))) return null;
      // an unlisted cue phrase before a colon (`X called them on it:`): the colon is the cue
      const clause = this.subjectBefore(colon);
      const lead = clause ? this.leadingPhrase(clause) : null;
      // `The piece used one of her quotes as its headline: "…"`: else the subject opening the sentence
      const start = this.mainClauseStart(first, colon);
      const source = lead ?? this.openingSubject(start, colon) ?? this.openingNominal(start, colon);
      // a year or a day number is never the one speaking (`…, Dec 3, 2006: "…"`)
      if (source && /^\d+$/.test(this.low[source[1] - 1] ?? '')) return null;
      return { cue: [colon, colon + 1], source };
    }
    return null;
  }

  // ---------------------------------------------------------------- indirect speech
}
