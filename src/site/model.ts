/**
 * What the pages show, asked of the engine at build time through the shared query catalog.
 * Each function answers one page question; results are memoised because many pages share them
 * (every sibling's page needs the same ranking).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Topology } from 'topojson-specification';
import { queries, runQuery } from '../queries/index.ts';
import type { ProgressRow } from '../queries/progress.ts';
import type { ProjectFunnelRow, ProjectLedgerRow, ProjectRatesRow } from '../queries/projects.ts';
import type { RankingRow } from '../queries/ranking.ts';
import type { SeriesRow, TrendRow } from '../queries/series.ts';
import type { Locale } from '../lib/i18n.ts';
import type { TargetType, Unit } from '../lib/schema.ts';
import type { BriefingInput, PublicationFacts } from '../views/briefing.ts';
import { parseGeoMaps, type GeoMap } from '../lib/geo-maps.ts';
import { compareIndicators } from '../lib/indicator-order.ts';
import { collectBriefing, collectTrajectory } from '../views/briefing-data.ts';
import { ledgerMonth, projectsOfUnit, type UnitProjects } from '../views/projects.ts';
import { publicDataDir, siteEngine, siteManifest } from './data.ts';

export interface IndicatorInfo {
  id: string;
  name_zh: string;
  name_en: string;
  unit: Unit;
  kind: string;
  higher_is_better: boolean;
  additive: boolean;
  decimals: number;
  category: string | null;
  definition_zh: string | null;
  definition_en: string | null;
  source: string | null;
}

export interface JurisdictionInfo {
  code: string;
  parent: string | null;
  level: string;
  name_zh: string;
  name_en: string | null;
}

export interface ReleaseInfo {
  id: string;
  published_at: string;
  title: string;
  /** English title, or null: English pages then show `title` (see releaseTitle). */
  title_en: string | null;
  source: string | null;
  notes: string | null;
  rows: number;
}

function memo<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  const cache = new Map<string, Promise<R>>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    let hit = cache.get(key);
    if (!hit) {
      hit = fn(...args);
      cache.set(key, hit);
    }
    return hit;
  };
}

async function rows<T>(sql: string, params?: Record<string, string | number | null>): Promise<T[]> {
  const engine = await siteEngine();
  return (await engine.query(sql, params)) as unknown as T[];
}

/** Every public indicator, in the order every list of them follows (compareIndicators). */
export const indicators = memo(async () =>
  (await rows<IndicatorInfo>('SELECT id, name_zh, name_en, unit, kind, higher_is_better, additive, decimals, category, definition_zh, definition_en, source FROM indicators')).sort(
    compareIndicators,
  ),
);

export async function indicator(id: string): Promise<IndicatorInfo> {
  const found = (await indicators()).find((i) => i.id === id);
  if (!found) throw new Error(`unknown indicator ${id}`);
  return found;
}

/**
 * The jurisdictions that get a page: those with figures or targets, every ancestor (each page
 * has a parent to rank in) and every peer of those (a ranking lists all peers, each linked).
 */
export const jurisdictions = memo(() =>
  rows<JurisdictionInfo>(`
    WITH RECURSIVE used AS (
      SELECT DISTINCT jurisdiction AS code FROM observations
      UNION SELECT DISTINCT jurisdiction FROM targets
    ), tree AS (
      SELECT j.code, j.parent FROM jurisdictions j JOIN used u ON u.code = j.code
      UNION SELECT p.code, p.parent FROM jurisdictions p JOIN tree t ON p.code = t.parent
    ), paged AS (
      SELECT code FROM tree
      UNION SELECT code FROM jurisdictions WHERE parent IN (SELECT j.parent FROM jurisdictions j JOIN used u USING (code))
    )
    SELECT DISTINCT j.code, j.parent, j.level, j.name_zh, j.name_en
    FROM jurisdictions j JOIN (SELECT DISTINCT code FROM paged) t USING (code)
    QUALIFY row_number() OVER (PARTITION BY j.code ORDER BY j.valid_from DESC NULLS LAST) = 1
    ORDER BY j.code`),
);

export async function jurisdiction(code: string): Promise<JurisdictionInfo> {
  const found = (await jurisdictions()).find((j) => j.code === code);
  if (!found) throw new Error(`unknown jurisdiction ${code}`);
  return found;
}

