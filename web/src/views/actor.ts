/**
 * Actor page: aliases, role and country; a timeline of events as actor or target; quotes by the actor;
 * claims sourced to it; and the actors it met, as a small network. `#/actor?q=<name>` resolves a name from
 * an article to the corpus actor (exact name or alias first) and replaces the address with its page.
 */
import { getJson } from '../api.js';
import { timelineChart } from '../charts.js';
import type { ActorResponse, ActorSummary, Page } from '../corpus-types.js';
import { h, mount, shortDate } from '../dom.js';
import { networkView } from '../network.js';
import { actorByNameHref, actorHref, href, type Route, readerHref } from '../router.js';
import { errorBox, num, section, status } from '../ui.js';
import { eventTable } from './events.js';

async function resolve(main: HTMLElement, q: string): Promise<void> {
  mount(main, h('h1', null, `Actor: ${q}`), status('Looking up the actor…'));
  let found: Page<ActorSummary>;
  try {
    found = await getJson<Page<ActorSummary>>('/api/actors', { q, limit: 20 });
  } catch (e) {
    mount(main, h('h1', null, `Actor: ${q}`), errorBox(e, 'actors'));
    return;
  }
  const lower = q.toLowerCase();
  const exact = found.items.filter(
    (a) => a.name.toLowerCase() === lower || a.aliases.some((x) => x.toLowerCase() === lower),
  );
  if (exact.length === 1 || (found.items.length === 1 && found.items[0])) {
    const pick = exact[0] ?? found.items[0]!;
    history.replaceState(null, '', actorHref(pick.id));
    await renderActor(main, { view: 'actor', args: [pick.id], params: new URLSearchParams() });
    return;
  }
  mount(
    main,
    h('h1', null, `Actors matching “${q}”`),
    found.items.length
      ? h(
          'ul',
          { class: 'compact', id: 'actor-matches' },
          found.items.map((a) =>
            h(
              'li',
              null,
              h('a', { href: actorHref(a.id) }, a.name),
              h(
                'span',
                { class: 'meta' },
                ` ${a.type}${a.country ? ` · ${a.country}` : ''} · ${num(a.articleCount)} stories`,
              ),
            ),
          ),
        )
      : h('p', null, 'No actor by that name.'),
  );
}

export async function renderActor(main: HTMLElement, route: Route): Promise<void> {
  const id = route.args[0];
  if (!id) {
    const q = route.params.get('q');
    if (q) return resolve(main, q);
    mount(main, h('h1', null, 'Actor'), errorBox(new Error('No actor in the address.')));
    return;
  }
  mount(main, h('h1', null, 'Actor'), status('Loading the actor…'));
  let a: ActorResponse;
  try {
    a = await getJson<ActorResponse>(`/api/actors/${encodeURIComponent(id)}`);
  } catch (e) {
    mount(main, h('h1', null, 'Actor'), errorBox(e, 'actors'));
    return;
  }
  document.title = `${a.name} · newsintel`;
  const nodes = [
    { id: a.id, label: a.name, href: null, weight: a.met.reduce((s, m) => s + m.weight, 0) },
    ...a.met.map((m) => ({
      id: m.actor.id ?? `name:${m.actor.name}`,
      label: m.actor.name,
      href: m.actor.id ? actorHref(m.actor.id) : actorByNameHref(m.actor.name),
      weight: m.weight,
    })),
  ];
  const edges = a.met.map((m) => ({ a: a.id, b: m.actor.id ?? `name:${m.actor.name}`, weight: m.weight }));
  mount(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('h1', null, a.name),
      h(
        'dl',
        { class: 'facts-list', id: 'actor-facts' },
        h('dt', null, 'Type'),
        h('dd', null, a.type),
        h('dt', null, 'Role'),
        h('dd', null, a.role ?? '—'),
        h('dt', null, 'Country'),
        h(
          'dd',
          null,
          a.country ? h('a', { href: href('events', [], { country: a.country }) }, a.country) : '—',
        ),
        h('dt', null, 'Aliases'),
        h('dd', { id: 'aliases' }, a.aliases.length ? a.aliases.join(', ') : '—'),
        h('dt', null, 'Seen'),
        h(
          'dd',
          null,
          `${shortDate(a.firstSeen)} – ${shortDate(a.lastSeen)}, ${num(a.mentionCount)} mentions in ${num(a.articleCount)} stories`,
        ),
      ),
      h('p', null, h('a', { href: href('events', [], { actor: a.id }) }, 'All events with this actor')),
    ),
    h(
      'div',
      { class: 'two' },
      timelineChart(a.timeline, `Events with ${a.name} as actor or target`),
      networkView(nodes, edges, `Actors ${a.name} met`, a.id),
    ),
    section(
      'Events',
      a.events.items.length
        ? eventTable(a.events.items, 'actor-events')
        : h('p', { class: 'muted' }, 'None.'),
      a.events.total > a.events.items.length
        ? h('p', { class: 'muted' }, `${num(a.events.items.length)} of ${num(a.events.total)}.`)
        : null,
    ),
    section(
      'Quotes',
      a.quotes.items.length
        ? h(
            'ul',
            { class: 'quotes', id: 'actor-quotes' },
            a.quotes.items.map((q) =>
              h(
                'li',
                null,
                h('blockquote', null, q.quote.text),
                h(
                  'p',
                  { class: 'meta' },
                  h('a', { href: readerHref(q.articleId, `quote:${q.annId}`) }, q.headline ?? 'article'),
                  ` · ${q.source ?? ''} · ${shortDate(q.published)} · ${q.kind}`,
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'None.'),
    ),
    section(
      'Claims',
      a.claims.items.length
        ? h(
            'ul',
            { class: 'compact', id: 'actor-claims' },
            a.claims.items.map((c) =>
              h(
                'li',
                null,
                h('a', { href: readerHref(c.articleId, `claim:${c.annId}`) }, c.evidence.text),
                h(
                  'span',
                  { class: 'meta' },
                  ` ${c.hedge ?? c.qualifier} · ${shortDate(c.date)} · ${c.report.source ?? ''}`,
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'None.'),
    ),
  );
}
