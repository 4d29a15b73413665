/**
 * Regex safety: finds every regular expression the engine runs and asks a ReDoS checker (`recheck`, from
 * npm) whether its worst case is linear. A super-linear pattern lets a few hundred bytes of input freeze the
 * server (issue 15: `a@b.cccc` × 17 in the wire reader, `<p` × 80,000 in the HTML reader), so a new one fails
 * `npm test` (via `regex-safety.test.ts`) and `npm run lint:regex`.
 *
 * Two sources, because neither alone sees everything:
 * - static: every regex literal, and every `new RegExp("…")` with a constant pattern, in `src/**.ts` (not
 *   tests), found with the TypeScript parser;
 * - runtime: every `new RegExp(…)` built while all `src` modules are imported and the sample desk is
 *   analysed (patterns assembled from data files or from shared fragments such as `MONTH_SOURCE`).
 *
 * Usage: `npm run lint:regex` (exit 1 and one line per unsafe pattern when any is found); `-- --update` also
 * refreshes the cache of patterns proven linear in `regex-safety.json`. A pattern that cannot be made linear
 * goes into that file's `accepted` list by hand, with the reason it is tolerated.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkSync, type Diagnostics } from 'recheck';
import ts from 'typescript';

/** One regex the engine can run, with where it comes from. */
export interface FoundRegex {
  source: string;
  flags: string;
  /** `src/…/file.ts:line` of the literal or of the `new RegExp` call. */
  where: string;
  origin: 'literal' | 'runtime';
}