export async function root(): Promise<JurisdictionInfo> {
  const found = (await jurisdictions()).find((j) => j.parent === null);
  if (!found) throw new Error('the data has no root jurisdiction (one with an empty parent)');
  return found;
}

export async function childrenOf(code: string): Promise<JurisdictionInfo[]> {
  return (await jurisdictions()).filter((j) => j.parent === code);
}

export async function ancestorsOf(code: string): Promise<JurisdictionInfo[]> {
  const all = await jurisdictions();
  const chain: JurisdictionInfo[] = [];
  let current = all.find((j) => j.code === code);
  while (current?.parent) {
    const parent = all.find((j) => j.code === current!.parent);
    if (!parent) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

/** Periods ordered so that an annual YYYY counts as the end of its year, after YYYY-12. */
const PERIOD_ORDER = 'year DESC, coalesce(month, 12) DESC, (month IS NULL) DESC';

/** The latest period of every jurisdiction-indicator pair, asked once: every page needs some of them. */
const latestPeriods = memo(async (): Promise<Map<string, string>> => {
  const r = await rows<{ jurisdiction: string; indicator: string; period: string }>(
    `SELECT jurisdiction, indicator, period FROM observations
     QUALIFY row_number() OVER (PARTITION BY jurisdiction, indicator ORDER BY ${PERIOD_ORDER}) = 1`,
  );
  return new Map(r.map((x) => [`${x.jurisdiction} ${x.indicator}`, x.period]));
});

/** The latest period at which a jurisdiction has a figure (value or flag) of an indicator. */
export async function latestPeriodOf(code: string, indicatorId: string): Promise<string | null> {
  return (await latestPeriods()).get(`${code} ${indicatorId}`) ?? null;
}

/**
 * Every period at which some child of each parent has a figure of each indicator, newest
 * first, keyed by parent and indicator: asked once, as every indicator page of every parent
 * needs its own.
 */
const childPeriodsByParent = memo(async (): Promise<Map<string, { period: string; withValue: boolean }[]>> => {
  const r = await rows<{ parent: string; indicator: string; period: string; with_value: boolean }>(
    `SELECT j.parent, o.indicator, o.period, bool_or(o.value IS NOT NULL) AS with_value
     FROM observations o JOIN jurisdictions j ON j.code = o.jurisdiction
     WHERE j.parent IS NOT NULL
     GROUP BY j.parent, o.indicator, o.period, o.year, o.month
     ORDER BY j.parent, o.indicator, ${PERIOD_ORDER.replaceAll('year', 'o.year').replaceAll('month', 'o.month')}`,
  );
  const out = new Map<string, { period: string; withValue: boolean }[]>();
  for (const x of r) {
    const key = `${x.parent} ${x.indicator}`;
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push({ period: x.period, withValue: x.with_value });
  }
  return out;
});

/** The latest period at which the children of a parent have a value of an indicator. */
export async function latestChildPeriod(parent: string, indicatorId: string): Promise<string | null> {
  const periods = (await childPeriodsByParent()).get(`${parent} ${indicatorId}`) ?? [];
  return periods.find((p) => p.withValue)?.period ?? null;
}

/** How many children of a parent have a value of an indicator at one period. */
export interface Coverage {
  indicator: string;
  year: number;
  /** 1..12; a full year counts as 12 whether published as YYYY or YYYY-12. */
  m: number;
  /** The period to ask for: the annual form when the year has one, else YYYY-MM. */
  period: string;
  covered: number;
}

/** Coverage of every indicator and period among the children of a parent, newest first. */
export const childCoverage = memo(async (parent: string): Promise<Coverage[]> =>
  rows<Coverage>(
    `SELECT o.indicator, o.year, coalesce(o.month, 12) AS m,
       CASE WHEN bool_or(o.month IS NULL) THEN CAST(o.year AS VARCHAR) ELSE max(o.period) END AS period,
       CAST(count(DISTINCT o.jurisdiction) FILTER (WHERE o.value IS NOT NULL AND coalesce(o.flag, '') NOT IN ('c', 'na')) AS INTEGER) AS covered
     FROM observations o JOIN jurisdictions j ON j.code = o.jurisdiction
     WHERE j.parent = $parent
     GROUP BY o.indicator, o.year, coalesce(o.month, 12)
     ORDER BY o.year DESC, m DESC, o.indicator`,
    { parent },
  ),
);

/** Year and month of a period, a full year (YYYY or YYYY-12) as month 12. */
const periodKey = (period: string): { year: number; m: number } =>
  ({ year: Number(period.slice(0, 4)), m: period.length === 7 ? Number(period.slice(5)) : 12 });

/** Negative when a is newer than b. */
const newer = (a: { year: number; m: number }, b: { year: number; m: number }): number => b.year - a.year || b.m - a.m;

/**
 * The map of the home page: the indicator and period whose map has the most children with a
 * value, preferring the headline period (the root's latest figures), so that the map and the
 * figures above it speak of the same time. A map on which fewer than half of the children
 * report is mostly grey: then the newest period at which some indicator reaches half is
 * taken instead (the page labels it with its own period), or failing that the best-covered.
 * `indicator` (dataset.json home_indicator) restricts the choice to one indicator when it has
 * figures. Ties go to the first indicator in `order`.
 */
export function chooseHomeMap(
  coverage: readonly Coverage[],
  opts: { headline: { year: number; m: number } | null; children: number; indicator: string | null; order: readonly string[] },
): Coverage | null {
  const reported = coverage.filter((c) => c.covered > 0);
  const pinned = reported.filter((c) => c.indicator === opts.indicator);
  const candidates = pinned.length > 0 ? pinned : reported;
  const rank = (c: Coverage): number => {
    const i = opts.order.indexOf(c.indicator);
    return i < 0 ? opts.order.length : i;
  };
  const best = (list: readonly Coverage[]): Coverage | null =>
    [...list].sort((a, b) => b.covered - a.covered || newer(a, b) || rank(a) - rank(b))[0] ?? null;
  const enough = (c: Coverage): boolean => c.covered * 2 >= opts.children;
  const headline = opts.headline;
  const atHeadline = headline ? best(candidates.filter((c) => c.year === headline.year && c.m === headline.m)) : null;
  if (atHeadline && enough(atHeadline)) return atHeadline;
  const newest = [...candidates].filter(enough).sort(newer)[0];
  if (newest) return best(candidates.filter((c) => c.year === newest.year && c.m === newest.m));
  return best(candidates);
}

/** The headline period of a jurisdiction: the latest period of any of its figures. */
export async function headlinePeriod(code: string): Promise<string | null> {
  let latest: string | null = null;
  for (const ind of await indicators()) {
    const period = await latestPeriodOf(code, ind.id);
    if (period && (!latest || newer(periodKey(period), periodKey(latest)) < 0)) latest = period;
  }
  return latest;
}

/**
 * The period an indicator page shows for the children of a parent: the latest at which they
 * have a value when at least half of them do, else the newest at which half do (a map of 2025
 * with 2 provinces of 31 is mostly grey, while 2024 has all 31), else the best covered. `latest`
 * is the latest period with any value, which the page names when it shows another.
 */
export const indicatorPeriod = memo(async (parent: string, indicatorId: string): Promise<{ period: string; latest: string } | null> => {
  const latest = await latestChildPeriod(parent, indicatorId);
  if (!latest) return null;
  const chosen = chooseHomeMap((await childCoverage(parent)).filter((c) => c.indicator === indicatorId), {
    headline: periodKey(latest),
    children: (await childrenOf(parent)).length,
    indicator: indicatorId,
    order: [indicatorId],
  });
  const atLatest = !chosen || newer(periodKey(latest), chosen) === 0;
  return { period: atLatest ? latest : chosen.period, latest };
});

/** The home page's map of the root's children (see chooseHomeMap), or null when no child has a figure. */
export const homeMap = memo(async (): Promise<{ indicator: IndicatorInfo; period: string; headline: string | null } | null> => {
  const rootJ = await root();
  const headline = await headlinePeriod(rootJ.code);
  const inds = await indicators();
  const chosen = chooseHomeMap(await childCoverage(rootJ.code), {
    headline: headline ? periodKey(headline) : null,
    children: (await childrenOf(rootJ.code)).length,
    indicator: siteManifest().dataset.home_indicator ?? null,
    order: inds.map((i) => i.id),
  });
  if (!chosen) return null;
  const atHeadline = headline !== null && newer(periodKey(headline), chosen) === 0;
  return { indicator: await indicator(chosen.indicator), period: atHeadline ? headline : chosen.period, headline };
});

/** Parents whose children have figures of an indicator: each gets a map and a ranking. */
export const parentsWithChildData = memo(async (indicatorId: string): Promise<string[]> => {
  const r = await rows<{ parent: string }>(
    `SELECT DISTINCT j.parent FROM observations o JOIN jurisdictions j ON j.code = o.jurisdiction
     WHERE o.indicator = $indicator AND j.parent IS NOT NULL ORDER BY j.parent`,
    { indicator: indicatorId },
  );
  return r.map((x) => x.parent);
});

/**
 * Each query costs about the same whether it asks for one indicator or for all (most of the
 * time is planning), and a parent's pages ask for every indicator at the same period: so the
 * catalog query is asked once for all indicators of a parent and period, and its rows handed
 * out per indicator. With no indicator, the queries return each indicator's rows exactly as
 * when asked for it alone (peers are grouped per indicator), but only for some indicators:
 * progress for those with a target that year, ranking for those with a figure at the period.
 * Any other indicator is asked for on its own.
 */
function byIndicator<R extends { indicator: string }>(rows: readonly R[], key: (r: R) => string = (r) => r.indicator): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const k = key(r);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(r);
  }
  return out;
}

