/**
 * Generates the events stage's clause lexicon (`src/stages/events/data/event-lexicon.json`) from public
 * resources, so that which verbs and nouns are event predicates, and which of their dependents are the actor
 * and the target, is data rather than code:
 *
 * - **PETRARCH2 CAMEO verb dictionary** (`events-petrarch2-dictionaries/dictionaries/CAMEO.2.0.txt`, MIT): the
 *   verbs of each CAMEO block, their irregular forms, their CAMEO codes and the object/prepositional patterns
 *   that change the code ("hold * TALKS" → 040, "face * PROBLEM" → not an event). Codes of CAMEO root 01
 *   (public statements) have no PLOVER category and are dropped.
 * - **CAMEO → PLOVER table** (`events/plover/CAMEO2PLOVER-2021.txt`, CC-BY-SA-4.0): the PLOVER mode of each
 *   code. The PLOVER category uses the names of the PLOVER gold records the project is scored on (DISAPPROVE,
 *   DEMAND, FIGHT; `cameoToPlover` in `src/stages/events/lexicon.ts`).
 * - **VerbNet 3.3** (`lexicons/verbnet3/`, used with permission, citation: Kipper Schuler, K. 2005, VerbNet: A
 *   broad-coverage, comprehensive verb lexicon, PhD thesis, University of Pennsylvania): the syntactic frames
 *   of each member verb say which position holds the Agent (→ actor) and which the Patient, Co-Agent, Recipient
 *   or Destination (→ target); these become dependency roles (`nsubj`, `obj`, `obl:with`, passive `obl:agent`).
 *   The thematic roles' selectional restrictions (+animate, +organization) become entity-type restrictions.
 * - **SCOWL word lists** (through the repair stage's lexicon): which derived event nouns ("invasion",
 *   "detention", "visit") are English words.
 *
 * Our reviewed corrections are not here: they live in `src/stages/events/data/lexicon-overrides.json`, which
 * the stage applies on top of this output.
 *
 * Run: `npm run build:event-lexicon` (reads `../shared/eval`; deterministic).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PloverType } from '../src/core/types.js';
import { getLexicon } from '../src/stages/repair/lexicon.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, process.argv[2] ?? '../../shared/eval');
const outFile = path.resolve(here, '../src/stages/events/data/event-lexicon.json');

// ---------------------------------------------------------------- CAMEO → PLOVER

/** Project names of PLOVER categories (the gold records' names) for a CAMEO code; null when not an event. */
function ploverType(cameo: string): PloverType | null {
  const root = cameo.slice(0, 2);
  const byRoot: Record<string, PloverType> = {
    '02': 'DEMAND',
    '03': 'AGREE',
    '04': 'CONSULT',
    '05': 'SUPPORT',
    '06': 'COOPERATE',
    '07': 'AID',
    '09': 'INVESTIGATE',
    '10': 'DEMAND',
    '11': 'DISAPPROVE',
    '12': 'REJECT',
    '13': 'THREATEN',
    '14': 'PROTEST',
    '15': 'MOBILIZE',
    '16': 'SANCTION',
    '17': 'COERCE',
    '18': 'ASSAULT',
    '20': 'ASSAULT',
  };
  if (root === '08') return Number(cameo.slice(0, 3)) >= 84 ? 'RETREAT' : 'CONCEDE';
  if (root === '19') return cameo.startsWith('191') || cameo.startsWith('192') ? 'COERCE' : 'FIGHT';
  return byRoot[root] ?? null;
}

