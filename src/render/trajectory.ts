/**
 * The trajectory of a target: completion month by month against the time-elapsed line (m/12)
 * and the seasonal expectation (last year's share of its total by that month), with last year's
 * completion path for comparison. Drawn as a small SVG by hand rather than with Plot: a briefing
 * page carries one per indicator and thousands of briefings are built, so a chart must cost
 * well under a millisecond (Plot through a server DOM costs tens). Values are also written in the
 * <title> of every point, and the page's table has them all.
 */
import { formatPct } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import { COLORS } from './colors.ts';
import { el, escapeText, leaf, textEl } from './svg.ts';

export interface TrajectoryPoint {
  /** Month of year, 1..12 (12 for a full-year figure). */
  m: number;
  /** Share of the annual target reached (0.52 = 52 %); null when there is none at that month. */
  completion: number | null;
}

export interface TrajectoryOptions {
  thisYear: readonly TrajectoryPoint[];
  lastYear: readonly TrajectoryPoint[];
  /** Seasonal expected share by month (last year's year-to-date over its total); null where unknown. */
  seasonal: readonly TrajectoryPoint[];
  year: number;
  title: string;
  locale: Locale;
  idPrefix: string;
}

const W = 320;
const H = 190;
const M = { top: 14, right: 12, bottom: 30, left: 40 };

function path(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join('');
}

/** Runs of consecutive months with a value: a missing month breaks the line. */
function runs(points: readonly TrajectoryPoint[]): TrajectoryPoint[][] {
  const sorted = [...points].sort((a, b) => a.m - b.m);
  const out: TrajectoryPoint[][] = [];
  let run: TrajectoryPoint[] = [];
  let last = -1;
  for (const p of sorted) {
    if (p.completion === null || (run.length > 0 && p.m !== last + 1)) {
      if (run.length) out.push(run);
      run = [];
    }
    if (p.completion !== null) run.push(p);
    last = p.m;
  }
  if (run.length) out.push(run);
  return out;
}

export function renderTrajectory(o: TrajectoryOptions): string {
  const en = o.locale === 'en';
  const all = [...o.thisYear, ...o.lastYear, ...o.seasonal].map((p) => p.completion ?? 0);
  const yMax = Math.max(1, ...all) * 1.05;
  const x = (m: number) => M.left + ((m - 1) / 11) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const line = (points: readonly TrajectoryPoint[], attrs: Record<string, string | number>) =>
    runs(points).map((r) => leaf('path', { d: path(r.map((p) => ({ x: x(p.m), y: y(p.completion!) }))), fill: 'none', ...attrs })).join('');
  const month = (m: number) => (en ? `M${m}` : `${m}月`);
  const ticks = [0, 0.25, 0.5, 0.75, 1].filter((v) => v <= yMax);
  const grid = ticks
    .map((v) => leaf('line', { x1: M.left, x2: W - M.right, y1: y(v).toFixed(1), y2: y(v).toFixed(1), stroke: '#e3e7eb' }) + textEl('text', { x: M.left - 4, y: (y(v) + 4).toFixed(1), 'text-anchor': 'end' }, formatPct(v * 100, 0)))
    .join('');
  const months = [1, 3, 6, 9, 12].map((m) => textEl('text', { x: x(m).toFixed(1), y: H - M.bottom + 14, 'text-anchor': 'middle' }, month(m))).join('');
  const elapsed = leaf('path', { d: path([{ x: x(1), y: y(1 / 12) }, { x: x(12), y: y(1) }]), stroke: COLORS.rule, 'stroke-dasharray': '4 3', fill: 'none' });
  const dots = o.thisYear
    .filter((p) => p.completion !== null)
    .map((p) =>
      el('circle', { cx: x(p.m).toFixed(1), cy: y(p.completion!).toFixed(1), r: 3, fill: COLORS.self }, textEl('title', {}, `${o.year}${en ? ' ' : '年'}${month(p.m)}${en ? ': ' : '：'}${formatPct(p.completion! * 100)}`)),
    )
    .join('');
  const key = [
    { stroke: COLORS.self, dash: undefined, text: en ? `${o.year}` : `${o.year}年` },
    { stroke: COLORS.lastYear, dash: undefined, text: en ? `${o.year - 1}` : `${o.year - 1}年` },
    { stroke: COLORS.rule, dash: '4 3', text: en ? 'time elapsed' : '时间进度' },
    { stroke: COLORS.ahead, dash: '1 3', text: en ? 'seasonal' : '季节进度' },
  ]
    .map((k, i) => {
      const kx = M.left + i * 70;
      return leaf('line', { x1: kx, x2: kx + 14, y1: H - 6, y2: H - 6, stroke: k.stroke, 'stroke-width': 2, 'stroke-dasharray': k.dash }) + textEl('text', { x: kx + 17, y: H - 2 }, k.text);
    })
    .join('');
  const desc = en
    ? 'Share of the annual target reached by month, against the time elapsed and the seasonal expectation, with last year.'
    : '各月累计完成年度目标的比重，与时间进度、季节进度及上年同期比较。';
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${W} ${H}`,
      width: W,
      height: H,
      role: 'img',
      'aria-labelledby': `${o.idPrefix}-title ${o.idPrefix}-desc`,
      class: 'trajectory',
      'font-size': 11,
    },
    textEl('title', { id: `${o.idPrefix}-title` }, o.title),
    el('desc', { id: `${o.idPrefix}-desc` }, escapeText(desc)),
    el('g', { fill: COLORS.muted }, grid, months),
    elapsed,
    line(o.seasonal, { stroke: COLORS.ahead, 'stroke-dasharray': '1 3', 'stroke-width': 2 }),
    line(o.lastYear, { stroke: COLORS.lastYear, 'stroke-width': 1.5 }),
    line(o.thisYear, { stroke: COLORS.self, 'stroke-width': 2 }),
    dots,
    el('g', { fill: COLORS.muted }, key),
  );
}
