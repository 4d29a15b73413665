/**
 * The analyst's desk entry point: hash router, navigation state and focus handling. Each view renders into
 * <main> from its route alone, so every screen is a bookmarkable address.
 */
import './style.css';
import { h, mount } from './dom.js';
import { href, parseRoute, type Route } from './router.js';
import { errorBox } from './ui.js';
import { renderActor } from './views/actor.js';
import { renderClaims } from './views/claims.js';
import { renderCluster } from './views/cluster.js';
import { renderEvents } from './views/events.js';
import { renderHome } from './views/home.js';
import { renderIngest } from './views/ingest.js';
import { renderReader } from './views/reader.js';
import { renderSearch } from './views/search.js';
import { renderStory } from './views/story.js';

type View = (main: HTMLElement, route: Route) => Promise<void> | void;

const VIEWS: Record<string, { nav: string; render: View }> = {
  home: { nav: 'home', render: renderHome },
  read: { nav: '', render: renderReader },
  article: { nav: '', render: renderReader },
  story: { nav: '', render: renderStory },
  cluster: { nav: '', render: renderCluster },
  actor: { nav: '', render: renderActor },
  events: { nav: 'events', render: renderEvents },
  claims: { nav: 'claims', render: renderClaims },
  search: { nav: 'search', render: renderSearch },
  ingest: { nav: 'ingest', render: renderIngest },
};

let renderCount = 0;

async function route(): Promise<void> {
  const main = document.getElementById('main')!;
  const r = parseRoute(location.hash);
  const view = VIEWS[r.view];
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (view && a.dataset.nav === view.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const n = ++renderCount;
  main.dataset.view = r.view;
  main.removeAttribute('data-ready');
  if (!view) {
    mount(
      main,
      h('h1', null, 'Not found'),
      errorBox(new Error(`There is no view called “${r.view}”.`)),
      h('p', null, h('a', { href: '#/' }, 'Home')),
    );
  } else {
    try {
      await view.render(main, r);
    } catch (e) {
      if (n === renderCount) mount(main, h('h1', null, 'Something went wrong'), errorBox(e));
    }
  }
  if (n !== renderCount) return;
  main.dataset.ready = r.view;
  // Move focus to the new content for keyboard and screen-reader users, except on first load.
  if (n > 1) main.focus({ preventScroll: false });
}

document.getElementById('search-form')?.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = (document.getElementById('search-input') as HTMLInputElement).value.trim();
  if (q) location.hash = href('search', [], { q });
});
document.getElementById('skip-link')?.addEventListener('click', (e) => {
  e.preventDefault();
  document.getElementById('main')?.focus();
});
window.addEventListener('hashchange', () => void route());
void route();