/** PLOVER modes by CAMEO code from the 2021 conversion table (the longest listed prefix wins). */
function readModes(file: string): Map<string, string> {
  const modes = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^(\d+):\s*([A-Z]+)\s*,\s*([^,#]*)/.exec(line);
    if (!m) continue;
    const mode = m[3]!.trim();
    if (mode !== '') modes.set(m[1]!, mode);
  }
  return modes;
}

function modeOf(modes: Map<string, string>, cameo: string): string | null {
  for (let n = cameo.length; n >= 3; n--) {
    const m = modes.get(cameo.slice(0, n));
    if (m) return m;
  }
  return null;
}

// ---------------------------------------------------------------- PETRARCH2 verb dictionary

interface PetrPattern {
  /** Verb particle right after the verb ("out", "down"), or null. */
  particle: string | null;
  /** Preposition of an oblique ("with", "to"), or null for a direct object. */
  prep: string | null;
  /** Head nouns that match (a synonym set expands to its members). */
  heads: string[];
  /** CAMEO code, or null for "not an event" (`[---]`). */
  cameo: string | null;
}

interface PetrVerb {
  lemma: string;
  /** Multi-word verb ("meet with" → ["meet", "with"]). */
  words: string[];
  forms: string[];
  cameo: string | null;
  patterns: PetrPattern[];
  block: string;
}

const PARTICLES = new Set('up out down off back over away on in forward aside'.split(' '));

function code(raw: string | undefined): string | null {
  if (!raw) return null;
  const parts = raw.split(':').filter((p) => /^\d+$/.test(p));
  return parts[0] ?? null;
}

function readPetrarch(file: string): PetrVerb[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const synsets = new Map<string, string[]>();
  let i = 0;
  // synonym sets
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('####### VERB PATTERNS')) break;
    const m = /^&(\w+)/.exec(line);
    if (m) {
      const members: string[] = [];
      for (i++; i < lines.length && lines[i]!.startsWith('+'); i++) {
        members.push(lines[i]!.slice(1).split(/[\s#]/)[0]!.toLowerCase().replace(/_/g, ' '));
      }
      synsets.set(m[1]!, members);
      i--;
    }
  }
  const out: PetrVerb[] = [];
  let block = '';
  let blockCode: string | null = null;
  let members: PetrVerb[] = [];
  const expand = (tok: string): string[] =>
    tok.startsWith('&') ? (synsets.get(tok.slice(1)) ?? []) : [tok.toLowerCase()];
  for (; i < lines.length; i++) {
    const line = lines[i]!.replace(/#.*$/, '').trimEnd();
    const comment = (/#\s*([A-Z_+-]+)/.exec(lines[i]!) ?? [])[1]?.toLowerCase() ?? null;
    const head = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
    if (head) {
      block = head[1]!;
      blockCode = code(head[2]);
      members = [];
      continue;
    }
    if (line.trim() === '') continue;
    if (line.startsWith('-')) {
      const cm = /\[([^\]]*)\]\s*$/.exec(line);
      if (!cm) continue;
      const body = line.slice(1, cm.index).trim();
      const cameo = cm[1]!.trim() === '---' ? null : code(cm[1]);
      const pat = parsePattern(body, cameo, expand);
      if (!pat) continue;
      const owners = comment ? members.filter((v) => v.lemma === comment || v.words[0] === comment) : [];
      for (const v of owners.length > 0 ? owners : members) v.patterns.push(pat);
      continue;
    }
    // member verb: [+]WORD[_WORD] {FORMS} [code]
    const mm = /^(\+?)([A-Z][A-Z_'-]*)\s*(\{([^}]*)\})?\s*(\[([^\]]*)\])?/.exec(line.trim());
    if (!mm) continue;
    const words = mm[2]!.toLowerCase().split('_').filter(Boolean);
    if (words.length === 0) continue;
    const irregular = (mm[4] ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((f) => f.replace(/^\+/, '').toLowerCase().split('_')[0]!);
    const own = mm[6] !== undefined ? (mm[6].trim() === '---' ? null : code(mm[6])) : blockCode;
    const verb: PetrVerb = {
      lemma: words.join(' '),
      words,
      forms: irregular,
      cameo: own,
      patterns: [],
      block,
    };
    members.push(verb);
    out.push(verb);
  }
  return out;
}

/** A simple pattern: `* [PARTICLE] OBJECT` or `* [PARTICLE] (PREP NOUN…)`; anything richer is skipped. */
function parsePattern(
  body: string,
  cameo: string | null,
  expand: (t: string) => string[],
): PetrPattern | null {
  const toks = body.match(/\{[^}]*\}|\([^)]*\)|\S+/g) ?? [];
  if (toks[0] !== '*') return null;
  let k = 1;
  let particle: string | null = null;
  if (toks[k] && /^[A-Z]+$/.test(toks[k]!) && PARTICLES.has(toks[k]!.toLowerCase()) && toks.length > 2) {
    particle = toks[k]!.toLowerCase();
    k++;
  }
  const t = toks[k];
  if (!t) return particle ? { particle, prep: null, heads: [], cameo } : null;
  if (t.startsWith('(')) {
    const inner = t.slice(1, -1).trim().split(/\s+/);
    const prep = inner[0]!.toLowerCase();
    if (inner.length < 2) return { particle, prep, heads: [], cameo };
    const last = inner[inner.length - 1]!.replace(/[{}]/g, '');
    if (!/^[&A-Z-]+$/.test(last)) return null;
    return { particle, prep, heads: expand(last), cameo };
  }
  const words = t.replace(/[{}]/g, '').trim().split(/\s+/);
  const last = words[words.length - 1]!;
  if (!/^[&A-Z-]+$/.test(last) || last === '$' || last === '+') return null;
  return { particle, prep: null, heads: expand(last), cameo };
}

// ---------------------------------------------------------------- VerbNet

interface XmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

function parseXml(text: string): XmlNode {
  const root: XmlNode = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  const re = /<(\/?)([A-Za-z_][\w.-]*)([^>]*?)(\/?)>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1]) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    const node: XmlNode = { tag: m[2]!, attrs, children: [] };
    stack[stack.length - 1]!.children.push(node);
    if (!m[4]) stack.push(node);
  }
  return root;
}

const kids = (n: XmlNode, tag: string) => n.children.filter((c) => c.tag === tag);
const kid = (n: XmlNode, tag: string) => n.children.find((c) => c.tag === tag);

const ACTOR_ROLES = ['Agent', 'Actor', 'Causer', 'Experiencer'];
const TARGET_ROLES = [
  'Co-Agent',
  'Patient',
  'Recipient',
  'Destination',
  'Beneficiary',
  'Co-Patient',
  'Theme',
];

interface VnFrame {
  cls: string;
  actor: Set<string>;
  target: Set<string>;
  actorRestr: Set<string>;
  targetRestr: Set<string>;
}

/** Frames by member lemma: the dependency roles VerbNet's syntactic frames give actor and target. */
function readVerbNet(dir: string): Map<string, VnFrame[]> {
  const byLemma = new Map<string, VnFrame[]>();
  const visit = (cls: XmlNode, inherited: Map<string, string[]>) => {
    const roles = new Map(inherited);
    for (const r of kids(kid(cls, 'THEMROLES') ?? cls, 'THEMROLE')) {
      const restr: string[] = [];
      for (const s of findAll(r, 'SELRESTR')) if (s.attrs.Value === '+') restr.push(s.attrs.type!);
      roles.set(r.attrs.type!, restr);
    }
    const frame: VnFrame = {
      cls: cls.attrs.ID!,
      actor: new Set(),
      target: new Set(),
      actorRestr: new Set(),
      targetRestr: new Set(),
    };
    for (const f of kids(kid(cls, 'FRAMES') ?? cls, 'FRAME')) {
      const syn = kid(f, 'SYNTAX');
      if (!syn) continue;
      let seenVerb = false;
      let prep: string | null = null;
      let objects = 0;
      for (const el of syn.children) {
        if (el.tag === 'VERB') seenVerb = true;
        else if (el.tag === 'PREP') prep = (el.attrs.value ?? '').split(/\s+/)[0] || null;
        else if (el.tag === 'NP') {
          const role = el.attrs.value ?? '';
          let dep: string;
          if (!seenVerb) dep = 'nsubj';
          else if (prep) dep = `obl:${prep}`;
          else dep = objects++ === 0 ? 'obj' : 'iobj';
          prep = null;
          if (ACTOR_ROLES.includes(role) && dep === 'nsubj') {
            frame.actor.add('nsubj');
            for (const r of roles.get(role) ?? []) frame.actorRestr.add(r);
          } else if (TARGET_ROLES.includes(role) && dep !== 'nsubj') {
            frame.target.add(dep);
            if (dep === 'obj') frame.actor.add('obl:agent');
            for (const r of roles.get(role) ?? []) frame.targetRestr.add(r);
          }
        }
      }
    }
    for (const m of kids(kid(cls, 'MEMBERS') ?? cls, 'MEMBER')) {
      const name = m.attrs.name!.toLowerCase().replace(/_/g, ' ');
      let list = byLemma.get(name);
      if (!list) {
        list = [];
        byLemma.set(name, list);
      }
      list.push(frame);
    }
    for (const sub of kids(kid(cls, 'SUBCLASSES') ?? cls, 'VNSUBCLASS')) visit(sub, roles);
  };
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.xml')) continue;
    const root = parseXml(readFileSync(path.join(dir, f), 'utf8'));
    const cls = root.children.find((c) => c.tag === 'VNCLASS');
    if (cls) visit(cls, new Map());
  }
  return byLemma;
}

