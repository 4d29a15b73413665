// newsintel web UI: plain JS, no build step. Lists and searches stored articles through the HTTP API and
// shows one article's repaired text with its entity and quote spans. Text is always inserted as text nodes,
// never as HTML, so article content cannot inject markup.

const PAGE = 50;
const $ = (sel) => document.querySelector(sel);

const state = { offset: 0, query: '', selected: null };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

function setStatus(message, isError = false) {
  const s = $('#status');
  s.textContent = message;
  s.classList.toggle('error', isError);
}

function metaLine(a) {
  const parts = [a.source, a.published, a.dateline].filter(Boolean).join(' · ');
  const line = el('div', { class: 'meta' }, parts);
  if (a.version) line.append(' ', el('span', { class: 'tag', text: a.version.tag }));
  return line;
}

function articleHref(id) {
  return `#/article/${encodeURIComponent(id)}`;
}

/** Snippet text with the matched words in <mark>, built from highlight spans. */
function snippetNode(hit) {
  const p = el('p', { class: 'snippet' });
  let at = 0;
  for (const h of hit.highlights ?? []) {
    p.append(hit.snippet.slice(at, h.start), el('mark', { text: hit.snippet.slice(h.start, h.end) }));
    at = h.end;
  }
  p.append(hit.snippet.slice(at));
  return p;
}

function listItem(a, hit) {
  const li = el('li', { 'data-id': a.id });
  li.append(el('a', { href: articleHref(a.id), text: a.headline ?? '(no headline)' }), metaLine(a));
  if (hit?.snippet) li.append(snippetNode(hit));
  if (a.id === state.selected) li.classList.add('selected');
  return li;
}

async function loadList(reset) {
  if (reset) {
    state.offset = 0;
    $('#articles').replaceChildren();
  }
  const more = $('#more');
  more.hidden = true;
  try {
    if (state.query) {
      $('#list-title').textContent = `Search: ${state.query}`;
      const q = encodeURIComponent(state.query);
      const { hits } = await api(`/api/search?q=${q}&limit=${PAGE}&offset=${state.offset}`);
      for (const h of hits) $('#articles').append(listItem(h, h));
      setStatus(state.offset + hits.length === 0 ? 'No matches.' : '');
      more.hidden = hits.length < PAGE;
      state.offset += hits.length;
    } else {
      $('#list-title').textContent = 'Articles';
      const { items, total } = await api(`/api/articles?limit=${PAGE}&offset=${state.offset}`);
      for (const a of items) $('#articles').append(listItem(a));
      state.offset += items.length;
      setStatus(
        total === 0 ? 'No articles stored yet. Ingest some with `newsintel ingest`.' : `${total} articles`,
      );
      more.hidden = state.offset >= total;
    }
  } catch (e) {
    setStatus(`Could not load articles: ${e.message}`, true);
  }
}

/**
 * Renders `text` with nested <mark> spans. Spans are sorted by start (longest first); a span that crosses
 * an already open one is skipped rather than breaking the nesting.
 */
function renderMarked(text, spans) {
  const root = el('div', { class: 'text' });
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const stack = [{ end: text.length, node: root }];
  let pos = 0;
  const closeUntil = (limit) => {
    while (stack.length > 1 && stack[stack.length - 1].end <= limit) {
      const top = stack.pop();
      top.node.append(text.slice(pos, top.end));
      pos = top.end;
    }
  };
  for (const s of sorted) {
    closeUntil(s.start);
    const parent = stack[stack.length - 1];
    if (s.start < pos || s.end > parent.end) continue;
    parent.node.append(text.slice(pos, s.start));
    pos = s.start;
    const mark = el('mark', { class: s.cls, title: s.title });
    parent.node.append(mark);
    stack.push({ end: s.end, node: mark });
  }
  while (stack.length > 0) {
    const top = stack.pop();
    top.node.append(text.slice(pos, top.end));
    pos = top.end;
  }
  return root;
}

function layersNode(a) {
  const box = el('div', { class: 'layers' });
  if (a.entities?.length) {
    const ul = el('ul');
    for (const e of a.entities) {
      ul.append(el('li', { text: `${e.name} (${[e.type, e.country, e.role].filter(Boolean).join(', ')})` }));
    }
    box.append(el('h3', { text: `Entities (${a.entities.length})` }), ul);
  }
  if (a.quotes?.length) {
    const ul = el('ul');
    for (const q of a.quotes)
      ul.append(el('li', { text: `${q.speakerName ?? 'unattributed'}: “${q.text}”` }));
    box.append(el('h3', { text: `Quotes (${a.quotes.length})` }), ul);
  }
  if (a.claims?.length) {
    const ul = el('ul');
    for (const c of a.claims) ul.append(el('li', { text: c.text }));
    box.append(el('h3', { text: `Figures (${a.claims.length})` }), ul);
  }
  return box;
}

async function showArticle(id) {
  state.selected = id;
  for (const li of document.querySelectorAll('#articles li'))
    li.classList.toggle('selected', li.dataset.id === id);
  const pane = $('#article');
  pane.replaceChildren(el('p', { class: 'placeholder', text: 'Loading…' }));
  try {
    const a = await api(`/api/articles/${encodeURIComponent(id)}`);
    const art = a.article;
    const spans = [];
    for (const q of a.quotes ?? [])
      spans.push({
        start: q.start,
        end: q.end,
        cls: 'quote',
        title: `quote: ${q.speakerName ?? 'unattributed'}`,
      });
    for (const e of a.entities ?? []) {
      for (const m of e.mentions ?? [])
        spans.push({ start: m.start, end: m.end, cls: `ent ent-${e.type}`, title: `${e.type}: ${e.name}` });
    }
    const facts = el('dl', { class: 'facts' });
    const fact = (k, v) => v && facts.append(el('dt', { text: k }), el('dd', { text: v }));
    fact('Source', art.source);
    fact('Published', art.published);
    fact('Dateline', art.dateline);
    fact('Version', art.version?.tag);
    fact('Byline', art.byline);
    fact('URL', art.url);
    fact('Repairs', a.repairs?.length ? String(a.repairs.length) : null);
    fact('Id', art.id);
    pane.replaceChildren(
      el('h2', { text: art.headline ?? '(no headline)' }),
      facts,
      renderMarked(art.text, spans),
      layersNode(a),
    );
  } catch (e) {
    pane.replaceChildren(el('p', { class: 'placeholder', text: `Could not load the article: ${e.message}` }));
  }
}

function route() {
  const hash = location.hash || '#/';
  const m = /^#\/article\/(.+)$/.exec(hash);
  if (m) {
    if (!$('#articles').children.length) loadList(true);
    showArticle(decodeURIComponent(m[1]));
    return;
  }
  const s = /^#\/search\?q=(.*)$/.exec(hash);
  const q = s ? decodeURIComponent(s[1]) : '';
  $('#search-input').value = q;
  state.query = q;
  loadList(true);
}

$('#search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = $('#search-input').value.trim();
  location.hash = q ? `#/search?q=${encodeURIComponent(q)}` : '#/';
});
$('#more').addEventListener('click', () => loadList(false));
window.addEventListener('hashchange', route);
route();
