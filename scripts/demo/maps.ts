/**
 * Boundary files of the demo: the 18 cities of Henan (from the Apache-2.0 ECharts 4.9 map) and
 * its counties (from DataV.GeoAtlas, terms unclear, demonstration only), as TopoJSON with one
 * object named "units", feature id = jurisdiction code, property name (and parent).
 *
 * Two fixes on import: rings are rewound to what d3-geo expects (spherical polygons: exterior
 * clockwise, holes counter-clockwise; DataV and parts of ECharts are the other way round, which
 * d3 draws as the whole globe minus the province), and the county file's stale codes are mapped
 * to the current ones.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { geoArea } from 'd3';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile, sphericalTriangleArea, filter, filterWeight } from 'topojson-simplify';
import { feature, quantize } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { DemoUnit } from './units.ts';

/** Codes in the DataV county file that changed in 2021: 吉利区+孟津县 → 孟津区, 偃师市 → 偃师区. */
export const STALE_COUNTY_CODES: Readonly<Record<string, string>> = { '410306': '410308', '410381': '410307' };

type Ring = Position[];

/** Twice the planar signed area of a ring in lon/lat: positive when counter-clockwise. */
function signedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % n]!;
    sum += x0! * y1! - x1! * y0!;
  }
  return sum;
}

/** Exterior ring clockwise, holes counter-clockwise (d3-geo's convention). */
function rewindPolygon(rings: Ring[]): Ring[] {
  return rings.map((ring, i) => {
    const clockwise = signedArea2(ring) < 0;
    const wantClockwise = i === 0;
    return clockwise === wantClockwise ? ring : [...ring].reverse();
  });
}

export function rewind(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: rewindPolygon(geometry.coordinates) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rewindPolygon) };
}

export interface UnitProperties {
  name: string;
  parent: string;
}

/** Features keyed by current codes, rewound, with only the properties the site uses. */
export function unitFeatures(source: FeatureCollection, units: readonly DemoUnit[], codeOf: (f: Feature) => string): Feature<Polygon | MultiPolygon, UnitProperties>[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const features = source.features.map((f) => {
    const raw = codeOf(f);
    const code = STALE_COUNTY_CODES[raw] ?? raw;
    const unit = byCode.get(code);
    if (!unit) throw new Error(`boundary feature ${raw} is not a jurisdiction of the demo`);
    const g = f.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new Error(`feature ${raw}: ${g.type} is not a polygon`);
    return { type: 'Feature' as const, id: code, properties: { name: unit.nameZh, parent: unit.parent }, geometry: rewind(g) };
  });
  return features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface MapBuild {
  topology: Topology<{ units: GeometryCollection<UnitProperties> }>;
  json: string;
}

/**
 * TopoJSON of the features: shared arcs, simplified (Visvalingam, spherical area) keeping
 * `keep` of the points, tiny detached rings dropped, quantized to `quantization` steps.
 */
export function buildTopoJson(features: Feature<Polygon | MultiPolygon, UnitProperties>[], keep: number, quantization: number): MapBuild {
  const fc: FeatureCollection<Polygon | MultiPolygon, UnitProperties> = { type: 'FeatureCollection', features };
  // The topojson typings disagree on the properties' type parameter; the shapes are the same.
  const full = presimplify(topology({ units: fc }) as unknown as Parameters<typeof presimplify>[0], sphericalTriangleArea);
  // quantile() sorts weights in descending order: the weight above which `keep` of the points lie.
  const minWeight = quantile(full, keep);
  const simplified = simplify(full, minWeight);
  const filtered = filter(simplified, filterWeight(simplified, minWeight));
  const topo = quantize(filtered, quantization) as unknown as Topology<{ units: GeometryCollection<UnitProperties> }>;
  checkTopology(topo, features.map((f) => String(f.id)));
  return { topology: topo, json: JSON.stringify(topo) + '\n' };
}

/**
 * Every expected feature is present with a drawable geometry whose spherical area is a
 * province's, not the globe's: a wrong winding shows as an area near 4π.
 */
export function checkTopology(topo: Topology<{ units: GeometryCollection<UnitProperties> }>, codes: readonly string[]): void {
  const fc = feature(topo, topo.objects.units) as FeatureCollection;
  const ids = new Set(fc.features.map((f) => String(f.id)));
  for (const code of codes) if (!ids.has(code)) throw new Error(`feature ${code} lost in simplification`);
  for (const f of fc.features) {
    const area = geoArea(f);
    if (!(area > 0 && area < 0.01)) throw new Error(`feature ${f.id}: spherical area ${area} sr is not a county's or a city's`);
  }
}
