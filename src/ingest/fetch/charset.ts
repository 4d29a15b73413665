/**
 * Character-set detection for fetched pages and feeds, in the order a browser applies: a byte-order mark,
 * then the `Content-Type` header's `charset`, then an in-document declaration (`<meta charset>`,
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, `<?xml … encoding="…"?>`) in the first 2 KB,
 * then UTF-8. Labels are handed to `TextDecoder`, which knows the WHATWG encoding labels (latin1 is
 * windows-1252, as in browsers).
 */

export interface DetectedCharset {
  /** A label TextDecoder accepts. */
  charset: string;
  /** Where it came from. */
  from: 'bom' | 'header' | 'meta' | 'xml-declaration' | 'default';
  /** Bytes to skip (the BOM). */
  skip: number;
}

function known(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

/** The `charset` parameter of a Content-Type header value, or null. */
export function headerCharset(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  for (const param of contentType.split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    if (param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const v = param
      .slice(eq + 1)
      .trim()
      .replace(/^["']|["']$/g, '');
    return v === '' ? null : v;
  }
  return null;
}

/** The declared charset in the first 2 KB of an HTML or XML document (read as ASCII), or null. */
export function declaredCharset(head: string): { charset: string; from: 'meta' | 'xml-declaration' } | null {
  const xml = /^\s*<\?xml\s[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(head);
  if (xml) return { charset: xml[1]!, from: 'xml-declaration' };
  const tags = head.match(/<meta\s[^>]{0,400}>/gi) ?? [];
  for (const tag of tags) {
    const direct = /[\s;"']charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})/i.exec(tag);
    if (direct) return { charset: direct[1]!, from: 'meta' };
  }
  return null;
}

/** Picks the charset for `bytes` served with `contentType`. */
export function detectCharset(bytes: Uint8Array, contentType?: string | null): DetectedCharset {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { charset: 'utf-8', from: 'bom', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', from: 'bom', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', from: 'bom', skip: 2 };
  const h = headerCharset(contentType);
  const fromHeader = h ? known(h) : null;
  if (fromHeader) return { charset: fromHeader, from: 'header', skip: 0 };
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
  const d = declaredCharset(head);
  // A document cannot declare itself UTF-16 in ASCII-readable bytes: browsers read that as UTF-8.
  const fromDoc = d ? known(d.charset) : null;
  if (d && fromDoc && !fromDoc.startsWith('utf-16')) return { charset: fromDoc, from: d.from, skip: 0 };
  return { charset: 'utf-8', from: 'default', skip: 0 };
}

/**
 * windows-1252 bytes 0x80–0x9F (curly quotes, dashes, euro…), indexed from 0x80; 0 marks the five unassigned
 * bytes, which keep their C1 code point as browsers do. Node 20's TextDecoder decodes this label as
 * ISO-8859-1, losing exactly these characters, so we decode it ourselves.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    const codes = new Array<number>(part.length);
    for (let k = 0; k < part.length; k++) {
      const b = part[k]!;
      codes[k] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Decodes fetched bytes to text with the detected charset (invalid sequences become U+FFFD). */
export function decodeFetched(
  bytes: Uint8Array,
  contentType?: string | null,
): { text: string; charset: DetectedCharset } {
  const charset = detectCharset(bytes, contentType);
  const body = bytes.subarray(charset.skip);
  const text =
    charset.charset === 'windows-1252'
      ? decodeWindows1252(body)
      : new TextDecoder(charset.charset).decode(body);
  return { text, charset };
}