function findAll(n: XmlNode, tag: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of n.children) {
    if (c.tag === tag) out.push(c);
    findAll(c, tag, out);
  }
  return out;
}

// ---------------------------------------------------------------- inflection and nominalisation

const DOUBLE_OK = /[bdgklmnprt]$/;

function inflect(lemma: string, irregular: string[]): string[] {
  const forms = new Set<string>([lemma, ...irregular]);
  if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ies`);
  else if (/(s|sh|ch|x|z)$/.test(lemma)) forms.add(`${lemma}es`);
  else forms.add(`${lemma}s`);
  // CVC monosyllables double their final consonant (ban → banned); others do not (visit → visited)
  const cvc = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(lemma) && DOUBLE_OK.test(lemma);
  const stem = cvc ? lemma + lemma.slice(-1) : lemma;
  const hasPast = irregular.some((f) => !f.endsWith('ing') && !f.endsWith('s'));
  if (!hasPast) {
    if (lemma.endsWith('e')) forms.add(`${lemma}d`);
    else if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ied`);
    else forms.add(`${stem}ed`);
  }
  if (!irregular.some((f) => f.endsWith('ing'))) {
    if (lemma.endsWith('ie')) forms.add(`${lemma.slice(0, -2)}ying`);
    else if (lemma.endsWith('e') && !lemma.endsWith('ee')) forms.add(`${lemma.slice(0, -1)}ing`);
    else forms.add(`${stem}ing`);
  }
  return [...forms].sort();
}