const progressOfAll = memo(async (parent: string | null, period: string): Promise<Map<string, ProgressRow[]>> =>
  byIndicator(await runQuery(await siteEngine(), queries.progress, { period, parent, indicator: null })),
);

export const progress = memo(async (parent: string | null, indicatorId: string, period: string): Promise<ProgressRow[]> => {
  const batched = (await progressOfAll(parent, period)).get(indicatorId);
  return batched ?? runQuery(await siteEngine(), queries.progress, { period, parent, indicator: indicatorId });
});

const rankingOfAll = memo(async (parent: string | null, period: string): Promise<Map<string, RankingRow[]>> =>
  byIndicator(
    await runQuery(await siteEngine(), queries.ranking, { period, parent, indicator: null, basis: null }),
    (r) => `${r.indicator} ${r.basis}`,
  ),
);

export const ranking = memo(
  async (parent: string | null, indicatorId: string, period: string, basis: 'value' | 'yoy'): Promise<RankingRow[]> => {
    const batched = (await rankingOfAll(parent, period)).get(`${indicatorId} ${basis}`);
    return batched ?? runQuery(await siteEngine(), queries.ranking, { period, parent, indicator: indicatorId, basis });
  },
);

const trendOf = memo(
  async (code: string, indicatorId: string, year: number): Promise<TrendRow[]> =>
    runQuery(await siteEngine(), queries.trend, { jurisdiction: code, indicator: indicatorId, year }),
);

