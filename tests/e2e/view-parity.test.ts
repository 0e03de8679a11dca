/**
 * Parity of the browser views (DuckDB-WASM + the build's renderer in Chromium) with the build
 * and the terminal report, on the demo site's online retail sales (level targets):
 *  - at the page's own period, what the browser draws equals the static page, block by block
 *    (markup with ids renumbered), table by table cell by cell, SVG by SVG. The browser view
 *    restores the saved static markup for the page's own state (metric "value") instead of
 *    drawing it, so the browser's own drawing is compared in the state nearest to it that it
 *    does draw: metric "growth" at the same period, whose growth map, growth ranking and
 *    progress chart and table are the static page's own blocks. At devicePixelRatio 1 and 2:
 *    Plot offsets its marks by half a pixel on a screen of ratio 1 and never at build time;
 *  - at an older period, the browser's progress table says what
 *    `npm run progress -- --period P --parent CODE --indicator ID --data examples/henan-demo
 *    --format json` says: the same units in the same order, status and gap on each verdict,
 *    the value and the completion as displayed; and the level map's regions carry the values.
 * And revised figures: neither package has one at a page's own period, so the default data
 * with one more release, revising three provinces' 2024 GDP (one vintage flagged r, one not,
 * one flagged r), is built for the test: at the page's period the browser's tables equal the
 * static ones with their revision marks (修 / r linked to the revising release's row), on the
 * indicator page and the jurisdiction page; at an older period the browser marks exactly the
 * figures observation_vintages.csv says were revised.
 */
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ReportRow } from '../../src/lib/progress-report.ts';
import { buildPackageSite, PACKAGES, REPO, type BuiltSite, type ServedSite } from '../support/site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { connectBrowser, isolatedContext, sites } from './helpers.ts';
import { openView, readView, viewQuery, type ShownTable, type ShownView } from './view-driver.ts';

const demo = sites.find(([name]) => name === 'demo')?.[1];
const INDICATOR = 'online_retail';

/** Pages with a view: the root's children and a city's counties, in both languages. */
const LATEST = [
  { path: '/indicators/online_retail/', initial: { period: '2025-09', metric: 'value', parent: '410000' } },
  { path: '/en/indicators/online_retail/410100/', initial: { period: '2025-09', metric: 'value', parent: '410100' } },
];
const OLDER = [
  { path: '/indicators/online_retail/', parent: '410000', period: '2024-06' },
  { path: '/indicators/online_retail/410100/', parent: '410100', period: '2024-03' },
];

