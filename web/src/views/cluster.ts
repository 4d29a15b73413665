/**
 * Event cluster page: the reports of one happening from different sources, its deduplicated events with
 * the mentions behind each (linked to their evidence), and the first and latest report.
 * `#/cluster?article=<id>` finds an article's cluster through its story.
 */
import { getJson } from '../api.js';
import { timelineChart } from '../charts.js';
import type { ClusterResponse, StoryResponse } from '../corpus-types.js';
import { h, mount, shortDate } from '../dom.js';
import { actorByNameHref, actorHref, clusterHref, type Route, readerHref, storyHref } from '../router.js';
import { articleItem, errorBox, num, section, status, tag } from '../ui.js';

export async function renderCluster(main: HTMLElement, route: Route): Promise<void> {
  let id = route.args[0];
  mount(main, h('h1', null, 'Event cluster'), status('Loading the cluster…'));
  try {
    if (!id) {
      const art = route.params.get('article');
      if (!art) throw new Error('No cluster in the address.');
      const story = await getJson<StoryResponse>(`/api/stories/${encodeURIComponent(art)}`);
      if (!story.clusterId) throw new Error('This article is not in an event cluster yet.');
      id = story.clusterId;
      history.replaceState(null, '', clusterHref(id));
    }
    const c = await getJson<ClusterResponse>(`/api/clusters/${encodeURIComponent(id)}`);
    document.title = `${c.headline ?? 'Cluster'} · newsintel`;
    const latest = [...c.articles].sort((x, y) => (y.published ?? '').localeCompare(x.published ?? ''))[0];
    const who = (list: { id: string | null; name: string }[]) =>
      list.map((a, i) => [
        i ? ', ' : '',
        h('a', { href: a.id ? actorHref(a.id) : actorByNameHref(a.name) }, a.name),
      ]);
    mount(
      main,
      h('h1', null, c.headline ?? 'Event cluster'),
      h(
        'dl',
        { class: 'facts-list', id: 'cluster-facts' },
        h('dt', null, 'First report'),
        h(
          'dd',
          null,
          h('a', { href: readerHref(c.firstReport.articleId) }, c.firstReport.headline ?? 'article'),
          ` · ${c.firstReport.source ?? ''} · ${shortDate(c.firstReport.published)}`,
        ),
        h('dt', null, 'Latest report'),
        h(
          'dd',
          null,
          latest
            ? [
                h('a', { href: readerHref(latest.articleId) }, latest.headline ?? 'article'),
                ` · ${latest.source ?? ''} · ${shortDate(latest.published)}`,
              ]
            : '—',
        ),
        h('dt', null, 'Sources'),
        h('dd', null, c.sources.join(', ') || '—'),
        h('dt', null, 'Coverage'),
        h(
          'dd',
          null,
          `${num(c.articleCount)} articles, ${num(c.reportCount)} event reports, ${shortDate(c.firstSeen)} – ${shortDate(c.lastSeen)}`,
        ),
      ),
      timelineChart(c.timeline, 'Events and reports per day'),
      section(
        'Reports',
        h(
          'ul',
          { class: 'compact', id: 'cluster-articles' },
          c.articles.map((a) =>
            articleItem(
              a,
              a.storyId ? [' ', h('a', { class: 'small', href: storyHref(a.articleId) }, 'versions')] : null,
            ),
          ),
        ),
      ),
      section(
        'Events',
        c.events.length
          ? h(
              'ol',
              { class: 'cluster-events', id: 'cluster-events' },
              c.events.map((v) =>
                h(
                  'li',
                  null,
                  h(
                    'p',
                    null,
                    tag(v.type),
                    ' ',
                    who(v.actors),
                    v.targets.length ? [' → ', who(v.targets)] : null,
                    h(
                      'span',
                      { class: 'meta' },
                      ` · ${shortDate(v.date)} · ${num(v.reportCount)} reports in ${num(v.articleCount)} articles`,
                    ),
                  ),
                  h(
                    'ul',
                    { class: 'mentions' },
                    v.mentions.map((m) =>
                      h(
                        'li',
                        null,
                        h(
                          'a',
                          { href: readerHref(m.articleId, `event:${m.annId}`) },
                          `“${m.sentence?.text ?? m.trigger.text}”`,
                        ),
                        h('span', { class: 'meta' }, ` ${m.source ?? ''} · ${m.modality}`),
                      ),
                    ),
                  ),
                ),
              ),
            )
          : h('p', { class: 'muted' }, 'No events.'),
      ),
    );
  } catch (e) {
    mount(main, h('h1', null, 'Event cluster'), errorBox(e, 'event clusters'));
  }
}