const seriesOf = memo(
  async (code: string, indicatorId: string): Promise<SeriesRow[]> =>
    runQuery(await siteEngine(), queries.series, { jurisdiction: code, indicator: indicatorId }),
);

export function trend(code: string, indicatorId: string, year: number): Promise<TrendRow[]> {
  askAhead();
  return trendOf(code, indicatorId, year);
}

export function series(code: string, indicatorId: string): Promise<SeriesRow[]> {
  askAhead();
  return seriesOf(code, indicatorId);
}

let askingAhead: Promise<void> | undefined;

/**
 * Every jurisdiction page asks for the series of each indicator it has a figure of, and for
 * the year's trend where that figure is monthly: thousands of small queries, during which the
 * page waits with this thread idle, while drawing pages keeps this thread busy and the engine
 * idle. So from the first such question on, all of them are asked ahead, one at a time, in the
 * order the pages are built (by code): the engine answers them in its own threads while pages
 * are drawn here. The answers go into the memo the pages read, and only the questions the
 * jurisdiction pages ask (see JurisdictionView) are asked, each once: every page gets exactly
 * the rows it would have got. A failed query is left for the page that asks it to report.
 */
function askAhead(): void {
  askingAhead ??= (async () => {
    const settled = (p: Promise<unknown>) => p.then(() => undefined, () => undefined);
    for (const j of await jurisdictions()) {
      for (const ind of await indicators()) {
        const period = await latestPeriodOf(j.code, ind.id);
        if (!period) continue;
        if (period.length === 7) await settled(trendOf(j.code, ind.id, Number(period.slice(0, 4))));
        await settled(seriesOf(j.code, ind.id));
      }
    }
  })().catch(() => undefined);
}

