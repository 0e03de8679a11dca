import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  annualPlot,
  CHART_WIDTH,
  NARROW_WIDTH,
  placeEndLabels,
  progressPlot,
  rankingPlot,
  renderAnnualChart,
  renderProgressChart,
  renderRankingChart,
  renderTrendChart,
  trendPlot,
  withMissingMonths,
  type ProgressChartOptions,
  type RankingChartOptions,
  type TrendChartOptions,
} from '../../src/render/charts';
import { createPlotDocument, finishSvg, makeIdsDeterministic } from '../../src/render/plot-document';

const CITIES = [
  '郑州市', '开封市', '洛阳市', '平顶山市', '安阳市', '鹤壁市', '新乡市', '焦作市', '濮阳市', '许昌市',
  '漯河市', '三门峡市', '南阳市', '商丘市', '信阳市', '周口市', '驻马店市', '济源示范区', '航空港区', '巩义市',
];

const progress: ProgressChartOptions = {
  rows: CITIES.map((name, i) => ({
    name,
    completion: i === 5 || i === 7 ? null : 0.3 + ((i * 37) % 29) / 40,
    status: i === 5 ? 'suppressed' : i === 7 ? 'no_target' : 0.3 + ((i * 37) % 29) / 40 >= 0.5 ? 'ahead' : 'behind',
    kind: 'pace',
  })),
  elapsed: 0.5,
  locale: 'zh-CN',
  title: '2025年1-6月社会消费品零售总额目标完成进度',
  idPrefix: 'progress-retail',
};

const trend: TrendChartOptions = {
  // 1-2月 published together: the year starts at month 2; April is suppressed.
  thisYear: [2, 3, 4, 5, 6].map((month) => ({ month, value: month === 4 ? null : 1000 * month + 12.3 })),
  lastYear: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => ({ month, value: 950 * month })),
  locale: 'zh-CN',
  unit: '亿元',
  decimals: 1,
  year: 2025,
  title: '社会消费品零售总额（累计）',
  idPrefix: 'trend-retail',
};

const ranking: RankingChartOptions = {
  rows: CITIES.map((name, i) => ({
    name,
    value: i === 3 || i === 9 ? null : 3000 - i * 130.55,
    rank: i === 3 || i === 9 ? null : i < 3 ? i + 1 : i < 9 ? i : i - 1,
    highlight: i === 5 ? 'self' : i === 4 ? 'ahead' : i === 6 ? 'behind' : null,
    flag: i === 3 ? 'c' : undefined,
  })),
  locale: 'zh-CN',
  unit: '亿元',
  decimals: 1,
  title: '社会消费品零售总额排名',
  idPrefix: 'ranking-retail',
};

const renderAll = (): string[] => [renderProgressChart(progress), renderTrendChart(trend), renderRankingChart(ranking)];

/** A scale's domain as numbers (Plot types it as an iterable). */
const domainOf = (s: { domain?: Iterable<unknown> }): number[] => [...(s.domain ?? [])] as number[];

