/**
 * Events explorer: deduplicated corpus events filtered by PLOVER type, actor, country and date range; a
 * timeline of events against reports; the who-met-whom network of the filtered set; CSV and JSONL export of
 * the whole filtered set (all pages, not just the one shown).
 */
import { getJson } from '../api.js';
import { timelineChart } from '../charts.js';
import type { EventRow, EventsResponse } from '../corpus-types.js';
import { h, mount, shortDate } from '../dom.js';
import { type NetEdge, type NetNode, networkView } from '../network.js';
import { actorByNameHref, actorHref, clusterHref, href, type Route, readerHref } from '../router.js';
import { errorBox, num, section, status, tag } from '../ui.js';

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'INVESTIGATE',
  'DEMAND',
  'DISAPPROVE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'MOBILIZE',
  'SANCTION',
  'COERCE',
  'ASSAULT',
  'FIGHT',
  'CRIME',
];
const FILTERS = ['type', 'actor', 'country', 'from', 'to'] as const;
const PAGE = 200;

type Filters = Record<(typeof FILTERS)[number], string | null>;

function filtersOf(route: Route): Filters {
  const f = {} as Filters;
  for (const k of FILTERS) f[k] = route.params.get(k)?.trim() || null;
  return f;
}

async function fetchAll(f: Filters, onProgress: (n: number, total: number) => void): Promise<EventRow[]> {
  const out: EventRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await getJson<EventsResponse>('/api/events', { ...f, limit: PAGE, offset });
    out.push(...page.items);
    onProgress(out.length, page.total);
    if (page.items.length < PAGE || out.length >= page.total) return out;
  }
}

const actorNames = (list: EventRow['actors']) => list.map((a) => a.name).join('; ');

/** CSV with every field quoted when needed (RFC 4180), formula-leading cells neutralised for spreadsheets. */
export function toCsv(rows: EventRow[]): string {
  const head = [
    'id',
    'type',
    'date',
    'actors',
    'targets',
    'countries',
    'location',
    'reports',
    'articles',
    'first_source',
    'first_article',
    'cluster',
  ];
  const q = (v: unknown) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = rows.map((r) =>
    [
      r.id,
      r.type,
      r.date,
      actorNames(r.actors),
      actorNames(r.targets),
      r.countries.join(';'),
      r.location,
      r.reportCount,
      r.articleCount,
      r.firstReport.source,
      r.firstReport.articleId,
      r.clusterId,
    ]
      .map(q)
      .join(','),
  );
  return `${[head.join(','), ...lines].join('\r\n')}\r\n`;
}

