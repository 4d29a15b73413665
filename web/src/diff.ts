/**
 * Version diff computed in the browser, so any two versions of a story can be compared (the corpus API diffs
 * successive links only): paragraphs aligned by longest common subsequence, unmatched neighbours paired as
 * rewritten when their words overlap enough, word-level marks inside rewritten pairs, and facts (quotes,
 * claims, events, entities) matched by identity keys and reported added, removed or changed.
 */
import type { Analysis, Span } from '../../src/core/types.js';

export type Op = { op: 'eq'; a: number; b: number } | { op: 'del'; a: number } | { op: 'ins'; b: number };

/** LCS edit script between two sequences (O(n·m); paragraphs and the words of one paragraph are small). */
export function diffSeq<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean = (x, y) => x === y): Op[] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const dp = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i * w + j] = eq(a[i]!, b[j]!)
        ? dp[(i + 1) * w + j + 1]! + 1
        : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (eq(a[i]!, b[j]!)) ops.push({ op: 'eq', a: i++, b: j++ });
    else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) ops.push({ op: 'del', a: i++ });
    else ops.push({ op: 'ins', b: j++ });
  }
  while (i < n) ops.push({ op: 'del', a: i++ });
  while (j < m) ops.push({ op: 'ins', b: j++ });
  return ops;
}

export interface Paragraph extends Span {
  text: string;
}

/** Paragraphs of an article text: blocks separated by blank lines (or single newlines). */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Jaccard overlap of the word sets, 0–1. */
export function similarity(x: string, y: string): number {
  const a = new Set(words(x));
  const b = new Set(words(y));
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / (a.size + b.size - common);
}

export interface Row {
  kind: 'same' | 'added' | 'removed' | 'rewritten';
  before: Paragraph | null;
  after: Paragraph | null;
  /** Changed ranges inside `before.text` / `after.text` for rewritten rows. */
  beforeMarks: Span[];
  afterMarks: Span[];
}

