/**
 * Claims page: how one quantity moved over time. One point per claim, coloured by who claimed it and hollow
 * when hedged; clicking a point (or its row) opens the claim's evidence in the reader.
 */
import { getJson } from '../api.js';
import { claimChart } from '../charts.js';
import type { ClaimSeries, ClaimSeriesResponse } from '../corpus-types.js';
import { h, mount, shortDate } from '../dom.js';
import { href, type Route, readerHref } from '../router.js';
import { errorBox, num, section, status } from '../ui.js';

function seriesView(s: ClaimSeries, n: number): HTMLElement {
  const pts = s.points.map((p) => ({
    date: p.date ?? p.report.published ?? '',
    value:
      p.value ?? (p.low !== null && p.high !== null ? (p.low + p.high) / 2 : (p.low ?? p.high ?? Number.NaN)),
    group: `${p.source?.name ?? 'unsourced'} · ${p.hedge ?? 'flat'}`,
    source: p.source?.name ?? 'unsourced',
    hedged: p.hedge !== null,
  }));
  const open = (i: number) => {
    const p = s.points[i];
    if (p) location.hash = readerHref(p.articleId, `claim:${p.annId}`);
  };
  const usable = pts.map((p, i) => ({ p, i })).filter((x) => Number.isFinite(x.p.value));
  return h(
    'section',
    { class: 'series', 'aria-labelledby': `series-${n}` },
    h('h2', { id: `series-${n}` }, `${s.subject}${s.unit ? ` (${s.unit})` : ''}`),
    h(
      'p',
      { class: 'meta' },
      `${num(s.points.length)} claims · ${shortDate(s.firstDate)} – ${shortDate(s.lastDate)} · range ${num(s.min)} – ${num(s.max)}`,
    ),
    h(
      'p',
      { class: 'muted' },
      'Colour: who made the claim. Hollow: hedged (the legend names the hedge). Click a point to open its evidence.',
    ),
    claimChart(
      usable.map((x) => x.p),
      `${s.subject} over time`,
      (k) => open(usable[k]!.i),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'claims' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['Date', 'Value', 'Hedge', 'Source', 'Evidence', 'Report'].map((t) =>
              h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          s.points.map((p) =>
            h(
              'tr',
              null,
              h('td', null, shortDate(p.date)),
              h(
                'td',
                null,
                p.value !== null ? num(p.value) : `${num(p.low)}–${num(p.high)}`,
                p.unit ? ` ${p.unit}` : '',
              ),
              h('td', null, p.hedge ?? p.qualifier),
              h('td', null, p.source?.name ?? '—'),
              h('td', null, h('a', { href: readerHref(p.articleId, `claim:${p.annId}`) }, p.evidence.text)),
              h('td', null, p.report.source ?? '', ' ', shortDate(p.report.published)),
            ),
          ),
        ),
      ),
    ),
  );
}

export async function renderClaims(main: HTMLElement, route: Route): Promise<void> {
  document.title = 'Claims · newsintel';
  const subject = route.params.get('subject')?.trim() ?? '';
  const form = h(
    'form',
    { class: 'filters', id: 'claims-form', role: 'search', 'aria-label': 'Claim series' },
    h(
      'label',
      { class: 'field' },
      h('span', null, 'Quantity or subject'),
      h('input', {
        name: 'subject',
        type: 'search',
        value: subject,
        placeholder: 'troops, casualties, tonnes…',
      }),
    ),
    h('button', { type: 'submit' }, 'Show series'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = href('claims', [], { subject: String(new FormData(form).get('subject') ?? '').trim() });
  });
  const body = h('div', { id: 'claims-body' });
  mount(main, h('h1', null, 'Claims'), form, body);
  if (!subject) {
    mount(
      body,
      h(
        'p',
        null,
        'Name a quantity (a subject or a unit) to chart how its figure moved over time and who said what.',
      ),
    );
    return;
  }
  mount(body, status('Loading the series…'));
  try {
    const r = await getJson<ClaimSeriesResponse>('/api/claims/series', { subject, limit: 10 });
    mount(
      body,
      r.items.length
        ? r.items.map((s, i) => seriesView(s, i))
        : h('p', null, `No claims about “${subject}”.`),
      r.total > r.items.length
        ? section('More', h('p', null, `${num(r.total - r.items.length)} more series; refine the subject.`))
        : null,
    );
  } catch (e) {
    mount(body, errorBox(e, 'claim series'));
  }
}
