/**
 * Who-met-whom networks: d3-force computes the layout (a few kB, no DOM of its own), we draw it as SVG whose
 * nodes are links to actor pages, so the graph is keyboard-reachable and readable by assistive technology.
 * The simulation runs a fixed number of ticks up front: no animation loop, same picture for the same data.
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { h, svg } from './dom.js';

export interface NetNode {
  id: string;
  label: string;
  href: string | null;
  weight: number;
}

export interface NetEdge {
  a: string;
  b: string;
  weight: number;
}

interface SimNode extends SimulationNodeDatum, NetNode {}

/** An SVG network; `focus` (a node id) is drawn larger. */
export function networkView(nodes: NetNode[], edges: NetEdge[], title: string, focus?: string): HTMLElement {
  const fig = h(
    'figure',
    { class: 'network', role: 'group', 'aria-label': title },
    h('figcaption', null, title),
  );
  if (nodes.length === 0) {
    fig.append(h('p', { class: 'muted' }, 'No meetings in this set.'));
    return fig;
  }
  const W = 640;
  const H = Math.min(480, 220 + nodes.length * 12);
  const sim: SimNode[] = nodes.map((n) => ({ ...n }));
  const index = new Map(sim.map((n) => [n.id, n]));
  const links: SimulationLinkDatum<SimNode>[] = edges
    .filter((e) => index.has(e.a) && index.has(e.b))
    .map((e) => ({ source: index.get(e.a)!, target: index.get(e.b)! }));
  forceSimulation(sim)
    .force('charge', forceManyBody().strength(-260))
    .force('link', forceLink(links).distance(90))
    .force('center', forceCenter(W / 2, H / 2))
    .force('collide', forceCollide(28))
    .stop()
    .tick(300);
  const clampX = (x: number | undefined) => Math.max(40, Math.min(W - 40, x ?? W / 2));
  const clampY = (y: number | undefined) => Math.max(20, Math.min(H - 20, y ?? H / 2));
  const maxW = Math.max(1, ...edges.map((e) => e.weight));
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'net',
    role: 'group',
    'aria-label': `${title}: ${nodes.length} actors, ${edges.length} pairs`,
  });
  const g = svg('g', { class: 'edges' });
  for (const e of edges) {
    const s = index.get(e.a);
    const t = index.get(e.b);
    if (!s || !t) continue;
    g.append(
      svg(
        'line',
        {
          x1: clampX(s.x),
          y1: clampY(s.y),
          x2: clampX(t.x),
          y2: clampY(t.y),
          'stroke-width': 1 + (3 * e.weight) / maxW,
        },
        svg('title', {}, `${s.label} – ${t.label}: ${e.weight}`),
      ),
    );
  }
  root.append(g);
  for (const n of sim) {
    const r = n.id === focus ? 11 : 6 + Math.min(6, Math.sqrt(n.weight));
    const node = svg(
      'g',
      {
        class: n.id === focus ? 'node focus' : 'node',
        transform: `translate(${clampX(n.x)},${clampY(n.y)})`,
      },
      svg('circle', { r }),
      svg('text', { x: r + 3, y: 4 }, n.label),
    );
    if (n.href) {
      const a = svg('a', { href: n.href, 'aria-label': `${n.label}, ${n.weight} meetings` });
      a.append(node);
      root.append(a);
    } else root.append(node);
  }
  fig.append(h('div', { class: 'net-box' }, root));
  // The same pairs as a list, for reading and for screen readers.
  fig.append(
    h(
      'details',
      null,
      h('summary', null, `Pairs (${edges.length})`),
      h(
        'ul',
        { class: 'compact' },
        edges.map((e) =>
          h('li', null, `${index.get(e.a)?.label ?? e.a} – ${index.get(e.b)?.label ?? e.b}: ${e.weight}`),
        ),
      ),
    ),
  );
  return fig;
}
