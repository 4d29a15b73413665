import type { Repair, Span } from '../core/types.js';
import { splitParagraphs } from './paragraphs.js';
import { readWireText } from './wire-text.js';

/**
 * Where the body of a JSON record's text lies. Record texts often carry what the wire layout keeps in its
 * header: a byline paragraph (`by Zhu Jianhui`), a second headline (`Roundup: …`) and an inline dateline
 * (`NAIROBI, Nov. 2 (Xinhua) --`). The wire reader already knows these, so the same story read as `.txt`
 * and as a JSON record ends up with the same repaired text (and is stored once).
 */
export interface RecordBody {
  body: Span;
  dateline: string | null;
  /** The agency named in the dateline, or null. */
  agency: string | null;
  byline: string | null;
  repairs: Repair[];
  warnings: string[];
}

/** A short, unfinished line: a headline, not a sentence. */
function titleLike(text: string): boolean {
  if (text.includes('\n') || text.length > 200) return false;
  if (text.split(/\s+/).length > 25) return false;
  return !/[.!?]["'”’]?$/.test(text);
}

function startsWithDateline(text: string): boolean {
  return readWireText(text.slice(0, 300)).meta.dateline !== null;
}

export function recordBody(text: string): RecordBody {
  const paras = splitParagraphs(text);
  // A headline paragraph right before a dateline paragraph is header, not body.
  const offset =
    paras.length >= 3 && titleLike(paras[0]!.text) && startsWithDateline(paras[1]!.text)
      ? paras[1]!.start
      : 0;
  const w = readWireText(text.slice(offset));
  const repairs = w.repairs.map((r) => ({
    ...r,
    raw: { start: r.raw.start + offset, end: r.raw.end + offset },
  }));
  if (offset > 0) {
    repairs.unshift({
      kind: 'removed-standfirst',
      start: 0,
      end: 0,
      raw: { start: paras[0]!.start, end: paras[0]!.end },
      before: paras[0]!.text,
      after: '',
    });
  }
  return {
    body: { start: w.body.start + offset, end: w.body.end + offset },
    dateline: w.meta.dateline,
    agency: w.meta.source,
    byline: w.meta.byline,
    repairs,
    warnings: w.warnings.filter((x) => !x.startsWith('unknown layout') && x !== 'no publication date found'),
  };
}
