import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { NewsintelError } from '../core/errors.js';

/**
 * Reading input with a size cap that holds for every kind of source. A `stat` size check protects only
 * regular files: `/dev/zero` reports size 0 and then never ends (an ingest of it reached 23 GB), a named pipe
 * blocks until a writer appears, and stdin can be anything. So bytes are counted as they arrive and the read
 * stops as soon as the cap is passed, and named pipes and sockets are refused unless read as stdin (`-`).
 */

function tooLarge(what: string, maxBytes: number): NewsintelError {
  return new NewsintelError(
    'E_INPUT_TOO_LARGE',
    `${what} is over the ${maxBytes}-byte limit (raise it with --max-bytes)`,
  );
}

/** Reads a stream to the end, failing with `E_INPUT_TOO_LARGE` as soon as more than `maxBytes` arrive. */
export async function readStreamCapped(
  stream: Readable | NodeJS.ReadableStream,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += b.length;
    // Leaving the loop early destroys the stream, so nothing more is read.
    if (size > maxBytes) throw tooLarge(what, maxBytes);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a file with the cap enforced while reading: regular files over the cap are refused before any read
 * (by their size), devices such as `/dev/zero` stop at the cap, and named pipes and sockets are refused
 * (reading one would wait for a writer forever).
 */
export async function readFileCapped(file: string, maxBytes: number): Promise<Buffer> {
  const s = await stat(file);
  if (s.isDirectory()) throw new NewsintelError('E_INPUT_FORMAT', `${file} is a folder`);
  if (s.isFIFO() || s.isSocket()) {
    throw new NewsintelError(
      'E_INPUT_FORMAT',
      `${file} is a ${s.isFIFO() ? 'named pipe' : 'socket'}, not a file (to read a stream, pipe it to stdin and pass -)`,
    );
  }
  if (s.isFile() && s.size > maxBytes) {
    throw new NewsintelError(
      'E_INPUT_TOO_LARGE',
      `file is ${s.size} bytes, over the ${maxBytes}-byte limit (raise it with --max-bytes)`,
    );
  }
  return readStreamCapped(createReadStream(file, { highWaterMark: 64 * 1024 }), maxBytes, file);
}
