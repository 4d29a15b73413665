import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Analysis } from '../../src/core/types.js';
import { type EntityGold, scoreEntities } from '../../src/services/evaluate/entities.js';
import { type Blindness, type EvalArea, ROOT, ratio, SHARED } from '../area.js';
import { startsAt } from './exhaustive-wire.js';

/** Where the gold lives, relative to the repository root. */
export const WIRE2_GOLD = 'eval/gold/exhaustive-wire-2.json';

/** One gold quote: the raw-file offset of its content, who says it, and a fingerprint of its opening words. */
export interface Wire2Quote {
  kind: 'direct' | 'indirect' | 'partial';
  /** UTF-16 offset in the raw file of the first character of the quote's content (after any mark). */
  at: number;
  /** Accepted speaker names (entity name, mention or phrase), as in score.py. */
  speaker: string[];
  /** First 8 hex digits of the SHA-1 of the first three words at `at` (see `openingCheck`). */
  check: string;
}

/** One gold event in score.py's terms; `modality` and `mode` are informative (score.py does not read them). */
export interface Wire2Event {
  name: string;
  types: string[];
  actor?: string[];
  target?: string[];
  participants_any_of?: string[][];
  date?: string[];
  modality?: string;
  mode?: string;
}

/** One gold claim in score.py's terms; `unit` is informative. */
export interface Wire2Claim {
  value: number | null;
  qualifier?: (string | null)[];
  source?: string[];
  unit?: string;
  low?: number;
  high?: number;
}

/** One story of `exhaustive-wire-2.json`: exhaustive for quotes, claims, events and persons. */
export interface Wire2Story {
  /** Path under `../shared`. */
  file: string;
  split: 'blind' | 'dev';
  quotes: Wire2Quote[];
  quotes_optional: Wire2Quote[];
  claims: Wire2Claim[];
  claims_optional: Wire2Claim[];
  events: Wire2Event[];
  events_optional: Wire2Event[];
  persons: string[];
  persons_optional: string[];
  not_persons: string[];
  /** Person coreference in the shape of `coref-wire.json` (`exhaustive-wire-3.json` has it). */
  coref?: { name: string; mentions: [number, number][] }[];
}

/** Reads the gold file (no story text is needed for this). */
export function readWire2Gold(goldFile: string = WIRE2_GOLD): { about: string; stories: Wire2Story[] } {
  return JSON.parse(readFileSync(path.join(ROOT, goldFile), 'utf8')) as {
    about: string;
    stories: Wire2Story[];
  };
}

/**
 * The fingerprint of the text at a gold offset: SHA-1 (first 8 hex digits) of its first three whitespace-separated
 * words. The gold keeps this instead of the words themselves, so a test can prove each offset still points at the
 * text it was written for without any article text in the repository.
 */
export function openingCheck(raw: string, at: number): string {
  const words = raw
    .slice(at, at + 80)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .join(' ');
  return createHash('sha1').update(words).digest('hex').slice(0, 8);
}

/**
 * The story as a score.py gold object, exhaustive for quotes, claims and events. With `directOnly`, only the
 * direct quotes and nothing exhaustive: its `speakers` total is then direct-quote speaker accuracy (gold direct
 * quotes found with the right speaker).
 */
export function toScorePyGold(story: Wire2Story, raw: string, directOnly = false): object {
  const q = (g: Wire2Quote) => ({ kind: g.kind, starts: startsAt(raw, g.at), speaker: g.speaker });
  if (directOnly) return { file: story.file, quotes: story.quotes.filter((g) => g.kind === 'direct').map(q) };
  return {
    file: story.file,
    exhaustive: ['quotes', 'claims', 'events'],
    quotes: story.quotes.map(q),
    quotes_optional: story.quotes_optional.map(q),
    claims: story.claims,
    claims_optional: story.claims_optional,
    events: story.events,
    events_optional: story.events_optional,
  };
}

/** The story as entity gold for `scoreEntities` (exhaustive for persons). */
export function toEntityGold(story: Wire2Story): EntityGold {
  return {
    file: story.file,
    persons: story.persons,
    persons_optional: story.persons_optional,
    not_persons: story.not_persons,
    exhaustive: ['persons'],
  };
}

type Totals = Record<string, { hit: number; of: number }>;

function add(into: Totals, from: Totals, rename: (k: string) => string = (k) => k): void {
  for (const [k, v] of Object.entries(from)) {
    const key = rename(k);
    const t = into[key] ?? { hit: 0, of: 0 };
    t.hit += v.hit;
    t.of += v.of;
    into[key] = t;
  }
}

/**
 * score.py on one gold object and one analysis file; returns its `--json` totals. With `misses`, its verbose
 * item lines (misses and false positives) are appended there, prefixed by `tag`; otherwise stdout is dropped.
 */
function scorePy(
  tmp: string,
  gold: object,
  analysisFile: string,
  name: string,
  misses: string[] | null,
  tag: string,
): Totals {
  const g = path.join(tmp, `${name}.gold.json`);
  const out = path.join(tmp, `${name}.totals.json`);
  writeFileSync(g, JSON.stringify(gold));
  const args = [path.join(SHARED, 'eval/score.py'), g, '--analysis', analysisFile, '--json', out];
  if (misses) args.push('-v');
  const r = spawnSync('python3', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`score.py failed: ${r.stderr}`);
  if (misses) {
    for (const line of r.stdout.split('\n')) {
      const m = /^\s+(miss:|fp:)\s+(.*)$/.exec(line);
      if (m) misses.push(`${tag}: ${m[1]} ${m[2]}`);
    }
  }
  return JSON.parse(readFileSync(out, 'utf8')) as Totals;
}