export const releases = memo(() =>
  rows<ReleaseInfo>(`SELECT * FROM (
      SELECT r.id, r.published_at, r.title, r.title_en, r.source, r.notes, CAST(count(o.release) AS INTEGER) AS rows
      FROM releases r LEFT JOIN observation_vintages o ON o.release = r.id
      GROUP BY ALL
    )
    -- by instant: UTC text with its fraction of a second left-aligned (…:00 before …:00.5), not as
    -- written, in which "…:00.5Z" sorts before "…:00Z"
    ORDER BY replace(CASE WHEN contains(published_at, '.') THEN published_at ELSE replace(published_at, 'Z', '.0Z') END, 'Z', '') DESC, id DESC`),
);

/** A release's title in the reader's language: English pages show `title` when there is no `title_en`. */
export const releaseTitle = (r: Pick<ReleaseInfo, 'title' | 'title_en'>, locale: Locale): string =>
  (locale === 'en' && r.title_en) || r.title;

/** What the latest release changed: figures it published first, and figures it revised. */
export const releaseChanges = memo(async (releaseId: string) =>
  rows<{ indicator: string; new_rows: number; revised_rows: number; periods: string }>(
    `SELECT indicator, CAST(count(*) FILTER (WHERE vintage = 1) AS INTEGER) AS new_rows,
       CAST(count(*) FILTER (WHERE vintage > 1) AS INTEGER) AS revised_rows,
       string_agg(DISTINCT period, ', ' ORDER BY period) AS periods
     FROM observation_vintages WHERE release = $release GROUP BY indicator ORDER BY indicator`,
    { release: releaseId },
  ),
);

export type GeoMapConfig = GeoMap;

const geoDir = path.join(publicDataDir, 'geo');

/** maps.csv as published, parsed as CSV (a quoted line break in a cell stays in the cell). */
function readMapsCsv(): GeoMapConfig[] {
  const file = path.join(geoDir, 'maps.csv');
  return fs.existsSync(file) ? parseGeoMaps(fs.readFileSync(file, 'utf8')) : [];
}

let mapsCache: GeoMapConfig[] | undefined;
const topologyCache = new Map<string, Topology>();

/** The boundary file that draws the children of a parent, if the data package has one. */
export function mapFor(parent: string): { config: GeoMapConfig; topology: Topology } | null {
  mapsCache ??= readMapsCsv();
  const config = mapsCache.find((m) => m.parent === parent);
  if (!config) return null;
  let topology = topologyCache.get(config.file);
  if (!topology) {
    topology = JSON.parse(fs.readFileSync(path.join(geoDir, config.file), 'utf8')) as Topology;
    topologyCache.set(config.file, topology);
  }
  return { config, topology };
}

/** The latest period at which some child of the parent has a figure and a target for that year. */
export const boardPeriod = memo(async (parent: string): Promise<string | null> => {
  const r = await rows<{ period: string }>(
    `SELECT o.period FROM observations o
     JOIN jurisdictions j ON j.code = o.jurisdiction
     JOIN targets t ON t.jurisdiction = o.jurisdiction AND t.indicator = o.indicator AND t.year = o.year
     WHERE j.parent = $parent AND (o.value IS NOT NULL OR o.yoy_pct IS NOT NULL)
     ORDER BY ${PERIOD_ORDER.replaceAll('year', 'o.year').replaceAll('month', 'o.month')} LIMIT 1`,
    { parent },
  );
  return r[0]?.period ?? null;
});

/** Every period at which some child of the parent has a figure and a target for that year, newest first. */
export const boardPeriods = memo(async (parent: string): Promise<string[]> => {
  const r = await rows<{ period: string }>(
    `SELECT DISTINCT o.period, o.year, o.month FROM observations o
     JOIN jurisdictions j ON j.code = o.jurisdiction
     JOIN targets t ON t.jurisdiction = o.jurisdiction AND t.indicator = o.indicator AND t.year = o.year
     WHERE j.parent = $parent AND (o.value IS NOT NULL OR o.yoy_pct IS NOT NULL)
     ORDER BY ${PERIOD_ORDER}`,
    { parent },
  );
  return r.map((x) => x.period);
});

/** Parents with children that have targets: each gets a progress board. */
export const boardParents = memo(async (): Promise<string[]> => {
  const r = await rows<{ parent: string }>(
    `SELECT DISTINCT j.parent FROM targets t JOIN jurisdictions j ON j.code = t.jurisdiction
     WHERE j.parent IS NOT NULL ORDER BY j.parent`,
  );
  return r.map((x) => x.parent);
});

