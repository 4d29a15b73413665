import { OffsetMap, type OffsetSegment } from '../../core/offsets.js';
import type { Repair } from '../../core/types.js';
import type { Edit } from './edits.js';

/** The repaired text of a body, its offset map to the raw input, and every change made. */
export interface RepairResult {
  text: string;
  offsetMap: OffsetMap;
  repairs: Repair[];
}

/** Applies ordered, non-overlapping edits; `origin` gives, per output char, the input index it came from. */
function apply(
  s: string,
  edits: readonly Edit[],
): { out: string; from: Int32Array; to: Int32Array; rep: Uint8Array } {
  let len = s.length;
  for (const e of edits) len += e.after.length - (e.end - e.start);
  const from = new Int32Array(len);
  const to = new Int32Array(len);
  const rep = new Uint8Array(len);
  const parts: string[] = [];
  let k = 0;
  let pos = 0;
  const copy = (a: number, b: number) => {
    if (b <= a) return;
    parts.push(s.slice(a, b));
    for (let j = a; j < b; j++, k++) {
      from[k] = j;
      to[k] = j + 1;
    }
  };
  for (const e of edits) {
    copy(pos, e.start);
    parts.push(e.after);
    for (let j = 0; j < e.after.length; j++, k++) {
      from[k] = e.start;
      to[k] = e.end;
      rep[k] = 1;
    }
    pos = e.end;
  }
  copy(pos, s.length);
  return { out: parts.join(''), from, to, rep };
}

/**
 * Runs the two repair passes over `body` (the raw body, starting at `rawOffset` in the raw input) and
 * composes their edits into one text, one offset map and one list of repairs in raw coordinates.
 * `pass2` receives the output of pass 1.
 */
export function composeRepairs(
  body: string,
  rawOffset: number,
  pass1: (s: string) => Edit[],
  pass2: (s: string) => Edit[],
): RepairResult {
  const e1 = pass1(body);
  const r1 = apply(body, e1);
  const t1 = r1.out;
  const e2 = pass2(t1);
  const r2 = apply(t1, e2);
  const text = r2.out;
  const m = text.length;

  // Raw range of each final char: through pass 2 to a pass-1 char, then through pass 1 to the body.
  const rawFrom = new Int32Array(m);
  const rawTo = new Int32Array(m);
  const repaired = new Uint8Array(m);
  const t1From = (i: number) => (i < t1.length ? r1.from[i]! : body.length);
  const t1To = (i: number) => (i > 0 ? r1.to[i - 1]! : 0);
  for (let k = 0; k < m; k++) {
    const a = r2.from[k]!;
    const b = r2.to[k]!;
    if (r2.rep[k]) {
      rawFrom[k] = t1From(a);
      rawTo[k] = b > a ? t1To(b) : t1From(a);
      repaired[k] = 1;
    } else {
      rawFrom[k] = r1.from[a]!;
      rawTo[k] = r1.to[a]!;
      repaired[k] = r1.rep[a]!;
    }
  }

  // Segments: runs of aligned chars, repaired blocks, and zero-length blocks where raw text was deleted.
  const segments: OffsetSegment[] = [];
  let prevRawEnd = 0;
  let k = 0;
  while (k < m) {
    const rs = rawFrom[k]!;
    if (rs > prevRawEnd) {
      segments.push({
        textStart: k,
        textEnd: k,
        rawStart: prevRawEnd + rawOffset,
        rawEnd: rs + rawOffset,
        repaired: true,
      });
    }
    let j = k + 1;
    if (repaired[k]) {
      while (j < m && repaired[j] && rawFrom[j] === rs && rawTo[j] === rawTo[k]) j++;
    } else {
      while (j < m && !repaired[j] && rawFrom[j] === rawTo[j - 1]) j++;
    }
    segments.push({
      textStart: k,
      textEnd: j,
      rawStart: rs + rawOffset,
      rawEnd: rawTo[j - 1]! + rawOffset,
      repaired: repaired[k] === 1,
    });
    prevRawEnd = rawTo[j - 1]!;
    k = j;
  }
  if (prevRawEnd < body.length) {
    segments.push({
      textStart: m,
      textEnd: m,
      rawStart: prevRawEnd + rawOffset,
      rawEnd: body.length + rawOffset,
      repaired: true,
    });
  }

  // Final text index of each pass-1 index (for pass-1 repairs' text spans).
  const t1ToFinal = new Int32Array(t1.length + 1);
  // Pass-1 positions that a pass-2 edit rewrote: a pass-1 repair there is subsumed by the pass-2 repair, whose
  // `before` is the raw text (e.g. a no-break space inside a whitespace run that was collapsed).
  const rewritten = new Uint8Array(t1.length + 1);
  {
    for (const e of e2) rewritten.fill(1, e.start, e.end);
    let pos = 0;
    let out = 0;
    for (const e of e2) {
      for (; pos < e.start; pos++) t1ToFinal[pos] = out++;
      for (; pos < e.end; pos++) t1ToFinal[pos] = out + Math.min(pos - e.start, e.after.length);
      out += e.after.length;
    }
    for (; pos <= t1.length; pos++) t1ToFinal[pos] = out++;
  }
  const t1PosOfBody = new Int32Array(body.length + 1);
  {
    let pos = 0;
    let out = 0;
    for (const e of e1) {
      for (; pos < e.start; pos++) t1PosOfBody[pos] = out++;
      for (; pos < e.end; pos++) t1PosOfBody[pos] = out;
      out += e.after.length;
    }
    for (; pos <= body.length; pos++) t1PosOfBody[pos] = out++;
  }

  const repairs: Repair[] = [];
  for (const e of e1) {
    const a = t1PosOfBody[e.start]!;
    const len = e.after.length;
    if (len > 0 ? rewritten.subarray(a, a + len).includes(1) : a > 0 && rewritten[a] && rewritten[a - 1])
      continue;
    const start = t1ToFinal[a]!;
    const end = t1ToFinal[Math.min(a + e.after.length, t1.length)]!;
    repairs.push({
      kind: e.kind,
      start,
      end: Math.max(start, end),
      raw: { start: e.start + rawOffset, end: e.end + rawOffset },
      before: body.slice(e.start, e.end),
      after: e.after,
    });
  }
  {
    let out = 0;
    let pos = 0;
    for (const e of e2) {
      out += e.start - pos;
      const rs = t1From(e.start);
      const re = e.end > e.start ? t1To(e.end) : rs;
      repairs.push({
        kind: e.kind,
        start: out,
        end: out + e.after.length,
        raw: { start: rs + rawOffset, end: re + rawOffset },
        before: body.slice(rs, re),
        after: e.after,
      });
      out += e.after.length;
      pos = e.end;
    }
  }
  repairs.sort((a, b) => a.raw.start - b.raw.start || a.start - b.start);
  return { text, offsetMap: new OffsetMap(segments), repairs };
}