function download(name: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The CONSULT events of a set as a network (actors × targets). */
export function meetings(rows: EventRow[]): { nodes: NetNode[]; edges: NetEdge[] } {
  const nodes = new Map<string, NetNode>();
  const edges = new Map<string, NetEdge>();
  const keyOf = (a: EventRow['actors'][number]) => a.id ?? `name:${a.name}`;
  for (const r of rows) {
    if (r.type !== 'CONSULT') continue;
    for (const x of r.actors)
      for (const y of r.targets) {
        const kx = keyOf(x);
        const ky = keyOf(y);
        if (kx === ky) continue;
        for (const [k, a] of [
          [kx, x],
          [ky, y],
        ] as const) {
          const n = nodes.get(k) ?? {
            id: k,
            label: a.name,
            href: a.id ? actorHref(a.id) : actorByNameHref(a.name),
            weight: 0,
          };
          n.weight += 1;
          nodes.set(k, n);
        }
        const [p, q] = kx < ky ? [kx, ky] : [ky, kx];
        const e = edges.get(`${p}|${q}`) ?? { a: p, b: q, weight: 0 };
        e.weight += 1;
        edges.set(`${p}|${q}`, e);
      }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export function eventTable(rows: EventRow[], id = 'event-table'): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'events', id },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Date', 'Type', 'Actors', 'Targets', 'Reports', 'First report'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h(
            'tr',
            { 'data-type': r.type },
            h('td', null, shortDate(r.date)),
            h('td', null, tag(r.type)),
            h(
              'td',
              null,
              r.actors.map((a, i) => [
                i ? ', ' : '',
                h('a', { href: a.id ? actorHref(a.id) : actorByNameHref(a.name) }, a.name),
              ]),
            ),
            h(
              'td',
              null,
              r.targets.map((a, i) => [
                i ? ', ' : '',
                h('a', { href: a.id ? actorHref(a.id) : actorByNameHref(a.name) }, a.name),
              ]),
            ),
            h(
              'td',
              null,
              h('a', { href: clusterHref(r.clusterId) }, `${num(r.reportCount)} in ${num(r.articleCount)}`),
            ),
            h(
              'td',
              null,
              h(
                'a',
                { href: readerHref(r.firstReport.articleId) },
                r.firstReport.source ?? r.firstReport.headline ?? 'report',
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export async function renderEvents(main: HTMLElement, route: Route): Promise<void> {
  document.title = 'Events · newsintel';
  const f = filtersOf(route);
  const field = (label: string, input: HTMLElement) =>
    h('label', { class: 'field' }, h('span', null, label), input);
  const form = h(
    'form',
    { class: 'filters', id: 'event-filters', 'aria-label': 'Event filters' },
    field(
      'PLOVER type',
      h(
        'select',
        { name: 'type' },
        h('option', { value: '' }, 'any'),
        PLOVER_TYPES.map((t) => h('option', { value: t, selected: f.type === t }, t)),
      ),
    ),
    field(
      'Actor',
      h('input', { name: 'actor', type: 'text', value: f.actor ?? '', placeholder: 'name or id' }),
    ),
    field(
      'Country',
      h('input', {
        name: 'country',
        type: 'text',
        value: f.country ?? '',
        placeholder: 'ISO code, e.g. PRK',
        size: 6,
      }),
    ),
    field('From', h('input', { name: 'from', type: 'date', value: f.from ?? '' })),
    field('To', h('input', { name: 'to', type: 'date', value: f.to ?? '' })),
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const p: Record<string, string> = {};
    for (const k of FILTERS) p[k] = String(fd.get(k) ?? '').trim();
    location.hash = href('events', [], p);
  });
  const body = h('div', { id: 'events-body' }, status('Loading events…'));
  mount(main, h('h1', null, 'Events'), form, body);
  // The first page draws the view at once; the export fetches the whole filtered set when asked.
  let first: EventsResponse;
  try {
    first = await getJson<EventsResponse>('/api/events', { ...f, limit: PAGE, offset: 0 });
  } catch (e) {
    mount(body, errorBox(e, 'events'));
    return;
  }
  const rows = first.items;
  const total = first.counts.events;
  const reports = first.counts.reports;
  const partial = rows.length < total;
  const exportStatus = h('span', { role: 'status', id: 'export-status' });
  let everything: EventRow[] | null = partial ? null : rows;
  const allRows = async (): Promise<EventRow[]> => {
    everything ??= await fetchAll(f, (n, t) => {
      exportStatus.textContent = `Fetching ${num(n)} of ${num(t)} events…`;
    });
    exportStatus.textContent = `${num(everything.length)} events exported.`;
    return everything;
  };
  const exportAs = async (kind: 'csv' | 'jsonl') => {
    try {
      const all = await allRows();
      if (kind === 'csv') download('events.csv', 'text/csv', toCsv(all));
      else
        download(
          'events.jsonl',
          'application/x-ndjson',
          all.map((r) => JSON.stringify(r)).join('\n') + (all.length ? '\n' : ''),
        );
    } catch (e) {
      exportStatus.textContent = `Export failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  const byDay = new Map<string, { date: string; events: number; reports: number }>();
  for (const r of rows) {
    if (!r.date) continue;
    const d = r.date.slice(0, 10);
    const x = byDay.get(d) ?? { date: d, events: 0, reports: 0 };
    x.events += 1;
    x.reports += r.reportCount;
    byDay.set(d, x);
  }
  const net = meetings(rows);
  const exportBar = h(
    'p',
    { class: 'export' },
    h('button', { type: 'button', id: 'export-csv', onclick: () => void exportAs('csv') }, 'Export CSV'),
    ' ',
    h(
      'button',
      { type: 'button', id: 'export-jsonl', onclick: () => void exportAs('jsonl') },
      'Export JSONL',
    ),
    ' ',
    exportStatus,
  );
  const over = partial ? ` (the first ${num(rows.length)} of ${num(total)})` : '';
  mount(
    body,
    h('p', { class: 'lead', id: 'event-count' }, `${num(total)} events from ${num(reports)} reports.`),
    exportBar,
    h(
      'div',
      { class: 'two' },
      timelineChart([...byDay.values()], `Events (deduplicated) and reports per day${over}`),
      networkView(net.nodes, net.edges, `Who met whom: CONSULT events in this set${over}`),
    ),
    section(
      'Events',
      rows.length ? eventTable(rows) : h('p', { class: 'muted' }, 'No events match these filters.'),
      partial
        ? h('p', { class: 'muted' }, `Showing ${num(rows.length)} of ${num(total)}; the export has them all.`)
        : null,
    ),
  );
}
