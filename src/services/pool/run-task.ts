import { NewsintelError } from '../../core/errors.js';
import { decodeInput } from '../../ingest/decode.js';
import { readInput } from '../../ingest/read-input.js';
import { packAnalysis, packText } from '../../storage/codec.js';
import { analyzeDocument, toAnalysis } from '../analyze.js';
import type { PoolResult, PoolTask } from './protocol.js';

/**
 * Runs one pool task in the current thread. The pool's workers call it; so does an in-process fallback
 * (`jobs: 0`), so both paths give the same result by construction.
 */
export function runTask(task: PoolTask): PoolResult {
  if (task.kind === 'source') {
    const analysis = toAnalysis(analyzeDocument(task.source, task.options));
    if (!task.pack) return { analysis, raw: task.source.raw };
    const packed = { raw: packText(task.source.raw), analysis: packAnalysis(analysis) };
    return { analysis, raw: task.source.raw, packed };
  }
  const text = decodeInput(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), {
    maxBytes: task.maxBytes,
  });
  const { sources, errors } = readInput(text, { filename: task.filename, maxBytes: task.maxBytes });
  const first = sources[0];
  if (!first) {
    const why = errors.map((e) => e.message).join('; ') || 'no article found';
    throw new NewsintelError('E_INPUT_FORMAT', `api: ${why}`);
  }
  return { analysis: toAnalysis(analyzeDocument(first, task.options)), raw: first.raw };
}
