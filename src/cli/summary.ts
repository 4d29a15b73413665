import type { Analysis } from '../core/types.js';
import { formatBrief } from '../stages/events/brief.js';

/**
 * The readable summary of `newsintel analyze` without `--json`: metadata first, then what each stage found.
 * Later stages (events) contribute the brief of who met whom, who said what and which figures were claimed.
 */
export function formatSummary(a: Analysis): string {
  const art = a.article;
  const lines: string[] = [];
  lines.push(art.headline ?? '(no headline)');
  const meta = [
    art.source,
    art.published,
    art.dateline,
    art.version ? `version ${art.version.tag}` : null,
    art.byline ? `by ${art.byline}` : null,
  ].filter(Boolean);
  if (meta.length) lines.push(meta.join(' · '));
  lines.push(`id ${art.id}`);
  const words = art.text.split(/\s+/).filter(Boolean).length;
  lines.push(
    `${words} words, ${a.sentences.length} sentences, ${a.repairs.length} repairs, ${a.entities.length} entities, ` +
      `${a.quotes.length} quotes, ${a.times.length} times, ${a.claims.length} claims, ${a.events.length} events`,
  );
  for (const w of a.warnings ?? []) lines.push(`warning: ${w}`);
  lines.push('', formatBrief(a).trimEnd());
  if (a.repairs.length) {
    lines.push('', 'Repairs:');
    for (const r of a.repairs.slice(0, 20))
      lines.push(`  ${r.kind}: ${JSON.stringify(r.before)} → ${JSON.stringify(r.after)}`);
    if (a.repairs.length > 20) lines.push(`  … and ${a.repairs.length - 20} more`);
  }
  return `${lines.join('\n')}\n`;
}
