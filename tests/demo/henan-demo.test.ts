/**
 * The committed synthetic demo (examples/henan-demo) has every feature the site must
 * handle, is labelled synthetic everywhere, and is exactly what the generator writes.
 * Reads only the repository: never ../shared.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { geoArea } from 'd3';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../src/lib/schema.ts';
import { writeDemo } from '../../scripts/make-demo-data.ts';
import { unitsFromJurisdictionsCsv } from '../../scripts/demo/units.ts';

const DEMO = path.resolve(import.meta.dirname, '../../examples/henan-demo');

type Row = Record<string, string>;

function readCsv(rel: string): Row[] {
  const parsed = Papa.parse<Row>(fs.readFileSync(path.join(DEMO, rel), 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors, rel).toEqual([]);
  return parsed.data;
}

function headerOf(rel: string): string[] {
  return fs.readFileSync(path.join(DEMO, rel), 'utf8').split('\n', 1)[0]!.split(',');
}

const jurisdictions = readCsv('jurisdictions.csv');
const indicators = readCsv('indicators.csv');
const releases = readCsv('releases.csv');
const observationFiles = fs.readdirSync(path.join(DEMO, 'observations')).sort();
const observations: (Row & { release: string })[] = observationFiles.flatMap((f) =>
  readCsv(`observations/${f}`).map((r) => ({ ...r, release: f.replace(/\.csv$/, '') })),
);
const targetFiles = fs.readdirSync(path.join(DEMO, 'targets')).sort();
const targets = targetFiles.flatMap((f) => readCsv(`targets/${f}`));
const projectFiles = fs.readdirSync(path.join(DEMO, 'projects')).sort();
const projects: (Row & { release: string })[] = projectFiles.flatMap((f) => readCsv(`projects/${f}`).map((r) => ({ ...r, release: f.replace(/\.csv$/, '') })));

function lastDayOf(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

describe('the committed Henan demo', () => {
  it('writes every table with exactly the schema columns in schema order', () => {
    const tables: [string, schema.Table][] = [
      ['jurisdictions.csv', schema.jurisdictions],
      ['indicators.csv', schema.indicators],
      ['releases.csv', schema.releases],
      ['exchange_rates.csv', schema.exchangeRates],
      ['geo/maps.csv', schema.geoMaps],
      ...observationFiles.map((f): [string, schema.Table] => [`observations/${f}`, schema.observations]),
      ...targetFiles.map((f): [string, schema.Table] => [`targets/${f}`, schema.targets]),
      ...projectFiles.map((f): [string, schema.Table] => [`projects/${f}`, schema.projects]),
    ];
    for (const [rel, table] of tables) expect(headerOf(rel), rel).toEqual(table.columns.map((c) => c.name));
  });

  it('has Henan, its 18 prefecture-level units and their counties, with real codes', () => {
    const byLevel = (level: string) => jurisdictions.filter((j) => j.level === level);
    expect(byLevel('province').map((j) => j.code)).toEqual(['410000']);
    const cities = byLevel('prefecture');
    expect(cities).toHaveLength(18);
    expect(cities.map((c) => c.code)).toContain('419001');
    expect(cities.every((c) => c.parent === '410000')).toBe(true);
    // 156 current counties, plus the retired code of the code change.
    expect(byLevel('county')).toHaveLength(157);
    expect(jurisdictions.find((j) => j.code === '410100')?.name_zh).toBe('郑州市');
    expect(jurisdictions.every((j) => j.name_en !== '')).toBe(true);
  });

  it('publishes one release a month, January and February together, never a YYYY-01', () => {
    expect(releases.map((r) => r.id)).toEqual(observationFiles.map((f) => f.replace(/\.csv$/, '')));
    for (const year of ['2023', '2024', '2025']) {
      const ids = releases.filter((r) => r.id!.startsWith(year)).map((r) => r.id!);
      expect(ids[0], year).toBe(`${year}-02`);
      expect(ids).toHaveLength(year === '2025' ? 8 : 11);
    }
    expect(observations.some((o) => o.period!.endsWith('-01'))).toBe(false);
    // Each release carries its own period (plus, sometimes, restated earlier ones).
    for (const r of releases) expect(observations.filter((o) => o.release === r.id && o.period === r.id).length).toBeGreaterThan(1000);
  });

  it('dates releases in the following month, Beijing time, none in the future', () => {
    for (const r of releases) {
      expect(r.published_at).toMatch(/^\d{4}-\d{2}-(1[5-9]|2[0-2])T10:00:00\+08:00$/);
      expect(r.published_at!.slice(0, 10) > lastDayOf(r.id!)).toBe(true);
      expect(new Date(r.published_at!).getTime()).toBeLessThan(Date.parse('2026-11-22T00:00:00Z'));
    }
  });

  it('has suppressed (c) and missing (na) figures with empty values', () => {
    const c = observations.filter((o) => o.flag === 'c');
    const na = observations.filter((o) => o.flag === 'na');
    expect(c.length).toBeGreaterThan(0);
    expect(na.length).toBeGreaterThan(0);
    for (const o of [...c, ...na]) expect(o.value).toBe('');
    // A suppressed city figure, so that rankings must list it unranked.
    expect(c.some((o) => o.jurisdiction === '419001')).toBe(true);
  });

  it('has a revision: a later release restates an earlier figure with flag r', () => {
    const revised = observations.filter((o) => o.flag === 'r');
    expect(revised.length).toBeGreaterThan(0);
    for (const r of revised) {
      expect(r.period! < r.release).toBe(true);
      const first = observations.find((o) => o.release === r.period && o.jurisdiction === r.jurisdiction && o.indicator === r.indicator && o.period === r.period);
      expect(first, `${r.jurisdiction} ${r.indicator} ${r.period}`).toBeDefined();
      expect(first!.value).not.toBe(r.value);
    }
  });

  it('changes 偃师 from 410381 to 410307 on 2023-07-01, with figures on both sides', () => {
    const old = jurisdictions.find((j) => j.code === '410381')!;
    const current = jurisdictions.find((j) => j.code === '410307')!;
    expect(old.valid_to).toBe('2023-06-30');
    expect(current.valid_from).toBe('2023-07-01');
    const periodsOf = (code: string) => observations.filter((o) => o.jurisdiction === code).map((o) => o.period!);
    expect(periodsOf('410381').length).toBeGreaterThan(0);
    expect(periodsOf('410381').every((p) => p <= '2023-06')).toBe(true);
    expect(periodsOf('410307').length).toBeGreaterThan(0);
    expect(periodsOf('410307').every((p) => p >= '2023-07')).toBe(true);
  });

  it('uses, for every figure, the code valid on the last day of its period', () => {
    const validity = new Map(jurisdictions.map((j) => [j.code!, j]));
    const lastDays = new Map<string, string>();
    const invalid: string[] = [];
    for (const o of observations) {
      const j = validity.get(o.jurisdiction!);
      let day = lastDays.get(o.period!);
      if (day === undefined) lastDays.set(o.period!, (day = lastDayOf(o.period!)));
      if (!j || (j.valid_from && day < j.valid_from) || (j.valid_to && day > j.valid_to)) invalid.push(`${o.release}: ${o.jurisdiction} ${o.period}`);
    }
    expect(invalid).toEqual([]);
  });

  it('has level and growth targets for every city in every year, and county targets for some', () => {
    const cities = jurisdictions.filter((j) => j.level === 'prefecture').map((j) => j.code!);
    for (const year of ['2023', '2024', '2025']) {
      for (const city of cities) {
        const types = new Set(targets.filter((t) => t.year === year && t.jurisdiction === city).map((t) => t.type));
        expect(types, `${city} ${year}`).toEqual(new Set(['level', 'growth']));
      }
    }
    const counties = new Set(targets.map((t) => t.jurisdiction).filter((c) => jurisdictions.find((j) => j.code === c)?.level === 'county'));
    expect(counties.size).toBeGreaterThan(10);
    expect(targets.some((t) => t.qualifier === '以内')).toBe(true);
  });

  it('has an internal indicator, a lower-is-better one and FDI in US dollars', () => {
    expect(indicators.filter((i) => i.visibility === 'internal').map((i) => i.id)).toEqual(['signed_project_investment']);
    expect(indicators.filter((i) => i.higher_is_better === 'false').map((i) => i.id)).toEqual(['loss_making_share']);
    expect(indicators.find((i) => i.id === 'fdi_actual')?.unit).toBe('万美元');
    expect(observations.some((o) => o.indicator === 'signed_project_investment')).toBe(true);
  });

  it('has a projects ledger for 2024 and 2025 with every case a ledger must handle', () => {
    // One file per release of 2024 and 2025, each holding its own month.
    expect(projectFiles).toEqual(releases.filter((r) => r.id! >= '2024').map((r) => `${r.id}.csv`));
    expect(projects.every((p) => p.period === p.release)).toBe(true);
    const latest = projects.filter((p) => p.period === '2025-09');
    const level = (code: string) => jurisdictions.find((j) => j.code === code)?.level;
    expect(new Set(projects.map((p) => level(p.jurisdiction!)))).toEqual(new Set(['prefecture', 'county']));
    expect(new Set(projects.map((p) => p.stage))).toEqual(new Set(['planned', 'negotiating', 'signed', 'started', 'operating']));
    // Stalled: signed in the first half of 2024, still not started, no funds.
    expect(latest.filter((p) => p.stage === 'signed' && p.signed_on! < '2024-07-01' && Number(p.funds_arrived) === 0).length).toBeGreaterThan(0);
    expect(projects.some((p) => p.stage === 'signed' && p.funds_arrived === '0')).toBe(true);
    expect(projects.some((p) => p.unit === '万美元')).toBe(true);
    expect(projects.some((p) => Number(p.funds_arrived) > Number(p.amount) && p.amount !== '')).toBe(true);
    expect(new Set(projects.filter((p) => p.visibility === 'internal').map((p) => p.project)).size).toBeGreaterThan(0);
    expect(new Set(projects.filter((p) => p.stage_note !== '').map((p) => `${p.stage} ${p.stage_note}`))).toEqual(new Set(['negotiating 合同解除，重新洽谈', 'signed 停工整改']));
    for (const p of projects) expect(p.source).toContain('synthetic');
    // Targets for the three rates, so that verdicts appear.
    const rateTargets = targets.filter((t) => t.indicator!.startsWith('project_'));
    expect(new Set(rateTargets.map((t) => `${t.year} ${t.indicator}`)).size).toBe(6);
  });

  it('has magnitudes of the right order for Henan', () => {
    const value = (code: string, ind: string, period: string) =>
      Number(observations.find((o) => o.jurisdiction === code && o.indicator === ind && o.period === period && o.release === period)?.value);
    for (const p of ['2023-12', '2024-12']) {
      expect(value('410000', 'retail_sales', p)).toBeGreaterThan(25000);
      expect(value('410000', 'retail_sales', p)).toBeLessThan(28500);
      expect(value('410100', 'retail_sales', p)).toBeGreaterThan(5400);
      expect(value('410100', 'retail_sales', p)).toBeLessThan(6500);
      expect(value('410000', 'trade_total', p)).toBeGreaterThan(7000);
      expect(value('410000', 'trade_total', p)).toBeLessThan(9500);
    }
  });

  it('is labelled synthetic in every file that can say so', () => {
    const readme = fs.readFileSync(path.join(DEMO, 'README.md'), 'utf8');
    expect(readme).toContain('SYNTHETIC');
    expect(readme).toContain('合成');
    expect(JSON.parse(fs.readFileSync(path.join(DEMO, 'dataset.json'), 'utf8')).synthetic).toBe(true);
    for (const r of releases) {
      expect(r.title).toContain('示例数据（合成）');
      expect(r.title).toContain('synthetic');
      expect(r.notes).toContain('Synthetic');
      expect(r.source).toContain('synthetic');
    }
    for (const i of indicators) expect(i.source).toContain('synthetic');
    for (const t of targets) expect(t.source).toContain('synthetic');
    for (const x of readCsv('exchange_rates.csv')) expect(x.source).toContain('synthetic');
    expect(observations.filter((o) => !o.note!.startsWith('synthetic'))).toEqual([]);
    for (const m of readCsv('geo/maps.csv')) expect(m.attribution_en).toContain('demonstration');
  });

  it('draws every boundary as a small area (rings wound for d3), keyed by current codes', () => {
    const codes = new Set(jurisdictions.filter((j) => !j.valid_to).map((j) => j.code));
    const maps = readCsv('geo/maps.csv');
    expect(maps.map((m) => m.parent)).toContain('410000');
    expect(maps).toHaveLength(18); // the province, and 17 cities (济源 has no county split)
    for (const file of new Set(maps.map((m) => m.file!))) {
      const text = fs.readFileSync(path.join(DEMO, 'geo', file), 'utf8');
      expect(text.length, file).toBeLessThan(150 * 1024);
      const topo = JSON.parse(text) as Topology<{ units: GeometryCollection }>;
      expect(Object.keys(topo.objects)).toEqual(['units']);
      const fc = feature(topo, topo.objects.units) as FeatureCollection;
      for (const f of fc.features) {
        expect(codes.has(String(f.id)), String(f.id)).toBe(true);
        expect(typeof f.properties?.name).toBe('string');
        expect(geoArea(f), String(f.id)).toBeLessThan(0.01);
        expect(geoArea(f), String(f.id)).toBeGreaterThan(0);
      }
    }
    const counties = JSON.parse(fs.readFileSync(path.join(DEMO, 'geo', 'henan-counties.topo.json'), 'utf8')) as Topology<{ units: GeometryCollection }>;
    const ids = counties.objects.units.geometries.map((g) => String(g.id));
    expect(ids).toHaveLength(156);
    expect(ids).not.toContain('410306');
    expect(ids).not.toContain('410381');
  });

  it('stays small', () => {
    let total = 0;
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else total += fs.statSync(p).size;
      }
    };
    walk(DEMO);
    expect(total).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('the demo generator', () => {
  const dirs: string[] = [];
  beforeAll(() => {
    // The units come back from the committed jurisdictions.csv, so the test needs no ../shared.
    const units = unitsFromJurisdictionsCsv(fs.readFileSync(path.join(DEMO, 'jurisdictions.csv'), 'utf8'));
    for (let i = 0; i < 2; i++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'henan-demo-'));
      writeDemo({ outDir: dir, units, geo: null });
      dirs.push(dir);
    }
  });
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  const tableFiles = (): string[] => [
    'jurisdictions.csv',
    'indicators.csv',
    'releases.csv',
    'exchange_rates.csv',
    'dataset.json',
    ...observationFiles.map((f) => `observations/${f}`),
    ...targetFiles.map((f) => `targets/${f}`),
    ...projectFiles.map((f) => `projects/${f}`),
  ];

  it('writes the same bytes twice', () => {
    for (const rel of tableFiles()) {
      expect(fs.readFileSync(path.join(dirs[0]!, rel)).equals(fs.readFileSync(path.join(dirs[1]!, rel))), rel).toBe(true);
    }
  });

  it('writes exactly the committed tables (the demo is regenerated, not hand-edited)', () => {
    for (const rel of tableFiles()) {
      expect(fs.readFileSync(path.join(dirs[0]!, rel), 'utf8'), rel).toBe(fs.readFileSync(path.join(DEMO, rel), 'utf8'));
    }
    expect(fs.readdirSync(path.join(dirs[0]!, 'observations')).sort()).toEqual(observationFiles);
    expect(fs.readdirSync(path.join(dirs[0]!, 'projects')).sort()).toEqual(projectFiles);
  });
});
