/**
 * npm run import:shared [-- <shared data dir>]
 *
 * Converts the collected real figures in ../shared/data/ (default, relative to the repository
 * root) into the project's data package in data/. Only this script reads ../shared; the build
 * and the tests read data/, which is committed. Same input ⇒ same bytes: rows are sorted,
 * lines end in LF, and no date of "now" is written.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';
import * as schema from '../src/lib/schema.ts';
import { parseCsv, sortRows, toCsv, type Row } from './import-shared/csv.ts';
import { buildExchangeRates } from './import-shared/exchange-rates.ts';
import { buildTopology, cleanFeatures, wronglyWound, type GeoOptions, type SourceUnit } from './import-shared/geo.ts';
import { INDICATORS } from './import-shared/indicators.ts';
import { ROOT_CODE, buildJurisdictions, type Jurisdiction } from './import-shared/jurisdictions.ts';
import {
  gdpRelease,
  nationalMonthlyReleases,
  populationRelease,
  retailReleases,
  sortObservations,
  tradeRelease,
  zhengzhouRelease,
  type CodeByName,
  type Release,
} from './import-shared/observations.ts';
import { attachStatements, keyOf, pointReleases, provinceRetailRelease, readProvinceFigures, type UnitOf } from './import-shared/province-figures.ts';
import { buildTargets } from './import-shared/targets.ts';
import { MAP_ATTRIBUTION, dataReadme, geoReadme, type GeoFileInfo } from './import-shared/texts.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = path.resolve(repoRoot, process.argv[2] ?? '../shared/data');
const outDir = path.join(repoRoot, 'data');

function readShared(relative: string): string {
  return readFileSync(path.join(sharedDir, relative), 'utf8');
}

function readSharedCsv(relative: string): Row[] {
  return parseCsv(readShared(relative), relative);
}

function write(relative: string, text: string): number {
  const file = path.join(outDir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

// --- jurisdictions --------------------------------------------------------------------------

const divisions = readSharedCsv('codes/divisions_2023.csv');
const jurisdictionImport = buildJurisdictions(divisions);
const jurisdictions = jurisdictionImport.rows;
const byCode = new Map(jurisdictions.map((j) => [j.code, j]));

/** Province by its full Chinese name (the NBS exports write 北京市, 内蒙古自治区, …). */
const provinceByName = new Map(jurisdictions.filter((j) => j.level === 'province').map((j) => [j.name_zh, j.code]));
const codeOfProvince: CodeByName = (name, label) => {
  const code = provinceByName.get(name);
  if (!code) throw new Error(`${label}: unknown province ${name}`);
  return code;
};

/** City of the 36-cities table by its short name (北京, 石家庄, …): a municipality or a prefecture city. */
const codeOfCity: CodeByName = (name, label) => {
  const candidates = jurisdictions.filter((j) => (j.level === 'province' || j.level === 'prefecture') && j.name_zh === `${name}市`);
  if (candidates.length !== 1) throw new Error(`${label}: ${candidates.length} jurisdictions named ${name}市`);
  return candidates[0]!.code;
};

// --- observations and releases ----------------------------------------------------------------

const growthRows = readSharedCsv('stats/province_growth_targets.csv');
const provinceRetail = readSharedCsv('stats/province_retail_sales_annual.csv');
const henanCities = readSharedCsv('stats/henan_city_indicators.csv');
const unitOf: UnitOf = (id) => INDICATORS.find((i) => i.id === id)?.unit;
const leftOut: string[] = [];

/**
 * The one key published by two releases on purpose: Zhengzhou's 2023 retail sales as its
 * commerce conference first reported them, then as the NBS major-cities database gives them.
 */
const LATER_VINTAGES = new Set(['410100|retail_sales|2023']);

// One row per (jurisdiction, indicator, period): a key of a database series (provincial retail
// sales, the trade panel) takes its level from the series and a published growth rate from the
// statements about it; the statements no series has make releases of their own.
const figures = readProvinceFigures(readSharedCsv('stats/province_figures_2016_2025.csv'), unitOf);
leftOut.push(...figures.left_out);
const retail = retailReleases(readShared('stats/major36cities_retail_sales_2015_2024_NBS.csv'), provinceRetail, henanCities, codeOfCity, figures);
leftOut.push(...retail.left_out);
const provincial = attachStatements(provinceRetailRelease(figures), [...figures.statements, ...retail.statements], unitOf);
const trade = attachStatements(tradeRelease(readSharedCsv('stats/province_trade_rmb_2016_2024.csv')), provincial.rest, unitOf);