const ROOT = path.resolve(import.meta.dirname, '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The non-test TypeScript sources under `src/`. */
export function sourceFiles(root = ROOT): string[] {
  return walk(path.join(root, 'src')).sort();
}

/** Regex literals and constant `new RegExp('…')` patterns in one file. */
export function literalRegexes(file: string, root = ROOT): FoundRegex[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const rel = path.relative(root, file);
  const found: FoundRegex[] = [];
  const at = (n: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = n.getText(sf);
      const slash = lit.lastIndexOf('/');
      found.push({
        source: lit.slice(1, slash),
        flags: lit.slice(slash + 1),
        where: at(n),
        origin: 'literal',
      });
    } else if (
      ts.isNewExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === 'RegExp' &&
      n.arguments?.[0] &&
      (ts.isStringLiteral(n.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(n.arguments[0]))
    ) {
      const flagsArg = n.arguments[1];
      const flags = flagsArg && ts.isStringLiteral(flagsArg) ? flagsArg.text : '';
      found.push({ source: n.arguments[0].text, flags, where: at(n), origin: 'literal' });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/**
 * Where a `new RegExp` was called: the first stack frame outside this file, as `src/…:line`; null when that
 * frame is in a dependency (chrono-node builds its own patterns; they are not ours to rewrite).
 */
function callerOf(stack: string | undefined, root: string): string | null {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const m = /\((?:file:\/\/)?([^()]+?):(\d+):\d+\)$|at (?:file:\/\/)?([^\s()]+?):(\d+):\d+$/.exec(
      line.trim(),
    );
    const file = m?.[1] ?? m?.[3];
    if (!file || file.endsWith('regex-safety.ts')) continue;
    if (file.includes('node_modules') || file.startsWith('node:')) return null;
    const rel = path.relative(root, file);
    return rel.startsWith('src') ? `${rel}:${m?.[2] ?? m?.[4]}` : null;
  }
  return null;
}

/**
 * Every `new RegExp` built while importing all of `src/` and analysing the sample desk. The global
 * constructor is wrapped only for the duration of the call and restored after, even on failure.
 */
export async function runtimeRegexes(root = ROOT): Promise<FoundRegex[]> {
  const found: FoundRegex[] = [];
  const Original = globalThis.RegExp;
  const seen = new Set<string>();
  const record = (re: RegExp) => {
    const key = `${re.flags}/${re.source}`;
    if (seen.has(key)) return;
    seen.add(key);
    const where = callerOf(new Error().stack, root);
    if (where) found.push({ source: re.source, flags: re.flags, where, origin: 'runtime' });
  };
  const Tracking = new Proxy(Original, {
    construct(target, args: unknown[], newTarget) {
      const re = Reflect.construct(target, args, newTarget === Tracking ? target : newTarget) as RegExp;
      record(re);
      return re;
    },
    apply(target, thisArg, args: unknown[]) {
      const re = Reflect.apply(target, thisArg, args) as RegExp;
      record(re);
      return re;
    },
  });
  globalThis.RegExp = Tracking;
  try {
    for (const file of sourceFiles(root)) {
      if (file.includes(`${path.sep}cli${path.sep}`) && file.endsWith('main.ts')) continue;
      try {
        await import(pathToFileURL(file).href);
      } catch {
        // An entry point that runs only in its own context (a worker thread): its literals are still
        // found statically.
      }
    }
    // Patterns built lazily on first use: run the whole pipeline over our own sample stories.
    const { analyze } = (await import(pathToFileURL(path.join(root, 'src/services/analyze.ts')).href)) as {
      analyze: (text: string) => unknown;
    };
    const samples = path.join(root, 'samples');
    for (const name of readdirSync(samples).filter((n) => n.endsWith('.txt'))) {
      analyze(readFileSync(path.join(samples, name), 'utf8'));
    }
  } finally {
    globalThis.RegExp = Original;
  }
  return found;
}

/** All regexes, one entry per distinct (flags, source), literal locations first. */
export async function allRegexes(root = ROOT): Promise<FoundRegex[]> {
  const byKey = new Map<string, FoundRegex>();
  for (const file of sourceFiles(root)) {
    for (const r of literalRegexes(file, root)) {
      const key = `${r.flags}/${r.source}`;
      if (!byKey.has(key)) byKey.set(key, r);
    }
  }
  for (const r of await runtimeRegexes(root)) {
    // A literal compiled to the same pattern is the same regex; `new RegExp` normalises `/` to `\/`.
    const key = `${r.flags}/${r.source}`;
    const alt = `${r.flags}/${r.source.replace(/\\\//g, '/')}`;
    if (!byKey.has(key) && !byKey.has(alt)) byKey.set(key, r);
  }
  return [...byKey.values()];
}

/** A checker verdict for one regex. */
export interface Verdict {
  regex: FoundRegex;
  status: Diagnostics['status'];
  /** `linear`, `2nd degree polynomial`, `exponential`, or why the check gave up. */
  summary: string;
  /** An input that shows the blow-up, when the checker found one. */
  attack: string | null;
}

/** Asks recheck about one regex (`g`/`y` flags do not change the worst case and are dropped). */
export function checkRegex(r: FoundRegex): Verdict {
  const flags = r.flags.replace(/[gy]/g, '');
  const d = checkSync(r.source, flags, { timeout: 30_000 });
  if (d.status === 'safe') return { regex: r, status: d.status, summary: d.complexity.summary, attack: null };
  if (d.status === 'vulnerable') {
    return { regex: r, status: d.status, summary: d.complexity.summary, attack: d.attack.string };
  }
  return { regex: r, status: d.status, summary: d.error.kind, attack: null };
}

/** A pattern accepted although it is not proven linear, with the reason it is tolerated. */
export interface AcceptedRegex {
  where: string;
  flags: string;
  source: string;
  verdict: string;
  reason: string;
  /**
   * Accept every pattern built at `where` (a `new RegExp` assembled per call from data, such as an event
   * head's alternatives), not just `source`: for call sites whose input is bounded whatever the pattern.
   */
  site?: boolean;
}

/** `scripts/regex-safety.json`: a cache of patterns proven linear, and the reviewed exceptions. */
export interface RegexSafetyFile {
  comment: string;
  safe: string[];
  accepted: AcceptedRegex[];
}

export const SAFETY_FILE = path.join(ROOT, 'scripts/regex-safety.json');

/** The cache key of a pattern: a SHA-1 prefix of `flags/source`. */
export function regexKey(r: { flags: string; source: string }): string {
  return createHash('sha1').update(`${r.flags}/${r.source}`).digest('hex').slice(0, 16);
}

export function readSafetyFile(file = SAFETY_FILE): RegexSafetyFile {
  return JSON.parse(readFileSync(file, 'utf8')) as RegexSafetyFile;
}

/**
 * The patterns that are neither cached as linear nor accepted, with recheck's verdict on each: the ones a
 * change introduced. Non-empty means a new pattern is super-linear, or the checker could not prove it linear.
 */
export function uncheckedVerdicts(regexes: FoundRegex[], file: RegexSafetyFile): Verdict[] {
  const safe = new Set(file.safe);
  const accepted = new Set(file.accepted.map(regexKey));
  const sites = new Set(file.accepted.filter((a) => a.site).map((a) => a.where));
  return regexes
    .filter((r) => !safe.has(regexKey(r)) && !accepted.has(regexKey(r)))
    .filter((r) => !(r.origin === 'runtime' && sites.has(r.where)))
    .map(checkRegex);
}

/** `npm run lint:regex [-- --update]` (see `lint-regex.ts`): exit code 0 when nothing new is unsafe. */
export async function lintRegexes(update = process.argv.includes('--update')): Promise<number> {
  const regexes = await allRegexes();
  const file = readSafetyFile();
  const verdicts = uncheckedVerdicts(regexes, file);
  const bad = verdicts.filter((v) => v.status !== 'safe');
  for (const v of bad) {
    const attack = v.attack ? ` attack ${JSON.stringify(v.attack.slice(0, 60))}` : '';
    process.stdout.write(
      `${v.regex.where}: ${v.status} (${v.summary})${attack}: /${v.regex.source}/${v.regex.flags}\n`,
    );
  }
  if (update) {
    const live = new Set(regexes.map(regexKey));
    const safe = new Set(file.safe.filter((k) => live.has(k)));
    for (const v of verdicts) if (v.status === 'safe') safe.add(regexKey(v.regex));
    const accepted = file.accepted.filter((a) => a.site || live.has(regexKey(a)));
    writeFileSync(SAFETY_FILE, `${JSON.stringify({ ...file, safe: [...safe].sort(), accepted }, null, 1)}\n`);
  }
  process.stdout.write(
    `regex safety: ${regexes.length} distinct regexes, ${file.accepted.length} accepted exceptions, ${verdicts.length} checked now, ${bad.length} not proven linear\n`,
  );
  return bad.length === 0 ? 0 : 1;
}
