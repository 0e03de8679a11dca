/** The benchmark generator: requested size, deterministic bytes, a complete package. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import * as schema from '../../src/lib/schema.ts';
import { generateSynthetic } from '../../scripts/generate-synthetic.ts';
import { validateDataDir } from '../../src/validate/index.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synthetic-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

function dataLines(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  return text.split('\n').filter((l) => l !== '').length - 1;
}

function observationRows(dir: string): number {
  return fs.readdirSync(path.join(dir, 'observations')).reduce((n, f) => n + dataLines(path.join(dir, 'observations', f)), 0);
}

describe('generateSynthetic', () => {
  it.each([
    { rows: 1000, counties: 200, indicators: 12 },
    { rows: 20000, counties: 30, indicators: 5 },
    { rows: 100000, counties: 200, indicators: 12 },
  ])('writes about $rows observation rows ($counties counties, $indicators indicators)', async (o) => {
    const dir = tempDir();
    const summary = await generateSynthetic({ outDir: dir, ...o });
    const rows = observationRows(dir);
    expect(rows).toBe(summary.observations);
    expect(Math.abs(rows - o.rows) / o.rows).toBeLessThanOrEqual(0.05);
    expect(dataLines(path.join(dir, 'jurisdictions.csv'))).toBe(o.counties + 1);
    expect(dataLines(path.join(dir, 'indicators.csv'))).toBe(o.indicators);
    // Every release has its file.
    const releases = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, 'releases.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(releases.map((r) => `${r.id}.csv`)).toEqual(fs.readdirSync(path.join(dir, 'observations')).sort());
  });

  it('writes the same bytes for the same options', async () => {
    const a = tempDir();
    const b = tempDir();
    await generateSynthetic({ outDir: a, rows: 30000, counties: 40, indicators: 6, seed: 7 });
    await generateSynthetic({ outDir: b, rows: 30000, counties: 40, indicators: 6, seed: 7 });
    expect(filesUnder(a)).toEqual(filesUnder(b));
    for (const rel of filesUnder(a)) expect(fs.readFileSync(path.join(a, rel)).equals(fs.readFileSync(path.join(b, rel))), rel).toBe(true);
  });

  it('writes a complete package: schema headers, targets for every unit and indicator, flags, an internal and a lower-is-better indicator', async () => {
    const dir = tempDir();
    await generateSynthetic({ outDir: dir, rows: 12000, counties: 25, indicators: 6 });
    const header = (rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8').split('\n', 1)[0]!.split(',');
    expect(header('jurisdictions.csv')).toEqual(schema.jurisdictions.columns.map((c) => c.name));
    expect(header('geo/maps.csv')).toEqual(schema.geoMaps.columns.map((c) => c.name));
    const indicators = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, 'indicators.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(indicators.filter((i) => i.visibility === 'internal')).toHaveLength(1);
    expect(indicators.filter((i) => i.higher_is_better === 'false')).toHaveLength(1);
    for (const f of fs.readdirSync(path.join(dir, 'targets'))) {
      expect(header(`targets/${f}`)).toEqual(schema.targets.columns.map((c) => c.name));
      expect(dataLines(path.join(dir, 'targets', f))).toBe(26 * 6);
    }
    const flags = new Set<string>();
    for (const f of fs.readdirSync(path.join(dir, 'observations'))) {
      expect(header(`observations/${f}`)).toEqual(schema.observations.columns.map((c) => c.name));
      const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, 'observations', f), 'utf8'), { header: true, skipEmptyLines: true }).data;
      for (const r of rows) flags.add(r.flag!);
    }
    expect(flags).toEqual(new Set(['', 'c', 'na', 'r']));
    const topo = JSON.parse(fs.readFileSync(path.join(dir, 'geo', 'synthetic-grid.topo.json'), 'utf8'));
    expect(topo.objects.units.geometries).toHaveLength(25);
    // The validator accepts it: the benches build it, and a package the validator refuses does not build.
    const report = await validateDataDir(dir);
    expect(report.errorCount, JSON.stringify(report).slice(0, 2000)).toBe(0);
  });
});
