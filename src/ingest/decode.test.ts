import { describe, expect, it } from 'vitest';
import { NewsintelError } from '../core/errors.js';
import { decodeInput, findInvalidUtf8 } from './decode.js';

function code(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof NewsintelError ? e.code : 'other';
  }
}

function message(f: () => unknown): string {
  try {
    f();
    return '';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

describe('decodeInput', () => {
  it('decodes UTF-8 with and without BOM', () => {
    expect(decodeInput(Buffer.from('Port reopens’ on Monday', 'utf8'))).toBe('Port reopens’ on Monday');
    expect(decodeInput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café', 'utf8')]))).toBe(
      'Café',
    );
  });

  it('decodes UTF-16 LE and BE with BOM, and BOM-less UTF-16 LE', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ferry “sails” at noon', 'utf16le')]);
    expect(decodeInput(le)).toBe('Ferry “sails” at noon');
    const body = Buffer.from('Ferry “sails” at noon', 'utf16le');
    const be = Buffer.alloc(body.length + 2);
    be[0] = 0xfe;
    be[1] = 0xff;
    for (let i = 0; i < body.length; i += 2) {
      be[i + 2] = body[i + 1]!;
      be[i + 3] = body[i]!;
    }
    expect(decodeInput(be)).toBe('Ferry “sails” at noon');
    expect(decodeInput(Buffer.from('Plain words in a row', 'utf16le'))).toBe('Plain words in a row');
  });

  it('rejects empty and whitespace-only input', () => {
    expect(code(() => decodeInput(Buffer.alloc(0)))).toBe('E_INPUT_EMPTY');
    expect(code(() => decodeInput(Buffer.from(' \n\t\n')))).toBe('E_INPUT_EMPTY');
    expect(code(() => decodeInput(''))).toBe('E_INPUT_EMPTY');
  });

  it('rejects binary input', () => {
    expect(code(() => decodeInput(Buffer.from([0x61, 0x62, 0x00, 0x63, 0x64, 0x65, 0x66, 0x67])))).toBe(
      'E_INPUT_BINARY',
    );
    expect(message(() => decodeInput(Buffer.from('%PDF-1.7 rest of file')))).toMatch(/PDF/);
    const noisy = Buffer.alloc(400, 0x41);
    for (let i = 0; i < 400; i += 5) noisy[i] = 0x02;
    expect(code(() => decodeInput(noisy))).toBe('E_INPUT_BINARY');
  });

  it('rejects input over the size limit, naming the limit', () => {
    const big = Buffer.alloc(2048, 0x61);
    expect(code(() => decodeInput(big, { maxBytes: 1024 }))).toBe('E_INPUT_TOO_LARGE');
    expect(message(() => decodeInput(big, { maxBytes: 1024 }))).toMatch(/1 KiB/);
    expect(decodeInput(big, { maxBytes: 4096 })).toHaveLength(2048);
    expect(code(() => decodeInput(big, { maxBytes: -1 }))).toBe('E_OPTIONS');
  });

  it('rejects invalid UTF-8 with the byte offset', () => {
    const latin1 = Buffer.concat([Buffer.from('Caf', 'latin1'), Buffer.from([0xe9]), Buffer.from(' owners')]);
    expect(code(() => decodeInput(latin1))).toBe('E_INPUT_ENCODING');
    expect(message(() => decodeInput(latin1))).toMatch(/byte offset 3/);
    expect(findInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // encoded surrogate
    expect(findInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong
    expect(findInvalidUtf8(Buffer.from('fine ✓ text', 'utf8'))).toBe(-1);
    expect(code(() => decodeInput(Buffer.from([0xff, 0xfe, 0x41])))).toBe('E_INPUT_ENCODING');
  });
});