/** Indicators with a target for some child of the parent in a year, in the order of `indicators` (the board's columns). */
export const targetIndicators = memo(async (parent: string, year: number): Promise<string[]> => {
  const r = await rows<{ indicator: string }>(
    `SELECT DISTINCT t.indicator FROM targets t JOIN jurisdictions j ON j.code = t.jurisdiction
     WHERE j.parent = $parent AND t.year = $year`,
    { parent, year },
  );
  const ids = new Set(r.map((x) => x.indicator));
  return (await indicators()).filter((i) => ids.has(i.id)).map((i) => i.id);
});

export interface TargetInfo {
  indicator: string;
  year: number;
  type: TargetType;
  value: number | null;
  value_max: number | null;
  qualifier: string | null;
}

/** Every target of a jurisdiction, by indicator and year. */
export const targetsOf = memo(async (code: string): Promise<TargetInfo[]> =>
  rows<TargetInfo>(
    'SELECT indicator, year, type, value, value_max, qualifier FROM targets WHERE jurisdiction = $code ORDER BY indicator, year',
    { code },
  ),
);

/** Every period at which some child of the parent has a figure of the indicator, newest first. */
export async function childPeriods(parent: string, indicatorId: string): Promise<string[]> {
  return ((await childPeriodsByParent()).get(`${parent} ${indicatorId}`) ?? []).map((p) => p.period);
}

/**
 * The briefings pre-rendered: for every jurisdiction with figures, its latest period (the one a
 * bureau circulates) and the latest full year before it (the annual review). Every other period
 * is drawn by the browser from the same renderer: pre-rendering every period of two years (4,000
 * pages for the demo province) took the demo build past ten minutes here.
 */
export const briefingPaths = memo(async (): Promise<{ code: string; period: string }[]> => {
  const known = new Set((await jurisdictions()).map((j) => j.code));
  const r = await rows<{ code: string; period: string; year: number; month: number | null }>(
    `SELECT DISTINCT o.jurisdiction AS code, o.period, o.year, o.month FROM observations o
     WHERE o.value IS NOT NULL OR o.yoy_pct IS NOT NULL
     ORDER BY o.jurisdiction, ${PERIOD_ORDER}`,
  );
  const out: { code: string; period: string }[] = [];
  let current: string | null = null;
  let yearDone = false;
  for (const x of r) {
    if (!known.has(x.code)) continue;
    if (x.code !== current) {
      current = x.code;
      yearDone = x.month === null || x.month === 12;
      out.push({ code: x.code, period: x.period });
      continue;
    }
    // the latest full year before the latest period
    if (!yearDone && (x.month === null || x.month === 12)) {
      yearDone = true;
      out.push({ code: x.code, period: x.period });
    }
  }
  return out;
});

/** The periods of a jurisdiction's briefings that are pre-rendered, newest first. */
export async function briefingPeriods(code: string): Promise<string[]> {
  return (await briefingPaths()).filter((p) => p.code === code).map((p) => p.period);
}

/** Every period with figures of an indicator (the catalog's periods query, as the browser asks it). */
const indicatorPeriods = memo(async (id: string): Promise<string[]> =>
  (await runQuery(await siteEngine(), queries.periods, { indicator: id })).map((r) => r.period),
);

/** Everything a briefing shows for one jurisdiction and period (src/views/briefing.ts), from the memoised queries. */
export async function briefing(code: string, period: string): Promise<Omit<BriefingInput, 'locale'>> {
  const j = await jurisdiction(code);
  return collectBriefing(
    {
      jurisdiction: j,
      parent: j.parent ? await jurisdiction(j.parent) : null,
      hasChildren: (await childrenOf(code)).length > 0,
      indicators: await indicators(),
      period,
    },
    BRIEFING_ASK,
  );
}

const BRIEFING_ASK = { progress, periods: (_parent: string | null, id: string) => indicatorPeriods(id), projects: projectsOf, projectsPage: projectsPageOf };

/** The trajectory of a unit's level target up to a period (the jurisdiction pages and briefings). */
export function trajectory(code: string, parent: string | null, indicatorId: string, period: string) {
  return collectTrajectory(BRIEFING_ASK, code, parent, indicatorId, period);
}

/** One publication of a figure: what a briefing pinned to an earlier data version compares with. */
export type Publication = PublicationFacts;

