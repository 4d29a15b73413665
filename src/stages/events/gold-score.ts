import { scoreNorm as norm } from '../../core/score-norm.js';
import type { Analysis, Claim, Entity, NewsEvent } from '../../core/types.js';

/**
 * Scoring of events and claims against gold facts, in the way `../shared/eval/score.py` scores the seed, so
 * that figures measured in tests on our own labelled stories are comparable with the seed and held-out
 * scores. Kept as a module (not inside a test) so that one implementation serves every gold file.
 */

/** One gold event: accepted PLOVER types and who must appear where (names, mention texts or ISO codes). */
export interface GoldEvent {
  name: string;
  types: string[];
  actor?: string[];
  target?: string[];
  /** Any one group must be fully present among actors and targets. */
  participants_any_of?: string[][];
  /** Accepted date prefixes. */
  date?: string[];
}

/** One gold claim: a value (or a low/high range), accepted qualifiers (`null` = none), unit and source. */
export interface GoldClaim {
  value?: number | null;
  low?: number;
  high?: number;
  qualifier?: Array<string | null>;
  /** Accepted unit words (checked separately: score.py does not check units). */
  unit?: string[];
  source?: string[];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** score.py `matches`: a gold option equals a key or is a whole-word part of it. */
export function matches(keys: ReadonlySet<string>, options: readonly string[]): boolean {
  for (const o0 of options) {
    const o = norm(o0);
    if (!o) continue;
    const re = new RegExp(`(^|[\\s:/.-])${escapeRe(o)}($|[\\s:/.-])`);
    for (const k of keys) if (k === o || re.test(k)) return true;
  }
  return false;
}

/** Every string an entity can be matched by: name, kb id, country, mention texts (as score.py). */
export function entityKeys(ents: ReadonlyMap<string, Entity>, id: string): Set<string> {
  const e = ents.get(id);
  if (!e) return new Set();
  const keys = [
    norm(e.name),
    norm(e.kb ?? ''),
    norm(e.country ?? ''),
    ...e.mentions.map((m) => norm(m.text)),
  ];
  return new Set(keys.filter((k) => k));
}

/** True when an analysed event satisfies a gold event (type, participants, actor, target, date). */
export function eventMatches(ev: NewsEvent, g: GoldEvent, ents: ReadonlyMap<string, Entity>): boolean {
  if (!g.types.map((t) => t.toUpperCase()).includes((ev.type ?? '').toUpperCase())) return false;
  const actors = ev.actors.map((i) => entityKeys(ents, i));
  const targets = ev.targets.map((i) => entityKeys(ents, i));
  const everyone = [...actors, ...targets];
  if (
    g.participants_any_of &&
    !g.participants_any_of.some((grp) => grp.every((p) => everyone.some((k) => matches(k, [p]))))
  )
    return false;
  if (g.actor && !actors.some((k) => matches(k, g.actor!))) return false;
  if (g.target && !targets.some((k) => matches(k, g.target!))) return false;
  if (g.date && !g.date.some((d) => (ev.date ?? '').startsWith(d))) return false;
  return true;
}

/** True when an analysed claim satisfies a gold claim as score.py checks it (value, qualifier, source). */
export function claimMatches(c: Claim, g: GoldClaim, ents: ReadonlyMap<string, Entity>): boolean {
  if (g.low !== undefined) {
    if (c.low !== g.low || c.high !== (g.high ?? null)) return false;
  } else if (c.value !== g.value) return false;
  const quals = g.qualifier ?? [];
  const named = quals.filter((q): q is string => !!q).map(norm);
  if (named.length > 0 && !named.includes(norm(c.qualifier)) && !(quals.includes(null) && !c.qualifier))
    return false;
  if (g.source) {
    const keys = c.source ? entityKeys(ents, c.source) : new Set<string>();
    if (c.sourceName) keys.add(norm(c.sourceName));
    return matches(keys, g.source);
  }
  return true;
}

/** Per-story result: hits and misses by gold name, plus unit checks and number leaks. */
export interface StoryScore {
  events: { hit: number; of: number; missed: string[] };
  claims: { hit: number; of: number; missed: string[]; unitOk: number; unitOf: number };
  /** Values listed as "never a claim" (dates, ages, ordinals, years) that were output as claims. */
  leaks: number[];
}

/** Scores one analysis against one story's gold events, claims and never-claim values. */
export function scoreStory(
  a: Pick<Analysis, 'entities' | 'events' | 'claims'>,
  gold: { events: GoldEvent[]; claims: GoldClaim[]; notClaims?: number[] },
): StoryScore {
  const ents = new Map(a.entities.map((e) => [e.id, e]));
  const missedE = gold.events
    .filter((g) => !a.events.some((e) => eventMatches(e, g, ents)))
    .map((g) => g.name);
  const missedC: string[] = [];
  let unitOk = 0;
  let unitOf = 0;
  for (const g of gold.claims) {
    const hits = a.claims.filter((c) => claimMatches(c, g, ents));
    const label = `${g.value ?? `${g.low}-${g.high}`} ${g.qualifier?.[0] ?? ''} ${g.unit?.[0] ?? ''}`.trim();
    if (hits.length === 0) missedC.push(label);
    if (g.unit && hits.length > 0) {
      unitOf++;
      if (hits.some((c) => g.unit!.some((u) => norm(c.unit).includes(norm(u))))) unitOk++;
      else missedC.push(`unit of ${label}`);
    }
  }
  const leaks = (gold.notClaims ?? []).filter((v) => a.claims.some((c) => c.value === v || c.low === v));
  return {
    events: { hit: gold.events.length - missedE.length, of: gold.events.length, missed: missedE },
    claims: {
      hit: gold.claims.length - missedC.filter((m) => !m.startsWith('unit of')).length,
      of: gold.claims.length,
      missed: missedC,
      unitOk,
      unitOf,
    },
    leaks,
  };
}
