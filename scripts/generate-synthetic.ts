/**
 * A scalable SYNTHETIC data package for benchmarks: one province (code 900000) with N counties
 * (900001…), M indicators, monthly year-to-date releases and annual targets for every county
 * and indicator, sized to about `rows` observation rows.
 *
 *   npx tsx scripts/generate-synthetic.ts OUT_DIR [--rows 1000000] [--counties 200] [--indicators 12] [--seed 1]
 *
 * The data is valid for the validator but means nothing: codes 9xxxxx are our own, names say
 * 合成 / synthetic. Observation files are written in chunks, never held whole in memory.
 * Same options, same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { quantize } from 'topojson-client';
import * as schema from '../src/lib/schema.ts';
import { ChunkedWriter, csvLine, formatNumber, headerOf, writeTable } from './demo/csv.ts';
import { rng } from './demo/prng.ts';

export interface SyntheticOptions {
  outDir: string;
  /** Approximate number of observation rows (exact, unless smaller than one period). */
  rows: number;
  /** Counties under the province (default 200). */
  counties?: number;
  /** Indicators (default 12): mostly year-to-date flows; with 3 or more, the last is internal; with 4 or more, the one before is a lower-is-better rate. */
  indicators?: number;
  seed?: number;
  /** The latest period that may be written (default 2025-12): the series runs back from it. */
  lastPeriod?: string;
}

export interface SyntheticSummary {
  observations: number;
  releases: number;
  targets: number;
  jurisdictions: number;
  indicators: number;
  firstPeriod: string;
  lastPeriod: string;
  bytes: number;
  seconds: number;
}

export const SYNTHETIC_PROVINCE = '900000';

/** County i (1-based) → 900001, 900002, … */
export function countyCode(i: number): string {
  return String(900000 + i);
}

interface SynIndicator {
  id: string;
  unit: schema.Unit;
  kind: schema.Kind;
  higherIsBetter: boolean;
  internal: boolean;
  decimals: number;
  /** Typical annual county level. */
  scale: number;
}

/** The indicator list: flows in 亿元, 万美元 and 家 in turn, a lower-is-better rate and an internal one. */
export function syntheticIndicators(count: number): SynIndicator[] {
  const templates: Omit<SynIndicator, 'id' | 'internal'>[] = [
    { unit: '亿元', kind: 'ytd_flow', higherIsBetter: true, decimals: 2, scale: 120 },
    { unit: '万美元', kind: 'ytd_flow', higherIsBetter: true, decimals: 0, scale: 3000 },
    { unit: '家', kind: 'ytd_flow', higherIsBetter: true, decimals: 0, scale: 40 },
  ];
  const list: SynIndicator[] = [];
  for (let i = 0; i < count; i++) {
    const id = `ind_${String(i + 1).padStart(2, '0')}`;
    if (count >= 4 && i === count - 2) {
      list.push({ id, unit: '%', kind: 'rate', higherIsBetter: false, internal: false, decimals: 1, scale: 15 });
    } else {
      list.push({ id, ...templates[i % templates.length]!, internal: count >= 3 && i === count - 1 });
    }
  }
  return list;
}

/** Jan–Feb together, then one period a month: 11 periods a year, YYYY-02 … YYYY-12. */
function periodsBackFrom(lastPeriod: string, count: number): string[] {
  let [y, m] = lastPeriod.split('-').map(Number) as [number, number];
  if (m < 2) throw new Error(`last period ${lastPeriod}: a year's first period is YYYY-02`);
  const out: string[] = [];
  while (out.length < count) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m < 2) {
      y -= 1;
      m = 12;
    }
  }
  return out.reverse();
}

function publishedAt(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  return `${year}-${String(month).padStart(2, '0')}-15T10:00:00+08:00`;
}

/** Cumulative seasonal share at month m (2..12): a mild retail-like profile. */
const MONTH_WEIGHTS = [8.3, 7.7, 7.7, 7.4, 8.0, 8.2, 8.1, 8.2, 8.4, 9.3, 9.2, 9.5];
const CUMULATIVE: number[] = (() => {
  const total = MONTH_WEIGHTS.reduce((a, b) => a + b, 0);
  let sum = 0;
  return MONTH_WEIGHTS.map((w) => (sum += w) / total);
})();