/** The terminal report, as a reader of the README would run it. */
async function progressReport(period: string, parent: string): Promise<ReportRow[]> {
  const args = ['run', '--silent', 'progress', '--', '--period', period, '--parent', parent, '--indicator', INDICATOR, '--data', 'examples/henan-demo', '--format', 'json'];
  const { stdout } = await promisify(execFile)('npm', args, { cwd: REPO, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
  return JSON.parse(stdout) as ReportRow[];
}

/**
 * A number as displayed ("1,147.7亿元", "−4.4", "71.3%", with a flag mark) and the number of
 * decimals shown; null for a cell without digits ("—", suppressed).
 */
function displayed(text: string): { x: number; decimals: number } | null {
  const m = /[−-]?[\d,]+(\.\d+)?/.exec(text);
  if (!m) return null;
  return { x: Number(m[0].replace(/,/g, '').replace('−', '-')), decimals: m[1] ? m[1].length - 1 : 0 };
}

/** Whether a displayed number is `x` rounded to the decimals it shows. */
function showsNumber(text: string, x: number | null): boolean {
  const d = displayed(text);
  if (x === null || d === null) return x === null && d === null;
  return Math.abs(d.x - x) <= 0.5 * 10 ** -d.decimals + 1e-9;
}

/** Where two markups first differ, with some context on both sides, for a readable failure. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return 'identical';
  const at = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 120), i + 120));
  return `first difference at character ${i} of ${a.length} / ${b.length}:\n  browser ${at(a)}\n  static  ${at(b)}`;
}

const column = (t: ShownTable, header: RegExp) => {
  const i = t.headers.findIndex((h) => header.test(h));
  if (i < 0) throw new Error(`no column ${header} in the table "${t.caption}": ${t.headers.join(' | ')}`);
  return i;
};

const progressTable = (v: ShownView): ShownTable => {
  const t = v.tables.find((x) => x.figure.split(' ').includes('progress'));
  if (!t) throw new Error(`no progress table in the view at ${v.state}`);
  return t;
};

describe.runIf(demo)('demo site: browser views against the build and the terminal report', () => {
  const site = demo as ServedSite;
  let browser: Browser;
  /** A context per devicePixelRatio. */
  const contexts = new Map<number, Promise<BrowserContext>>();

  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function shownAt(path: string, query?: string, deviceScaleFactor = 1): Promise<ShownView> {
    if (!contexts.has(deviceScaleFactor)) contexts.set(deviceScaleFactor, isolatedContext(browser, site.origin, { deviceScaleFactor }).then((c) => c.context));
    const page: Page = await (await contexts.get(deviceScaleFactor)!).newPage();
    try {
      await openView(page, site.origin + path + (query ? `?${query}` : ''), query);
      return await readView(page);
    } finally {
      await page.close();
    }
  }

  describe.each(LATEST.flatMap((c) => [1, 2].map((dpr) => ({ ...c, dpr }))))('$path at its own period, devicePixelRatio $dpr', ({ path, initial, dpr }) => {
    let staticView: ShownView;
    let drawn: ShownView;
    beforeAll(async () => {
      // Side by side, each in its own tab; the drawn one is a state the browser draws itself: the page's period, another metric.
      [staticView, drawn] = await Promise.all([shownAt(path, undefined, dpr), shownAt(path, viewQuery({ ...initial, metric: 'growth' }), dpr)]);
    }, 120_000);

    it('the browser drew the blocks the static page has, markup for markup', () => {
      // The first heading names the metric; everything after it is the static page's too.
      const [heading, ...blocks] = drawn.blocks;
      expect(heading!.key).toMatch(/^h2\./);
      expect(blocks.length, 'blocks drawn').toBeGreaterThanOrEqual(5);
      const staticByKey = new Map(staticView.blocks.map((b) => [b.key, b.html]));
      for (const b of blocks) {
        const same = staticByKey.get(b.key);
        expect(same, `the static page has no block ${b.key}`).toBeDefined();
        expect(b.html === same, `${b.key}: ${firstDifference(b.html, same!)}`).toBe(true);
      }
    });

    it('the tables are the same, cell by cell', () => {
      const drawnTables = drawn.tables.filter((t) => t.figure.split(' ').includes('progress') || /rank/.test(t.figure));
      expect(drawnTables.length, 'progress and ranking tables drawn').toBeGreaterThanOrEqual(2);
      for (const t of drawnTables) {
        const same = staticView.tables.find((s) => s.caption === t.caption);
        expect(same, `the static page has no table "${t.caption}"`).toBeDefined();
        expect(t.headers).toEqual(same!.headers);
        t.rows.forEach((r, i) => expect(r, `${t.caption}, row ${i + 1}`).toEqual(same!.rows[i]));
        expect(t.rows.length).toBe(same!.rows.length);
      }
    });

    it('the maps and charts are the same SVG, ids aside', () => {
      expect(drawn.svgs.length, 'SVGs drawn (growth map, growth ranking, progress chart)').toBeGreaterThanOrEqual(3);
      // A figure may be drawn twice under one label (a wide and a narrow variant): the n-th with a label against the n-th.
      const label = (svg: string) => /aria-label="([^"]*)"/.exec(svg)?.[1] ?? svg.slice(0, 100);
      const byLabel = (svgs: string[], l: string) => svgs.filter((s) => label(s) === l);
      for (const l of new Set(drawn.svgs.map(label))) {
        const [mine, theirs] = [byLabel(drawn.svgs, l), byLabel(staticView.svgs, l)];
        expect(theirs.length, `SVGs labelled "${l}" on the static page`).toBe(mine.length);
        mine.forEach((svg, i) => expect(svg === theirs[i], `${l} (#${i + 1}): ${firstDifference(svg, theirs[i]!)}`).toBe(true));
      }
      const growthMap = drawn.maps[0]!;
      expect(staticView.maps.find((m) => m.label === growthMap.label)?.regions, `the map ${growthMap.label}`).toEqual(growthMap.regions);
    });
  });

  describe.each(OLDER)('$path at $period against npm run progress', ({ path, parent, period }) => {
    let report: ReportRow[];
    let shown: ShownView;
    beforeAll(async () => {
      [report, shown] = await Promise.all([progressReport(period, parent), shownAt(path, viewQuery({ period, metric: 'value', parent }))]);
    }, 300_000);

    it('the same units, in the same order, with the same status and gap', () => {
      const t = progressTable(shown);
      expect(report.length, 'rows in the report').toBeGreaterThan(0);
      expect(t.rows.map((r) => r.verdict?.jurisdiction)).toEqual(report.map((r) => r.jurisdiction));
      expect(t.rows.map((r) => `${r.verdict?.jurisdiction} ${r.verdict?.indicator} ${r.verdict?.period} ${r.verdict?.status} ${r.verdict?.gapPp}`)).toEqual(
        report.map((r) => `${r.jurisdiction} ${INDICATOR} ${period} ${r.status} ${r.verdict_gap_pp === null ? '' : r.verdict_gap_pp.toFixed(1)}`),
      );
      const name = column(t, /^(地区|Jurisdiction)$/);
      expect(t.rows.map((r) => r.cells[name])).toEqual(report.map((r) => r.name_zh));
    });

    it('the value and the completion as displayed', () => {
      const t = progressTable(shown);
      const value = column(t, /^(数值|Value)$/);
      const completion = column(t, /^(完成进度|Target reached)$/);
      const wrong: string[] = [];
      t.rows.forEach((r, i) => {
        const rep = report[i]!;
        if (!showsNumber(r.cells[value]!, rep.value)) wrong.push(`${rep.jurisdiction} value: shown "${r.cells[value]}", report ${rep.value}`);
        const pct = rep.completion === null ? null : rep.completion * 100;
        if (!showsNumber(r.cells[completion]!, pct)) wrong.push(`${rep.jurisdiction} completion: shown "${r.cells[completion]}", report ${rep.completion}`);
      });
      expect(wrong).toEqual([]);
      expect(t.rows.filter((r) => displayed(r.cells[value]!) !== null).length, 'values shown').toBeGreaterThan(0);
    });

    it('the level map colours each unit by the report’s value', () => {
      const map = shown.maps[0]!;
      const byCode = new Map(report.map((r) => [r.jurisdiction, r.value === null ? '' : String(r.value)]));
      const regions = map.regions.filter((r) => byCode.has(r.split('=')[0]!));
      expect(regions.length, `regions of the report's units on ${map.label}`).toBeGreaterThan(0);
      for (const r of regions) {
        const [code, v] = r.split('=') as [string, string];
        expect(v, `${code} on ${map.label}`).toBe(byCode.get(code));
      }
    });
  });
});