/** Every publication of the figures of a unit at a period that were ever revised (one query for all units). */
const revisedPublications = memo(async (): Promise<Map<string, Publication[]>> => {
  const r = await rows<Publication & { jurisdiction: string; period: string }>(
    `SELECT v.jurisdiction, v.period, v.indicator, v.vintage, v.release, r.published_at, v.value, v.yoy_pct
     FROM observation_vintages v JOIN releases r ON r.id = v.release
     WHERE (v.jurisdiction, v.indicator, v.period) IN (SELECT jurisdiction, indicator, period FROM observation_vintages WHERE vintage > 1)
     ORDER BY v.jurisdiction, v.period, v.indicator, v.vintage`,
  );
  const out = new Map<string, Publication[]>();
  for (const { jurisdiction, period, ...p } of r) {
    const key = `${jurisdiction} ${period}`;
    out.set(key, [...(out.get(key) ?? []), p]);
  }
  return out;
});

export async function publicationsOf(code: string, period: string): Promise<Publication[]> {
  return (await revisedPublications()).get(`${code} ${period}`) ?? [];
}

/** The months of the projects ledger, newest first: none when the package keeps no ledger. */
export const ledgerPeriods = memo(async (): Promise<string[]> =>
  (await rows<{ period: string }>('SELECT DISTINCT period FROM projects ORDER BY period DESC')).map((r) => r.period),
);

/**
 * The funnel and the rates of every unit at one ledger month, asked once per month for all units
 * (parent NULL): every jurisdiction page and briefing of that month reads its own rows from it,
 * where a query per page would cost thousands (the demo pre-renders some 8000 briefings).
 */
const projectsAt = memo(async (period: string): Promise<{ funnel: Map<string, ProjectFunnelRow[]>; rates: ProjectRatesRow[] }> => {
  const engine = await siteEngine();
  const funnel = await runQuery(engine, queries.projectFunnel, { period, parent: null });
  const rates = await runQuery(engine, queries.projectRates, { period, parent: null });
  const byUnit = new Map<string, ProjectFunnelRow[]>();
  for (const r of funnel) byUnit.set(r.jurisdiction, [...(byUnit.get(r.jurisdiction) ?? []), r]);
  return { funnel: byUnit, rates };
});

/** A unit's projects at a period (an annual period: its December), or null when the ledger has none there. */
export async function projectsOf(code: string, period: string): Promise<UnitProjects | null> {
  const month = ledgerMonth(period);
  if (!(await ledgerPeriods()).includes(month)) return null;
  const at = await projectsAt(month);
  return projectsOfUnit(code, month, at.funnel.get(code) ?? [], at.rates);
}

/**
 * The units that get a projects page, at the latest month of the ledger: those with a page of
 * their own and with projects in some unit under them (the province, a city with counties).
 */
export const projectParents = memo(async (): Promise<string[]> => {
  const period = (await ledgerPeriods())[0];
  if (!period) return [];
  const { funnel } = await projectsAt(period);
  const parents = new Set([...funnel.values()].map((r) => r[0]!.parent));
  const paged = new Set((await jurisdictions()).map((j) => j.code));
  return [...funnel.keys()].filter((code) => parents.has(code) && paged.has(code)).sort();
});

/** The projects page that lists a unit's projects: its own, or its nearest ancestor's; null when none does. */
export async function projectsPageOf(code: string): Promise<string | null> {
  const pages = await projectParents();
  if (pages.includes(code)) return code;
  return (await ancestorsOf(code)).map((a) => a.code).reverse().find((a) => pages.includes(a)) ?? null;
}

/** What a projects page shows: the unit and its subdivisions with projects at the latest month, and its ledger. */
export async function projectsPage(code: string): Promise<{ unit: UnitProjects; children: UnitProjects[]; ledger: ProjectLedgerRow[] }> {
  const period = (await ledgerPeriods())[0];
  const unit = period ? await projectsOf(code, period) : null;
  if (!period || !unit) throw new Error(`no projects under ${code} in the ledger`);
  const { funnel } = await projectsAt(period);
  const children: UnitProjects[] = [];
  for (const [child, own] of funnel) {
    if (own[0]!.parent === code) children.push((await projectsOf(child, period))!);
  }
  const ledger = await runQuery(await siteEngine(), queries.projectLedger, { period, jurisdiction: code });
  return { unit, children, ledger };
}
