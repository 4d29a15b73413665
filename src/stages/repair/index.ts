import type { Document } from '../../core/document.js';
import { OffsetMap } from '../../core/offsets.js';
import { defineStage, type Stage } from '../../core/stage.js';

// PLACEHOLDER: identity repair until the real repair stage lands (helper: ingest+repair).
export interface RepairOptions {}

export function repairStage(options: RepairOptions = {}): Stage<RepairOptions> {
  return defineStage({
    name: 'repair',
    requires: [],
    assigns: ['text', 'offsetMap', 'repairs'],
    options,
    run(doc: Document) {
      const text = doc.rawBody;
      return {
        text,
        offsetMap: OffsetMap.identity(text.length, doc.source.body.start),
        repairs: [...doc.source.repairs],
      };
    },
  });
}
