import { Document, plainSource } from '../../core/document.js';
import { getDefaultPipeline } from '../../services/analyze.js';

const pipeline = getDefaultPipeline();

/**
 * Test helper: runs the full pipeline on our own text and returns `[first three words, speaker]` for the quotes
 * of one kind, so a test reads as a table of who said what. The speaker is its entity's name; with
 * `phrase`, a speaker without an entity gives its phrase name (a medium, an unnamed person) instead of null.
 */
export function quoteSpeakers(text: string, kind = 'direct', phrase = false): [string, string | null][] {
  const doc = pipeline.run(new Document('t', plainSource(text)));
  const names = new Map(doc.get('entities').map((e) => [e.id, e.name]));
  return doc
    .get('quotes')
    .filter((q) => q.kind === kind)
    .map((q) => [
      q.text.split(/\s+/).slice(0, 3).join(' ').replace(/,$/, ''),
      q.speaker ? names.get(q.speaker)! : phrase ? q.speakerName : null,
    ]);
}
