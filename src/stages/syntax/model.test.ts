import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WordClasses } from './classes.js';
import { defaultSyntaxModelPath, loadDefaultSyntaxModel, loadSyntaxModel, SyntaxModel } from './model.js';
import { UposTagger } from './tagger.js';

const SENTENCES = [
  ['The', 'minister', 'said', 'talks', 'would', 'resume', 'on', 'Monday', '.'],
  ['Rebels', 'were', 'blamed', 'by', 'officials', 'for', 'the', 'attacks', 'in', 'the', 'north', '.'],
  ['"', 'We', 'will', 'not', 'accept', 'this', ',', '"', 'she', 'told', 'reporters', '.'],
];

/** A small model cut from the shipped one (strong weights only), so file round trips stay quick. */
function smallModel(): SyntaxModel {
  // a model of its own: the shared default model has released its file rows (it only scores)
  const m = loadSyntaxModel(defaultSyntaxModelPath());
  const cut = (c: SyntaxModel['parser']) => c.pruned(0.25 * c.tables().scale * 32767);
  return new SyntaxModel({
    tagger: new UposTagger(cut(m.tagger.model as SyntaxModel['parser']), m.tagger.tagset, m.tagger.tagDict),
    lemmatizer: m.lemmatizer,
    parser: cut(m.parser),
    arcs: cut(m.arcs),
    labels: m.labels,
    meta: m.meta,
    hyphenPrefixes: m.hyphenPrefixes,
  });
}

describe('syntax model file', () => {
  const small = smallModel();

  it('reads back its binary file with the same tables and the same parses', () => {
    const again = SyntaxModel.fromFile(small.toFile());
    expect(again.parser.size).toBe(small.parser.size);
    expect(again.arcs.weights).toBe(small.arcs.weights);
    expect(again.labels).toEqual(small.labels);
    expect([...again.hyphenPrefixes].sort()).toEqual([...small.hyphenPrefixes].sort());
    for (const s of SENTENCES) expect(again.parse(s)).toEqual(small.parse(s));
  });

  it('records in its file whether the parser reads the relations of built arcs (older files: it does not)', () => {
    expect(small.parserConfig.labelFeatures).toBe(small.meta.labelFeatures === true);
    const withLabels = new SyntaxModel({ ...small, meta: { ...small.meta, labelFeatures: true } });
    expect(SyntaxModel.fromFile(withLabels.toFile()).parserConfig.labelFeatures).toBe(true);
    const { labelFeatures: _, ...olderMeta } = small.meta;
    const older = new SyntaxModel({ ...small, meta: olderMeta });
    expect(SyntaxModel.fromFile(older.toFile()).parserConfig.labelFeatures).toBe(false);
  });

  it('records in its file whether the parser reads verbs, punctuation and quotes between words (older files: it does not)', () => {
    const withClause = new SyntaxModel({ ...small, meta: { ...small.meta, clauseFeatures: true } });
    expect(SyntaxModel.fromFile(withClause.toFile()).parserConfig.clauseFeatures).toBe(true);
    const { clauseFeatures: _, ...olderMeta } = small.meta;
    const older = new SyntaxModel({ ...small, meta: olderMeta });
    expect(SyntaxModel.fromFile(older.toFile()).parserConfig.clauseFeatures).toBe(false);
  });

  it('keeps its word-class table in its file, and reads classes only where its meta says so (older files: nowhere)', () => {
    const classes = new WordClasses({
      sizes: [2, 2, 2],
      words: ['minister', 'talks', 'said'],
      ids: [
        [0, 0, 1],
        [0, 0, 1],
        [0, 0, 1],
      ],
      data: 'made up for this test',
    });
    const meta = { ...small.meta, wordClasses: { tagger: false, parser: true } };
    const withClasses = new SyntaxModel({ ...small, meta, classes });
    const again = SyntaxModel.fromFile(withClasses.toFile());
    expect(again.classes?.classOf('talks')).toEqual([1, 1, 1]);
    expect(again.parserConfig.classes).toBeDefined();
    expect(again.tagger.classes).toBeUndefined();
    for (const s of SENTENCES) expect(again.parse(s)).toEqual(withClasses.parse(s));
    expect(small.parserConfig.classes).toBeUndefined();
    expect(SyntaxModel.fromFile(small.toFile()).classes).toBeUndefined();
    expect(() => new SyntaxModel({ ...small, meta })).toThrow(/without a class table/);
  });

  it('still reads the older gzipped JSON file, with the same parses as the binary one', () => {
    const fromJson = SyntaxModel.fromFile(small.toJsonFile());
    const fromBinary = SyntaxModel.fromFile(small.toFile());
    for (const s of SENTENCES) expect(fromJson.parse(s)).toEqual(fromBinary.parse(s));
  });

  it('rejects a file that is not a model, and a binary file whose tables lie outside it, with E_INPUT_FORMAT', () => {
    expect(() => SyntaxModel.fromFile(Buffer.from('nope'))).toThrow(
      expect.objectContaining({ code: 'E_INPUT_FORMAT' }),
    );
    expect(() => SyntaxModel.fromFile(gzipSync('{"format":"other"}'))).toThrow(/unsupported format/);
    const raw = gunzipSync(small.toFile());
    const truncated = gzipSync(raw.subarray(0, raw.byteLength - 64));
    expect(() => SyntaxModel.fromFile(truncated)).toThrow(/outside the file/);
  });
});

describe('the shared runtime model', () => {
  it('scores after letting its file rows go, and refuses to be pruned or written without them', () => {
    const m = loadDefaultSyntaxModel();
    expect(m.parse(SENTENCES[0]!).length).toBeGreaterThan(0);
    expect(m.parser.size).toBeGreaterThan(0);
    expect(() => m.parser.pruned(1)).toThrow(/released/);
    expect(() => m.toFile()).toThrow(/released/);
  });
});