/** Candidate event nouns of a verb ("invade" → invasion, "detain" → detention, "visit" → visit). */
function nominalCandidates(lemma: string): string[] {
  // the zero-derived noun ("visit", "attack") is reviewed in the overrides: SCOWL cannot tell a noun from a verb
  const c = new Set<string>();
  const e = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  c.add(`${e}ation`);
  c.add(`${e}ion`);
  c.add(`${lemma}ment`);
  c.add(`${lemma}al`);
  c.add(`${e}al`);
  if (lemma.endsWith('de')) c.add(`${lemma.slice(0, -2)}sion`);
  if (lemma.endsWith('ain')) c.add(`${lemma.slice(0, -3)}ention`);
  if (lemma.endsWith('y')) c.add(`${lemma.slice(0, -1)}ial`);
  if (lemma.endsWith('ize')) c.add(`${lemma.slice(0, -3)}ism`);
  return [...c];
}

// ---------------------------------------------------------------- assembly

interface OutPattern {
  particle?: string;
  prep?: string;
  heads?: string[];
  cameo: string | null;
  type?: PloverType;
  mode?: string | null;
}

interface OutEntry {
  lemma: string;
  pos: 'verb' | 'noun';
  forms: string[];
  cameo: string | null;
  type: PloverType | null;
  mode: string | null;
  actor: string[];
  target: string[];
  actorTypes?: string[];
  targetTypes?: string[];
  patterns?: OutPattern[];
  sources: string[];
}

/** VerbNet restrictions → entity types of our entities layer. */
function entityTypes(restr: Set<string>): string[] | undefined {
  if (restr.has('animate') || restr.has('organization') || restr.has('human')) {
    return ['PERSON', 'ORG', 'GPE', 'NORP'];
  }
  return undefined;
}

