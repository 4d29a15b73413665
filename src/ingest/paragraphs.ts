/** A paragraph of a raw input: its text and where it lies (trimmed of surrounding blank lines). */
export interface RawParagraph {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits `raw` into paragraphs at blank lines (lines holding only whitespace), keeping raw offsets.
 * Handles `\n`, `\r\n` and `\r` line ends. Linear time.
 */
export function splitParagraphs(raw: string): RawParagraph[] {
  const out: RawParagraph[] = [];
  const n = raw.length;
  let i = 0;
  let paraStart = -1;
  let paraEnd = -1;
  while (i <= n) {
    // One line: [i, lineEnd), next line starts at `next`.
    let lineEnd = i;
    while (lineEnd < n && raw.charCodeAt(lineEnd) !== 0x0a && raw.charCodeAt(lineEnd) !== 0x0d) lineEnd++;
    let next = lineEnd;
    if (next < n) next += raw.charCodeAt(next) === 0x0d && raw.charCodeAt(next + 1) === 0x0a ? 2 : 1;
    else next = n + 1;
    let a = i;
    let b = lineEnd;
    while (a < b && /\s/.test(raw[a]!)) a++;
    while (b > a && /\s/.test(raw[b - 1]!)) b--;
    if (a === b) {
      if (paraStart >= 0) out.push({ start: paraStart, end: paraEnd, text: raw.slice(paraStart, paraEnd) });
      paraStart = -1;
    } else {
      if (paraStart < 0) paraStart = a;
      paraEnd = b;
    }
    i = next;
  }
  if (paraStart >= 0) out.push({ start: paraStart, end: paraEnd, text: raw.slice(paraStart, paraEnd) });
  return out;
}