function tokens(s: string): { t: string; start: number; end: number }[] {
  const out: { t: string; start: number; end: number }[] = [];
  const re = /\s+|[^\s]+/g;
  for (let m = re.exec(s); m; m = re.exec(s))
    out.push({ t: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Word-level changed ranges of two rewritten paragraphs (whitespace never marked alone). */
export function wordMarks(x: string, y: string): { before: Span[]; after: Span[] } {
  const a = tokens(x);
  const b = tokens(y);
  const ops = diffSeq(a, b, (p, q) => p.t === q.t);
  const before: Span[] = [];
  const after: Span[] = [];
  const push = (list: Span[], s: Span, text: string) => {
    if (!text.slice(s.start, s.end).trim()) return;
    const last = list[list.length - 1];
    if (last && text.slice(last.end, s.start).trim() === '') last.end = s.end;
    else list.push({ ...s });
  };
  for (const o of ops) {
    if (o.op === 'del') push(before, a[o.a]!, x);
    else if (o.op === 'ins') push(after, b[o.b]!, y);
  }
  return { before, after };
}

/** Side-by-side rows for two texts. */
export function textRows(before: string, after: string, pairAt = 0.35): Row[] {
  const pa = paragraphs(before);
  const pb = paragraphs(after);
  const ops = diffSeq(pa, pb, (x, y) => x.text === y.text);
  const rows: Row[] = [];
  let dels: Paragraph[] = [];
  let ins: Paragraph[] = [];
  const flush = () => {
    // Pair removed and added paragraphs of one gap greedily by similarity, in order.
    const usedB = new Set<number>();
    const pairs = new Map<number, number>();
    dels.forEach((d, i) => {
      let best = -1;
      let bestSim = pairAt;
      ins.forEach((p, j) => {
        if (usedB.has(j)) return;
        const s = similarity(d.text, p.text);
        if (s >= bestSim) {
          best = j;
          bestSim = s;
        }
      });
      if (best >= 0) {
        usedB.add(best);
        pairs.set(i, best);
      }
    });
    let j = 0;
    dels.forEach((d, i) => {
      const pj = pairs.get(i);
      if (pj === undefined) {
        rows.push({ kind: 'removed', before: d, after: null, beforeMarks: [], afterMarks: [] });
        return;
      }
      for (; j < pj; j++)
        if (!usedB.has(j))
          rows.push({ kind: 'added', before: null, after: ins[j]!, beforeMarks: [], afterMarks: [] });
      const p = ins[pj]!;
      const m = wordMarks(d.text, p.text);
      rows.push({ kind: 'rewritten', before: d, after: p, beforeMarks: m.before, afterMarks: m.after });
      j = pj + 1;
    });
    for (; j < ins.length; j++)
      if (!usedB.has(j))
        rows.push({ kind: 'added', before: null, after: ins[j]!, beforeMarks: [], afterMarks: [] });
    dels = [];
    ins = [];
  };
  for (const o of ops) {
    if (o.op === 'eq') {
      flush();
      rows.push({ kind: 'same', before: pa[o.a]!, after: pb[o.b]!, beforeMarks: [], afterMarks: [] });
    } else if (o.op === 'del') dels.push(pa[o.a]!);
    else ins.push(pb[o.b]!);
  }
  flush();
  return rows;
}

export interface Fact {
  layer: 'quote' | 'claim' | 'event' | 'entity';
  /** `quote:q2` — the reader's item key. */
  item: string;
  key: string;
  value: string;
  label: string;
  text: string;
}

export interface FactChange {
  layer: Fact['layer'];
  change: 'added' | 'removed' | 'changed';
  before: Fact | null;
  after: Fact | null;
}

function factsOf(a: Analysis): Fact[] {
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  const nm = (id: string) => name.get(id) ?? id;
  const out: Fact[] = [];
  for (const q of a.quotes)
    out.push({
      layer: 'quote',
      item: `quote:${q.id}`,
      key: `${(q.speakerName ?? '').toLowerCase()}|${words(q.text).join(' ')}`,
      value: q.kind,
      label: `${q.speakerName ?? 'Unattributed'}: “${q.text}”`,
      text: q.text,
    });
  for (const c of a.claims)
    out.push({
      layer: 'claim',
      item: `claim:${c.id}`,
      key: `${(c.subject ?? c.unit ?? '').toLowerCase()}|${(c.sourceName ?? '').toLowerCase()}`,
      value: `${c.qualifier} ${c.value ?? ''} ${c.low ?? ''}-${c.high ?? ''} ${c.unit ?? ''}`,
      label: `${c.text}${c.subject ? ` (${c.subject})` : ''}${c.sourceName ? `, per ${c.sourceName}` : ''}`,
      text: c.text,
    });
  for (const v of a.events)
    out.push({
      layer: 'event',
      item: `event:${v.id}`,
      key: `${v.type}|${v.actors.map(nm).sort().join(',')}|${v.targets.map(nm).sort().join(',')}`,
      value: `${v.modality} ${v.date ?? ''}`,
      label: `${v.type}: ${v.actors.map(nm).join(', ') || '?'}${v.targets.length ? ` → ${v.targets.map(nm).join(', ')}` : ''} (${v.modality}${v.date ? `, ${v.date}` : ''})`,
      text: v.trigger.text,
    });
  for (const e of a.entities)
    out.push({
      layer: 'entity',
      item: `entity:${e.id}`,
      key: `${e.type}|${e.name.toLowerCase()}`,
      value: `${e.role ?? ''}|${e.country ?? ''}`,
      label: `${e.name} (${e.type}${e.role ? `, ${e.role}` : ''})`,
      text: e.name,
    });
  return out;
}

/**
 * Facts added, removed or changed from `a` to `b`. Same key and value: unchanged. Same key, other value:
 * changed (a figure revised, an event now asserted). Quotes whose words mostly agree count as changed.
 */
export function factChanges(a: Analysis, b: Analysis): FactChange[] {
  const fa = factsOf(a);
  const fb = factsOf(b);
  const out: FactChange[] = [];
  const usedB = new Set<Fact>();
  const leftover: Fact[] = [];
  for (const x of fa) {
    const same = fb.find((y) => !usedB.has(y) && y.layer === x.layer && y.key === x.key);
    if (!same) {
      leftover.push(x);
      continue;
    }
    usedB.add(same);
    if (same.value !== x.value) out.push({ layer: x.layer, change: 'changed', before: x, after: same });
  }
  for (const x of leftover) {
    const near =
      x.layer === 'quote'
        ? fb.find(
            (y) =>
              !usedB.has(y) &&
              y.layer === 'quote' &&
              y.key.split('|')[0] === x.key.split('|')[0] &&
              similarity(x.text, y.text) >= 0.5,
          )
        : undefined;
    if (near) {
      usedB.add(near);
      out.push({ layer: x.layer, change: 'changed', before: x, after: near });
    } else out.push({ layer: x.layer, change: 'removed', before: x, after: null });
  }
  for (const y of fb)
    if (!usedB.has(y)) out.push({ layer: y.layer, change: 'added', before: null, after: y });
  const order = { claim: 0, event: 1, quote: 2, entity: 3 };
  return out.sort((p, q) => order[p.layer] - order[q.layer]);
}