/** The release the test adds to a copy of the default data: it revises 2024 GDP of three provinces. */
const REVISION = {
  id: 'test-gdp-2024-revision',
  row: 'test-gdp-2024-revision,2026-04-30T10:00:00+08:00,测试：2024年地区生产总值修订,Test: 2024 GDP revised,test,"written by tests/e2e/view-parity.test.ts, not published data"',
  // 2024 as first published: Beijing 49,670.2, Tianjin 17,931.3, Hebei 47,448.1.
  observations: [
    'jurisdiction,indicator,period,value,yoy_pct,flag,note',
    '110000,gdp,2024,49680.2,5.2,r,test revision',
    '120000,gdp,2024,17941.3,5.1,,test revision (a later vintage without flag r is revised too)',
    '130000,gdp,2024,47458.1,5.4,r,test revision',
  ].join('\n'),
};

/**
 * A copy of the default data with the test's release, built into `tmp`. Started with the file
 * (below), so that the build, mostly Astro's own process, runs while the demo's views are
 * compared in the browser rather than after them.
 */
async function buildRevised(tmp: string): Promise<BuiltSite> {
  const dataDir = path.join(tmp, 'data');
  await cp(PACKAGES.default, dataDir, { recursive: true });
  await appendFile(path.join(dataDir, 'releases.csv'), `${REVISION.row}\n`);
  await writeFile(path.join(dataDir, 'observations', `${REVISION.id}.csv`), `${REVISION.observations}\n`);
  return buildPackageSite('default-revised', dataDir, path.join(tmp, 'site'));
}

let revisedTmp: string | undefined;
let revisedBuild: Promise<BuiltSite>;
beforeAll(async () => {
  revisedTmp = await mkdtemp(path.join(os.tmpdir(), 'view-parity-revised-'));
  revisedBuild = buildRevised(revisedTmp);
  // Awaited, and a failure reported, by the tests of the revised figures.
  revisedBuild.catch(() => {});
});
afterAll(async () => {
  await revisedBuild?.catch(() => {});
  if (revisedTmp) await rm(revisedTmp, { recursive: true, force: true });
});

