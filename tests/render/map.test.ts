import { geoArea } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  choropleth,
  featureCodes,
  filterTopology,
  mapCaption,
  renderChoropleth,
  unitFeatures,
  type ChoroplethDatum,
  type ChoroplethOptions,
} from '../../src/render/map.ts';
import { CODES, NAMES, WRONGLY_WOUND, squaresTopology, squaresWithTinyTopology } from './fixtures/squares.ts';
import { parseHtml, parseSvg } from './fixtures/markup.ts';
import { bbox, parsePath, ringArea } from './fixtures/svg-path.ts';

const DATA: ChoroplethDatum[] = [
  { code: '410100', value: 100, status: 'ok', label: '100.0亿元' },
  { code: '410200', value: 200, status: 'ok', label: '200.0亿元' },
  { code: '410300', value: null, status: 'suppressed', label: '' },
  { code: '410400', value: null, status: 'missing', label: '' },
  { code: '410500', value: 500, status: 'ok', label: '500.0亿元' },
  { code: '410600', value: 600, status: 'ok', label: '600.0亿元' },
];

function options(over: Partial<ChoroplethOptions> = {}): ChoroplethOptions {
  return {
    topology: squaresTopology(),
    codes: CODES,
    data: DATA,
    scale: { type: 'sequential' },
    width: 640,
    title: '社会消费品零售总额（测试）',
    legendTitle: '社会消费品零售总额（亿元）',
    locale: 'zh-CN',
    idPrefix: 'retail-map',
    ...over,
  };
}

/** The element drawing a region: its `<path>`, or the `<a>` around it. */
function region(doc: Document, code: string): Element {
  const e = doc.querySelector(`[data-jurisdiction="${code}"]`);
  if (!e) throw new Error(`no region ${code}`);
  return e;
}
function fillOf(doc: Document, code: string): string | null {
  const e = region(doc, code);
  return (e.tagName.toLowerCase() === 'path' ? e : e.querySelector('path'))!.getAttribute('fill');
}
function dOf(doc: Document, code: string): string {
  const e = region(doc, code);
  return (e.tagName.toLowerCase() === 'path' ? e : e.querySelector('path'))!.getAttribute('d')!;
}
function legendItems(html: string): string[] {
  return [...parseHtml(html).querySelectorAll('.choropleth-legend li')].map((li) => li.textContent!.trim());
}

