/**
 * The analysis worker thread: loads the pipeline once, then answers `PoolRequest`s one at a time. Errors are
 * sent back with their code (a bad input is the caller's answer, not a crashed worker).
 */
import { parentPort } from 'node:worker_threads';
import { isNewsintelError } from '../../core/errors.js';
import { analyze, getDefaultPipeline } from '../analyze.js';
import type { PoolReply, PoolRequest } from './protocol.js';
import { runTask } from './run-task.js';

/** Written for this purpose: a sentence with a person, a place, a date, a quote and an event verb. */
const WARM_UP_TEXT =
  'GENEVA, March 3 (Wire) - Talks between the two governments will resume on Monday, the mediator said. "We expect an agreement," Anna Berg told reporters.';

const port = parentPort;
if (!port) throw new Error('newsintel: pool/worker.js runs only as a worker thread');
// Build the pipeline before the first task, and analyse one short text so that the models and lexicons each
// stage loads on first use are loaded now, while the calling thread is still opening its store and reading
// files (cold start), not inside the first task's time budget.
getDefaultPipeline();
try {
  analyze(WARM_UP_TEXT);
} catch {
  // a missing or broken model: the first task fails with its coded error, instead of a worker that never starts
}
port.on('message', (msg: PoolRequest) => {
  let reply: PoolReply;
  try {
    reply = { id: msg.id, ok: true, result: runTask(msg.task) };
  } catch (e) {
    reply = {
      id: msg.id,
      ok: false,
      error: {
        code: isNewsintelError(e) ? e.code : null,
        message: e instanceof Error ? e.message : String(e),
      },
    };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
