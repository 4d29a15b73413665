import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsintelError } from '../../../core/errors.js';
import { NerModel, type TagResult } from './model.js';

export type { ConllType, TokenSpan } from './labels.js';
export { CONLL_TO_ANALYSIS, CONLL_TYPES } from './labels.js';
export type { TagResult } from './model.js';
export { NerModel } from './model.js';
export { refineType } from './refine.js';
export type { OffsetToken } from './tokens.js';
export { splitSentences, tokenize } from './tokens.js';

/** File name of the shipped model under `models/ner/`. */
export const DEFAULT_MODEL_FILE = 'ner-conll-en.json.gz';

/**
 * The repository (package) root: the nearest folder above this module holding package.json. Works both from
 * `src/` (vitest) and from compiled `dist/src/`.
 */
export function packageRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'models'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new NewsintelError('E_NOT_FOUND', `ner: no package root above ${from}`);
    dir = up;
  }
}

/** Path of the shipped model file. */
export function defaultModelPath(): string {
  return path.join(packageRoot(), 'models', 'ner', DEFAULT_MODEL_FILE);
}

/** Loads a model file; E_NOT_FOUND when it is missing. */
export function loadTagger(file: string): NerModel {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new NewsintelError('E_NOT_FOUND', `ner: model file ${file} not found (run npm run train:ner)`, {
      cause: e,
    });
  }
  return NerModel.fromFile(buf);
}

let cached: NerModel | null = null;

/**
 * The shipped CoNLL-2003-trained tagger, loaded once on first use (about half a second) and shared. It emits
 * PER/ORG/LOC/MISC spans over token indices; see `refineType` for the analysis-format types.
 */
export function loadDefaultTagger(): NerModel {
  if (!cached) cached = loadTagger(defaultModelPath());
  return cached;
}

/** Tags one tokenised sentence with the default model. */
export function tagSentence(tokens: readonly string[]): TagResult {
  return loadDefaultTagger().tagSentence(tokens);
}
