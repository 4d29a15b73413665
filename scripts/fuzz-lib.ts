/**
 * Fuzzing the whole pipeline: generated wire-like text, HTML and raw noise go through `analyze`, and each
 * result is checked for the invariants every consumer relies on. Shared by the CI property test
 * (`fuzz-lib.test.ts`, a modest count) and `npm run fuzz -- --count N` (long runs, BENCHMARKS.md).
 */
import fc from 'fast-check';
import type { Analysis, Span } from '../src/core/types.js';
import { readHtml } from '../src/ingest/html.js';
import { analyze } from '../src/services/analyze.js';

/** The CPU-time budget for one input: 1 s per 10 KB, and never less than 1 s. */
export function budgetMs(input: string): number {
  return Math.max(1000, (input.length / 10_240) * 1000);
}

/**
 * The invariants, as a list of violations (empty when the analysis is sound): every span inside the text,
 * every `text` field equal to its slice, every raw offset inside the input.
 */
export function violations(raw: string, a: Analysis): string[] {
  const out: string[] = [];
  const text = a.article.text;
  const span = (what: string, s: Span, max = text.length) => {
    if (
      !Number.isInteger(s.start) ||
      !Number.isInteger(s.end) ||
      s.start < 0 ||
      s.end < s.start ||
      s.end > max
    ) {
      out.push(`${what}: span [${s.start}, ${s.end}) outside [0, ${max}]`);
      return false;
    }
    return true;
  };
  const textSpan = (what: string, s: Span & { text: string }) => {
    if (span(what, s) && text.slice(s.start, s.end) !== s.text) {
      out.push(
        `${what}: text ${JSON.stringify(s.text)} is not its slice ${JSON.stringify(text.slice(s.start, s.end))}`,
      );
    }
  };
  a.sentences.forEach((s, i) => {
    span(`sentence ${i}`, s);
  });
  for (const e of a.entities) {
    e.mentions.forEach((m, i) => {
      textSpan(`entity ${e.id} mention ${i}`, m);
    });
  }
  for (const q of a.quotes) {
    textSpan(`quote ${q.id}`, q);
    if (q.cue) textSpan(`quote ${q.id} cue`, q.cue);
  }
  for (const t of a.times) textSpan(`time ${t.id}`, t);
  for (const c of a.claims) textSpan(`claim ${c.id}`, c);
  for (const e of a.events) {
    textSpan(`event ${e.id} trigger`, e.trigger);
    if (e.sentence < 0 || e.sentence >= a.sentences.length)
      out.push(`event ${e.id}: sentence ${e.sentence} out of range`);
  }
  a.repairs.forEach((r, i) => {
    span(`repair ${i}`, r);
    span(`repair ${i} raw`, r.raw, raw.length);
  });
  return out;
}

/** One fuzz case: the input, how it is read, and the checks; throws with a description when one fails. */
export function checkOne(input: string, kind: 'wire' | 'html'): void {
  const t0 = cpuMs();
  const a = kind === 'html' ? analyze(readHtml(input)) : analyze(input);
  const ms = cpuMs() - t0;
  // HTML is read into a new raw text; its raw offsets point into that text, not into the markup.
  const raw = kind === 'html' ? readHtml(input).raw : input;
  const bad = violations(raw, a);
  if (ms > budgetMs(input)) bad.push(`took ${ms.toFixed(0)} CPU ms for ${input.length} characters`);
  if (bad.length > 0)
    throw new Error(`${kind} input broke ${bad.length} invariant(s): ${bad.slice(0, 5).join('; ')}`);
}

const word = fc.constantFrom(
  'the',
  'said',
  'President',
  'Kim',
  'Jong-un',
  'SEOUL',
  'Seoul',
  'North Korea',
  'U.S.',
  'Ministry',
  'of',
  'Defense',
  'on',
  'Monday',
  'Nov. 1',
  'last week',
  '2024',
  '3,000',
  '12.5 percent',
  '$4 billion',
  'troops',
  'attacked',
  'agreed',
  'talks',
  'according to',
  'told reporters',
  'a@b.cccc',
  '(Yonhap)',
  '(END)',
  '--',
  '—',
  '"',
  '“',
  '”',
  "'",
  '’',
  ',',
  '.',
  ':',
  ';',
  '(',
  ')',
  '\n',
  '\n\n',
  '  ',
  '\t',
  '\u00a0',
  'Ã©',
  '\u0000',
  '…',
  '😀',
  'é',
  'İ',
  '<p>',
  '</p>',
  '<p',
  '&amp;',
);

/** Wire-like text: a date line, a title, a dateline and a body of news words and punctuation. */
export const wireInput: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'November 1, 2024\n\n', 'Dec 3 , 2006\n'),
    fc.array(word, { maxLength: 8 }),
    fc.constantFrom('', 'SEOUL, Nov. 1 (Yonhap) -- ', 'GENEVA, April 1 , 1997 (AFP)\n\n', 'KYIV, Ukraine — '),
    fc.array(
      fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
      {
        maxLength: 200,
      },
    ),
  )
  .map(([date, title, dateline, body]) => `${date}${title.join(' ')}\n\n${dateline}${body.join(' ')}`);

/** HTML-ish input: tags, attributes and text, often unbalanced. */
export const htmlInput: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<html>',
        '<body>',
        '</body>',
        '<article>',
        '</article>',
        '<p>',
        '</p>',
        '<p class="x">',
        '<p',
        '<script>',
        '</script>',
        '<!--',
        '-->',
        '<title>',
        '</title>',
        '<meta property="og:title" content="T">',
        '<br>',
        '&amp;',
        '&#8217;',
        '<',
        '>',
      ),
      word,
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/** Everything: wire text, HTML, and raw strings of any code units. */
export const anyInput: fc.Arbitrary<{ input: string; kind: 'wire' | 'html' }> = fc.oneof(
  { weight: 5, arbitrary: wireInput.map((input) => ({ input, kind: 'wire' as const })) },
  { weight: 2, arbitrary: htmlInput.map((input) => ({ input, kind: 'html' as const })) },
  {
    weight: 2,
    arbitrary: fc
      .string({ unit: 'binary', maxLength: 400 })
      .map((input) => ({ input, kind: 'wire' as const })),
  },
);

/** The property: every generated input passes `checkOne`. */
export const pipelineProperty = fc.property(anyInput, ({ input, kind }) => {
  checkOne(input, kind);
});

/** Builds the pipeline and loads its models once, so the first timed input does not pay for start-up. */
export function warmUp(): void {
  analyze('SEOUL, Nov. 1 (Yonhap) -- The minister said on Monday that 3,000 troops had "left".');
  analyze(readHtml('<html><body><p>The mayor said.</p></body></html>'));
  // Lazily built tables and cold code paths: a fixed sample of generated inputs, untimed.
  for (const { input, kind } of fc.sample(anyInput, { numRuns: 60, seed: 1 })) {
    analyze(kind === 'html' ? readHtml(input) : input);
  }
}

/** CPU milliseconds used by this process so far: unlike wall time, not inflated by other busy processes. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
