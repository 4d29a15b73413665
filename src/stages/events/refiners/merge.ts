import type { Modality } from '../../../core/types.js';
import type { MergedEvent, RuledEvent } from '../types.js';

/** Realis (asserted, reported), irrealis (expected, hypothetical) and negated reports never merge. */
export function modalityClass(m: Modality): number {
  return m === 'negated' ? 2 : m === 'expected' || m === 'hypothetical' ? 1 : 0;
}

/**
 * Merges events that a story reports several times ("held talks" … "the meeting" … "also discussed"): same
 * type, same participants (a meeting's sides in any order; for other types the same actors, and targets
 * equal or missing on one side) and compatible dates (equal, or one side has no time expression of its own
 * and takes the other's). The first mention is kept; the others become `evidence`. Negated and asserted
 * reports of an event stay apart.
 */
export function mergeEvents(
  events: readonly RuledEvent[],
  keyOf: (id: string) => string = (id) => id,
): MergedEvent[] {
  const out: MergedEvent[] = [];
  const sameSet = (a: readonly string[], b: readonly string[]) => {
    const ka = new Set(a.map(keyOf));
    const kb = new Set(b.map(keyOf));
    return ka.size === kb.size && [...ka].every((x) => kb.has(x));
  };
  for (const e of events) {
    const host = out.find((o) => {
      if (o.type !== e.type || modalityClass(o.modality) !== modalityClass(e.modality)) return false;
      if (o.actors.length + o.targets.length === 0) return false;
      if (o.type === 'CONSULT') {
        if (!sameSet([...o.actors, ...o.targets], [...e.actors, ...e.targets])) return false;
      } else {
        if (!sameSet(o.actors, e.actors) && !(e.actors.length === 0 && o.actors.length > 0)) return false;
        const tOk =
          sameSet(o.targets, e.targets) ||
          (e.targets.length === 0 && o.targets.length > 0) ||
          o.targets.length === 0;
        if (!tOk) return false;
        if (e.actors.length === 0 && !sameSet(o.targets, e.targets)) return false;
      }
      // different dates merge only when one of them was defaulted (no time expression of its own)
      if (o.date && e.date && o.date !== e.date && (o.time === null) === (e.time === null)) return false;
      return true;
    });
    if (!host) {
      out.push({ ...e });
      continue;
    }
    host.evidence ??= [];
    host.evidence.push({ ...e.trigger, sentence: e.sentence });
    if (host.targets.length === 0 && e.targets.length > 0) host.targets = e.targets;
    if (host.actors.length === 0 && e.actors.length > 0) host.actors = e.actors;
    // an explicit time beats a defaulted or missing one
    if (!host.time && e.time) {
      host.time = e.time;
      host.date = e.date;
    } else if (!host.date && e.date) host.date = e.date;
    host.location ??= e.location;
    host.mode ??= e.mode;
  }
  return out;
}
