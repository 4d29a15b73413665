import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Blindness, type EvalArea, ROOT, ratio, SHARED } from '../area.js';
import { readWire2Gold, WIRE3_GOLD } from './exhaustive-wire-2.js';

/** One story of `gold/coref-wire.json`: every person, with the raw-file offsets of all its mentions. */
interface GoldStory {
  /** Path under `../shared`. */
  file: string;
  split: 'blind' | 'dev';
  persons: { name: string; mentions: [number, number][] }[];
}

interface Analysis {
  article: { text: string };
  entities: { type: string; mentions: { start: number; end: number }[] }[];
}

/** Pairwise link counts of one story (or a sum), and the system entities that join two gold persons. */
export interface CorefCounts {
  /** System links between two mentions that both match gold mentions. */
  sysLinks: number;
  /** Of those, links whose two mentions belong to one gold person. */
  correct: number;
  /** Gold links (pairs of mentions of one person). */
  goldLinks: number;
  /** System person entities holding mentions of two or more gold persons. */
  merges: number;
}

/**
 * Scores system person entities against gold persons by mention pairs: a system mention matches the gold
 * mention it overlaps; precision is the share of system links (two matched mentions in one system entity) that
 * join mentions of one gold person, recall the share of gold links the system makes. `merges` counts system
 * entities that hold two gold persons (the error that moves one person's words to another).
 */
export function scoreCoref(
  gold: readonly { mentions: readonly [number, number][] }[],
  system: readonly (readonly [number, number][])[],
): CorefCounts {
  const owner = (s: number, e: number): [number, number] | null => {
    for (let p = 0; p < gold.length; p++) {
      const ms = gold[p]!.mentions;
      for (let k = 0; k < ms.length; k++) if (ms[k]![0] < e && s < ms[k]![1]) return [p, k];
    }
    return null;
  };
  let sysLinks = 0;
  let correct = 0;
  let merges = 0;
  let goldLinks = 0;
  const found = new Set<string>();
  for (const ent of system) {
    const matched: [number, number][] = [];
    const seen = new Set<string>();
    for (const [s, e] of ent) {
      const o = owner(s, e);
      if (!o || seen.has(`${o[0]}:${o[1]}`)) continue;
      seen.add(`${o[0]}:${o[1]}`);
      matched.push(o);
    }
    if (new Set(matched.map((m) => m[0])).size > 1) merges++;
    for (let a = 0; a < matched.length; a++) {
      for (let b = a + 1; b < matched.length; b++) {
        sysLinks++;
        if (matched[a]![0] === matched[b]![0]) {
          correct++;
          const [x, y] = [matched[a]![1], matched[b]![1]].sort((i, j) => i - j);
          found.add(`${matched[a]![0]}:${x}:${y}`);
        }
      }
    }
  }
  for (const p of gold) goldLinks += (p.mentions.length * (p.mentions.length - 1)) / 2;
  return { sysLinks, correct, goldLinks, merges };
}

/** The system's person entities for a story, as raw-file offsets (the article text is found in the file). */
function systemPersons(file: string, raw: string): [number, number][][] | null {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/newsintel.js'), 'analyze', file, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) return null;
  const a = JSON.parse(run.stdout) as Analysis;
  const shift = raw.indexOf(a.article.text.slice(0, 80));
  if (shift < 0) return null;
  return a.entities
    .filter((e) => e.type === 'PERSON')
    .map((e) => e.mentions.map((m) => [m.start + shift, m.end + shift] as [number, number]));
}

/** Stories of `eval/gold/coref-wire.json`. */
function corefWireStories(): GoldStory[] {
  return (
    JSON.parse(readFileSync(path.join(ROOT, 'eval/gold/coref-wire.json'), 'utf8')) as { stories: GoldStory[] }
  ).stories;
}

/** Stories of `eval/gold/exhaustive-wire-3.json`, whose `coref` field has the coref-wire shape. */
function corefWire3Stories(): GoldStory[] {
  return readWire2Gold(WIRE3_GOLD).stories.map((s) => ({
    file: s.file,
    split: s.split,
    persons: s.coref ?? [],
  }));
}

function corefArea(
  split: 'blind' | 'dev',
  blindness: Blindness,
  name = `coref-wire-${split}`,
  read: () => GoldStory[] = corefWireStories,
  where = 'exhaustively annotated te3-silver-bulk stories',
): EvalArea {
  return {
    name,
    blindness,
    description: `person coreference, link precision then recall, on ${where} (${split} split)`,
    needs: ['eval/news/te3-silver-bulk'],
    async run() {
      const gold = { stories: read() };
      const sum: CorefCounts = { sysLinks: 0, correct: 0, goldLinks: 0, merges: 0 };
      const misses: string[] = [];
      let failed = 0;
      const stories = gold.stories.filter((s) => s.split === split);
      for (const st of stories) {
        const file = path.join(SHARED, st.file);
        const raw = readFileSync(file, 'utf8');
        const sys = systemPersons(file, raw);
        if (!sys) {
          failed++;
          continue;
        }
        const c = scoreCoref(st.persons, sys);
        sum.sysLinks += c.sysLinks;
        sum.correct += c.correct;
        sum.goldLinks += c.goldLinks;
        sum.merges += c.merges;
        if (c.merges > 0 || c.correct < c.sysLinks) misses.push(`${st.file}: ${c.merges} merged entities`);
      }
      const precision = sum.sysLinks ? (100 * sum.correct) / sum.sysLinks : 100;
      return {
        lines: [
          `${stories.length} stories${failed ? ` (${failed} not analysed)` : ''}`,
          `link precision ${ratio(sum.correct, sum.sysLinks)}`,
          `link recall    ${ratio(sum.correct, sum.goldLinks)}`,
          `system entities joining two gold persons: ${sum.merges}`,
        ],
        metric: 'link precision',
        value: precision,
        ...(blindness === 'blind' ? {} : { misses }),
      };
    },
  };
}

/** Person coreference on the blind story (totals only). */
export const corefWireBlind = corefArea('blind', 'blind');
/** Person coreference on the dev stories. */
export const corefWireDev = corefArea('dev', 'tuned');

const WIRE3 =
  'the 16 stories of eval/gold/exhaustive-wire-3.json (written 2026-12-08 before the system ran on them)';
/** Person coreference on the blind half of the third exhaustive gold set (totals only). */
export const corefWire3Blind = corefArea('blind', 'blind', 'coref-wire-3-blind', corefWire3Stories, WIRE3);
/** Person coreference on the dev half of the third exhaustive gold set. */
export const corefWire3Dev = corefArea('dev', 'tuned', 'coref-wire-3-dev', corefWire3Stories, WIRE3);
