/**
 * The analysis worker thread: loads the pipeline once, then answers `PoolRequest`s one at a time. Errors are
 * sent back with their code (a bad input is the caller's answer, not a crashed worker).
 */
import { parentPort } from 'node:worker_threads';
import { isNewsintelError } from '../../core/errors.js';
import { getDefaultPipeline } from '../analyze.js';
import type { PoolReply, PoolRequest } from './protocol.js';
import { runTask } from './run-task.js';

const port = parentPort;
if (!port) throw new Error('newsintel: pool/worker.js runs only as a worker thread');
// Build the pipeline (models, lexicons) before the first task, so the first task is not charged for it.
getDefaultPipeline();
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
