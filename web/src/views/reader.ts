/**
 * The reader: one article's repaired text with toggleable annotation layers. Every item in the side lists
 * points at its evidence (click: scroll there and flash it) and every highlighted span points back at its
 * items (click: show the item). The text is cut into segments at every span boundary, so overlapping layers
 * (a quote holding an entity holding a claim) compose without nesting problems; each segment is a text node
 * in a <span>, never HTML.
 */

import type { Entity, Span } from '../../../src/core/types.js';
import { type Analysis, article } from '../api.js';
import { type Child, h, mount, shortDate } from '../dom.js';
import { actorByNameHref, href, type Route, storyHref } from '../router.js';
import { errorBox, metaLine, num, status, tag } from '../ui.js';

export type Layer = 'entity' | 'quote' | 'event' | 'time' | 'claim' | 'repair';

export const LAYERS: { layer: Layer; label: string }[] = [
  { layer: 'entity', label: 'Entities' },
  { layer: 'quote', label: 'Quotes' },
  { layer: 'event', label: 'Event triggers' },
  { layer: 'time', label: 'Times' },
  { layer: 'claim', label: 'Claims' },
  { layer: 'repair', label: 'Repairs' },
];

export interface Item {
  /** `<layer>:<id>` */
  key: string;
  id: string;
  layer: Layer;
  /** Entity type, for per-type toggles and colours. */
  type: string | null;
  label: string;
  detail: string[];
  spans: Span[];
  cls: string[];
  /** Hover text on the spans (the raw text before a repair). */
  title: string | null;
  /** Link to a page about the item (actor page for entities). */
  link: { href: string; text: string } | null;
}

const SPEAKER_COLOURS = 8;

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** Builds the reader's items from an analysis, one per annotation, in reading order within each layer. */
export function itemsOf(a: Analysis): Item[] {
  const names = new Map<string, Entity>(a.entities.map((e) => [e.id, e]));
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  const items: Item[] = [];
  for (const e of a.entities) {
    items.push({
      key: `entity:${e.id}`,
      id: e.id,
      layer: 'entity',
      type: e.type,
      label: e.name,
      detail: [
        e.type,
        e.role ?? '',
        e.country ?? '',
        `${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}`,
      ].filter(Boolean),
      spans: e.mentions,
      cls: ['l-entity', `t-${/^[A-Z_]+$/.test(e.type) ? e.type : 'OTHER'}`],
      title: null,
      link: ['PERSON', 'ORG', 'GPE', 'NORP'].includes(e.type)
        ? { href: actorByNameHref(e.name), text: 'actor page' }
        : null,
    });
  }
  const speakers = new Map<string, number>();
  for (const q of a.quotes) {
    const who = q.speaker ?? q.speakerName ?? '?';
    if (!speakers.has(who)) speakers.set(who, speakers.size % SPEAKER_COLOURS);
    items.push({
      key: `quote:${q.id}`,
      id: q.id,
      layer: 'quote',
      type: q.kind,
      label: `${q.speakerName ?? (q.speaker ? nameOf(q.speaker) : 'unattributed')}: “${clip(q.text, 90)}”`,
      detail: [q.kind, q.cue ? `cue “${q.cue.text}”` : ''].filter(Boolean),
      spans: [q],
      cls: ['l-quote', `sp-${speakers.get(who)}`],
      title: null,
      link: q.speakerName ? { href: actorByNameHref(q.speakerName), text: 'speaker' } : null,
    });
  }
  for (const v of a.events) {
    const actors = v.actors.map(nameOf).join(', ') || '?';
    const targets = v.targets.map(nameOf).join(', ');
    items.push({
      key: `event:${v.id}`,
      id: v.id,
      layer: 'event',
      type: v.type,
      label: `${v.type}: ${actors}${targets ? ` → ${targets}` : ''} (“${v.trigger.text}”)`,
      detail: [v.modality, v.date ?? '', v.cameo ? `CAMEO ${v.cameo}` : '', v.location ?? ''].filter(Boolean),
      spans: [v.trigger],
      cls: ['l-event'],
      title: null,
      link: { href: href('events', [], { type: v.type }), text: `all ${v.type} events` },
    });
  }
  for (const t of a.times) {
    items.push({
      key: `time:${t.id}`,
      id: t.id,
      layer: 'time',
      type: t.type,
      label: `${t.text}${t.value ? ` = ${t.value}` : ''}`,
      detail: [t.type],
      spans: [t],
      cls: ['l-time'],
      title: null,
      link: null,
    });
  }
  for (const c of a.claims) {
    items.push({
      key: `claim:${c.id}`,
      id: c.id,
      layer: 'claim',
      type: c.qualifier,
      label: `${c.text}${c.subject ? ` (${c.subject})` : ''}${c.sourceName ? `, per ${c.sourceName}` : ''}`,
      detail: [c.qualifier, c.value !== null ? num(c.value) : '', c.unit ?? ''].filter(Boolean),
      spans: [c],
      cls: ['l-claim'],
      title: null,
      link: c.subject ? { href: href('claims', [], { subject: c.subject }), text: 'series' } : null,
    });
  }
  a.repairs.forEach((r, i) => {
    items.push({
      key: `repair:r${i}`,
      id: `r${i}`,
      layer: 'repair',
      type: r.kind,
      label: `${r.kind}: “${clip(r.before, 40)}” → “${clip(r.after, 40)}”`,
      detail: [`raw ${r.raw.start}–${r.raw.end}`],
      spans: [r],
      cls: ['l-repair'],
      title: `raw text before repair: ${r.before}`,
      link: null,
    });
  });
  return items;
}

