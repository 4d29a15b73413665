import { NewsintelError } from '../core/errors.js';

/** Options for decoding an input file. */
export interface DecodeOptions {
  /** Largest accepted input in bytes (default 5 MiB): a guard against feeding a whole archive by mistake. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/** Well-known binary signatures, so the message can say what the file is. */
const SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document'],
];

/** Offset of the first invalid UTF-8 sequence in `buf`, or -1. */
export function findInvalidUtf8(buf: Uint8Array, from = 0): number {
  const n = buf.length;
  let i = from;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const b1 = buf[i + 1]!;
    if (b1 < min || b1 > max) return i;
    for (let k = 2; k <= need; k++) {
      const c = buf[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function decodeUtf16(buf: Uint8Array, littleEndian: boolean, offset: number): string {
  const len = buf.length - offset;
  if (len % 2 !== 0) {
    throw new NewsintelError(
      'E_INPUT_ENCODING',
      `input: UTF-16 text has an odd number of bytes (${buf.length}); the file is truncated or not UTF-16`,
    );
  }
  const view = new DataView(buf.buffer, buf.byteOffset + offset, len);
  const units = new Uint16Array(len / 2);
  for (let i = 0; i < units.length; i++) units[i] = view.getUint16(i * 2, littleEndian);
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < units.length; i += CHUNK) out += String.fromCharCode(...units.subarray(i, i + CHUNK));
  return out;
}

/** Guesses BOM-less UTF-16 from the NUL pattern of ASCII text (every other byte zero). */
function sniffUtf16(buf: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.7 && evenZero < pairs * 0.05) return 'le';
  if (evenZero > pairs * 0.7 && oddZero < pairs * 0.05) return 'be';
  return null;
}

/**
 * Decodes an input file to text, refusing what cannot be an article with a coded error and a message a user
 * can act on: empty (`E_INPUT_EMPTY`), too large (`E_INPUT_TOO_LARGE`), binary (`E_INPUT_BINARY`), or not
 * valid UTF-8 (`E_INPUT_ENCODING`, with the byte offset). UTF-8 with or without BOM and UTF-16 LE/BE with BOM
 * (or unmistakable BOM-less UTF-16) are accepted; the BOM is stripped.
 */
export function decodeInput(buf: Uint8Array | string, opts: DecodeOptions = {}): string {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) {
    throw new NewsintelError(
      'E_OPTIONS',
      `input: maxBytes must be a positive number, got ${String(opts.maxBytes)}`,
    );
  }
  if (typeof buf === 'string') {
    const text = buf.charCodeAt(0) === 0xfeff ? buf.slice(1) : buf;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) {
      throw new NewsintelError(
        'E_INPUT_TOO_LARGE',
        `input: ${bytes} bytes is over the limit of ${formatBytes(maxBytes)}`,
      );
    }
    if (text.trim() === '') throw new NewsintelError('E_INPUT_EMPTY', 'input: the text is empty');
    return text;
  }
  if (buf.length === 0) throw new NewsintelError('E_INPUT_EMPTY', 'input: the file is empty (0 bytes)');
  if (buf.length > maxBytes) {
    throw new NewsintelError(
      'E_INPUT_TOO_LARGE',
      `input: the file is ${buf.length} bytes, over the limit of ${formatBytes(maxBytes)} (raise maxBytes to accept it)`,
    );
  }
  let text: string;
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) text = decodeUtf16(buf, true, 2);
  else if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) text = decodeUtf16(buf, false, 2);
  else {
    const utf16 = sniffUtf16(buf);
    if (utf16) text = decodeUtf16(buf, utf16 === 'le', 0);
    else {
      for (const [sig, what] of SIGNATURES) {
        if (sig.every((b, i) => buf[i] === b)) {
          throw new NewsintelError(
            'E_INPUT_BINARY',
            `input: this is ${what}, not text; extract its text first`,
          );
        }
      }
      const sample = Math.min(buf.length, 65536);
      let control = 0;
      for (let i = 0; i < sample; i++) {
        const b = buf[i]!;
        if (b === 0) {
          throw new NewsintelError(
            'E_INPUT_BINARY',
            `input: binary data (a NUL byte at offset ${i}); expected text`,
          );
        }
        if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
      }
      if (control > 8 && control / sample > 0.05) {
        throw new NewsintelError(
          'E_INPUT_BINARY',
          `input: binary data (${Math.round((control / sample) * 100)}% control bytes); expected text`,
        );
      }
      const from = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
      const bad = findInvalidUtf8(buf, from);
      if (bad >= 0) {
        const hex = Array.from(buf.subarray(bad, bad + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
        throw new NewsintelError(
          'E_INPUT_ENCODING',
          `input: not valid UTF-8 at byte offset ${bad} (bytes ${hex}); convert the file to UTF-8 (it may be Windows-1252 or Latin-1)`,
        );
      }
      text = Buffer.from(buf.buffer, buf.byteOffset + from, buf.length - from).toString('utf8');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) {
    throw new NewsintelError(
      'E_INPUT_BINARY',
      'input: binary data (NUL characters in the decoded text); expected text',
    );
  }
  if (text.trim() === '') throw new NewsintelError('E_INPUT_EMPTY', 'input: the file holds only whitespace');
  return text;
}
