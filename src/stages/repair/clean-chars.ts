import type { Edit } from './edits.js';
import { matchMojibake } from './mojibake.js';

/**
 * Character-level clean-up, the first repair pass: mojibake, no-break spaces, control and invisible
 * characters. Line breaks, tabs and spaces are left for the layout pass, which needs to see them as they were.
 * Returns edits on `s`, in order and not overlapping; linear time.
 */
export function cleanChars(s: string): Edit[] {
  const edits: Edit[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09) {
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xf4) {
      // Adjacent mis-decoded sequences (`â€œ` … `â€`) become one edit each; a run of them merges.
      let j = i;
      let after = '';
      for (;;) {
        const m = matchMojibake(s, j);
        if (!m) break;
        after += m.after === '\u00a0' ? ' ' : m.after;
        j += m.length;
      }
      if (j > i) {
        edits.push({ start: i, end: j, after, kind: 'mojibake' });
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (c === 0xa0 || c === 0x202f || c === 0x2007) {
      edits.push({ start: i, end: i + 1, after: ' ', kind: 'nbsp' });
      i++;
      continue;
    }
    if (
      c < 0x20 ||
      c === 0x7f ||
      (c >= 0x80 && c <= 0x9f) ||
      c === 0xad ||
      c === 0x200b ||
      c === 0x2060 ||
      c === 0xfeff ||
      c === 0xfffe ||
      c === 0xffff
    ) {
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d < 0x20 ? d !== 0x0a && d !== 0x0d && d !== 0x09 : d === 0x7f || (d >= 0x80 && d <= 0x9f)) j++;
        else break;
      }
      edits.push({ start: i, end: j, after: '', kind: 'control-character' });
      i = j;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i += 2;
        continue;
      }
      edits.push({ start: i, end: i + 1, after: '', kind: 'control-character' });
      i++;
      continue;
    }
    i++;
  }
  return edits;
}
