/**
 * Charts with uPlot: small (about 20 kB gzipped), canvas-based and fast with thousands of points, with a
 * legend and a cursor out of the box. Every chart also gets a text alternative (an aria-label and a table in
 * a <details>) because a canvas says nothing to a screen reader.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from './dom.js';

/** Day ticks as ISO dates (the data are days; uPlot's default would label hours). */
const dayAxis: uPlot.Axis = {
  space: 90,
  values: (_u, splits) => splits.map((s) => new Date(s * 1000).toISOString().slice(0, 10)),
};

/** Half a day of room either side, so the first and last bars are not cut. */
const padDays: uPlot.Scale.Range = (_u, min, max) => [min - 43_200, max + 43_200];

export interface DayCount {
  date: string;
  events: number;
  reports: number;
}

const dayToSec = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`) / 1000;

/** The figure's inner width once laid out (uPlot draws at a fixed pixel size). */
function widthOf(el: HTMLElement): number {
  return Math.max(240, Math.min(1100, el.clientWidth - 20));
}

/** A timeline of deduplicated events against the reports behind them, one bar pair per day. */
export function timelineChart(days: DayCount[], title: string): HTMLElement {
  const sorted = [...days]
    .filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  const box = h('figure', { class: 'chart', role: 'group', 'aria-label': title });
  const canvasBox = h('div', {
    class: 'plot',
    role: 'img',
    'aria-label': `${title}: ${sorted.length} days, ${sorted.reduce((s, d) => s + d.events, 0)} events, ${sorted.reduce((s, d) => s + d.reports, 0)} reports`,
  });
  box.append(
    h('figcaption', null, title),
    canvasBox,
    h(
      'details',
      null,
      h('summary', null, 'Data table'),
      h(
        'table',
        null,
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['Date', 'Events', 'Reports'].map((t) => h('th', { scope: 'col' }, t)),
          ),
        ),
        h(
          'tbody',
          null,
          sorted.map((d) =>
            h(
              'tr',
              null,
              h('td', null, d.date.slice(0, 10)),
              h('td', null, d.events),
              h('td', null, d.reports),
            ),
          ),
        ),
      ),
    ),
  );
  if (sorted.length === 0) {
    canvasBox.append(h('p', { class: 'muted' }, 'No dated events.'));
    return box;
  }
  const data: uPlot.AlignedData = [
    sorted.map((d) => dayToSec(d.date)),
    sorted.map((d) => d.events),
    sorted.map((d) => d.reports),
  ];
  requestAnimationFrame(() => {
    const bars = uPlot.paths.bars?.({ size: [0.6, 40], align: 0 });
    new uPlot(
      {
        width: widthOf(box),
        height: 200,
        series: [
          { label: 'Day' },
          {
            label: 'Events',
            stroke: '#1f5fa8',
            fill: 'rgba(31,95,168,0.35)',
            paths: bars,
            points: { show: false },
          },
          { label: 'Reports', stroke: '#b3541e', width: 2, points: { show: true, size: 5 } },
        ],
        axes: [dayAxis, { label: 'count' }],
        scales: { x: { time: true, range: padDays } },
      },
      data,
      canvasBox,
    );
  });
  return box;
}

export interface ScatterPoint {
  date: string;
  value: number;
  /** Series key: the legend entry the point belongs to (source and hedge). */
  group: string;
  /** Who claimed it: points of one source share a colour. */
  source: string;
  hedged: boolean;
}

const PALETTE = ['#1f5fa8', '#b3541e', '#2e7d32', '#7b1fa2', '#c62828', '#00838f', '#6d4c41', '#455a64'];

/**
 * One point per claim, coloured by source and drawn hollow when hedged; `onPick(i)` gets the clicked
 * point's index in `points`.
 */
export function claimChart(points: ScatterPoint[], title: string, onPick: (i: number) => void): HTMLElement {
  const box = h('figure', { class: 'chart', role: 'group', 'aria-label': title });
  const canvasBox = h('div', {
    class: 'plot',
    role: 'img',
    'aria-label': `${title}: ${points.length} claims; the table below lists them with links to their evidence`,
  });
  box.append(h('figcaption', null, title), canvasBox);
  const order = points
    .map((p, i) => ({ p, i }))
    .filter((x) => /^\d{4}-\d{2}-\d{2}/.test(x.p.date))
    .sort((x, y) => x.p.date.localeCompare(y.p.date) || x.i - y.i);
  if (order.length === 0) {
    canvasBox.append(h('p', { class: 'muted' }, 'No dated claims to chart.'));
    return box;
  }
  const groups = [...new Set(order.map((x) => x.p.group))];
  const sources = [...new Set(order.map((x) => x.p.source))];
  const xs = order.map((x, k) => dayToSec(x.p.date) + k * 60);
  const ys = groups.map((g) => order.map((x) => (x.p.group === g ? x.p.value : null)));
  requestAnimationFrame(() => {
    const u = new uPlot(
      {
        width: widthOf(box),
        height: 240,
        cursor: { points: { size: 10 } },
        series: [
          { label: 'Date' },
          ...groups.map((g, gi) => {
            const first = order.find((x) => x.p.group === g)?.p;
            const hedged = first?.hedged ?? false;
            const colour =
              PALETTE[sources.indexOf(first?.source ?? '') % PALETTE.length] ?? PALETTE[gi % PALETTE.length]!;
            return {
              label: g,
              stroke: colour,
              paths: () => null,
              points: { show: true, size: 9, width: 2, stroke: colour, fill: hedged ? '#ffffff' : colour },
            };
          }),
        ],
        scales: { x: { time: true, range: padDays } },
        axes: [dayAxis, { label: 'value' }],
      },
      [xs, ...ys] as uPlot.AlignedData,
      canvasBox,
    );
    u.over.addEventListener('click', () => {
      const idx = u.cursor.idx;
      if (idx !== null && idx !== undefined && order[idx]) onPick(order[idx]!.i);
    });
  });
  return box;
}
