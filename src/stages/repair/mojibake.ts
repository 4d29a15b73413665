/**
 * Mojibake: UTF-8 bytes that were decoded as Windows-1252 (or Latin-1), e.g. `â€™` for `’`, `Ã©` for `é`.
 * We map each character back to the byte it came from and accept the run only when those bytes form one
 * strictly valid UTF-8 sequence, so ordinary accented text is never touched.
 */

/** Windows-1252's 0x80–0x9F characters, by byte. Bytes it leaves undefined decode as C1 controls (Latin-1). */
const CP1252_HIGH: Record<number, number> = {
  8364: 0x80,
  8218: 0x82,
  402: 0x83,
  8222: 0x84,
  8230: 0x85,
  8224: 0x86,
  8225: 0x87,
  710: 0x88,
  8240: 0x89,
  352: 0x8a,
  8249: 0x8b,
  338: 0x8c,
  381: 0x8e,
  8216: 0x91,
  8217: 0x92,
  8220: 0x93,
  8221: 0x94,
  8226: 0x95,
  8211: 0x96,
  8212: 0x97,
  732: 0x98,
  8482: 0x99,
  353: 0x9a,
  8250: 0x9b,
  339: 0x9c,
  382: 0x9e,
  376: 0x9f,
};

/** The byte a character stands for when text was mis-decoded as Windows-1252/Latin-1, or -1. */
function byteOf(code: number): number {
  if (code < 0x100) return code;
  return CP1252_HIGH[code] ?? -1;
}

function isCont(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}

/** Result of decoding one mojibake sequence starting at an index: the real character and chars consumed. */
export interface MojibakeMatch {
  after: string;
  length: number;
}

/**
 * Tries to decode one mis-decoded UTF-8 sequence at `i` of `s`. Returns null when the characters there are
 * not one. Also repairs `â€` whose third byte (0x9D, undefined in Windows-1252) was lost: that is `”`.
 */
export function matchMojibake(s: string, i: number): MojibakeMatch | null {
  const b0 = s.charCodeAt(i);
  if (b0 < 0xc2 || b0 > 0xf4) return null;
  const need = b0 < 0xe0 ? 1 : b0 < 0xf0 ? 2 : 3;
  const bytes: number[] = [b0];
  for (let k = 1; k <= need; k++) {
    if (i + k >= s.length) break;
    const b = byteOf(s.charCodeAt(i + k));
    if (!isCont(b)) break;
    bytes.push(b);
  }
  if (bytes.length === need + 1) {
    const b1 = bytes[1]!;
    // Reject overlong forms, surrogates and code points above U+10FFFF (strict UTF-8).
    if (b0 === 0xe0 && b1 < 0xa0) return null;
    if (b0 === 0xed && b1 >= 0xa0) return null;
    if (b0 === 0xf0 && b1 < 0x90) return null;
    if (b0 === 0xf4 && b1 >= 0x90) return null;
    let cp: number;
    if (need === 1) cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
    else if (need === 2) cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (bytes[2]! & 0x3f);
    else cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((bytes[2]! & 0x3f) << 6) | (bytes[3]! & 0x3f);
    return { after: String.fromCodePoint(cp), length: need + 1 };
  }
  // `â€` + lost 0x9D: the right double quotation mark, when followed by a boundary.
  if (b0 === 0xe2 && bytes.length === 2 && bytes[1] === 0x80) {
    const next = i + 2 < s.length ? s.charCodeAt(i + 2) : 32;
    if (next < 0x80 && !/[A-Za-z0-9]/.test(String.fromCharCode(next))) return { after: '”', length: 2 };
  }
  return null;
}