describe('renderChoropleth', () => {
  it('is deterministic: same input, same bytes, whatever the order of codes and rows', () => {
    const a = renderChoropleth(options());
    const b = renderChoropleth(options());
    const c = renderChoropleth(options({ codes: [...CODES].reverse(), data: [...DATA].reverse() }));
    // The same topology object twice: the second draw uses the cached presimplification.
    const topology = squaresTopology();
    const d1 = renderChoropleth(options({ topology }));
    const d2 = renderChoropleth(options({ topology }));
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(d1).toBe(a);
    expect(d2).toBe(a);
    expect(a).not.toMatch(/NaN|undefined|Infinity|null/);
  });

  it('returns a figure with a well-formed SVG and an HTML legend', () => {
    const html = renderChoropleth(options());
    const doc = parseHtml(html);
    expect(doc.querySelectorAll('figure.choropleth > svg').length).toBe(1);
    expect(doc.querySelectorAll('figure.choropleth > .choropleth-legend').length).toBe(1);
    const { svg, width, height } = choropleth(options());
    const sdoc = parseSvg(svg);
    const root = sdoc.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(width).toBe(640);
    // Six one-degree squares in a 3×2 grid at 33–35°N: a bit wider than tall.
    expect(height).toBeGreaterThan(300);
    expect(height).toBeLessThan(520);
  });

  it('gives the whole map an accessible name', () => {
    const doc = parseSvg(choropleth(options()).svg);
    const root = doc.documentElement;
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('社会消费品零售总额（测试）');
    expect(root.firstElementChild!.tagName.toLowerCase()).toBe('title');
    expect(root.firstElementChild!.textContent).toBe('社会消费品零售总额（测试）');
  });

  it('gives every drawn region a <title> with its name and its label or status', () => {
    const doc = parseSvg(choropleth(options()).svg);
    const regions = [...doc.querySelectorAll('[data-jurisdiction]')];
    expect(regions.map((r) => r.getAttribute('data-jurisdiction'))).toEqual([...CODES].sort());
    for (const r of regions) {
      const code = r.getAttribute('data-jurisdiction')!;
      const title = r.querySelector('title')?.textContent ?? '';
      expect(title).toContain(NAMES[code]);
    }
    expect(region(doc, '410100').querySelector('title')!.textContent).toBe('郑州市：100.0亿元');
    expect(region(doc, '410300').querySelector('title')!.textContent).toBe('洛阳市：保密');
    expect(region(doc, '410400').querySelector('title')!.textContent).toBe('平顶山市：无数据');
  });

  it('uses the row name before the boundary file name', () => {
    const data = DATA.map((d) => (d.code === '410100' ? { ...d, name: 'Zhengzhou' } : d));
    const doc = parseSvg(choropleth(options({ data, locale: 'en' })).svg);
    expect(region(doc, '410100').querySelector('title')!.textContent).toBe('Zhengzhou: 100.0亿元');
  });

  it('hatches suppressed regions, defines the pattern once under the id prefix, and lists it in the legend', () => {
    const { svg, legend, entries } = choropleth(options());
    const doc = parseSvg(svg);
    expect(fillOf(doc, '410300')).toBe('url(#retail-map-hatch)');
    const patterns = doc.querySelectorAll('defs pattern');
    expect(patterns.length).toBe(1);
    expect(patterns[0]!.getAttribute('id')).toBe('retail-map-hatch');
    expect(legendItems(legend)).toContain('保密');
    expect(entries.find((e) => e.label === '保密')!.swatch).toEqual({ kind: 'hatch' });
    expect(legendItems(choropleth(options({ locale: 'en' })).legend)).toContain('suppressed');
  });

  it('never colours a suppressed value, even one given as 0', () => {
    const data = DATA.map((d) => (d.code === '410300' ? { ...d, value: 0 } : d));
    const { svg, classes } = choropleth(options({ data }));
    expect(fillOf(parseSvg(svg), '410300')).toBe('url(#retail-map-hatch)');
    expect(classes.extent).toEqual([100, 600]); // 0 was not classified
  });

  it('draws missing regions light grey with a legend entry, including codes without a row', () => {
    const data = DATA.filter((d) => d.code !== '410200');
    const { svg, legend } = choropleth(options({ data }));
    const doc = parseSvg(svg);
    expect(fillOf(doc, '410400')).toBe('#e5e5e5');
    expect(fillOf(doc, '410200')).toBe('#e5e5e5');
    expect(legendItems(legend)).toContain('无数据');
    expect(legendItems(choropleth(options({ data, locale: 'en' })).legend)).toContain('no data');
  });

  it('leaves status entries and the pattern out when no region needs them', () => {
    const data = DATA.map((d) => (d.status === 'ok' ? d : { ...d, value: 300, status: 'ok' as const, label: '300' }));
    const { svg, legend } = choropleth(options({ data }));
    expect(svg).not.toContain('<pattern');
    expect(legendItems(legend)).not.toContain('保密');
    expect(legendItems(legend)).not.toContain('无数据');
  });

  it('shows the sequential class breaks with formatted bounds', () => {
    const { legend, classes, entries } = choropleth(options());
    expect(classes.colors.length).toBe(classes.thresholds.length + 1);
    const labels = legendItems(legend);
    expect(labels[0]).toMatch(/^< /);
    expect(labels[classes.thresholds.length]).toMatch(/^≥ /);
    expect(entries.slice(0, classes.colors.length).map((e) => e.swatch)).toEqual(
      classes.colors.map((color) => ({ kind: 'color', color })),
    );
    // Darker for more: the lowest and highest regions differ.
    const doc = parseSvg(choropleth(options()).svg);
    expect(fillOf(doc, '410100')).toBe(classes.colors[0]);
    expect(fillOf(doc, '410600')).toBe(classes.colors.at(-1));
  });

  it('centres a diverging scale on zero: −2 and +3 get different hues', () => {
    const data: ChoroplethDatum[] = [
      { code: '410100', value: -2, status: 'ok', label: '-2.0%' },
      { code: '410200', value: 3, status: 'ok', label: '3.0%' },
      { code: '410300', value: -7.5, status: 'ok', label: '-7.5%' },
      { code: '410400', value: 12, status: 'ok', label: '12.0%' },
      { code: '410500', value: 0, status: 'ok', label: '0.0%' },
      { code: '410600', value: null, status: 'suppressed', label: '' },
    ];
    const { svg, classes, legend } = choropleth(options({ data, scale: { type: 'diverging', center: 0 } }));
    expect(classes.thresholds).toContain(0);
    const mid = classes.thresholds.indexOf(0);
    expect(mid).toBe((classes.thresholds.length - 1) / 2); // as many breaks below as above
    const below = new Set(classes.colors.slice(0, mid + 1));
    const above = new Set(classes.colors.slice(mid + 1));
    const doc = parseSvg(svg);
    expect(below.has(fillOf(doc, '410100')!)).toBe(true);
    expect(above.has(fillOf(doc, '410200')!)).toBe(true);
    expect(fillOf(doc, '410100')).not.toBe(fillOf(doc, '410200'));
    expect(fillOf(doc, '410600')).toBe('url(#retail-map-hatch)');
    // Bounds printed with a true minus sign; zero is a bound in the legend.
    expect(legendItems(legend).some((l) => /^\u2212\d.* – 0$/.test(l))).toBe(true);
    expect(legendItems(legend).some((l) => /^0 – \d/.test(l))).toBe(true);
  });

  it('links each region when hrefFor gives a link, and then is a named group, not an image', () => {
    const hrefFor = (code: string) => (code === '410400' ? undefined : `/zh/j/${code}/?a=1&b=2`);
    const { svg } = choropleth(options({ hrefFor }));
    // Attributes read through the HTML parser: linkedom's XML mode leaves entities in
    // attribute values undecoded (a browser decodes them in both).
    const doc = parseHtml(svg);
    const links = [...doc.querySelectorAll('a')];
    expect(links.length).toBe(5);
    expect(links.map((a) => a.getAttribute('href'))).toContain('/zh/j/410100/?a=1&b=2');
    expect(svg).toContain('href="/zh/j/410100/?a=1&amp;b=2"');
    for (const a of links) {
      expect(a.getAttribute('aria-label')).toBe(a.querySelector('title')!.textContent);
      expect(a.querySelector('path')).not.toBeNull();
    }
    expect(region(doc, '410400').tagName.toLowerCase()).toBe('path');
    const root = doc.querySelector('svg')!;
    expect(root.getAttribute('role')).toBe('group');
    expect(root.getAttribute('aria-label')).toBe('社会消费品零售总额（测试）');
    // No links → one image.
    expect(parseSvg(choropleth(options()).svg).querySelectorAll('a').length).toBe(0);
  });

  it('escapes names, labels, titles and links', () => {
    const data = DATA.map((d) => (d.code === '410100' ? { ...d, name: 'A & <B> "C"' } : d));
    const { svg, legend } = choropleth(options({ data, title: 'x < y & z', legendTitle: '"q" & <r>' }));
    parseSvg(svg);
    const doc = parseHtml(svg);
    expect(region(doc, '410100').querySelector('title')!.textContent).toBe('A & <B> "C"：100.0亿元');
    expect(doc.querySelector('svg')!.getAttribute('aria-label')).toBe('x < y & z');
    expect(parseHtml(legend).querySelector('.choropleth-legend-title')!.textContent).toBe('"q" & <r>');
  });

  it('draws a wrongly wound polygon at the size of its neighbours, not as the whole globe', () => {
    for (const f of unitFeatures(squaresTopology())) expect(geoArea(f)).toBeLessThan(0.01);
    const { svg, width, height } = choropleth(options());
    const doc = parseSvg(svg);
    const area = (code: string) => parsePath(dOf(doc, code)).reduce((s, r) => s + Math.abs(ringArea(r)), 0);
    const wrong = area(WRONGLY_WOUND);
    const neighbour = area('410500');
    expect(wrong).toBeGreaterThan(0.9 * neighbour);
    expect(wrong).toBeLessThan(1.1 * neighbour);
    const [[x0, y0], [x1, y1]] = bbox(parsePath(dOf(doc, WRONGLY_WOUND)));
    expect(x0).toBeGreaterThanOrEqual(0);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(width);
    expect(y1).toBeLessThanOrEqual(height);
    expect(x1 - x0).toBeLessThan(width / 2);
  });

  it('fits the drawn regions only: other features neither drawn nor counted in the frame', () => {
    const two = choropleth(options({ codes: ['410100', '410200'] }));
    const doc = parseSvg(two.svg);
    expect(doc.querySelectorAll('[data-jurisdiction]').length).toBe(2);
    // Two one-degree squares side by side at 33.5°N: height/width ≈ 1 / (2 cos 33.5°) ≈ 0.6.
    const aspect = 1 / (2 * Math.cos((33.5 * Math.PI) / 180));
    expect(Math.abs(two.height - 8 - aspect * (two.width - 8))).toBeLessThan(8);
    const [[x0], [x1]] = bbox(parsePath(dOf(doc, '410100')).concat(parsePath(dOf(doc, '410200'))));
    expect(x1 - x0).toBeGreaterThan(620);
  });

  it('draws a unit too small to see as a small disc, titled and linked like any other', () => {
    const { svg } = choropleth(
      options({ topology: squaresWithTinyTopology(), codes: [...CODES, '419001'], hrefFor: (c) => `/j/${c}/` }),
    );
    const doc = parseSvg(svg);
    const tiny = region(doc, '419001');
    expect(tiny.getAttribute('href')).toBe('/j/419001/');
    expect(tiny.querySelector('title')!.textContent).toBe('济源市：无数据');
    const d = tiny.querySelector('path')!.getAttribute('d')!;
    expect(d).toMatch(/a3 3 0 1 0 6 0a3 3 0 1 0 -6 0z$/);
    const [[x0, y0], [x1, y1]] = bbox(parsePath(d));
    expect(x1 - x0).toBeCloseTo(6, 5);
    // At the unit's place: the middle of 410200's square (113–114°E, 33–34°N).
    const [[sx0], [sx1]] = bbox(parsePath(dOf(doc, '410200')));
    expect((x0 + x1) / 2).toBeGreaterThan(sx0);
    expect((x0 + x1) / 2).toBeLessThan(sx1);
    expect(y0).toBe(y1);
  });

  it('draws context features as neutral background, outside the data and the links', () => {
    const { svg } = choropleth(options({ codes: ['410100', '410200'], context: ['410400'], hrefFor: (c) => `/j/${c}/` }));
    const doc = parseSvg(svg);
    expect(doc.querySelectorAll('[data-jurisdiction]').length).toBe(2);
    const g = doc.querySelector('svg > g[fill]')!;
    expect(g.querySelectorAll('path').length).toBe(1);
    expect(g.querySelector('title')!.textContent).toBe('平顶山市');
    expect(doc.querySelectorAll('a').length).toBe(2);
  });

  it("takes every other feature of the file as context with 'rest'", () => {
    const { svg, height } = choropleth(options({ codes: ['410100'], context: 'rest' }));
    const doc = parseSvg(svg);
    expect(doc.querySelectorAll('[data-jurisdiction]').length).toBe(1);
    expect(doc.querySelectorAll('svg > g[fill] path').length).toBe(5);
    expect(height).toBe(choropleth(options()).height); // framed like the whole grid
  });

  it('makes ids unique per map through the prefix, and refuses prefixes that are not ids', () => {
    const a = choropleth(options({ idPrefix: 'map-a' })).svg;
    const b = choropleth(options({ idPrefix: 'map-b' })).svg;
    expect(a).toContain('id="map-a-hatch"');
    expect(b).toContain('id="map-b-hatch"');
    expect(b).not.toContain('map-a');
    expect(() => choropleth(options({ idPrefix: '1map' }))).toThrow(/idPrefix/);
    expect(() => choropleth(options({ idPrefix: 'a b' }))).toThrow(/idPrefix/);
  });

  it('fails loudly on codes the boundaries cannot draw and on duplicate rows', () => {
    expect(() => choropleth(options({ codes: [...CODES, '419001'] }))).toThrow(/419001/);
    expect(() => choropleth(options({ data: [...DATA, DATA[0]!] }))).toThrow(/two data rows for 410100/);
  });

  it('honours an explicit height and keeps every region inside the frame', () => {
    const { svg } = choropleth(options({ width: 300, height: 300 }));
    const doc = parseSvg(svg);
    expect(doc.documentElement.getAttribute('viewBox')).toBe('0 0 300 300');
    const [[x0, y0], [x1, y1]] = bbox([...doc.querySelectorAll('path[d], a path')].flatMap((p) => parsePath(p.getAttribute('d')!)));
    expect(x0).toBeGreaterThanOrEqual(0);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(300);
    expect(y1).toBeLessThanOrEqual(300);
  });
});

