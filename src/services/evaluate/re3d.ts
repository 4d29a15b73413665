import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NewsintelError } from '../../core/errors.js';
import { type DocSpan, harmoniseDocument } from '../../stages/entities/tagger/document.js';
import { loadDefaultTagger } from '../../stages/entities/tagger/index.js';
import type { NerModel } from '../../stages/entities/tagger/model.js';
import { refineType } from '../../stages/entities/tagger/refine.js';
import {
  formatScoreTable,
  SpanScorer,
  type SpanScores,
  type TypedSpan,
} from '../../stages/entities/tagger/score.js';
import { splitSentences, tokenize } from '../../stages/entities/tagger/tokens.js';
import type { EvaluationResult, Evaluator } from './types.js';

/** One re3d document with its gold entities (character offsets into `text`). */
export interface Re3dDoc {
  id: string;
  text: string;
  entities: Array<{ begin: number; end: number; type: string; value: string; confidence?: number }>;
}

/** re3d types scored, mapped onto the classes they are compared in. */
export const RE3D_TYPE_MAP: Readonly<Record<string, string>> = Object.freeze({
  Person: 'PERSON',
  Organisation: 'ORG',
  Location: 'LOC',
  Nationality: 'NORP',
});

/** Our analysis types onto the same classes (GPE and LOC are both re3d `Location`). */
export const OUR_TYPE_MAP: Readonly<Record<string, string>> = Object.freeze({
  PERSON: 'PERSON',
  ORG: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  NORP: 'NORP',
});

/**
 * Gold spans in the form a name tagger is scored on. re3d also marks nominal mentions (`mourners`,
 * `a funeral tent`), which a name tagger does not target: a gold mention with no capitalised word is left out.
 * A leading `the` is trimmed from gold and predictions alike (re3d is inconsistent about it). When the same
 * span carries two types (`The United States` as Organisation and Location) the more confident one is kept.
 */
export function re3dGoldSpans(doc: Re3dDoc): TypedSpan[] {
  const bySpan = new Map<string, { span: TypedSpan; conf: number }>();
  for (const e of doc.entities) {
    const type = RE3D_TYPE_MAP[e.type];
    if (!type) continue;
    const text = doc.text.slice(e.begin, e.end);
    if (!/(^|[\s(])\p{Lu}/u.test(text)) continue;
    const span = trimSpan(doc.text, { unit: doc.id, start: e.begin, end: e.end, type });
    const key = `${span.start}:${span.end}`;
    const conf = e.confidence ?? 1;
    const prev = bySpan.get(key);
    if (!prev || conf > prev.conf) bySpan.set(key, { span, conf });
  }
  return [...bySpan.values()].map((v) => v.span);
}

function trimSpan(text: string, s: TypedSpan): TypedSpan {
  const m = /^the\s+/i.exec(text.slice(s.start, s.end));
  return m && s.end - s.start > m[0].length ? { ...s, start: s.start + m[0].length } : s;
}

/**
 * Predicted spans for a document: tokenise, split sentences, tag, make the document's readings of one name
 * agree (`harmoniseDocument`, as the entities stage does), refine types, map to re3d classes.
 */
export function re3dPredictedSpans(tagger: NerModel, doc: Re3dDoc): TypedSpan[] {
  const toks = tokenize(doc.text);
  const out: TypedSpan[] = [];
  const sentences = splitSentences(toks, doc.text).map(([a, b]) => toks.slice(a, b));
  const tagged = sentences.map((sent) => {
    const tokens = sent.map((t) => t.text);
    return { tokens, spans: tagger.tagSentence(tokens).spans.map((p) => ({ ...p }) as DocSpan) };
  });
  harmoniseDocument(tagged);
  sentences.forEach((sent, i) => {
    const words = tagged[i]!.tokens;
    for (const s of tagged[i]!.spans) {
      const fine = refineType(s.type, words.slice(s.start, s.end), tagger.context.gazetteer);
      const type = OUR_TYPE_MAP[fine];
      if (!type) continue;
      out.push(
        trimSpan(doc.text, { unit: doc.id, start: sent[s.start]!.start, end: sent[s.end - 1]!.end, type }),
      );
    }
  });
  return out;
}

export function scoreRe3d(tagger: NerModel, docs: readonly Re3dDoc[]): SpanScores {
  const scorer = new SpanScorer();
  for (const d of docs) scorer.add(re3dGoldSpans(d), re3dPredictedSpans(tagger, d));
  return scorer.result();
}

/** Parses mongoexport JSON lines (one object per line). */
function jsonLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch (e) {
        throw new NewsintelError('E_EVAL_DATA', `re3d: ${file}:${i + 1} is not JSON`, { cause: e });
      }
    });
}

/** Reads one re3d folder (documents.json + entities.json) or a folder of such folders. */
export function readRe3d(dir: string): Re3dDoc[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new NewsintelError('E_EVAL_DATA', `re3d: ${dir} is not a folder`);
  }
  const docsFile = path.join(dir, 'documents.json');
  if (!existsSync(docsFile)) {
    return readdirSync(dir)
      .sort()
      .map((d) => path.join(dir, d))
      .filter((d) => statSync(d).isDirectory() && existsSync(path.join(d, 'documents.json')))
      .flatMap((d) => readRe3d(d));
  }
  const docs = new Map<string, Re3dDoc>();
  for (const d of jsonLines(docsFile)) {
    docs.set(String(d._id), { id: String(d._id), text: String(d.text ?? ''), entities: [] });
  }
  for (const e of jsonLines(path.join(dir, 'entities.json'))) {
    const doc = docs.get(String(e.documentId));
    if (!doc) continue;
    doc.entities.push({
      begin: Number(e.begin),
      end: Number(e.end),
      type: String(e.type),
      value: String(e.value ?? ''),
      confidence: typeof e.confidence === 'number' ? e.confidence : undefined,
    });
  }
  return [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `newsintel evaluate re3d <folder>`: the shipped tagger on dstl re3d (Person, Organisation, Location, Nationality). */
export const re3d: Evaluator = {
  name: 're3d',
  description:
    'NER on dstl re3d JSON (Person/Organisation/Location/Nationality names): P/R/F1 per type and overall',
  async run(dir: string, options?: { limit?: number }): Promise<EvaluationResult> {
    let docs = readRe3d(dir);
    if (options?.limit !== undefined) docs = docs.slice(0, options.limit);
    if (docs.length === 0) throw new NewsintelError('E_EVAL_DATA', `re3d: no documents under ${dir}`);
    const scores = scoreRe3d(loadDefaultTagger(), docs);
    const table = formatScoreTable(
      scores,
      `${docs.length} documents (names only: gold mentions without a capitalised word are not scored)`,
    );
    return {
      table,
      metric: 'overall F1',
      value: scores.overall.f1,
      details: { ...scores, documents: docs.length },
    };
  },
};
