/**
 * Story page: the version chain (LEAD → 2nd LD → 3rd LD) from the corpus API, and a side-by-side diff of any
 * two versions: paragraphs added, removed and rewritten (changed words marked), then facts added, removed or
 * changed, each linking to its evidence in the reader.
 */
import { type Analysis, ApiError, article, getJson } from '../api.js';
import type { StoryResponse, StoryVersion } from '../corpus-types.js';
import { factChanges, type Row, textRows } from '../diff.js';
import { type Child, h, marked, mount, shortDate } from '../dom.js';
import { clusterHref, type Route, readerHref, storyHref } from '../router.js';
import { errorBox, metaLine, section, status, tag } from '../ui.js';

function versionLabel(v: StoryVersion): string {
  return `${v.position + 1}. ${v.version?.tag ?? 'first'} · ${shortDate(v.published)} · ${v.headline ?? '(no headline)'}`;
}

function cell(p: Row['before'], marks: Row['beforeMarks'], cls: string): HTMLElement {
  return h('td', { class: cls }, p ? h('p', null, marks.length ? marked(p.text, marks) : p.text) : null);
}

export async function renderStory(main: HTMLElement, route: Route): Promise<void> {
  const id = route.args[0];
  if (!id) {
    mount(main, h('h1', null, 'Story'), errorBox(new Error('No article id in the address.')));
    return;
  }
  mount(main, h('h1', null, 'Story'), status('Loading the version chain…'));
  let story: StoryResponse | null = null;
  let note: Child = null;
  try {
    story = await getJson<StoryResponse>(`/api/stories/${encodeURIComponent(id)}`);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) {
      mount(main, h('h1', null, 'Story'), errorBox(e, 'stories'));
      return;
    }
    note = errorBox(e, 'story version chains');
  }
  let versions: StoryVersion[];
  if (story) versions = story.versions;
  else {
    const a = await article(id);
    versions = [
      {
        articleId: a.article.id,
        headline: a.article.headline,
        source: a.article.source,
        published: a.article.published,
        position: 0,
        version: a.article.version,
        ingestedAt: '',
        pipelineVersion: null,
      },
    ];
  }
  const ids = versions.map((v) => v.articleId);
  const last = versions.length - 1;
  const pickA = route.params.get('a');
  const pickB = route.params.get('b');
  const aId = pickA && ids.includes(pickA) ? pickA : (ids[Math.max(0, last - 1)] ?? id);
  const bId = pickB && ids.includes(pickB) ? pickB : (ids[last] ?? id);
  document.title = `Story: ${story?.headline ?? versions[last]?.headline ?? ''} · newsintel`;

  const chain = h(
    'ol',
    { class: 'chain', id: 'version-chain' },
    versions.map((v) =>
      h(
        'li',
        { 'data-id': v.articleId, class: v.articleId === aId || v.articleId === bId ? 'picked' : null },
        h('a', { href: readerHref(v.articleId) }, v.headline ?? '(no headline)'),
        ' ',
        metaLine({
          headline: v.headline,
          source: v.source,
          published: v.published,
          version: v.version ?? { tag: 'first' },
        }),
      ),
    ),
  );
  const select = (name: string, label: string, value: string) =>
    h(
      'label',
      null,
      `${label} `,
      h(
        'select',
        { name, id: `pick-${name}` },
        versions.map((v) =>
          h('option', { value: v.articleId, selected: v.articleId === value }, versionLabel(v)),
        ),
      ),
    );
  const form = h(
    'form',
    { class: 'pick', id: 'diff-form', 'aria-label': 'Versions to compare' },
    select('a', 'Compare', aId),
    select('b', 'with', bId),
    h('button', { type: 'submit' }, 'Show diff'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    location.hash = storyHref(id, String(fd.get('a')), String(fd.get('b')));
  });
  const diffBox = h('div', { id: 'diff' }, status('Loading both versions…'));
  mount(
    main,
    h('h1', null, story?.headline ?? versions[last]?.headline ?? 'Story'),
    note,
    h(
      'p',
      { class: 'links' },
      story?.clusterId ? h('a', { href: clusterHref(story.clusterId) }, 'Event cluster') : null,
      story?.pendingPredecessors.length
        ? [' · ', `${story.pendingPredecessors.length} earlier version(s) not stored`]
        : null,
    ),
    section(
      'Versions',
      chain,
      versions.length < 2 ? h('p', { class: 'muted' }, 'Only one version of this story is stored.') : null,
    ),
    section('Diff', form, diffBox),
  );
  let a: Analysis;
  let b: Analysis;
  try {
    [a, b] = await Promise.all([article(aId), article(bId)]);
  } catch (e) {
    mount(diffBox, errorBox(e));
    return;
  }
  const rows = textRows(a.article.text, b.article.text);
  const count = (k: Row['kind']) => rows.filter((r) => r.kind === k).length;
  const facts = factChanges(a, b);
  const factLink = (aid: string, f: { item: string; label: string } | null) =>
    f ? h('a', { href: readerHref(aid, f.item) }, f.label) : '—';
  mount(
    diffBox,
    h(
      'p',
      { class: 'lead', id: 'diff-stats' },
      `${count('added')} paragraphs added, ${count('removed')} removed, ${count('rewritten')} rewritten, ${count('same')} unchanged; ${facts.length} facts changed.`,
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'diff', id: 'text-diff' },
        h('caption', { class: 'sr-only' }, 'Text changes, earlier version left, later right'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, a.article.version?.tag ?? 'Earlier'),
            h('th', { scope: 'col' }, b.article.version?.tag ?? 'Later'),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((r) =>
            h(
              'tr',
              { class: `row-${r.kind}` },
              cell(r.before, r.beforeMarks, 'before'),
              cell(r.after, r.afterMarks, 'after'),
            ),
          ),
        ),
      ),
    ),
    h('h3', null, 'Facts'),
    facts.length
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'facts', id: 'fact-diff' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                ['Change', 'Layer', 'Before', 'After'].map((t) => h('th', { scope: 'col' }, t)),
              ),
            ),
            h(
              'tbody',
              null,
              facts.map((f) =>
                h(
                  'tr',
                  { class: `fact-${f.change}` },
                  h('td', null, tag(f.change, `tag ch-${f.change}`)),
                  h('td', null, f.layer),
                  h('td', null, factLink(a.article.id, f.before)),
                  h('td', null, factLink(b.article.id, f.after)),
                ),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No facts changed.'),
  );
}
