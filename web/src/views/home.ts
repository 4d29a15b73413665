/**
 * Home: the latest stories, and what is new since the last visit (new stories, updated stories, the most
 * active actors). The last visit is a localStorage timestamp; within one browser session the digest keeps
 * the visit it started from, so going back to Home does not empty it.
 */

import type { DeskHomeResponse } from '../../../src/api/desk-types.js';
import { getJson } from '../api.js';
import { h, mount } from '../dom.js';
import { actorByNameHref, clusterHref, href } from '../router.js';
import { articleItem, errorBox, num, section, status } from '../ui.js';

const LAST_VISIT = 'newsintel.lastVisit';
const SESSION_SINCE = 'newsintel.since';

function sinceForThisSession(): string | null {
  try {
    const kept = sessionStorage.getItem(SESSION_SINCE);
    if (kept !== null) return kept || null;
    const last = localStorage.getItem(LAST_VISIT);
    sessionStorage.setItem(SESSION_SINCE, last ?? '');
    localStorage.setItem(LAST_VISIT, new Date().toISOString());
    return last;
  } catch {
    return null;
  }
}

export async function renderHome(main: HTMLElement): Promise<void> {
  document.title = 'newsintel desk';
  mount(main, h('h1', null, 'Latest stories'), status('Loading…'));
  const since = sinceForThisSession();
  let d: DeskHomeResponse;
  try {
    d = await getJson<DeskHomeResponse>('/api/desk/home', { since });
  } catch (e) {
    mount(main, h('h1', null, 'Latest stories'), errorBox(e));
    return;
  }
  const when = d.since
    ? new Date(d.since).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    : null;
  const latest = d.latest.length
    ? h(
        'ol',
        { class: 'stories', id: 'latest' },
        d.latest.map((a) => articleItem(a)),
      )
    : h('p', null, 'No stories stored yet. ', h('a', { href: '#/ingest' }, 'Ingest some'), '.');
  const digest = h(
    'div',
    { class: 'digest' },
    h(
      'p',
      { class: 'lead', id: 'since-line' },
      when
        ? `${num(d.newArticles)} new since your last visit (${when}).`
        : `First visit: the ${num(Math.min(100, d.total))} most recent of ${num(d.total)} stored articles.`,
    ),
    section(
      'New event clusters',
      d.newClusters.length
        ? h(
            'ul',
            { class: 'compact', id: 'new-clusters' },
            d.newClusters.map((c) =>
              h(
                'li',
                null,
                h('a', { href: clusterHref(c.id) }, c.headline ?? c.id),
                h('span', { class: 'meta' }, ` ${num(c.articles)} reports from ${num(c.sources)} sources`),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'None.'),
    ),
    section(
      'New stories',
      d.newStories.length
        ? h(
            'ul',
            { class: 'compact', id: 'new-stories' },
            d.newStories.map((a) =>
              articleItem(
                a,
                h('a', { class: 'small', href: href('cluster', [], { article: a.id }) }, 'cluster'),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'None.'),
    ),
    section(
      'Updated stories',
      d.updatedStories.length
        ? h(
            'ul',
            { class: 'compact', id: 'updated-stories' },
            d.updatedStories.map((a) =>
              articleItem(a, h('a', { class: 'small', href: href('story', [a.id]) }, 'what changed')),
            ),
          )
        : h('p', { class: 'muted' }, 'None.'),
    ),
    section(
      'Most active actors',
      d.activeActors.length
        ? h(
            'ol',
            { class: 'compact', id: 'active-actors' },
            d.activeActors.map((x) =>
              h(
                'li',
                null,
                h('a', { href: actorByNameHref(x.name) }, x.name),
                h(
                  'span',
                  { class: 'meta' },
                  ` ${x.type}${x.country ? ` · ${x.country}` : ''} · ${num(x.articles)} stories`,
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'None.'),
    ),
  );
  mount(
    main,
    h('h1', null, 'Latest stories'),
    h(
      'div',
      { class: 'home' },
      h(
        'section',
        { 'aria-labelledby': 'latest-title', class: 'latest' },
        h('h2', { id: 'latest-title', class: 'sr-only' }, 'Latest'),
        latest,
        d.total > d.latest.length
          ? h('p', null, h('a', { href: href('search', [], { q: '*' }) }, `All ${num(d.total)} stories`))
          : null,
      ),
      h('aside', { 'aria-label': 'Since your last visit', class: 'since' }, digest),
    ),
  );
}
