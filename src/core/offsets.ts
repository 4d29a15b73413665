import type { Span } from './types.js';

/**
 * One aligned piece of the repaired text and the raw input. Unrepaired pieces have equal lengths and map
 * character for character; a repaired piece maps as a block (its inside has no character alignment).
 */
export interface OffsetSegment {
  textStart: number;
  textEnd: number;
  rawStart: number;
  rawEnd: number;
  repaired: boolean;
}

/**
 * Maps indices of the repaired `article.text` back to the raw input. Built once by the repair stage; every
 * later extraction can point at its raw evidence through it.
 */
export class OffsetMap {
  readonly segments: readonly OffsetSegment[];

  constructor(segments: OffsetSegment[]) {
    this.segments = Object.freeze(segments.slice());
  }

  /** Identity map for text that needed no repair, shifted by `rawOffset`. */
  static identity(length: number, rawOffset = 0): OffsetMap {
    return new OffsetMap([
      { textStart: 0, textEnd: length, rawStart: rawOffset, rawEnd: rawOffset + length, repaired: false },
    ]);
  }

  private find(i: number): OffsetSegment | undefined {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segs[mid]!;
      if (i < s.textStart) hi = mid - 1;
      else if (i >= s.textEnd) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  /** Raw index of text index `i`; inside a repaired block it gives the block's raw start. */
  toRaw(i: number): number {
    const segs = this.segments;
    if (segs.length === 0) return i;
    const last = segs[segs.length - 1]!;
    if (i >= last.textEnd) return last.rawEnd + (i - last.textEnd);
    const s = this.find(i);
    if (!s) return i;
    return s.repaired ? s.rawStart : s.rawStart + (i - s.textStart);
  }

  /** Raw span covering text span `span`, widened to whole repaired blocks at either edge. */
  spanToRaw(span: Span): Span {
    const start = this.toRaw(span.start);
    let end: number;
    if (span.end <= span.start) end = start;
    else {
      const s = this.find(span.end - 1);
      end = s ? (s.repaired ? s.rawEnd : s.rawStart + (span.end - s.textStart)) : this.toRaw(span.end);
    }
    return { start, end };
  }

  /** True when `[start, end)` of the text overlaps a repaired block. */
  touchesRepair(span: Span): boolean {
    return this.segments.some((s) => s.repaired && s.textStart < span.end && span.start < s.textEnd);
  }
}