const releases: Release[] = [
  gdpRelease(readShared('stats/gdp_by_province_2006_2024_NBS.csv'), growthRows, codeOfProvince),
  populationRelease(readShared('stats/population_by_province_2015_2024_NBS.csv'), codeOfProvince),
  trade.release,
  provincial.release,
  retail.majorCities,
  ...pointReleases(trade.rest, unitOf),
  zhengzhouRelease(henanCities.filter((r) => r.city_code === '410100'), leftOut),
  ...nationalMonthlyReleases(readSharedCsv('stats/national_monthly_retail.csv')),
];
if (henanCities.some((r) => r.city_code !== '410100')) throw new Error('henan_city_indicators.csv: rows for cities other than Zhengzhou are not handled');
checkReleases(releases, byCode);

// --- targets ----------------------------------------------------------------------------------

const targetImport = buildTargets(growthRows, readSharedCsv('stats/province_targets_2025.csv'), unitOf);
leftOut.push(...targetImport.left_out);
for (const list of targetImport.byYear.values()) {
  for (const t of list) if (!byCode.has(t.jurisdiction)) throw new Error(`target for unknown jurisdiction ${t.jurisdiction}`);
}

// --- write tables -----------------------------------------------------------------------------

// Start from an empty output so that a release or year no longer produced leaves no stale file.
for (const dir of ['observations', 'targets', 'geo']) rmSync(path.join(outDir, dir), { recursive: true, force: true });

write(schema.jurisdictions.path, toCsv(schema.jurisdictions, jurisdictions as unknown as Row[]));
write(schema.indicators.path, toCsv(schema.indicators, INDICATORS as unknown as Row[]));

const orderedReleases = sortRows([...releases], (r) => r.published_at, (r) => r.id);
write(
  schema.releases.path,
  toCsv(
    schema.releases,
    orderedReleases.map((r) => ({ id: r.id, published_at: r.published_at, title: r.title, title_en: r.title_en, source: r.source, notes: r.notes })),
  ),
);
for (const r of releases) {
  write(`observations/${r.id}.csv`, toCsv(schema.observations, sortObservations(r.rows) as unknown as Row[]));
}
const targetYears = [...targetImport.byYear.keys()].sort();
for (const year of targetYears) {
  write(`targets/${year}.csv`, toCsv(schema.targets, targetImport.byYear.get(year)! as unknown as Row[]));
}
const exchangeRates = buildExchangeRates();
write(schema.exchangeRates.path, toCsv(schema.exchangeRates, exchangeRates as unknown as Row[]));

// --- maps -------------------------------------------------------------------------------------

interface MapSpec {
  parent: string;
  file: string;
  source: string;
  attribution: { zh: string; en: string };
  options: GeoOptions;
}

const MAPS: readonly MapSpec[] = [
  {
    parent: ROOT_CODE,
    file: 'china-provinces.topo.json',
    source: 'geo/echarts-4.9.0/china_provinces.geojson',
    attribution: MAP_ATTRIBUTION.china,
    // Drawn ~600 px wide for ~62° of longitude, one pixel is ~0.1° (0.01 square degrees):
    // islands under ~0.2 px² go, points whose triangle is under ~0.4 px² go. Checked by eye at
    // 600 px; ~67 KB.
    options: { minIslandArea: 0.002, minWeight: 0.004, quantization: 1e4 },
  },
  {
    parent: '410000',
    file: 'henan-prefectures.topo.json',
    source: 'geo/echarts-4.9.0/henan_prefectures.geojson',
    attribution: MAP_ATTRIBUTION.henan,
    // Henan is ~6.3° wide: at ~600 px one pixel is ~0.0105° (1.1e-4 square degrees); the same
    // thresholds in pixels as the China map. ~44 KB.
    options: { minIslandArea: 0.00002, minWeight: 0.00004, quantization: 1e4 },
  },
];

interface SourceFeature {
  properties: { adcode?: number | string; name?: string } | null;
  geometry: Polygon | MultiPolygon | null;
}

const geoInfo: GeoFileInfo[] = [];
const droppedFeatures: string[] = [];
for (const spec of MAPS) {
  const source = JSON.parse(readShared(spec.source)) as { features: SourceFeature[] };
  const units: SourceUnit[] = [];
  for (const f of source.features) {
    const code = String(f.properties?.adcode ?? '');
    const j = byCode.get(code);
    if (!/^\d{6}$/.test(code) || !j || !f.geometry) {
      droppedFeatures.push(`${spec.source}: feature ${code || '(no code)'} ${f.properties?.name ?? ''} has no known jurisdiction code`);
      continue;
    }
    if (j.parent !== spec.parent) throw new Error(`${spec.source}: ${code} is not a child of ${spec.parent}`);
    units.push({ code, name: j.name_zh, geometry: f.geometry });
  }
  const text = buildTopology(cleanFeatures(units, spec.options.minIslandArea), spec.options);
  const bytes = write(`geo/${spec.file}`, text);
  geoInfo.push({
    file: spec.file,
    parent: spec.parent,
    features: units.length,
    bytes,
    source: `echarts 4.9.0 (\`../shared/data/${spec.source}\`)`,
    rewound: wronglyWound(units),
  });
}
leftOut.push(...droppedFeatures);
write(
  schema.geoMaps.path,
  toCsv(
    schema.geoMaps,
    MAPS.map((m) => ({ parent: m.parent, file: m.file, attribution_zh: m.attribution.zh, attribution_en: m.attribution.en, approval_number: '' })),
  ),
);
write('geo/README.md', geoReadme(geoInfo));