interface Segment {
  el: HTMLElement;
  items: Item[];
}

/** Cuts `text` at every span boundary; each segment knows the items covering it. */
export function segment(text: string, items: Item[]): { start: number; end: number; items: Item[] }[] {
  const cuts = new Set<number>([0, text.length]);
  for (const it of items)
    for (const s of it.spans) {
      if (s.start >= 0 && s.end <= text.length && s.start < s.end) {
        cuts.add(s.start);
        cuts.add(s.end);
      }
    }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { start: number; end: number; items: Item[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    out.push({ start: points[i]!, end: points[i + 1]!, items: [] });
  }
  // Each span covers a contiguous run of segments: find its first by binary search.
  const startIndex = (pos: number) => {
    let lo = 0;
    let hi = out.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (out[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const it of items)
    for (const s of it.spans) {
      if (!(s.start >= 0 && s.end <= text.length && s.start < s.end)) continue;
      for (let i = startIndex(s.start); i < out.length && out[i]!.end <= s.end; i++) {
        if (!out[i]!.items.includes(it)) out[i]!.items.push(it);
      }
    }
  return out;
}

function briefOf(a: Analysis, flash: (key: string) => void): HTMLElement {
  const names = new Map(a.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const entry = (key: string, ...children: Child[]) =>
    h(
      'li',
      null,
      h(
        'button',
        { type: 'button', class: 'linkish', 'data-key': key, onclick: () => flash(key) },
        ...children,
      ),
    );
  const met = a.events.filter((v) => v.type === 'CONSULT');
  const happened = a.events.filter((v) => v.type !== 'CONSULT');
  const said = a.quotes.filter((q) => q.kind !== 'indirect' || a.quotes.length < 4);
  const figures = a.claims.filter((c) => c.value !== null || c.low !== null);
  const block = (title: string, list: HTMLElement[]) =>
    list.length ? h('div', { class: 'brief-block' }, h('h3', null, title), h('ul', null, list)) : null;
  const blocks = [
    block(
      'Who met whom',
      met
        .slice(0, 4)
        .map((v) =>
          entry(
            `event:${v.id}`,
            `${v.actors.map(nameOf).join(', ')} met ${v.targets.map(nameOf).join(', ') || '?'}`,
            v.date ? ` (${v.date})` : '',
          ),
        ),
    ),
    block(
      'Who said what',
      said
        .slice(0, 4)
        .map((q) =>
          entry(
            `quote:${q.id}`,
            h('strong', null, q.speakerName ?? 'Unattributed'),
            `: “${clip(q.text, 110)}”`,
          ),
        ),
    ),
    block(
      'What happened',
      happened
        .slice(0, 5)
        .map((v) =>
          entry(
            `event:${v.id}`,
            tag(v.type),
            ` ${v.actors.map(nameOf).join(', ') || '?'}${v.targets.length ? ` → ${v.targets.map(nameOf).join(', ')}` : ''}`,
            v.modality !== 'asserted' ? ` (${v.modality})` : '',
          ),
        ),
    ),
    block(
      'Figures',
      figures
        .slice(0, 5)
        .map((c) =>
          entry(
            `claim:${c.id}`,
            h('strong', null, c.text),
            c.subject ? ` ${c.subject}` : '',
            c.sourceName ? `, per ${c.sourceName}` : '',
          ),
        ),
    ),
  ].filter(Boolean);
  return h(
    'section',
    { class: 'brief', 'aria-labelledby': 'brief-title' },
    h('h2', { id: 'brief-title' }, 'Brief'),
    blocks.length
      ? h('div', { class: 'brief-grid' }, blocks)
      : h('p', null, 'No meetings, quotes, events or figures found.'),
  );
}

/** Renders the reader for `#/read/<id>?item=<layer:id>&off=<layers>`. */
export async function renderReader(main: HTMLElement, route: Route): Promise<void> {
  const id = route.args[0];
  if (!id) {
    mount(main, errorBox(new Error('No article id in the address.')));
    return;
  }
  mount(main, status('Loading the article…'));
  let a: Analysis;
  try {
    a = await article(id);
  } catch (e) {
    mount(main, h('h1', null, 'Reader'), errorBox(e, 'this article'));
    return;
  }
  document.title = `${a.article.headline ?? 'Article'} · newsintel`;
  const items = itemsOf(a);
  const byKey = new Map(items.map((it) => [it.key, it]));
  const off = new Set((route.params.get('off') ?? '').split(',').filter(Boolean));
  const hidden = (it: Item) => off.has(it.layer) || (it.layer === 'entity' && off.has(`t-${it.type}`));

  // --- the text, as segments
  const segs: Segment[] = [];
  const segsOf = new Map<string, HTMLElement[]>();
  const textEl = h('div', { class: 'text', id: 'reader-text', 'aria-label': 'Article text' });
  for (const s of segment(a.article.text, items)) {
    const piece = a.article.text.slice(s.start, s.end);
    if (s.items.length === 0) {
      textEl.append(piece);
      continue;
    }
    const el = h('span', { class: 'seg', 'data-start': s.start, 'data-end': s.end }, piece);
    textEl.append(el);
    segs.push({ el, items: s.items });
    for (const it of s.items) {
      const list = segsOf.get(it.key) ?? [];
      list.push(el);
      segsOf.set(it.key, list);
    }
  }
  const paint = () => {
    for (const s of segs) {
      const visible = s.items.filter((it) => !hidden(it));
      const cls = new Set<string>(['seg']);
      for (const it of visible) for (const c of it.cls) cls.add(c);
      if (visible.length) cls.add('on');
      s.el.className = [...cls].join(' ');
      const title = visible.find((it) => it.title)?.title;
      if (title) s.el.setAttribute('title', title);
      else s.el.removeAttribute('title');
    }
    for (const [layer, group] of groups) group.hidden = off.has(layer);
  };

  // --- the selected item panel
  const detail = h(
    'div',
    { class: 'item-detail', id: 'item-detail', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Click a highlighted span or an item to see it here.'),
  );
  const buttons = new Map<string, HTMLButtonElement>();
  const showItem = (it: Item) => {
    mount(
      detail,
      h('h3', null, LAYERS.find((l) => l.layer === it.layer)?.label ?? it.layer),
      h('p', { class: 'item-label' }, it.label),
      h('p', { class: 'meta' }, it.detail.join(' · ')),
      h(
        'p',
        { class: 'evidence' },
        'Evidence: “',
        clip(it.spans.map((s) => a.article.text.slice(s.start, s.end)).join(' … '), 240),
        '”',
      ),
      it.link ? h('p', null, h('a', { href: it.link.href }, it.link.text)) : null,
    );
    for (const [k, b] of buttons) {
      if (k === it.key) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
    buttons.get(it.key)?.scrollIntoView({ block: 'nearest' });
  };
  const flash = (key: string) => {
    const it = byKey.get(key);
    if (!it) return;
    const els = segsOf.get(key) ?? [];
    for (const el of els) {
      el.classList.remove('flash');
      // Restart the animation on a second click.
      void el.offsetWidth;
      el.classList.add('flash');
      setTimeout(() => el.classList.remove('flash'), 2500);
    }
    els[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    showItem(it);
    const next = new URL(location.href);
    const r = new URLSearchParams(route.params);
    r.set('item', key);
    next.hash = `#/read/${encodeURIComponent(id)}?${r}`;
    history.replaceState(null, '', next);
  };
  textEl.addEventListener('click', (ev) => {
    const el = (ev.target as Element).closest('.seg');
    const seg = segs.find((s) => s.el === el);
    if (!seg) return;
    const visible = seg.items.filter((it) => !hidden(it));
    const pool = visible.length ? visible : seg.items;
    const len = (it: Item) => Math.min(...it.spans.map((s) => s.end - s.start));
    const pick = [...pool].sort((x, y) => len(x) - len(y))[0];
    if (pick) showItem(pick);
  });

  // --- side lists
  const groups = new Map<Layer, HTMLElement>();
  const side = h('aside', { class: 'side', 'aria-label': 'Items found in the article' }, detail);
  for (const { layer, label } of LAYERS) {
    const list = items.filter((it) => it.layer === layer);
    const ul = h('ul', { class: 'items' });
    for (const it of list) {
      const b = h(
        'button',
        {
          type: 'button',
          class: `item ${it.cls.join(' ')}`,
          'data-key': it.key,
          onclick: () => flash(it.key),
        },
        it.label,
      );
      buttons.set(it.key, b);
      ul.append(h('li', null, b));
    }
    const group = h(
      'section',
      { class: 'group', 'aria-label': label, 'data-layer': layer },
      h('h3', null, `${label} (${list.length})`),
      list.length ? ul : h('p', { class: 'muted' }, 'None.'),
    );
    groups.set(layer, group);
    side.append(group);
  }

  // --- layer toggles
  const syncUrl = () => {
    const r = new URLSearchParams(route.params);
    if (off.size) r.set('off', [...off].join(','));
    else r.delete('off');
    const next = new URL(location.href);
    next.hash = `#/read/${encodeURIComponent(id)}${r.toString() ? `?${r}` : ''}`;
    history.replaceState(null, '', next);
    route.params.delete('off');
    if (off.size) route.params.set('off', [...off].join(','));
  };
  const toggle = (key: string, label: string, cls: string) =>
    h(
      'label',
      { class: `toggle ${cls}` },
      h('input', {
        type: 'checkbox',
        name: key,
        checked: !off.has(key),
        onchange: (e: Event) => {
          if ((e.target as HTMLInputElement).checked) off.delete(key);
          else off.add(key);
          paint();
          syncUrl();
        },
      }),
      ` ${label}`,
    );
  const entityTypes = [...new Set(a.entities.map((e) => e.type))].sort();
  const toggles = h(
    'fieldset',
    { class: 'layers' },
    h('legend', null, 'Layers'),
    LAYERS.map(({ layer, label }) => toggle(layer, label, `sw-${layer}`)),
    entityTypes.length
      ? h(
          'span',
          { class: 'types', role: 'group', 'aria-label': 'Entity types' },
          entityTypes.map((t) => toggle(`t-${t}`, t, `sw-type t-${/^[A-Z_]+$/.test(t) ? t : 'OTHER'}`)),
        )
      : null,
  );

  const m = a.article;
  mount(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('h1', null, m.headline ?? '(no headline)'),
      h(
        'p',
        null,
        metaLine({ headline: m.headline, source: m.source, published: m.published, version: m.version }),
        m.dateline ? ` · ${m.dateline}` : '',
        m.byline ? ` · ${m.byline}` : '',
      ),
      h(
        'p',
        { class: 'links' },
        h('a', { href: storyHref(m.id) }, 'Versions and diff'),
        ' · ',
        h('a', { href: href('cluster', [], { article: m.id }) }, 'Event cluster'),
        m.url
          ? [
              ' · ',
              h('a', { href: m.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original'),
            ]
          : null,
        ` · published ${shortDate(m.published) || 'unknown'}`,
      ),
    ),
    briefOf(a, flash),
    toggles,
    h(
      'div',
      { class: 'reader' },
      h('article', { class: 'reader-text', 'aria-label': 'Article' }, textEl),
      side,
    ),
  );
  paint();
  const want = route.params.get('item');
  if (want && byKey.has(want)) flash(want);
}