/** Options of one exhaustive-gold area: which file, which of its splits, and whether its errors may be read. */
export interface ExhaustiveAreaOptions {
  name: string;
  /** Gold file relative to the repository root, in the shape of `exhaustive-wire-2.json`. */
  goldFile: string;
  /** Only the stories of this split (all stories when absent). */
  split?: Wire2Story['split'];
  blindness: Blindness;
  description: string;
}

/**
 * One area over exhaustive gold in the shape of `exhaustive-wire-2.json`: quotes, direct-quote speakers, claims,
 * events and persons. Each story is analysed once by the CLI (the built `dist/`); score.py scores quotes, claims
 * and events from that analysis, and `scoreEntities` (the `evaluate entities` scorer) scores persons. A blind
 * area prints totals only and keeps no misses, so its output cannot un-blind its stories; a tuned one also hands
 * back score.py's item-level misses and false positives (printed with `--verbose`).
 */
export function exhaustiveStoriesArea(o: ExhaustiveAreaOptions): EvalArea {
  return {
    name: o.name,
    blindness: o.blindness,
    description: o.description,
    needs: ['eval/news/te3-silver-bulk', 'eval/score.py'],
    async run() {
      const stories = readWire2Gold(o.goldFile).stories.filter((s) => !o.split || s.split === o.split);
      const totals: Totals = {};
      const misses: string[] = [];
      const tuned = o.blindness === 'tuned';
      const tmp = mkdtempSync(path.join(os.tmpdir(), 'newsintel-wire2-'));
      let failed = 0;
      try {
        stories.forEach((story, i) => {
          const file = path.join(SHARED, story.file);
          const raw = readFileSync(file, 'utf8');
          const run = spawnSync(
            process.execPath,
            [path.join(ROOT, 'bin/newsintel.js'), 'analyze', file, '--json'],
            { encoding: 'utf8', maxBuffer: 64 << 20 },
          );
          if (run.status !== 0) {
            failed++;
            return;
          }
          const analysisFile = path.join(tmp, `${i}.analysis.json`);
          writeFileSync(analysisFile, run.stdout);
          const tag = path.basename(story.file, '.txt');
          add(
            totals,
            scorePy(tmp, toScorePyGold(story, raw), analysisFile, `${i}`, tuned ? misses : null, tag),
          );
          add(
            totals,
            scorePy(tmp, toScorePyGold(story, raw, true), analysisFile, `${i}.direct`, null, tag),
            (k) => `direct-${k}`,
          );
          const checks = scoreEntities(toEntityGold(story), JSON.parse(run.stdout) as Analysis);
          for (const c of checks) {
            add(totals, { [c.area]: { hit: c.ok ? 1 : 0, of: 1 } });
            if (tuned && !c.ok) misses.push(`${tag}: ${c.area} ${c.item}`);
          }
        });
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
      const t = (k: string) => totals[k] ?? { hit: 0, of: 0 };
      const r = (k: string) => ratio(t(k).hit, t(k).of);
      const lines = [
        `stories             ${stories.length}${failed ? ` (${failed} not analysed)` : ''}`,
        `quote precision     ${r('quotes-prec')}  (content start and speaker right)`,
        `quote recall        ${r('quotes')}`,
        `speaker recall      ${r('speakers')}`,
        `direct speakers     ${r('direct-speakers')}  (gold direct quotes found with the right speaker)`,
        `claim precision     ${r('claims-prec')}`,
        `claim recall        ${r('claims')}`,
        `event precision     ${r('events-prec')}`,
        `event recall        ${r('events')}`,
        `person precision    ${r('persons-prec')}  (system persons that are gold persons)`,
        `persons full name   ${r('persons')}  (gold persons found by full name)`,
        `non-persons kept    ${r('nonpersons')}`,
      ];
      const p = t('quotes-prec');
      return {
        lines,
        metric: 'quote precision',
        value: p.of ? (100 * p.hit) / p.of : 0,
        ...(tuned ? { misses } : {}),
      };
    },
  };
}

/**
 * Quotes, direct-quote speakers, claims, events and persons on eight te3-silver-bulk stories annotated
 * exhaustively for all four (`eval/gold/exhaustive-wire-2.json`), by reading the stories only. Every story is
 * blind: the area prints totals only.
 */
export const exhaustiveWire2Blind: EvalArea = exhaustiveStoriesArea({
  name: 'exhaustive-wire-2-blind',
  goldFile: WIRE2_GOLD,
  blindness: 'blind',
  description:
    'quotes, direct speakers, claims, events and persons on 8 more exhaustively annotated te3-silver-bulk stories (all blind)',
});

/** Where the third exhaustive gold set lives (16 stories, half dev and half blind). */
export const WIRE3_GOLD = 'eval/gold/exhaustive-wire-3.json';

const WIRE3_ABOUT =
  'exhaustively annotated te3-silver-bulk stories of eval/gold/exhaustive-wire-3.json (written 2026-12-08 by reading the stories only, before the system ran on them; split by rank of a seeded hash)';

/** The blind half of the third exhaustive gold set: totals only. */
export const exhaustiveWire3Blind: EvalArea = exhaustiveStoriesArea({
  name: 'exhaustive-wire-3-blind',
  goldFile: WIRE3_GOLD,
  split: 'blind',
  blindness: 'blind',
  description: `quotes, direct speakers, claims, events and persons on the blind half of 16 ${WIRE3_ABOUT}`,
});

/** The dev half of the third exhaustive gold set: misses listed with `--verbose`. */
export const exhaustiveWire3Dev: EvalArea = exhaustiveStoriesArea({
  name: 'exhaustive-wire-3-dev',
  goldFile: WIRE3_GOLD,
  split: 'dev',
  blindness: 'tuned',
  description: `quotes, direct speakers, claims, events and persons on the dev half of 16 ${WIRE3_ABOUT}`,
});