/** A <text>'s own words, without the <title> it may carry. */
const ownText = (el: Element): string =>
  [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');

const parseAll = (html: string) => parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document;

/** A chart's markup with its wide drawing only: the narrow one is compared with it below. */
const parse = (html: string) => {
  const doc = parseAll(html);
  for (const svg of [...doc.querySelectorAll('svg.chart-narrow')]) svg.remove();
  return doc;
};

/** Render a Plot chart that uses Plot's clip and marker counters, to move them on. */
function advancePlotCounters(): void {
  Plot.plot({
    document: createPlotDocument(),
    marks: [Plot.lineY([1, 3, 2], { marker: 'circle', clip: true }), Plot.areaY([1, 2, 1], { clip: true })],
  });
}

describe('chart markup is deterministic', () => {
  it('renders the same bytes twice in one process, whatever Plot counted in between', () => {
    const first = renderAll();
    advancePlotCounters();
    advancePlotCounters();
    expect(renderAll()).toEqual(first);
  });

  it('renders the same bytes in a fresh process', () => {
    const mod = fileURLToPath(new URL('../../src/render/charts.ts', import.meta.url));
    const script = `
      const c = await import(${JSON.stringify(mod)});
      const o = JSON.parse(process.env.CHART_INPUT);
      process.stdout.write(JSON.stringify([c.renderProgressChart(o.progress), c.renderTrendChart(o.trend), c.renderRankingChart(o.ranking)]));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, CHART_INPUT: JSON.stringify({ progress, trend, ranking }) },
      encoding: 'utf8',
    });
    advancePlotCounters(); // this process's counters differ from the child's
    expect(JSON.parse(out)).toEqual(renderAll());
  });

  it("renames Plot's counter ids from the prefix and follows every reference", () => {
    const draw = (): SVGSVGElement =>
      Plot.plot({
        document: createPlotDocument(),
        marks: [Plot.lineY([1, 3, 2], { marker: 'circle', clip: true }), Plot.lineY([2, 1, 3], { marker: 'arrow', clip: true })],
      }) as unknown as SVGSVGElement;
    const a = draw();
    const b = draw();
    const rawIds = (el: Element) => [...el.querySelectorAll('[id]')].map((e) => e.getAttribute('id'));
    expect(rawIds(a)).not.toEqual(rawIds(b)); // Plot's own ids move on with its counters
    finishSvg(a, { idPrefix: 'c1', title: 't' });
    finishSvg(b, { idPrefix: 'c1', title: 't' });
    expect(a.outerHTML).toBe(b.outerHTML);
    const html = a.outerHTML;
    expect(html).not.toMatch(/plot-(clip|marker|pattern)-\d/);
    const ids = rawIds(a);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id!.startsWith('c1-'))).toBe(true);
    // Every url(#…) points at an id that exists.
    const refs = [...html.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ids).toContain(ref);
  });

  it('gives two charts on one page distinct ids', () => {
    const page = parseAll(renderProgressChart(progress) + renderProgressChart({ ...progress, idPrefix: 'progress-online' }));
    const ids = [...page.querySelectorAll('[id]')].map((e) => e.getAttribute('id'));
    expect(ids).toContain('progress-retail');
    expect(ids).toContain('progress-online');
    expect(new Set(ids).size).toBe(ids.length);
    // And the id-renaming keeps charts apart even when Plot would have reused numbers.
    const clip = (prefix: string) => {
      const svg = Plot.plot({ document: createPlotDocument(), marks: [Plot.lineY([1, 2], { clip: true })] }) as unknown as Element;
      makeIdsDeterministic(svg, prefix);
      return svg.querySelector('clipPath')!.getAttribute('id');
    };
    expect(clip('a')).toBe('a-clip-1');
    expect(clip('b')).toBe('b-clip-1');
  });

  it('refuses an id prefix that would make invalid ids', () => {
    expect(() => renderProgressChart({ ...progress, idPrefix: '1 bad' })).toThrow(/idPrefix/);
  });
});

describe('every chart', () => {
  it('is 640 wide with a viewBox, our font stack, a title, and no <style>', () => {
    for (const html of renderAll()) {
      const doc = parse(html);
      const svg = doc.querySelector('svg')!;
      expect(svg.getAttribute('width')).toBe(String(CHART_WIDTH));
      expect(svg.getAttribute('viewBox')).toMatch(new RegExp(`^0 0 ${CHART_WIDTH} \\d+$`));
      expect(svg.getAttribute('font-family')).toContain("'Noto Sans CJK SC'");
      expect(svg.getAttribute('aria-label')).toBeTruthy();
      expect(svg.firstElementChild!.tagName.toLowerCase()).toBe('title');
      expect(svg.querySelector('style')).toBeNull();
      expect(doc.querySelector('figcaption .chart-title')!.textContent).toBeTruthy();
    }
  });

  it('stays under 15 KB a drawing for 20 rows', () => {
    for (const html of renderAll()) {
      const svgs = [...parseAll(html).querySelectorAll('svg')];
      expect(svgs).toHaveLength(2);
      for (const svg of svgs) expect(Buffer.byteLength(svg.outerHTML)).toBeLessThan(15_000);
    }
  });

  it('keeps coordinates short', () => {
    for (const html of renderAll()) expect(html).not.toMatch(/\d\.\d{3,}/);
  });
});

describe('progress chart', () => {
  it('draws the time-elapsed rule at the elapsed share on the completion axis', () => {
    for (const elapsed of [0.5, 7 / 12, 1 / 6]) {
      const svg = progressPlot({ ...progress, elapsed });
      const x = svg.scale('x')!;
      expect(domainOf(x)[0]).toBe(0); // the axis is the share of target, from 0
      const line = svg.querySelector('g.elapsed line')!;
      const expected = x.apply!(elapsed);
      expect(Number(line.getAttribute('x1'))).toBeCloseTo(expected, 1);
      expect(Number(line.getAttribute('x2'))).toBeCloseTo(expected, 1);
      // The same position from the frame alone: marginLeft + share × plot width, domain [0, 1].
      const [left, right] = x.range as [number, number];
      expect(Number(line.getAttribute('x1'))).toBeCloseTo(left + (elapsed / domainOf(x)[1]!) * (right - left), 1);
    }
    const html = renderProgressChart({ ...progress, elapsed: 7 / 12 });
    expect(html).toContain('时间进度 58.3%');
  });

  it('draws no bar for suppressed or no-target rows, and says why', () => {
    const doc = parse(renderProgressChart(progress));
    const rects = [...doc.querySelectorAll('rect')];
    expect(rects).toHaveLength(18);
    for (const r of rects) expect(Number(r.getAttribute('width'))).toBeGreaterThan(0);
    const titles = rects.map((r) => r.querySelector('title')!.textContent);
    expect(titles.some((t) => t!.startsWith('鹤壁市'))).toBe(false);
    expect(titles.some((t) => t!.startsWith('焦作市'))).toBe(false);
    const texts = [...doc.querySelectorAll('text')].map(ownText);
    expect(texts).toContain('保密');
    expect(texts).toContain('无目标');
    // Listed after all bars: the last two y labels.
    const yTicks = [...doc.querySelectorAll('g[data-mark="y-axis tick label"] text')].map((t) => t.textContent);
    expect(yTicks.slice(-2)).toEqual(['鹤壁市', '焦作市']);
  });

  it('sorts by completion, colours ahead and behind, and labels every bar end', () => {
    const doc = parse(renderProgressChart(progress));
    const rects = [...doc.querySelectorAll('rect')];
    const widths = rects.map((r) => Number(r.getAttribute('width')));
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    const titles = rects.map((r) => r.querySelector('title')!.textContent!);
    expect(titles[0]).toMatch(/^航空港区：完成年度目标 100\.0%，快于进度$/);
    expect(titles.at(-1)).toMatch(/^郑州市：完成年度目标 30\.0%，慢于进度$/);
    const fills = new Set(rects.map((r) => r.getAttribute('fill')));
    expect(fills.size).toBe(2);
    const texts = [...doc.querySelectorAll('text')].map(ownText);
    for (const t of titles) expect(texts).toContain(t.match(/\d+\.\d%/)![0]);
  });

  it('speaks English', () => {
    const html = renderProgressChart({ ...progress, locale: 'en', rows: progress.rows.map((r, i) => ({ ...r, name: `City ${i + 1}` })) });
    expect(html).toContain('Time elapsed 50.0%');
    expect(html).toContain('suppressed');
    expect(html).toContain('no target');
    expect(html).toContain('ahead of pace');
  });
});

describe('trend chart', () => {
  it('starts at month 2 when January and February are published together', () => {
    const svg = trendPlot(trend);
    expect(domainOf(svg.scale('x')!)).toEqual([2, 12]);
    const ticks = [...svg.querySelectorAll('g[data-mark="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks[0]).toBe('2月');
    expect(ticks.at(-1)).toBe('12月');
  });

  it('breaks the line at a suppressed month instead of drawing zero, and titles each point', () => {
    const doc = parse(renderTrendChart(trend));
    const circles = [...doc.querySelectorAll('circle')];
    expect(circles).toHaveLength(4 + 11);
    const titles = circles.map((c) => c.querySelector('title')!.textContent);
    expect(titles).toContain('2025年 1-6月：6,012.3亿元');
    expect(titles).toContain('2024年 1-12月：11,400.0亿元');
    expect(titles.some((t) => t!.includes('1-4月') && t!.startsWith('2025'))).toBe(false);
    const thisYearPath = [...doc.querySelectorAll('path')].find((p) => p.parentElement!.getAttribute('stroke-width') === '2.5')!;
    expect(thisYearPath.getAttribute('d')!.match(/M/g)).toHaveLength(2);
  });

  it('breaks the line at a month that is absent, rather than drawing straight across it', () => {
    // 1-5月 was never published: the national series of a year with a gap.
    const gap = { ...trend, thisYear: [2, 3, 4, 6, 7].map((month) => ({ month, value: 1000 * month })) };
    const doc = parse(renderTrendChart(gap));
    const thisYearPath = [...doc.querySelectorAll('path')].find((p) => p.parentElement!.getAttribute('stroke-width') === '2.5')!;
    expect(thisYearPath.getAttribute('d')!.match(/M/g)).toHaveLength(2);
    // no point is drawn or titled for the absent month
    const titles = [...doc.querySelectorAll('circle title')].map((t) => t.textContent);
    expect(titles.filter((t) => t!.startsWith('2025'))).toHaveLength(5);
    // a series without gaps stays one line
    const whole = parse(renderTrendChart({ ...trend, thisYear: [2, 3, 4].map((month) => ({ month, value: 1000 * month })) }));
    const wholePath = [...whole.querySelectorAll('path')].find((p) => p.parentElement!.getAttribute('stroke-width') === '2.5')!;
    expect(wholePath.getAttribute('d')!.match(/M/g)).toHaveLength(1);
    expect(withMissingMonths([{ month: 6, value: 1 }, { month: 3, value: 2 }]).map((r) => [r.month, r.value])).toEqual([
      [3, 2], [4, null], [5, null], [6, 1],
    ]);
  });

  it('labels both lines directly', () => {
    const texts = [...parse(renderTrendChart(trend)).querySelectorAll('text')].map(ownText);
    expect(texts).toContain('2025年 6,012.3');
    expect(texts).toContain('2024年 11,400.0');
  });

  it('converts the unit for English readers', () => {
    const html = renderTrendChart({ ...trend, locale: 'en' });
    expect(html).toContain('billion yuan');
    expect(html).toContain('2025 Jan–Jun: 601.23 billion yuan');
    const svg = trendPlot({ ...trend, locale: 'en' });
    expect(domainOf(svg.scale('y')!)[1]).toBeLessThan(1500); // drawn in billions, not 亿
  });

  it('places full-year labels in the right margin, apart', () => {
    const p = placeEndLabels({ month: 12, value: 100, width: 80 }, { month: 12, value: 99, width: 80 }, () => 99, 100);
    expect(p.thisYear!.anchor).toBe('start');
    expect(p.thisYear!.dy).toBeLessThan(0);
    expect(p.lastYear!.dy).toBeGreaterThan(0);
    expect(p.marginRight).toBeGreaterThanOrEqual(90);
    const midYear = placeEndLabels({ month: 6, value: 40, width: 80 }, { month: 12, value: 100, width: 80 }, () => 50, 100);
    expect(midYear.thisYear).toEqual({ anchor: 'start', dy: 16 }); // behind last year: below-right
  });
});

describe('ranking chart', () => {
  it('lists unranked rows after the ranked ones, with a word and no bar', () => {
    const doc = parse(renderRankingChart(ranking));
    const rects = [...doc.querySelectorAll('rect')];
    expect(rects).toHaveLength(18);
    for (const r of rects) expect(Number(r.getAttribute('width'))).toBeGreaterThan(0);
    const yTicks = [...doc.querySelectorAll('g[data-mark="y-axis tick label"] text')].map((t) => t.textContent);
    expect(yTicks[0]).toBe('1. 郑州市');
    expect(yTicks.slice(-2)).toEqual(['– 平顶山市', '– 许昌市']);
    const texts = [...doc.querySelectorAll('text')].map(ownText);
    expect(texts).toContain('保密');
    expect(texts).toContain('无数据');
  });

  it('emphasises the selected unit, its 标兵 and 追兵, with values in the titles', () => {
    const doc = parse(renderRankingChart(ranking));
    const rects = [...doc.querySelectorAll('rect')];
    const byTitle = new Map(rects.map((r) => [r.querySelector('title')!.textContent!, r.getAttribute('fill')]));
    expect(byTitle.get('第5名 鹤壁市：2,347.3亿元（本地）')).toBe('#0b3c6e');
    expect(byTitle.get('第4名 安阳市：2,477.8亿元（标兵）')).toBe('#6fa8dc');
    expect(byTitle.get('第6名 新乡市：2,216.7亿元（追兵）')).toBe('#6fa8dc');
    expect(byTitle.get('第1名 郑州市：3,000.0亿元')).toBe('#b8c2cc');
    const texts = [...doc.querySelectorAll('text')].map(ownText);
    expect(texts).toContain('2,477.8 标兵');
    expect(texts).toContain('2,216.7 追兵');
  });

  it('draws negative growth to the left of zero with its label outside the bar', () => {
    const svg = rankingPlot({
      rows: [
        { name: 'A', value: 4.2, rank: 1 },
        { name: 'B', value: -1.3, rank: 2, highlight: 'self' },
      ],
      locale: 'en',
      unit: '%',
      decimals: 1,
      title: 'Growth',
      idPrefix: 'growth',
    });
    const x = svg.scale('x')!;
    expect(domainOf(x)[0]).toBeLessThan(-1.3);
    const labels = [...svg.querySelectorAll('text')].map((t) => [ownText(t), t.parentElement!.getAttribute('text-anchor')]);
    expect(labels).toContainEqual(['\u22121.3 selected', 'end']);
    expect(labels).toContainEqual(['4.2', 'start']);
  });
});

describe('the narrow drawing (phones)', () => {
  const annual = {
    rows: Array.from({ length: 12 }, (_, i) => ({ year: 2014 + i, value: 100 + 10 * i, yoy: i === 4 ? null : 3 + i / 10 })),
    locale: 'zh-CN' as const,
    unit: '亿元' as const,
    decimals: 1,
    title: '实际使用外资',
    idPrefix: 'annual-fdi',
  };
  const charts = (): string[] => [...renderAll(), renderAnnualChart(annual)];
  const svgsOf = (html: string) => [...parseAll(html).querySelectorAll('figure > svg')];
  const marks = (svg: Element, tag: string) => [...svg.querySelectorAll(`${tag} title`)].map((t) => t.textContent);

  it('follows the wide one in the same figure, 340 wide, with ids of its own', () => {
    for (const html of charts()) {
      const [wide, narrow] = svgsOf(html);
      expect(wide!.getAttribute('class')).toContain('chart-wide');
      expect(narrow!.getAttribute('class')).toContain('chart-narrow');
      expect(narrow!.getAttribute('width')).toBe(String(NARROW_WIDTH));
      expect(narrow!.getAttribute('viewBox')).toMatch(new RegExp(`^0 0 ${NARROW_WIDTH} \\d+$`));
      expect(narrow!.getAttribute('aria-label')).toBe(wide!.getAttribute('aria-label'));
      const ids = [...parseAll(html).querySelectorAll('[id]')].map((e) => e.getAttribute('id'));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('draws the same bars and points, with the same titles', () => {
    for (const html of charts()) {
      const [wide, narrow] = svgsOf(html);
      for (const tag of ['rect', 'circle']) expect(marks(narrow!, tag)).toEqual(marks(wide!, tag));
    }
  });

  it('prints 12 px text, which a 360 px screen (328 px for the figure) shows at 11 px or more', () => {
    for (const html of charts()) {
      const narrow = svgsOf(html)[1]!;
      expect(narrow.getAttribute('font-size')).toBe('12');
      expect([...narrow.querySelectorAll('[font-size]')].map((e) => Number(e.getAttribute('font-size'))).every((px) => (px * 328) / NARROW_WIDTH >= 11)).toBe(true);
    }
  });

  it('asks for fewer labels on its axes, so that they do not touch', () => {
    const ticks = (svg: Element, axis: 'x' | 'y') =>
      [...svg.querySelectorAll(`g[data-mark="${axis}-axis tick label"] text`)].map((t) => t.textContent).filter((t) => t);
    expect(ticks(trendPlot(trend, NARROW_WIDTH), 'x')).toEqual(['2月', '4月', '6月', '8月', '10月', '12月']);
    expect(ticks(rankingPlot(ranking, NARROW_WIDTH), 'x').length).toBeLessThan(ticks(rankingPlot(ranking), 'x').length);
    expect(ticks(progressPlot(progress, NARROW_WIDTH), 'x').length).toBeLessThan(ticks(progressPlot(progress), 'x').length);
    // twelve years in 264 px: every other year and growth, the latest always
    const narrowAnnual = annualPlot(annual, NARROW_WIDTH);
    expect(ticks(narrowAnnual, 'x')).toEqual(['2015', '2017', '2019', '2021', '2023', '2025']);
    const growth = [...narrowAnnual.querySelectorAll('g[data-mark="text"] text')].map(ownText);
    expect(growth.at(-1)).toBe('4.1%');
    expect(growth.length).toBeLessThan(annual.rows.length);
  });
});