describe('featureCodes and filterTopology', () => {
  it('lists the codes a topology can draw, as sorted strings', () => {
    expect(featureCodes(squaresTopology())).toEqual([...CODES].sort());
  });

  it('keeps only the listed features, without touching the input', () => {
    const t = squaresTopology();
    const before = JSON.stringify(t);
    const f = filterTopology(t, ['410200', '410500', '999999']);
    expect(featureCodes(f)).toEqual(['410200', '410500']);
    expect(JSON.stringify(t)).toBe(before);
  });

  it('refuses a topology without a `units` collection', () => {
    const t = squaresTopology();
    const other = { ...t, objects: { provinces: t.objects['units']! } };
    expect(() => featureCodes(other)).toThrow(/units/);
  });
});

describe('mapCaption', () => {
  const row = {
    attribution_zh: '自然资源部标准地图服务',
    attribution_en: 'Standard map service, Ministry of Natural Resources',
    approval_number: 'GS(2024)0650号',
  };
  it('prints the source and the approval number', () => {
    expect(mapCaption(row, 'zh-CN')).toBe('底图：自然资源部标准地图服务　审图号：GS(2024)0650号');
    expect(mapCaption(row, 'en')).toBe(
      'Boundaries: Standard map service, Ministry of Natural Resources. Map approval number: GS(2024)0650号',
    );
  });
  it('says the map is illustrative when there is no approval number', () => {
    const none = { ...row, approval_number: '  ' };
    expect(mapCaption(none, 'zh-CN')).toBe('底图：自然资源部标准地图服务　底图仅作示意，非标准地图');
    expect(mapCaption({ ...none, attribution_en: 'ECharts 4.9.0.' }, 'en')).toBe(
      'Boundaries: ECharts 4.9.0. Boundaries for illustration only, not an approved standard map.',
    );
  });
});
