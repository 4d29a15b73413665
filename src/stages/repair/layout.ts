import type { Edit } from './edits.js';
import { getLexicon, type Lexicon } from './lexicon.js';

/**
 * The layout pass: paragraph breaks, stray line breaks inside paragraphs, space-after-hyphen artefacts,
 * runs of spaces, and wire slug markers left inside the body. Runs on the output of `cleanChars` and returns
 * edits on it, in order and not overlapping. One left-to-right scan; every look-around is bounded.
 */

/** Words after which `X- ` is a genuine suspended hyphen (`pro- and anti-government`, `two- to three-day`). */
const SUSPENDED_NEXT = new Set(['and', 'or', 'nor', 'to', 'but', 'than', 'versus', 'vs', 'through', 'via']);

/**
 * Pairs that read better as two words although their concatenation is a common word (`may\nbe` is "may be"
 * far more often than "maybe" in news copy).
 */
const PREFER_SPACE = new Set(['may be', 'some time', 'a while', 'any more', 'every day', 'any time']);

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0x3000 ||
    c === 0x1680 ||
    c === 0x205f ||
    (c >= 0x2000 && c <= 0x200a)
  );
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

const LETTER_RE = /\p{L}/u;

/** Letters, plus the apostrophes that occur inside words. */
function isWordChar(c: number): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
  if (c === 0x27 || c === 0x2019) return true;
  if (c < 0xc0) return false;
  return LETTER_RE.test(String.fromCharCode(c));
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAlnum(c: number): boolean {
  return isDigit(c) || (isWordChar(c) && c !== 0x27 && c !== 0x2019);
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

const TIER_COST = [0, 1, 2, 3];

/** Cost of reading `w` as one word: common words are cheap, unknown strings cost more the longer they are. */
function wordCost(lex: Lexicon, w: string): number {
  const t = lex.tier(w);
  if (t !== null) return TIER_COST[t] ?? 3;
  return 3 + 1.2 * w.length;
}

/**
 * Decides whether `left` + `right`, separated by a stray line break, are one word split in two (true) or two
 * words (false): a unigram segmentation over the lexicon's frequency tiers, with capitalisation as a cue.
 */
export function shouldJoin(left: string, right: string, lex: Lexicon = getLexicon()): boolean {
  if (left === '' || right === '') return false;
  const l0 = left[left.length - 1]!;
  const r0 = right[0]!;
  // A capital after a lower-case letter starts a new word (`South\nKorea`, `said\nKim`).
  if (isUpper(r0) && isLower(l0)) return false;
  // Apostrophes cling to one side only: `Korea’\ns` joins, `’\nthe` does not.
  if (/^['’]/.test(right) && right.length > 2) return false;
  const joined = left + right;
  if (PREFER_SPACE.has(`${left.toLowerCase()} ${right.toLowerCase()}`)) return false;
  if (lex.tier(joined) === null) {
    // Neither part nor the whole is English: a split name (`Pyong\nyang`) joins; a known part stays a word.
    return lex.tier(left) === null && lex.tier(right) === null && isLower(r0);
  }
  return wordCost(lex, joined) < wordCost(lex, left) + wordCost(lex, right);
}

interface Marker {
  start: number;
  end: number;
}

/** `(Iraq-Saddam-Lawyers-2nd Lead)`, `(SAUDI-RELIGION-ISLAM-HAJJ)`: a story slug in parentheses. */
const SLUG_RE = /^\([A-Z][A-Za-z0-9.&']*(?:-\s?[A-Za-z0-9][A-Za-z0-9.&']*(?: [A-Z0-9][A-Za-z0-9]*)?)+\)$/;
const END_MARKER_RE = /^\((?:END|MORE|Yonhap|AFP|Xinhua)\)$/;

/**
 * Finds wire markers inside the body: a slug or `(END)` closing a paragraph right after sentence-final
 * punctuation, or standing alone as a paragraph. Returns removal ranges (markers are not text).
 */
function findMarkers(t: string): Marker[] {
  const out: Marker[] = [];
  const push = (m: Marker) => {
    const prev = out[out.length - 1];
    if (prev && m.start < prev.end) prev.end = Math.max(prev.end, m.end);
    else out.push(m);
  };
  const n = t.length;
  let from = 0;
  for (;;) {
    const open = t.indexOf('(', from);
    if (open < 0) break;
    from = open + 1;
    const close = t.indexOf(')', open);
    if (close < 0 || close - open > 100) continue;
    const inner = t.slice(open, close + 1);
    if (inner.indexOf('\n') >= 0) continue;
    if (!SLUG_RE.test(inner) && !END_MARKER_RE.test(inner)) continue;
    // After: only spaces, then a paragraph break or the end.
    let a = close + 1;
    while (a < n && isSpace(t.charCodeAt(a))) a++;
    let breaks = 0;
    let b = a;
    while (b < n && (isSpace(t.charCodeAt(b)) || isBreak(t.charCodeAt(b)))) {
      const c = t.charCodeAt(b);
      if (c === 0x0a || c === 0x2028) breaks++;
      else if (c === 0x0d) breaks += t.charCodeAt(b + 1) === 0x0a ? 0 : 1;
      else if (c === 0x2029) breaks += 2;
      b++;
    }
    if (b < n && breaks < 2) continue;
    // Before: spaces, then sentence-final punctuation (slug closing a paragraph) or a paragraph start.
    let p = open - 1;
    while (p >= 0 && isSpace(t.charCodeAt(p))) p--;
    if (p < 0 || isBreak(t.charCodeAt(p))) {
      // A marker alone in its paragraph: remove it with the break before it (or after it, at the start).
      let q = p;
      while (q >= 0 && (isSpace(t.charCodeAt(q)) || isBreak(t.charCodeAt(q)))) q--;
      if (q >= 0) push({ start: q + 1, end: a });
      else push({ start: 0, end: b });
      from = b;
      continue;
    }
    if (!'.!?"”’\')]'.includes(t[p]!)) continue;
    push({ start: p + 1, end: a });
    from = a;
  }
  return out;
}

/** Scans a run of letters (and inner apostrophes) ending just before `end`. */
function wordBefore(t: string, end: number): number {
  let i = end;
  while (i > 0 && isWordChar(t.charCodeAt(i - 1))) i--;
  return i;
}

function wordAfter(t: string, start: number): number {
  let i = start;
  while (i < t.length && isWordChar(t.charCodeAt(i))) i++;
  return i;
}

function alnumBefore(t: string, end: number): number {
  let i = end;
  while (i > 0 && isAlnum(t.charCodeAt(i - 1))) i--;
  return i;
}

function alnumAfter(t: string, start: number): number {
  let i = start;
  while (i < t.length && isAlnum(t.charCodeAt(i))) i++;
  return i;
}

/** Computes the layout edits for `t` (already character-cleaned). */
export function layoutEdits(t: string): Edit[] {
  const lex = getLexicon();
  const edits: Edit[] = [];
  // Word-level edits reach back over the previous word; never before the end of the last edit.
  let lastEnd = 0;
  const emit = (e: Edit) => {
    edits.push(e);
    lastEnd = e.end;
  };
  const markers = findMarkers(t);
  let mi = 0;
  const n = t.length;
  let i = 0;
  while (i < n) {
    const marker = markers[mi];
    if (marker && i >= marker.start) {
      // Whitespace just before a marker that starts mid-run was already consumed by the marker itself.
      emit({ start: marker.start, end: marker.end, after: '', kind: 'removed-marker' });
      i = marker.end;
      mi++;
      continue;
    }
    const c = t.charCodeAt(i);
    if (!isSpace(c) && !isBreak(c)) {
      i++;
      continue;
    }
    // Collect the whitespace run [s, e), stopping at a marker.
    const s = i;
    const stop = marker ? marker.start : n;
    let breaks = 0;
    let spaces = 0;
    let e = i;
    while (e < stop) {
      const d = t.charCodeAt(e);
      if (d === 0x0a || d === 0x2028) breaks++;
      else if (d === 0x0d) breaks += t.charCodeAt(e + 1) === 0x0a ? 0 : 1;
      else if (d === 0x2029) breaks += 2;
      else if (isSpace(d)) spaces++;
      else break;
      e++;
    }
    i = e;
    const run = t.slice(s, e);
    if (s === 0 || e === n) {
      emit({ start: s, end: e, after: '', kind: 'collapsed-whitespace' });
      continue;
    }
    if (e === stop && marker) continue; // the marker edit removes what follows; keep the run as it is
    if (breaks >= 2) {
      if (run !== '\n\n') emit({ start: s, end: e, after: '\n\n', kind: 'collapsed-whitespace' });
      continue;
    }
    // A hyphen right before the run: `Indo- Pacific`, `well-\nknown`, or a suspended `pro- and`.
    if (s >= 2 && t.charCodeAt(s - 1) === 0x2d && isAlnum(t.charCodeAt(s - 2)) && isAlnum(t.charCodeAt(e))) {
      const wEnd = alnumAfter(t, e);
      const next = t.slice(e, wEnd);
      if (!SUSPENDED_NEXT.has(next.toLowerCase())) {
        const wordStart = alnumBefore(t, s - 1);
        const lStart = Math.max(wordStart, lastEnd);
        const leftPart = t.slice(lStart, s - 1);
        let after = `${leftPart}-${next}`;
        if (
          breaks === 1 &&
          lStart === wordStart &&
          lex.tier(leftPart) === null &&
          lex.tier(leftPart + next) !== null
        ) {
          after = leftPart + next; // end-of-line hyphenation of one word: `inter-\nnational`
        }
        emit({
          start: lStart,
          end: wEnd,
          after,
          kind: breaks === 1 ? 'joined-split-word' : 'joined-hyphen-space',
        });
        i = wEnd;
        continue;
      }
      if (run !== ' ') {
        emit({ start: s, end: e, after: ' ', kind: breaks ? 'line-break-to-space' : 'collapsed-whitespace' });
      }
      continue;
    }
    if (breaks === 0) {
      if (run !== ' ') emit({ start: s, end: e, after: ' ', kind: 'collapsed-whitespace' });
      continue;
    }
    // A single line break inside a paragraph is always damage: join a split word or restore a space.
    if (spaces === 0) {
      const wordStart = wordBefore(t, s);
      const lStart = Math.max(wordStart, lastEnd);
      const rEnd = wordAfter(t, e);
      const left = t.slice(wordStart, s);
      const right = t.slice(e, rEnd);
      const prev = t.charCodeAt(s - 1);
      const nextC = t.charCodeAt(e);
      let join = false;
      let from = lStart;
      let to = rEnd;
      if (isDigit(prev) && isDigit(nextC)) {
        // `10,0\n00` or `2\n025`: digits run on.
        join = true;
        from = s;
        to = e;
      } else if (
        prev === 0x2c &&
        s >= 2 &&
        isDigit(t.charCodeAt(s - 2)) &&
        /^\d{3}(?!\d)/.test(t.slice(e, e + 4))
      ) {
        join = true; // `10,\n000`
        from = s;
        to = e;
      } else if (left !== '' && right !== '' && wordStart < s && rEnd > e) {
        join = shouldJoin(left, right, lex);
      }
      if (join) {
        emit({
          start: from,
          end: to,
          after: t.slice(from, s) + t.slice(e, to),
          kind: 'joined-split-word',
        });
        i = to;
        continue;
      }
    }
    emit({ start: s, end: e, after: ' ', kind: 'line-break-to-space' });
  }
  return edits;
}