/** N square counties in a grid, wound clockwise for d3-geo, as TopoJSON with one object "units". */
function gridTopoJson(counties: number): string {
  const cols = Math.ceil(Math.sqrt(counties));
  const size = 0.2;
  const features: Feature<Polygon>[] = [];
  for (let i = 0; i < counties; i++) {
    const x0 = 110 + (i % cols) * size;
    const y0 = 30 + Math.floor(i / cols) * size;
    const x1 = x0 + size;
    const y1 = y0 + size;
    const code = countyCode(i + 1);
    features.push({
      type: 'Feature',
      id: code,
      properties: { name: `合成县${i + 1}`, parent: SYNTHETIC_PROVINCE },
      geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]]] },
    });
  }
  const fc: FeatureCollection<Polygon> = { type: 'FeatureCollection', features };
  // The topojson typings disagree on the properties' type parameter; the shapes are the same.
  return JSON.stringify(quantize(topology({ units: fc }) as unknown as Parameters<typeof quantize>[0], 1e4)) + '\n';
}

function clearOutputs(outDir: string): void {
  for (const name of ['observations', 'targets', 'geo']) fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
  for (const name of ['jurisdictions.csv', 'indicators.csv', 'releases.csv', 'exchange_rates.csv', 'dataset.json', 'README.md']) {
    fs.rmSync(path.join(outDir, name), { force: true });
  }
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return total;
}

