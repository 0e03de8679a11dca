/**
 * Boundary GeoJSON → TopoJSON for the maps: one object "units", feature id = jurisdiction code,
 * property name. Rings are rewound for d3-geo, tiny islands dropped, arcs simplified and
 * quantized so a map drawn ~600 px wide stays small.
 */
import { geoArea } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { planarTriangleArea, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

export type Ring = Position[];
export type PolygonRings = Ring[];

/**
 * Twice the planar signed area of a ring in (longitude, latitude), shoelace formula: positive
 * when the ring runs counter-clockwise on a map with north up.
 */
export function ringSignedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    sum += x0! * y1! - x1! * y0!;
  }
  return sum;
}

/**
 * d3-geo reads polygons on the sphere: the exterior ring must run clockwise (north up) and
 * holes counter-clockwise, or the polygon is taken to be the rest of the globe. For rings the
 * size of a province the planar orientation equals the spherical one, so the shoelace sign
 * decides. Returns new arrays; the input is not modified.
 */
export function rewindPolygon(rings: PolygonRings): PolygonRings {
  return rings.map((ring, i) => {
    const clockwise = ringSignedArea2(ring) < 0;
    const wantClockwise = i === 0;
    return clockwise === wantClockwise ? ring.slice() : ring.slice().reverse();
  });
}

/** Codes of the units with at least one ring wound the other way in the source, with the count. */
export function wronglyWound(units: readonly SourceUnit[]): string[] {
  const out: string[] = [];
  for (const u of units) {
    let n = 0;
    for (const rings of polygonsOf(u.geometry)) {
      rings.forEach((ring, i) => {
        const a = ringSignedArea2(ring);
        if (a !== 0 && a < 0 !== (i === 0)) n++;
      });
    }
    if (n > 0) out.push(`${u.code} ${u.name} (${n} ring${n > 1 ? 's' : ''})`);
  }
  return out.sort();
}

/** The polygons of a Polygon or MultiPolygon geometry as a list. */
export function polygonsOf(geometry: Polygon | MultiPolygon): PolygonRings[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Drops islands too small to see at the drawn size (planar area in square degrees), but never
 * a feature's largest polygon, so small units (Macao) keep their outline.
 */
export function dropSmallPolygons(polygons: PolygonRings[], minArea: number): PolygonRings[] {
  const areas = polygons.map((p) => Math.abs(ringSignedArea2(p[0]!)) / 2);
  const largest = areas.indexOf(Math.max(...areas));
  return polygons.filter((_, i) => i === largest || areas[i]! >= minArea);
}

export interface GeoOptions {
  /** Islands smaller than this (square degrees) are dropped. */
  minIslandArea: number;
  /** Visvalingam weight (triangle area, square degrees) below which points are removed. */
  minWeight: number;
  /** Grid of the final quantized coordinates. */
  quantization: number;
}

export interface SourceUnit {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** Clean GeoJSON features: rewound, small islands dropped, sorted by code. */
export function cleanFeatures(units: readonly SourceUnit[], minIslandArea: number): Feature<MultiPolygon, { name: string }>[] {
  return [...units]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((u) => ({
      type: 'Feature',
      id: u.code,
      properties: { name: u.name },
      geometry: {
        type: 'MultiPolygon',
        coordinates: dropSmallPolygons(polygonsOf(u.geometry), minIslandArea).map(rewindPolygon),
      },
    }));
}

/**
 * Presimplify gives every arc's endpoints infinite weight but nothing else, so an island that
 * is one closed arc could shrink to a point. Keep its two heaviest inner points too: at worst
 * it stays a triangle.
 */
function protectClosedArcs<T extends Objects>(topo: Topology<T>): void {
  for (const arc of topo.arcs as unknown as number[][][]) {
    const first = arc[0]!;
    const last = arc[arc.length - 1]!;
    if (arc.length < 4 || first[0] !== last[0] || first[1] !== last[1]) continue;
    const inner = arc.slice(1, -1).sort((a, b) => b[2]! - a[2]!);
    for (const p of inner.slice(0, 2)) p[2] = Infinity;
  }
}

/** Builds the TopoJSON text of one map: object "units", ids and names from the features. */
export function buildTopology(features: Feature<MultiPolygon, { name: string }>[], options: GeoOptions): string {
  const collection: FeatureCollection<MultiPolygon, { name: string }> = { type: 'FeatureCollection', features };
  // Pre-quantize finely so that borders two units share become one arc (drawn once, simplified once).
  // (topojson-server types its result with nullable properties, topojson-simplify wants {}.)
  const base = topology({ units: collection }, 1e6) as unknown as Topology<Objects>;
  const weighted = presimplify(base, planarTriangleArea);
  protectClosedArcs(weighted);
  const simplified = quantize(simplify(weighted, options.minWeight), options.quantization);
  checkWinding(simplified);
  return stableJson(simplified) + '\n';
}

/** After simplification every unit must still be a small part of the sphere (see rewindPolygon). */
export function checkWinding<T extends Objects>(topo: Topology<T>): void {
  const units = topo.objects.units as GeometryCollection;
  for (const g of units.geometries) {
    const f = topoFeature(topo, g);
    const area = geoArea(f as Feature);
    if (!(area < 0.5)) throw new Error(`feature ${String(g.id)}: spherical area ${area} sr, wound the wrong way?`);
    if (!(area > 0)) throw new Error(`feature ${String(g.id)}: no area left after simplification`);
  }
}

/** JSON with a fixed key order (type first), so the same topology always gives the same bytes. */
function stableJson<T extends Objects>(topo: Topology<T>): string {
  const units = topo.objects.units as GeometryCollection;
  const out = {
    type: topo.type,
    bbox: topo.bbox?.map(round6),
    transform: topo.transform,
    objects: {
      units: {
        type: 'GeometryCollection',
        geometries: units.geometries.map((g) => ({ type: g.type, id: g.id, properties: g.properties, arcs: 'arcs' in g ? g.arcs : [] })),
      },
    },
    arcs: topo.arcs,
  };
  return JSON.stringify(out);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
