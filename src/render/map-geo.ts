/**
 * Geometry for build-time maps: reading the `units` object of a TopoJSON file, putting rings
 * the right way round, fitting a projection, simplifying for the drawn size, and writing
 * compact SVG path data.
 */
import { geoArea, geoBounds, geoConicEqualArea, geoMercator, geoPath, type GeoProjection } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/** The object every boundary file carries (see `geoMaps` in src/lib/schema.ts). */
export const UNITS_OBJECT = 'units';

export interface UnitProperties {
  name?: string;
  [key: string]: unknown;
}

export type UnitFeature = Feature<Geometry, UnitProperties> & { id: string };

function unitsOf(topology: Topology): GeometryCollection<UnitProperties> {
  const units = topology.objects[UNITS_OBJECT];
  if (!units || units.type !== 'GeometryCollection') {
    throw new Error(`the topology has no GeometryCollection named "${UNITS_OBJECT}"`);
  }
  return units as GeometryCollection<UnitProperties>;
}

/** The codes a topology can draw, sorted, as strings (ids may be stored as numbers). */
export function featureCodes(topology: Topology): string[] {
  const codes: string[] = [];
  for (const g of unitsOf(topology).geometries) {
    if (g.id !== undefined && g.id !== null && g.type !== null) codes.push(String(g.id));
  }
  return codes.sort();
}

/**
 * A topology whose `units` keep only the listed codes. Arcs are shared, not copied: the
 * result is cheap, and topojson-client ignores arcs no geometry refers to.
 */
export function filterTopology(topology: Topology, codes: Iterable<string>): Topology {
  const keep = new Set(Array.from(codes, String));
  const units = unitsOf(topology);
  const geometries = units.geometries.filter((g) => g.id !== undefined && keep.has(String(g.id)));
  return { ...topology, objects: { ...topology.objects, [UNITS_OBJECT]: { ...units, geometries } } };
}

/** Features of `units`, ids as strings, every polygon wound as d3-geo expects. */
export function unitFeatures(topology: Topology): UnitFeature[] {
  const fc = feature(topology, unitsOf(topology) as GeometryCollection) as FeatureCollection<Geometry | null, UnitProperties>;
  const out: UnitFeature[] = [];
  for (const f of fc.features) {
    if (!f.geometry || f.id === undefined) continue;
    out.push({ ...f, id: String(f.id), geometry: rewind(f.geometry, String(f.id)) });
  }
  return out;
}

// A polygon's spherical area is below 2π (a hemisphere) unless it is wound the wrong way,
// in which case d3-geo reads it as "everything except this region": the whole globe.
const HEMISPHERE = 2 * Math.PI;

function ringArea(ring: Position[]): number {
  return geoArea({ type: 'Polygon', coordinates: [ring] });
}

/** Rings with fewer than three distinct points enclose nothing; they only confuse geoArea. */
function degenerate(ring: Position[]): boolean {
  const seen = new Set<string>();
  for (const p of ring) {
    seen.add(`${p[0]},${p[1]}`);
    if (seen.size >= 3) return false;
  }
  return true;
}

/**
 * d3-geo wants exteriors clockwise (small area) and holes anticlockwise (read alone, a hole
 * covers the rest of the sphere). Sources disagree — the DataV outlines are wound the other
 * way — and a file may even mix both, so each ring is checked on its own. Never mutates.
 */
export function rewind(geometry: Geometry, id = '?'): Geometry {
  const polygon = (rings: Position[][]): Position[][] => {
    const out: Position[][] = [];
    rings.forEach((ring, i) => {
      if (degenerate(ring)) return;
      const small = ringArea(ring) <= HEMISPHERE;
      const wantSmall = i === 0;
      out.push(small === wantSmall ? ring : [...ring].reverse());
    });
    if (out.length === 0) return out;
    // Fail loudly: after rewinding nothing may cover a hemisphere.
    const area = geoArea({ type: 'Polygon', coordinates: out });
    if (!(area < HEMISPHERE)) throw new Error(`feature ${id}: polygon area ${area} sr even after rewinding`);
    return out;
  };
  switch (geometry.type) {
    case 'Polygon': {
      const rings = polygon(geometry.coordinates);
      return rings.length ? ({ type: 'Polygon', coordinates: rings } satisfies Polygon) : { type: 'MultiPolygon', coordinates: [] };
    }
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map(polygon).filter((p) => p.length > 0),
      } satisfies MultiPolygon;
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map((g) => rewind(g, id)) };
    default:
      return geometry; // points and lines have no inside
  }
}

