import type { Analysis, Span, TextSpan } from '../core/types.js';
import { actorRefs, seriesKey } from './facts.js';
import { actorKey, paragraphHash, paragraphSpans, shingles, words } from './features.js';
import type { FactChange, TextChange, VersionDiff } from './types.js';

/** Index pairs of a longest common subsequence of two key lists. */
function lcs<T>(a: readonly T[], b: readonly T[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

/**
 * How far two quotes' word-pair sets say the same thing: their Jaccard overlap when it is at least 0.5, else the
 * share of the shorter quote found in the longer (at least 0.6, on quotes of three or more word pairs, so one
 * shared phrase in two short quotes is not a match); 0 when neither holds.
 */
function quoteOverlap(a: Set<number>, b: Set<number>): number {
  const j = setJaccard(a, b);
  if (j >= 0.5) return 1 + j;
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  if (small.size < 3) return 0;
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  const c = shared / small.size;
  return c >= 0.6 ? c : 0;
}

function setJaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
}

/** Word tokens of a paragraph with their spans in the article text. */
function wordSpans(p: TextSpan): { w: string; span: Span }[] {
  const out: { w: string; span: Span }[] = [];
  for (const m of p.text.matchAll(/[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu)) {
    out.push({
      w: m[0].toLowerCase(),
      span: { start: p.start + m.index, end: p.start + m.index + m[0].length },
    });
  }
  return out;
}

/** Merges adjacent word spans (separated only by spaces or punctuation) into runs. */
function runs(spans: Span[], text: string): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && /^[\s\p{P}]*$/u.test(text.slice(last.end, s.start))) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

const REWRITE_MIN = 0.2;

/**
 * Paragraph-level diff of two versions: paragraphs kept in order (same words) are unchanged; of the rest, a
 * removed and an added paragraph that share enough word shingles are one rewritten paragraph, with the changed
 * words marked on both sides; the others are added or removed. Spans index each version's own text.
 */
export function textDiff(before: string, after: string): { changes: TextChange[]; unchanged: number } {
  const pa = paragraphSpans(before);
  const pb = paragraphSpans(after);
  const ha = pa.map((p) => paragraphHash(p.text));
  const hb = pb.map((p) => paragraphHash(p.text));
  const kept = lcs(ha, hb);
  const keptA = new Set(kept.map(([i]) => i));
  const keptB = new Set(kept.map(([, j]) => j));
  // Moved paragraphs (same words, other place) are not changes either.
  const restB = new Map<string, number[]>();
  pb.forEach((_, j) => {
    if (!keptB.has(j)) restB.set(hb[j]!, [...(restB.get(hb[j]!) ?? []), j]);
  });
  const removed: number[] = [];
  for (let i = 0; i < pa.length; i++) {
    if (keptA.has(i)) continue;
    const same = restB.get(ha[i]!);
    if (same?.length) keptB.add(same.shift()!);
    else removed.push(i);
  }
  const added = pb.map((_, j) => j).filter((j) => !keptB.has(j));
  const shA = new Map(removed.map((i) => [i, shingles(words(pa[i]!.text), 2)]));
  const shB = new Map(added.map((j) => [j, shingles(words(pb[j]!.text), 2)]));
  const pairs: { i: number; j: number; s: number }[] = [];
  for (const i of removed)
    for (const j of added) pairs.push({ i, j, s: setJaccard(shA.get(i)!, shB.get(j)!) });
  pairs.sort((x, y) => y.s - x.s);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const changes: TextChange[] = [];
  for (const { i, j, s } of pairs) {
    if (s < REWRITE_MIN) break;
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    const wa = wordSpans(pa[i]!);
    const wb = wordSpans(pb[j]!);
    const common = lcs(
      wa.map((x) => x.w),
      wb.map((x) => x.w),
    );
    const ca = new Set(common.map(([x]) => x));
    const cb = new Set(common.map(([, y]) => y));
    changes.push({
      kind: 'rewritten',
      before: pa[i]!,
      after: pb[j]!,
      beforeChanged: runs(
        wa.filter((_, k) => !ca.has(k)).map((x) => x.span),
        before,
      ),
      afterChanged: runs(
        wb.filter((_, k) => !cb.has(k)).map((x) => x.span),
        after,
      ),
      similarity: Math.round(s * 100) / 100,
    });
  }
  for (const i of removed) if (!usedA.has(i)) changes.push({ kind: 'removed', before: pa[i]!, after: null });
  for (const j of added) if (!usedB.has(j)) changes.push({ kind: 'added', before: null, after: pb[j]! });
  const pos = (c: TextChange) => (c.after ? c.after.start : c.before!.start);
  changes.sort((x, y) => pos(x) - pos(y));
  return { changes, unchanged: pa.length - removed.length };
}

function fmt(n: number | null): string {
  return n === null ? '?' : n.toLocaleString('en-US');
}

function claimLabel(a: Analysis, c: Analysis['claims'][number]): string {
  const src = c.sourceName ? `, source ${c.sourceName}` : '';
  void a;
  return `${c.text}${c.subject ? ` (${c.subject})` : ''}${src}`;
}

/** Fact changes between two versions: claims by subject and unit, quotes by text, events and actors by key. */
export function factDiff(a: Analysis, b: Analysis): FactChange[] {
  const out: FactChange[] = [];
  // Claims: one series key per subject + unit; the value may change.
  const claimKey = (c: Analysis['claims'][number]) =>
    seriesKey(c.subject, c.unit)?.id ?? `text:${words(c.text).join(' ')}`;
  const ca = new Map(a.claims.map((c) => [claimKey(c), c]));
  const cb = new Map(b.claims.map((c) => [claimKey(c), c]));
  for (const [k, x] of ca) {
    const y = cb.get(k);
    const ref = (an: Analysis, c: Analysis['claims'][number]) => ({
      annId: c.id,
      label: claimLabel(an, c),
      evidence: { start: c.start, end: c.end, text: c.text },
    });
    if (!y)
      out.push({
        layer: 'claim',
        change: 'removed',
        before: ref(a, x),
        after: null,
        summary: `claim removed: ${claimLabel(a, x)}`,
      });
    else if (x.value !== y.value || x.low !== y.low || x.high !== y.high) {
      const subject = y.subject ?? x.subject;
      const src = y.sourceName ?? x.sourceName;
      out.push({
        layer: 'claim',
        change: 'changed',
        before: ref(a, x),
        after: ref(b, y),
        summary: `claim ${x.text}${x.unit && !x.text.includes(x.unit) ? ` ${x.unit}` : ''} → ${y.text}${y.unit && !y.text.includes(y.unit) ? ` ${y.unit}` : ''}${subject ? ` (${subject})` : ''}${src ? `, source ${src}` : ''} (${fmt(x.value)} → ${fmt(y.value)})`,
      });
    }
  }
  for (const [k, y] of cb) {
    if (ca.has(k)) continue;
    out.push({
      layer: 'claim',
      change: 'added',
      before: null,
      after: { annId: y.id, label: claimLabel(b, y), evidence: { start: y.start, end: y.end, text: y.text } },
      summary: `new claim: ${claimLabel(b, y)}`,
    });
  }
  // Quotes: the same words (most of them, or most of the shorter one when an update trims or extends a quote) are
  // the same quote; a matched quote whose speaker or wording changed is reported as changed.
  const qsh = (q: { text: string }) => shingles(words(q.text), 2);
  const qa = a.quotes.map((q) => ({ q, s: qsh(q) }));
  const qb = b.quotes.map((q) => ({ q, s: qsh(q) }));
  const matchedB = new Set<number>();
  const quoteRef = (q: Analysis['quotes'][number]) => ({
    annId: q.id,
    label: `quote by ${q.speakerName ?? 'unknown'}`,
    evidence: { start: q.start, end: q.end, text: q.text },
  });
  for (const x of qa) {
    let j = -1;
    let best = 0;
    qb.forEach((y, k) => {
      if (matchedB.has(k)) return;
      const score = quoteOverlap(x.s, y.s);
      if (score > best) [j, best] = [k, score];
    });
    if (j < 0) {
      out.push({
        layer: 'quote',
        change: 'removed',
        before: quoteRef(x.q),
        after: null,
        summary: `quote by ${x.q.speakerName ?? 'an unnamed speaker'} removed`,
      });
      continue;
    }
    matchedB.add(j);
    const y = qb[j]!;
    const was = x.q.speakerName ?? 'an unnamed speaker';
    const now = y.q.speakerName ?? 'an unnamed speaker';
    const reworded = setJaccard(x.s, y.s) < 0.9;
    if (was === now && !reworded) continue;
    out.push({
      layer: 'quote',
      change: 'changed',
      before: quoteRef(x.q),
      after: quoteRef(y.q),
      summary:
        was !== now
          ? `quote speaker ${was} → ${now}${reworded ? ', reworded' : ''}`
          : `quote by ${now} reworded`,
    });
  }
  qb.forEach((y, k) => {
    if (matchedB.has(k)) return;
    out.push({
      layer: 'quote',
      change: 'added',
      before: null,
      after: quoteRef(y.q),
      summary: `new quote by ${y.q.speakerName ?? 'an unnamed speaker'}`,
    });
  });
  // Events: type with actor and target names.
  const evKey = (an: Analysis, v: Analysis['events'][number]) => {
    const refs = actorRefs(an);
    const n = (ids: string[]) =>
      ids
        .map((i) => refs.get(i)?.entity.name ?? i)
        .sort()
        .join(', ');
    return {
      key: `${v.type}|${n(v.actors)}|${n(v.targets)}`,
      label: `${v.type} ${n(v.actors) || '?'} → ${n(v.targets) || '?'}`,
    };
  };
  const ea = new Map(a.events.map((v) => [evKey(a, v).key, v]));
  const eb = new Map(b.events.map((v) => [evKey(b, v).key, v]));
  for (const [k, v] of ea) {
    if (eb.has(k)) continue;
    const { label } = evKey(a, v);
    out.push({
      layer: 'event',
      change: 'removed',
      before: { annId: v.id, label, evidence: v.trigger },
      after: null,
      summary: `event removed: ${label}`,
    });
  }
  for (const [k, v] of eb) {
    if (ea.has(k)) continue;
    const { label } = evKey(b, v);
    out.push({
      layer: 'event',
      change: 'added',
      before: null,
      after: { annId: v.id, label, evidence: v.trigger },
      summary: `new event: ${label}`,
    });
  }
  // Entities: actor keys.
  const na = new Map(a.entities.map((e) => [actorKey(e), e]));
  const nb = new Map(b.entities.map((e) => [actorKey(e), e]));
  const ev = (e: Analysis['entities'][number]) => {
    const m = e.mentions[0] ?? { start: 0, end: 0, text: e.name };
    return { start: m.start, end: m.end, text: m.text };
  };
  for (const [k, e] of na) {
    if (!nb.has(k))
      out.push({
        layer: 'entity',
        change: 'removed',
        before: { annId: e.id, label: e.name, evidence: ev(e) },
        after: null,
        summary: `no longer mentioned: ${e.name}`,
      });
  }
  for (const [k, e] of nb) {
    if (!na.has(k))
      out.push({
        layer: 'entity',
        change: 'added',
        before: null,
        after: { annId: e.id, label: e.name, evidence: ev(e) },
        summary: `newly mentioned: ${e.name}`,
      });
  }
  return out;
}

/** The full diff between two successive versions. */
export function versionDiff(a: Analysis, b: Analysis): VersionDiff {
  const { changes, unchanged } = textDiff(a.article.text, b.article.text);
  return {
    from: a.article.id,
    to: b.article.id,
    text: changes,
    facts: factDiff(a, b),
    stats: {
      paragraphsAdded: changes.filter((c) => c.kind === 'added').length,
      paragraphsRemoved: changes.filter((c) => c.kind === 'removed').length,
      paragraphsRewritten: changes.filter((c) => c.kind === 'rewritten').length,
      paragraphsUnchanged: unchanged,
    },
  };
}