describe('revised figures: the browser marks them as the page does', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  /** The current figures revised (a later vintage, or flag r), "jurisdiction indicator period" → release. */
  let revisedFigures: Map<string, string>;

  beforeAll(async () => {
    const built = await revisedBuild;
    server = await startStaticServer({ roots: built.distDir });
    browser = await connectBrowser();
    ({ context } = await isolatedContext(browser, server.origin));
    const vintages = Papa.parse<Record<string, string>>((await readFile(path.join(built.distDir, 'data', 'observation_vintages.csv'), 'utf8')).replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    revisedFigures = new Map(
      vintages.filter((v) => v.is_latest === 'true' && (Number(v.vintage) > 1 || v.flag === 'r')).map((v) => [`${v.jurisdiction} ${v.indicator} ${v.period}`, v.release!]),
    );
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function shown(p: string, query?: string): Promise<ShownView> {
    const page = await context.newPage();
    try {
      await openView(page, server.origin + p + (query ? `?${query}` : ''), query);
      return await readView(page);
    } finally {
      await page.close();
    }
  }

  const links = (t: ShownTable) => t.rows.flatMap((r) => r.revisions);

  it('the test release revises what it says, at the GDP page’s own period', () => {
    expect([...revisedFigures].filter(([, release]) => release === REVISION.id).map(([key]) => key)).toEqual(['110000 gdp 2024', '120000 gdp 2024', '130000 gdp 2024']);
  });

  describe.each([
    { prefix: '', state: { period: '2024', metric: 'growth', parent: '100000' } },
    { prefix: '/en', state: { period: '2024', metric: 'growth', parent: '100000' } },
  ])('$prefix/indicators/gdp/', ({ prefix, state }) => {
    let staticView: ShownView;
    let drawn: ShownView;
    beforeAll(async () => {
      [staticView, drawn] = await Promise.all([shown(`${prefix}/indicators/gdp/`), shown(`${prefix}/indicators/gdp/`, viewQuery(state))]);
    }, 120_000);

    it('at the page’s own period the browser’s tables equal the static ones, revision marks included', () => {
      const tables = drawn.tables.filter((t) => t.figure.split(' ').includes('progress') || /rank/.test(t.figure));
      expect(tables.length, 'growth ranking and progress table drawn').toBeGreaterThanOrEqual(2);
      for (const t of tables) {
        const same = staticView.tables.find((x) => x.caption === t.caption);
        expect(same, `the static page has no table "${t.caption}"`).toBeDefined();
        // Cells, verdicts and where each revision mark links, row by row.
        t.rows.forEach((r, i) => expect(r, `${t.caption}, row ${i + 1}`).toEqual(same!.rows[i]));
        expect(t.rows.length).toBe(same!.rows.length);
        expect(links(t).filter((href) => href.includes(REVISION.id)).sort(), `${t.caption}: marks of the test release`).toEqual(
          ['110000', '120000', '130000'].map((code) => `${prefix}/releases/${REVISION.id}/#rev-${code}-gdp-2024`),
        );
      }
    });
  });

  it('at an older period the browser marks exactly the figures revised, linked to the release that revised them', async () => {
    const v = await shown('/indicators/gdp/', viewQuery({ period: '2023', metric: 'value', parent: '100000' }));
    const ranking = v.tables.find((t) => /rank/.test(t.figure))!;
    expect(ranking, 'the ranking by level').toBeDefined();
    const codes = v.verdicts.map((x) => x.split(' ')[0]!);
    const expected = [...new Set(codes)]
      .filter((code) => revisedFigures.has(`${code} gdp 2023`))
      .map((code) => `/releases/${revisedFigures.get(`${code} gdp 2023`)}/#rev-${code}-gdp-2023`);
    expect(expected.length, 'provinces whose 2023 GDP was revised (flag r)').toBeGreaterThan(20);
    expect(links(ranking).sort()).toEqual(expected.sort());
  });

  it('on a jurisdiction page, the browser’s summary marks the revised figure as the page does', async () => {
    const [staticView, drawn] = await Promise.all([
      shown('/jurisdictions/120000/'),
      shown('/jurisdictions/120000/', viewQuery({ period: 'latest', compare: 'peers' })),
    ]);
    const [a, b] = [staticView.tables[0]!, drawn.tables[0]!];
    const gdp = (t: ShownTable) => t.rows.find((r) => r.revisions.length > 0);
    expect(gdp(a)?.revisions, 'the static summary').toEqual([`/releases/${REVISION.id}/#rev-120000-gdp-2024`]);
    // Every column but the comparison (the 5th), which the state changes.
    const withoutComparison = (t: ShownTable) => t.rows.map((r) => ({ ...r, cells: r.cells.filter((_, i) => i !== 4) }));
    expect(withoutComparison(b)).toEqual(withoutComparison(a));
  });
});
