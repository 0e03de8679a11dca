/**
 * The committed map boundaries: d3-geo winding (the DataV lesson: a ring wound the wrong way
 * draws the whole globe), ids that are jurisdiction codes, and a feature for every unit the
 * map is meant to draw.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { geoArea, geoBounds } from 'd3';
import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { geoMaps } from '../../src/lib/schema.ts';
import { DATA_DIR, readCsv, readText } from './helpers.ts';

const jurisdictions = readCsv('jurisdictions.csv').rows;
const byCode = new Map(jurisdictions.map((j) => [j.code!, j]));
const maps = readCsv(geoMaps.path);

function loadMap(file: string): { topo: Topology; units: FeatureCollection } {
  const topo = JSON.parse(readText(`geo/${file}`)) as Topology;
  const object = topo.objects.units as GeometryCollection | undefined;
  if (!object) throw new Error(`${file}: no object named units`);
  return { topo, units: feature(topo, object) as FeatureCollection };
}

describe('geo/maps.csv', () => {
  it('has exactly the schema columns and the two shipped maps', () => {
    expect(maps.header).toEqual(geoMaps.columns.map((c) => c.name));
    expect(maps.rows.map((r) => [r.parent, r.file])).toEqual([
      ['100000', 'china-provinces.topo.json'],
      ['410000', 'henan-prefectures.topo.json'],
    ]);
  });

  it('says the maps are not approved and names source and licence', () => {
    for (const m of maps.rows) {
      expect(m.approval_number).toBe('');
      expect(m.attribution_zh).toMatch(/ECharts 4\.9\.0.*Apache-2\.0.*不是标准地图/);
      expect(m.attribution_en).toMatch(/ECharts 4\.9\.0.*Apache-2\.0.*not a standard map/);
    }
    const china = maps.rows.find((m) => m.parent === '100000')!;
    expect(china.attribution_zh).toContain('不含南海诸岛');
    expect(china.attribution_en).toContain('South China Sea islands');
  });
});

describe.each(maps.rows.map((m) => [m.file!, m.parent!] as const))('%s', (file, parent) => {
  const { topo, units } = loadMap(file);
  const children = jurisdictions.filter((j) => j.parent === parent && j.level !== 'special');

  it('has one object, units', () => {
    expect(Object.keys(topo.objects)).toEqual(['units']);
  });

  it('every feature is a small part of the sphere (rings wound for d3-geo)', () => {
    for (const f of units.features) {
      const area = geoArea(f as Feature);
      expect(area, `${String(f.id)} area`).toBeGreaterThan(0);
      // The largest unit, Xinjiang, is ~0.04 sr; a wrongly wound ring gives ~4π.
      expect(area, `${String(f.id)} area`).toBeLessThan(0.1);
    }
  });

  it('lies within China', () => {
    for (const f of units.features) {
      const [[west, south], [east, north]] = geoBounds(f as Feature);
      expect(west, String(f.id)).toBeGreaterThan(73);
      expect(east, String(f.id)).toBeLessThan(136);
      expect(south, String(f.id)).toBeGreaterThan(3);
      expect(north, String(f.id)).toBeLessThan(54);
    }
  });

  it('feature ids are codes of children of the map parent, named as in jurisdictions.csv', () => {
    const ids = units.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of units.features) {
      expect(typeof f.id).toBe('string');
      const j = byCode.get(f.id as string);
      expect(j, `feature ${String(f.id)}`).toBeDefined();
      expect(j!.parent).toBe(parent);
      expect(f.properties?.name).toBe(j!.name_zh);
    }
  });

  it('draws every child unit of the parent', () => {
    const ids = new Set(units.features.map((f) => f.id));
    for (const c of children) expect(ids.has(c.code), `${c.code} ${c.name_zh}`).toBe(true);
  });
});

describe('the shipped maps', () => {
  it('China has every province, incl. Taiwan, Hong Kong and Macao', () => {
    const { units } = loadMap('china-provinces.topo.json');
    const ids = new Set(units.features.map((f) => f.id));
    // the 31 provinces of the statistics, and Taiwan, Hong Kong and Macao, ranked apart (level special)
    const provinces = jurisdictions.filter((j) => j.parent === '100000' && (j.level === 'province' || j.level === 'special'));
    expect(provinces.filter((j) => j.level === 'province')).toHaveLength(31);
    expect(provinces.filter((j) => j.level === 'special').map((j) => j.code)).toEqual(['710000', '810000', '820000']);
    for (const p of provinces) expect(ids.has(p.code), p.code).toBe(true);
  });

  it('Henan has its 18 prefecture-level cities, Jiyuan included', () => {
    const { units } = loadMap('henan-prefectures.topo.json');
    expect(units.features).toHaveLength(18);
    expect(units.features.map((f) => f.id)).toContain('419001');
  });

  it('stay small enough for a phone', () => {
    expect(statSync(path.join(DATA_DIR, 'geo/china-provinces.topo.json')).size).toBeLessThan(120 * 1024);
    expect(statSync(path.join(DATA_DIR, 'geo/henan-prefectures.topo.json')).size).toBeLessThan(60 * 1024);
  });
});