function main(): void {
  const petrFile = path.join(shared, 'events-petrarch2-dictionaries/dictionaries/CAMEO.2.0.txt');
  const mapFile = path.join(shared, 'events/plover/CAMEO2PLOVER-2021.txt');
  const vnDir = path.join(shared, 'lexicons/verbnet3');
  for (const p of [petrFile, mapFile, vnDir]) {
    if (!existsSync(p)) throw new Error(`missing ${p}: the build reads the public data in ../shared/eval`);
  }
  const modes = readModes(mapFile);
  const verbs = readPetrarch(petrFile);
  const vn = readVerbNet(vnDir);
  const words = getLexicon();
  const keep = (c: string | null) => c !== null && ploverType(c) !== null;

  const byLemma = new Map<string, OutEntry>();
  for (const v of verbs) {
    if (v.words.length > 1 && !v.words.slice(1).every((w) => PARTICLES.has(w) || /^[a-z]+$/.test(w)))
      continue;
    const patterns: OutPattern[] = [];
    const base0 = keep(v.cameo) ? v.cameo : null;
    for (const p of v.patterns) {
      if (p.cameo !== null && !keep(p.cameo)) continue;
      // a pattern that only repeats the verb's own code changes nothing
      if (p.cameo !== null && p.cameo === base0 && !p.particle) continue;
      const o: OutPattern = { cameo: p.cameo };
      if (p.particle) o.particle = p.particle;
      if (p.prep) o.prep = p.prep;
      if (p.heads.length > 0) o.heads = [...new Set(p.heads)].sort();
      if (p.cameo) {
        o.type = ploverType(p.cameo)!;
        o.mode = modeOf(modes, p.cameo);
      }
      patterns.push(o);
    }
    const base = keep(v.cameo) ? v.cameo : null;
    if (!base && !patterns.some((p) => p.cameo)) continue;
    const lemma = v.words[0]!;
    const key = v.words.join(' ');
    const frames = vn.get(lemma) ?? [];
    const actor = new Set<string>();
    const target = new Set<string>();
    const aR = new Set<string>();
    const tR = new Set<string>();
    for (const f of frames) {
      for (const d of f.actor) actor.add(d);
      for (const d of f.target) target.add(d);
      for (const r of f.actorRestr) aR.add(r);
      for (const r of f.targetRestr) tR.add(r);
    }
    if (actor.size === 0) actor.add('nsubj');
    if (v.words.length > 1 && !PARTICLES.has(v.words[1]!)) target.add(`obl:${v.words[1]}`);
    if (target.size === 0) {
      target.add('obj');
      actor.add('obl:agent');
    }
    const existing = byLemma.get(key);
    if (existing) {
      existing.forms = [...new Set([...existing.forms, ...v.forms])].sort();
      existing.patterns = [...(existing.patterns ?? []), ...patterns];
      if (!existing.cameo && base) {
        existing.cameo = base;
        existing.type = ploverType(base);
        existing.mode = modeOf(modes, base);
      }
      continue;
    }
    const entry: OutEntry = {
      lemma: key,
      pos: 'verb',
      forms: inflect(lemma, v.forms),
      cameo: base,
      type: base ? ploverType(base) : null,
      mode: base ? modeOf(modes, base) : null,
      actor: [...actor].sort(),
      target: [...target].sort(),
      sources: [`petrarch2:${v.block}`, ...frames.map((f) => `verbnet:${f.cls}`)],
    };
    const at = entityTypes(aR);
    const tt = entityTypes(tR);
    if (at) entry.actorTypes = at;
    if (tt) entry.targetTypes = tt;
    if (patterns.length > 0) entry.patterns = patterns;
    byLemma.set(key, entry);
  }

  // event nouns: nominalisations of coded single-word verbs that the word lists know (tier 1–2) and that
  // PETRARCH2's own patterns use as nouns (which rules out look-alikes such as "billion" or "department")
  const attested = new Set<string>();
  for (const v of verbs) for (const p of v.patterns) for (const h of p.heads) attested.add(h);
  const nouns = new Map<string, OutEntry>();
  for (const e of byLemma.values()) {
    if (e.pos !== 'verb' || !e.cameo || e.lemma.includes(' ')) continue;
    for (const n of nominalCandidates(e.lemma)) {
      const tier = words.tier(n);
      if (tier === null || tier > 2 || nouns.has(n) || !attested.has(n)) continue;
      if (n !== e.lemma && byLemma.has(n)) continue;
      nouns.set(n, {
        lemma: n,
        pos: 'noun',
        forms: n.endsWith('s') ? [n] : [n, `${n}s`],
        cameo: e.cameo,
        type: e.type,
        mode: e.mode,
        // nouns take the default noun frame of the overrides ("X's detention of Y", "the visit by X")
        actor: [],
        target: [],
        sources: [`nominal-of:${e.lemma}`],
      });
    }
  }

  for (const e of byLemma.values()) {
    if (!e.patterns) continue;
    const seen = new Set<string>();
    e.patterns = e.patterns.filter((p) => {
      const k = JSON.stringify(p);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
  const entries = [...byLemma.values(), ...nouns.values()].sort((a, b) =>
    a.lemma === b.lemma ? a.pos.localeCompare(b.pos) : a.lemma < b.lemma ? -1 : 1,
  );
  const data = {
    generated:
      'by scripts/build-event-lexicon.ts (npm run build:event-lexicon); do not edit, corrections go in lexicon-overrides.json',
    sources: [
      'PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt (MIT, (c) 2015 Open Event Data Alliance)',
      'CAMEO2PLOVER-2021.txt (PLOVER, Open Event Data Alliance, CC-BY-SA-4.0)',
      'VerbNet 3.3 (University of Colorado, used with permission; Kipper Schuler 2005)',
      'SCOWL word lists (derived nouns)',
    ],
    entries,
  };
  // one entry per line: reviewable in a diff, compact on disk
  const body = entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  const head = JSON.stringify({ generated: data.generated, sources: data.sources }, null, 2).slice(0, -2);
  writeFileSync(outFile, `${head},\n  "entries": [\n${body}\n  ]\n}\n`);
  const nv = entries.filter((e) => e.pos === 'verb').length;
  console.log(
    `event lexicon: ${nv} verbs, ${entries.length - nv} nouns → ${path.relative(process.cwd(), outFile)}`,
  );
}

main();
