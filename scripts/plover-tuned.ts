/**
 * Prints the per-record outcome on the tuned half of a PLOVER gold file (the first half by record order, as
 * `evaluate plover` splits it) so that errors can be read there and only there: the second half is never
 * printed. Run: `npx vite-node scripts/plover-tuned.ts -- [gsr.jsonl] [--errors]`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeRecord, readGsr, scoreRecord } from '../src/services/evaluate/plover.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--');
const errorsOnly = args.includes('--errors');
const file = path.resolve(
  args.find((a) => !a.startsWith('--')) ?? path.join(here, '../../shared/eval/events/plover/gsr-dev.jsonl'),
);
const records = readGsr(file);
const tuned = records.slice(0, Math.ceil(records.length / 2));
let ok = 0;
for (const r of tuned) {
  const s = scoreRecord(r);
  if (s.gold === s.got) ok++;
  const bad = s.gold !== s.got || s.source === false || s.target === false;
  if (errorsOnly && !bad) continue;
  const { event, entities } = analyzeRecord(r.text);
  const name = (id: string) => {
    const e = entities.find((x) => x.id === id);
    return e ? `${e.name}/${e.country ?? '-'}` : id;
  };
  const g = event as { genericActor?: { text: string; country: string | null } } | null;
  const side = (v: typeof r.source) =>
    Array.isArray(v) ? v.map((x) => `${(x as { actorText?: string }).actorText}=${x.code}`).join(', ') : '';
  process.stdout.write(
    `${r.id} ${s.gold} -> ${s.got} src:${s.source} tgt:${s.target}\n  ${r.text}\n  gold src [${side(r.source)}] tgt [${side(r.target)}]\n  ours actors [${(event?.actors ?? []).map(name).join(', ')}]${g?.genericActor ? ` generic ${g.genericActor.text}/${g.genericActor.country}` : ''} targets [${(event?.targets ?? []).map(name).join(', ')}] trigger "${event ? r.text.replace(/[{}]/g, '').trim().slice(event.trigger.start, event.trigger.end) : ''}" rule ${(event as { rule?: string } | null)?.rule ?? ''}\n`,
  );
}
process.stdout.write(`tuned half: ${ok}/${tuned.length} type\n`);