export type ProjectionKind = 'conic' | 'mercator';

export interface FitOptions {
  width: number;
  /** When absent, the height follows the features' aspect at `width`. */
  height?: number | undefined;
  margin?: number;
  projection?: ProjectionKind;
}

/**
 * A projection fitted to the features, and the frame height. Conic equal-area by default:
 * a choropleth compares areas, and Mercator inflates the north (Heilongjiang vs Hainan).
 * The cone is centred on the features' own longitude and latitude span, so any region
 * (the country, a province, a prefecture) comes out upright and undistorted.
 */
export function fitProjection(
  features: readonly Feature[],
  { width, height, margin = 4, projection = 'conic' }: FitOptions,
): { projection: GeoProjection; width: number; height: number } {
  const fc: FeatureCollection = { type: 'FeatureCollection', features: [...features] };
  const [[x0, y0], [x1, y1]] = geoBounds(fc);
  if (![x0, y0, x1, y1].every(Number.isFinite)) throw new Error('cannot fit a projection to empty features');
  const lon = x1 >= x0 ? (x0 + x1) / 2 : (x0 + x1 + 360) / 2; // bounds may cross the antimeridian
  const p =
    projection === 'mercator'
      ? geoMercator()
      : geoConicEqualArea().rotate([-lon, 0]).parallels([y0 + (y1 - y0) / 6, y1 - (y1 - y0) / 6]);
  let h = height;
  if (h === undefined) {
    p.fitWidth(width - 2 * margin, fc);
    const [[, by0], [, by1]] = geoPath(p).bounds(fc);
    h = Math.ceil(by1 - by0) + 2 * margin;
  }
  p.fitExtent([[margin, margin], [width - margin, h - margin]], fc);
  return { projection: p, width, height: h };
}

// presimplify walks every arc once; a page draws several maps from one file, so keep the
// result per arcs array (weakly: it goes away with the topology).
const presimplified = new WeakMap<object, Topology>();

/**
 * Drops the points a reader cannot see at this projection: Visvalingam on the topology's
 * arcs (shared borders stay shared, so no slivers open between neighbours), with the
 * threshold given in square pixels and converted to square degrees at the map's centre.
 */
export function simplifyForProjection(
  topology: Topology,
  projection: GeoProjection,
  minAreaPx: number,
  centre: readonly [number, number],
): Topology {
  if (!(minAreaPx > 0)) return topology;
  let pre = presimplified.get(topology.arcs);
  if (!pre) {
    // (The typings want Objects<{}>; properties play no part in simplification.)
    pre = presimplify(topology as Parameters<typeof presimplify>[0]) as Topology;
    presimplified.set(topology.arcs, pre);
  }
  // Scale at the middle of the frame: an equal-area projection keeps it nearly constant.
  const c = projection.invert?.([centre[0], centre[1]]);
  if (!c) return topology;
  const [lon, lat] = c;
  const a = projection([lon, lat]);
  const bx = projection([lon + 0.01, lat]);
  const by = projection([lon, lat + 0.01]);
  if (!a || !bx || !by) return topology;
  const pxPerDegree2 = (Math.hypot(bx[0] - a[0], bx[1] - a[1]) / 0.01) * (Math.hypot(by[0] - a[0], by[1] - a[1]) / 0.01);
  const simplified = simplify(pre as Parameters<typeof simplify>[0], minAreaPx / pxPerDegree2) as Topology;
  return { ...simplified, objects: topology.objects };
}

/**
 * A d3-geo path context that writes short path data: coordinates snapped to 1/10^digits of
 * a pixel, then written relative to the previous point (`l`/`m`), with repeated commands
 * and zero-length segments left out. Snapping absolute positions before taking differences
 * keeps the error from adding up along a ring, and shared borders snap to the same pixels
 * from both sides.
 */
