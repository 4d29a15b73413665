/**
 * Search: ranked full-text hits with the matched words marked, narrowed by facets (source, month, actor,
 * event type) computed over the top hits. Every facet is a link that adds or removes one filter, so a
 * narrowed search is a shareable address.
 */

import type { DeskSearchResponse, FacetCount } from '../../../src/api/desk-types.js';
import { getJson } from '../api.js';
import { h, marked, mount } from '../dom.js';
import { href, type Route, readerHref } from '../router.js';
import { errorBox, metaLine, num, status } from '../ui.js';

const KEYS = ['q', 'source', 'from', 'to', 'actor', 'type'] as const;

export async function renderSearch(main: HTMLElement, route: Route): Promise<void> {
  const p: Record<string, string> = {};
  for (const k of KEYS) {
    const v = route.params.get(k);
    if (v) p[k] = v;
  }
  const q = p.q ?? '';
  document.title = q ? `Search: ${q} · newsintel` : 'Search · newsintel';
  const input = document.getElementById('search-input') as HTMLInputElement | null;
  if (input && q) input.value = q;
  const form = h(
    'form',
    { class: 'filters', id: 'page-search', role: 'search', 'aria-label': 'Search stories' },
    h(
      'label',
      { class: 'field' },
      h('span', null, 'Words'),
      h('input', { name: 'q', type: 'search', value: q }),
    ),
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = href('search', [], { q: String(new FormData(form).get('q') ?? '').trim() });
  });
  const body = h('div', { id: 'search-body' });
  mount(main, h('h1', null, q ? `Search: ${q}` : 'Search'), form, body);
  if (!q) return;
  mount(body, status('Searching…'));
  let r: DeskSearchResponse;
  try {
    r = await getJson<DeskSearchResponse>('/api/desk/search', { ...p, limit: 50 });
  } catch (e) {
    mount(body, errorBox(e));
    return;
  }
  const facet = (title: string, key: string, list: FacetCount[], range = false) => {
    const active = range ? p.from : p[key];
    const items = list.map((f) => {
      const on = active === f.value;
      const next = { ...p };
      if (range) {
        next.from = on ? '' : f.value;
        next.to = on ? '' : f.value;
      } else next[key] = on ? '' : f.value;
      return h(
        'li',
        null,
        h(
          'a',
          { href: href('search', [], next), 'aria-current': on ? 'true' : null, class: on ? 'on' : null },
          f.value,
        ),
        h('span', { class: 'count' }, ` ${num(f.count)}`),
      );
    });
    return h(
      'section',
      { class: 'facet', 'aria-label': title, 'data-facet': key },
      h('h2', null, title),
      items.length ? h('ul', null, items) : h('p', { class: 'muted' }, '—'),
    );
  };
  const active = KEYS.filter((k) => k !== 'q' && k !== 'to' && p[k]);
  mount(
    body,
    h(
      'p',
      { class: 'lead', id: 'search-count' },
      `${num(r.total)} matching stories${r.scanned >= 200 ? ` (among the ${r.scanned} best)` : ''}.`,
      active.length
        ? [
            ' Filters: ',
            active.map((k) => [
              h(
                'a',
                {
                  class: 'chip',
                  href: href('search', [], { ...p, [k]: '', ...(k === 'from' ? { to: '' } : {}) }),
                  'aria-label': `Remove filter ${k} ${p[k]}`,
                },
                `${k}: ${p[k]} ×`,
              ),
              ' ',
            ]),
          ]
        : null,
    ),
    h(
      'div',
      { class: 'search-grid' },
      h(
        'aside',
        { class: 'facets', 'aria-label': 'Facets' },
        facet('Source', 'source', r.facets.source),
        facet('Month', 'from', r.facets.month, true),
        facet('Actor', 'actor', r.facets.actor),
        facet('Event type', 'type', r.facets.eventType),
      ),
      r.hits.length
        ? h(
            'ol',
            { class: 'stories hits', id: 'hits' },
            r.hits.map((hit) =>
              h(
                'li',
                null,
                h('a', { href: readerHref(hit.id) }, hit.headline ?? '(no headline)'),
                ' ',
                metaLine(hit),
                h('p', { class: 'snippet' }, marked(hit.snippet, hit.highlights)),
              ),
            ),
          )
        : h('p', null, 'No stories match.'),
    ),
  );
}