export async function generateSynthetic(options: SyntheticOptions): Promise<SyntheticSummary> {
  const t0 = performance.now();
  const counties = options.counties ?? 200;
  const seed = options.seed ?? 1;
  const indicators = syntheticIndicators(options.indicators ?? 12);
  if (!(counties >= 1 && counties <= 99999)) throw new Error(`counties must be 1…99999, got ${counties}`);
  if (!(options.rows >= 1)) throw new Error(`rows must be at least 1, got ${options.rows}`);
  const outDir = path.resolve(options.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  clearOutputs(outDir);

  // Units: the province first, then the counties; each reports every indicator.
  const units = [SYNTHETIC_PROVINCE, ...Array.from({ length: counties }, (_, i) => countyCode(i + 1))];
  const perPeriod = units.length * indicators.length;
  // Every sixth release adds restatements of 1/97 of the keys: count them in, so that the
  // row budget runs out in the last period rather than one short of it.
  const perPeriodWithRevisions = perPeriod * (1 + 1 / 97 / 6);
  const periods = periodsBackFrom(options.lastPeriod ?? '2025-12', Math.max(1, Math.ceil(options.rows / perPeriodWithRevisions)));
  const years = [...new Set(periods.map((p) => Number(p.slice(0, 4))))];
  const firstYear = years[0]!;

  writeTable(path.join(outDir, 'jurisdictions.csv'), schema.jurisdictions, [
    { code: SYNTHETIC_PROVINCE, parent: '', level: 'province', name_zh: '合成省', name_en: 'Synthetic Province' },
    ...units.slice(1).map((code, i) => ({ code, parent: SYNTHETIC_PROVINCE, level: 'county', name_zh: `合成县${i + 1}`, name_en: `Synthetic County ${i + 1}` })),
  ]);
  writeTable(
    path.join(outDir, 'indicators.csv'),
    schema.indicators,
    indicators.map((ind) => ({
      id: ind.id,
      name_zh: `合成指标${ind.id.slice(4)}`,
      name_en: `Synthetic indicator ${ind.id.slice(4)}`,
      unit: ind.unit,
      kind: ind.kind,
      higher_is_better: String(ind.higherIsBetter),
      additive: String(ind.kind !== 'rate'),
      allow_negative: 'false',
      decimals: String(Math.min(ind.decimals, 1)),
      visibility: ind.internal ? 'internal' : 'public',
      category: 'synthetic',
      definition_zh: '合成基准数据，无实际含义。',
      definition_en: 'Synthetic benchmark data; means nothing.',
      source: 'synthetic: scripts/generate-synthetic.ts',
    })),
  );
  writeTable(
    path.join(outDir, 'exchange_rates.csv'),
    schema.exchangeRates,
    years.map((y) => ({ year: String(y), currency: 'USD', cny_per_unit: '7', source: 'synthetic: scripts/generate-synthetic.ts' })),
  );
  writeTable(
    path.join(outDir, 'releases.csv'),
    schema.releases,
    periods.map((p) => ({
      id: p,
      published_at: publishedAt(p),
      title: `合成基准数据 / synthetic benchmark data ${p}`,
      source: 'synthetic: scripts/generate-synthetic.ts',
      notes: 'Synthetic data for benchmarks; means nothing.',
    })),
  );

  // Per (unit, indicator): a level and a growth rate, drawn once. Then one stream of noise in
  // a fixed order, so the bytes depend only on the options.
  const r = rng(seed, 'synthetic');
  const keys = units.length * indicators.length;
  const level = new Float64Array(keys);
  const growth = new Float64Array(keys);
  for (let k = 0; k < keys; k++) {
    const ind = indicators[k % indicators.length]!;
    const isProvince = k < indicators.length;
    level[k] = ind.kind === 'rate' ? ind.scale * r.lognormal(0.3) : ind.scale * (isProvince ? counties * 1.02 : r.lognormal(0.6));
    growth[k] = 0.05 + 0.06 * r.normal();
  }

  // Observations, one file per release, written in chunks. Every sixth release also restates
  // the previous period for about 1 % of the keys (flag r); ~0.5 % suppressed, ~0.3 % missing.
  const header = csvLine(headerOf(schema.observations));
  let written = 0;
  let releases = 0;
  const valueOf = (k: number, p: string, ind: SynIndicator, noise: number): number => {
    const y = Number(p.slice(0, 4)) - firstYear;
    const m = Number(p.slice(5, 7));
    if (ind.kind === 'rate') return level[k]! * (1 + (0.3 * (12 - m)) / 10) * (1 + 0.05 * noise);
    return level[k]! * (1 + growth[k]!) ** y * CUMULATIVE[m - 1]! * (1 + 0.02 * noise);
  };
  const line = (k: number, p: string, flag: string, noise: number): string => {
    const ind = indicators[k % indicators.length]!;
    const code = units[Math.floor(k / indicators.length)]!;
    if (flag === 'c' || flag === 'na') return `${code},${ind.id},${p},,,${flag},synthetic\n`;
    const value = formatNumber(valueOf(k, p, ind, noise), ind.decimals);
    const yoy = ind.kind === 'rate' || p.slice(0, 4) === String(firstYear) ? '' : formatNumber(growth[k]! * 100 + 0.5 * noise, 1);
    return `${code},${ind.id},${p},${value},${yoy},${flag},synthetic\n`;
  };
  for (let i = 0; i < periods.length && written < options.rows; i++) {
    const p = periods[i]!;
    const out = new ChunkedWriter(path.join(outDir, 'observations', `${p}.csv`));
    out.write(header);
    releases += 1;
    // Restatements come first in the file: the previous period sorts before this one.
    if (i > 0 && i % 6 === 0) {
      for (let k = 0; k < keys && written < options.rows; k += 97) {
        out.write(line(k, periods[i - 1]!, 'r', r.normal()));
        written += 1;
      }
    }
    for (let k = 0; k < keys && written < options.rows; k++) {
      const u = r.next();
      const flag = u < 0.005 ? 'c' : u < 0.008 ? 'na' : '';
      out.write(line(k, p, flag, r.normal()));
      written += 1;
    }
    out.close();
  }
  // Releases without a file would be refused: keep only the releases written.
  if (releases < periods.length) {
    periods.length = releases;
    writeTable(
      path.join(outDir, 'releases.csv'),
      schema.releases,
      periods.map((p) => ({ id: p, published_at: publishedAt(p), title: `合成基准数据 / synthetic benchmark data ${p}`, source: 'synthetic: scripts/generate-synthetic.ts', notes: 'Synthetic data for benchmarks; means nothing.' })),
    );
  }

  // Targets: every unit and indicator, every year with data. Growth targets for every other
  // flow indicator, level targets for the rest (rates: a ceiling, 以内).
  let targets = 0;
  for (const year of [...new Set(periods.map((p) => Number(p.slice(0, 4))))]) {
    const out = new ChunkedWriter(path.join(outDir, 'targets', `${year}.csv`));
    out.write(csvLine(headerOf(schema.targets)));
    for (let k = 0; k < keys; k++) {
      const ind = indicators[k % indicators.length]!;
      const code = units[Math.floor(k / indicators.length)]!;
      const idx = k % indicators.length;
      let type = 'level';
      let value: string;
      let qualifier = '以上';
      if (ind.kind === 'rate') {
        value = formatNumber(level[k]! * 0.95, 1);
        qualifier = '以内';
      } else if (idx % 2 === 0) {
        type = 'growth';
        value = formatNumber(5 + Math.round(growth[k]! * 20) / 2, 1);
      } else {
        value = formatNumber(level[k]! * (1 + growth[k]!) ** (year - firstYear) * 1.05, ind.decimals);
      }
      out.write(`${code},${ind.id},${year},${type},${value},,${qualifier},synthetic: scripts/generate-synthetic.ts,\n`);
      targets += 1;
    }
    out.close();
  }

  fs.mkdirSync(path.join(outDir, 'geo'), { recursive: true });
  fs.writeFileSync(path.join(outDir, 'geo', 'synthetic-grid.topo.json'), gridTopoJson(counties));
  writeTable(path.join(outDir, 'geo', 'maps.csv'), schema.geoMaps, [
    { parent: SYNTHETIC_PROVINCE, file: 'synthetic-grid.topo.json', attribution_zh: '合成网格，非真实边界', attribution_en: 'Synthetic grid, not real boundaries', approval_number: '' },
  ]);
  fs.writeFileSync(
    path.join(outDir, 'dataset.json'),
    JSON.stringify({ title_zh: '合成基准数据', title_en: 'Synthetic benchmark data', synthetic: true, publisher_zh: '合成数据', publisher_en: 'Synthetic data' }, null, 2) + '\n',
  );
  fs.writeFileSync(
    path.join(outDir, 'README.md'),
    `# Synthetic benchmark data (合成基准数据)\n\nGenerated by scripts/generate-synthetic.ts: ${written} observation rows, ${counties} counties, ${indicators.length} indicators, seed ${seed}. Means nothing.\n`,
  );

  return {
    observations: written,
    releases,
    targets,
    jurisdictions: units.length,
    indicators: indicators.length,
    firstPeriod: periods[0]!,
    lastPeriod: periods[periods.length - 1]!,
    bytes: dirBytes(outDir),
    seconds: (performance.now() - t0) / 1000,
  };
}

function parseArgs(argv: string[]): SyntheticOptions {
  const usage = 'usage: npx tsx scripts/generate-synthetic.ts OUT_DIR [--rows N] [--counties N] [--indicators N] [--seed N] [--last-period YYYY-MM]';
  const options: SyntheticOptions = { outDir: '', rows: 1_000_000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${usage}`);
      return v;
    };
    if (arg === '--rows') options.rows = Number(next());
    else if (arg === '--counties') options.counties = Number(next());
    else if (arg === '--indicators') options.indicators = Number(next());
    else if (arg === '--seed') options.seed = Number(next());
    else if (arg === '--last-period') options.lastPeriod = next();
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${usage}`);
    else if (options.outDir === '') options.outDir = arg;
    else throw new Error(`one output directory expected\n${usage}`);
  }
  if (options.outDir === '') throw new Error(usage);
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const s = await generateSynthetic(options);
  console.log(
    `${options.outDir}: ${s.observations} observations in ${s.releases} releases (${s.firstPeriod} … ${s.lastPeriod}), ${s.targets} targets, ` +
      `${s.jurisdictions} jurisdictions, ${s.indicators} indicators, ${(s.bytes / 1e6).toFixed(1)} MB in ${s.seconds.toFixed(2)} s`,
  );
}