// --- README and summary -----------------------------------------------------------------------

leftOut.push(
  `codes/divisions_2023.csv: placeholder prefectures ${jurisdictionImport.droppedPlaceholders.join(', ')} (members attached to the province)`,
  `codes/divisions_2023.csv: the self-parented repeats of ${jurisdictionImport.droppedSelfDuplicates.join(', ')}`,
  'geo/datav-v3/: not used (scraped from Aliyun DataV without a licence); echarts 4.9.0 (Apache-2.0) is used instead',
);
const releaseSummary = sortRows([...releases], (r) => r.id).map((r) => ({ id: r.id, rows: r.rows.length, source: r.source }));
write(
  'README.md',
  dataReadme({
    jurisdictions: jurisdictions.length,
    indicators: INDICATORS.length,
    releases: releaseSummary,
    targets: targetYears.map((year) => ({ year, rows: targetImport.byYear.get(year)!.length })),
    exchangeRates: exchangeRates.length,
    leftOut,
  }),
);

const observationCount = releases.reduce((n, r) => n + r.rows.length, 0);
console.log(`import:shared from ${sharedDir}`);
console.log(`  jurisdictions.csv      ${jurisdictions.length} rows`);
console.log(`  indicators.csv         ${INDICATORS.length} rows`);
console.log(`  releases.csv           ${releases.length} releases, ${observationCount} observations`);
for (const r of releaseSummary.filter((r) => !r.id.startsWith('nbs-national-retail-'))) console.log(`    ${r.id.padEnd(40)} ${r.rows}`);
console.log(`    nbs-national-retail-YYYY-MM × ${releaseSummary.filter((r) => r.id.startsWith('nbs-national-retail-')).length}`);
for (const year of targetYears) console.log(`  targets/${year}.csv       ${targetImport.byYear.get(year)!.length} rows`);
console.log(`  exchange_rates.csv     ${exchangeRates.length} rows`);
for (const g of geoInfo) console.log(`  geo/${g.file.padEnd(30)} ${g.features} features, ${(statSync(path.join(outDir, 'geo', g.file)).size / 1024).toFixed(1)} KB`);
console.log(`  left out: ${leftOut.length} items; see data/README.md`);

// --- consistency checks -------------------------------------------------------------------------

function checkReleases(list: readonly Release[], known: Map<string, Jurisdiction>): void {
  const ids = new Set<string>();
  const indicatorIds = new Set(INDICATORS.map((i) => i.id));
  const releaseOf = new Map<string, string>();
  for (const r of list) {
    if (ids.has(r.id)) throw new Error(`release ${r.id} twice`);
    ids.add(r.id);
    if (r.title_en === '' || /[^\x20-\x7e]/.test(r.title_en)) throw new Error(`release ${r.id}: title_en must be English in ASCII`);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(r.published_at)) throw new Error(`release ${r.id}: bad published_at ${r.published_at}`);
    const keys = new Set<string>();
    for (const o of r.rows) {
      const key = keyOf(o);
      if (keys.has(key)) throw new Error(`release ${r.id}: ${key} twice`);
      keys.add(key);
      const other = releaseOf.get(key);
      if (other !== undefined && !LATER_VINTAGES.has(key)) throw new Error(`${key} is in releases ${other} and ${r.id}: choose one source`);
      releaseOf.set(key, r.id);
      if (!known.has(o.jurisdiction)) throw new Error(`release ${r.id}: unknown jurisdiction ${o.jurisdiction}`);
      if (!indicatorIds.has(o.indicator)) throw new Error(`release ${r.id}: unknown indicator ${o.indicator}`);
      if (!schema.PERIOD_RE.test(o.period)) throw new Error(`release ${r.id}: bad period ${o.period}`);
      const needsEmpty = schema.FLAGS_WITHOUT_VALUE.includes(o.flag);
      if (needsEmpty !== (o.value === '')) throw new Error(`release ${r.id}: ${key} value ${JSON.stringify(o.value)} with flag ${JSON.stringify(o.flag)}`);
      if (o.value !== '' && Number(o.value) < 0) throw new Error(`release ${r.id}: ${key} negative`);
    }
  }
}