export class CompactPath {
  private readonly k: number;
  private readonly digits: number;
  private out = '';
  private cx = 0; // current point, in units of 1/k px
  private cy = 0;
  private started = false;
  // The ring being written: kept apart so that a ring that snaps to nothing can be dropped.
  private ring = '';
  private ringCmd = '';
  private ringSegments = 0;
  private rx = 0;
  private ry = 0;
  private sx = 0; // ring start
  private sy = 0;
  private open = false;

  constructor(digits = 1) {
    this.digits = digits;
    this.k = 10 ** digits;
  }

  private num(n: number): string {
    // n is an integer count of 1/k px; write it as a decimal without a leading zero.
    const neg = n < 0;
    const a = Math.abs(n);
    const int = Math.floor(a / this.k);
    const frac = a - int * this.k;
    let s = frac ? `${int || ''}.${String(frac).padStart(this.digits, '0').replace(/0+$/, '')}` : String(int);
    if (neg) s = `-${s}`;
    return s;
  }

  private tail = ''; // the last number written, to know whether the next needs a separator

  private pair(dx: number, dy: number, cmd: string, last: string): string {
    const x = this.num(dx);
    const y = this.num(dy);
    // A command letter, a minus sign, or a second decimal point ends the previous number by
    // itself (SVG path grammar: "1.5.8" is 1.5 then .8); otherwise a space is needed.
    const head = cmd === last ? sep(this.tail, x) : cmd;
    const s = `${head}${x}${sep(x, y)}${y}`;
    this.tail = y;
    return s;
  }

  private flush(closed: boolean): void {
    if (!this.open) return;
    this.open = false;
    if (this.ringSegments < 2) {
      // Collapsed to a point or a line at this size: draw nothing, keep the current point.
      this.ring = '';
      return;
    }
    this.out += this.ring + (closed ? 'z' : '');
    if (closed) {
      this.cx = this.sx;
      this.cy = this.sy;
    } else {
      this.cx = this.rx;
      this.cy = this.ry;
    }
    this.started = true;
    this.ring = '';
  }

  moveTo(x: number, y: number): void {
    this.flush(false);
    const X = Math.round(x * this.k);
    const Y = Math.round(y * this.k);
    // The first move of the path is absolute; later ones are relative to the current point.
    if (this.started) {
      this.ring = this.pair(X - this.cx, Y - this.cy, 'm', '');
    } else {
      const x = this.num(X);
      const y = this.num(Y);
      this.ring = `M${x}${sep(x, y)}${y}`;
      this.tail = y;
    }
    this.ringCmd = this.started ? 'm' : 'M';
    this.rx = this.sx = X;
    this.ry = this.sy = Y;
    this.ringSegments = 0;
    this.open = true;
  }

  lineTo(x: number, y: number): void {
    const X = Math.round(x * this.k);
    const Y = Math.round(y * this.k);
    if (X === this.rx && Y === this.ry) return;
    // After a relative `m`, further pairs are implicit `l`; after `M` they would be `L`.
    const last = this.ringCmd === 'm' ? 'l' : this.ringCmd;
    this.ring += this.pair(X - this.rx, Y - this.ry, 'l', last);
    this.ringCmd = 'l';
    this.rx = X;
    this.ry = Y;
    this.ringSegments++;
  }

  closePath(): void {
    // The closing segment back to the start counts: a triangle has two drawn segments.
    this.flush(true);
  }

  arc(): void {
    // Only point geometries call arc; choropleths draw none.
  }

  beginPath(): void {}

  result(): string {
    this.flush(false);
    const s = this.out;
    this.out = '';
    this.started = false;
    return s;
  }
}

/** What must stand between two numbers in path data. */
function sep(prev: string, next: string): string {
  if (next.startsWith('-')) return '';
  if (next.startsWith('.') && prev.includes('.')) return '';
  return ' ';
}

/** Path data for one feature (empty string when nothing is visible at this size). */
export function pathData(projection: GeoProjection, f: Feature, digits = 1): string {
  const ctx = new CompactPath(digits);
  geoPath(projection, ctx as unknown as CanvasRenderingContext2D)(f);
  return ctx.result();
}
