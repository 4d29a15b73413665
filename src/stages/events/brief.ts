import type { Analysis, Claim, NewsEvent } from '../../core/types.js';

const MAX_QUOTE = 160;

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= n ? one : `${one.slice(0, n - 1).trimEnd()}…`;
}

function list(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

function claimFigure(c: Claim): string {
  if (c.qualifier === 'range' && c.low !== null && c.high !== null)
    return `${formatNumber(c.low)}–${formatNumber(c.high)}`;
  if (c.value !== null) return `${c.qualifier === 'exact' ? '' : `${c.qualifier} `}${formatNumber(c.value)}`;
  if (c.low !== null) return `${c.qualifier === 'exact' ? '' : `${c.qualifier} `}${formatNumber(c.low)}+`;
  return c.text;
}

/**
 * Renders the readable brief that `newsintel analyze` prints without `--json`: who met whom, who said
 * what, what happened (with dates) and which figures were claimed by whom. It reads only the public
 * analysis object, so it works the same on stored analyses.
 */
export function formatBrief(analysis: Analysis): string {
  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : null);
  const who = (ids: string[]) => list(ids.map((i) => name(i)!).filter(Boolean));
  const a = analysis.article;
  const out: string[] = [];
  const head = [a.headline, a.source, a.published].filter(Boolean).join(' | ');
  if (head) out.push(head, '');

  const dateOf = (e: NewsEvent) => (e.date ? `${e.date}  ` : '');
  const note = (e: NewsEvent) => {
    const more = (e as NewsEvent & { evidence?: unknown[] }).evidence?.length ?? 0;
    return (
      (e.modality === 'asserted' ? '' : ` [${e.modality}]`) + (more > 0 ? ` (${more + 1} mentions)` : '')
    );
  };
  const meetings = analysis.events.filter(
    (e) => e.type === 'CONSULT' && e.actors.length + e.targets.length >= 2,
  );
  if (meetings.length > 0) {
    out.push('Who met whom');
    for (const e of meetings) {
      const parts = e.targets.length > 0 ? `${who(e.actors)} with ${who(e.targets)}` : who(e.actors);
      const where = e.location ? ` in ${name(e.location)}` : '';
      const mode = e.mode ? ` (${e.mode})` : '';
      out.push(`  ${dateOf(e)}${parts}${mode}${where}${note(e)}`);
    }
    out.push('');
  }

  const quotes = analysis.quotes.filter((q) => q.kind !== 'partial');
  if (quotes.length > 0) {
    out.push('Who said what');
    for (const q of quotes) {
      const speaker = name(q.speaker) ?? q.speakerName ?? 'unattributed';
      const text =
        q.kind === 'direct'
          ? `"${clip(q.text.replace(/^["“]|["”]$/g, ''), MAX_QUOTE)}"`
          : clip(q.text, MAX_QUOTE);
      out.push(`  ${speaker}: ${text}`);
    }
    out.push('');
  }

  const happened = analysis.events.filter((e) => !meetings.includes(e));
  if (happened.length > 0) {
    out.push('What happened');
    for (const e of happened) {
      const actors = who(e.actors) || 'someone';
      const targets = e.targets.length > 0 ? ` → ${who(e.targets)}` : '';
      const where = e.location ? ` in ${name(e.location)}` : '';
      out.push(`  ${dateOf(e)}${actors} ${e.type}${targets}${where} ("${e.trigger.text}")${note(e)}`);
    }
    out.push('');
  }

  if (analysis.claims.length > 0) {
    out.push('Figures claimed');
    for (const c of analysis.claims) {
      const by =
        name(c.source) && c.sourceName && !c.sourceName.includes(name(c.source)!)
          ? `${c.sourceName} (${name(c.source)})`
          : (c.sourceName ?? name(c.source));
      const what = c.subject ?? c.unit ?? '';
      out.push(`  ${claimFigure(c)} ${what}`.trimEnd() + (by ? ` (according to ${by})` : ''));
    }
    out.push('');
  }
  if (out.length === 0) return 'Nothing found.\n';
  return `${out.join('\n').trimEnd()}\n`;
}
