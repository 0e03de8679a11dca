/**
 * The outlines of a choropleth: everything about a map that depends on the boundaries and the
 * frame, nothing on the figures. A site draws the same regions over and over (every indicator
 * of a parent, both languages, level and growth), and projecting, simplifying and writing the
 * paths is most of a map's cost, so outlines are kept per topology and frame.
 */
import { geoPath, type GeoProjection } from 'd3';
import type { Feature } from 'geojson';
import type { Topology } from 'topojson-specification';
import {
  filterTopology,
  fitProjection,
  pathData,
  simplifyForProjection,
  unitFeatures,
  type ProjectionKind,
  type UnitFeature,
} from './map-geo.ts';

export interface OutlineOptions {
  /** Data regions, sorted and unique. */
  codes: readonly string[];
  /** Background regions, sorted, unique and not among `codes`. */
  contextCodes: readonly string[];
  width: number;
  /** Default: from the regions' aspect at `width`. */
  height: number | undefined;
  margin: number;
  projection: ProjectionKind;
  /** Smallest triangle kept by simplification, in square pixels; `false` keeps every point. */
  simplify: number | false;
  digits: number;
  /** Regions smaller than this (square pixels) are drawn as a disc. */
  minRegionArea: number;
}

export interface MapOutlines {
  height: number;
  /** Path data of each data region: never empty (a region too small to see is a disc). */
  regions: ReadonlyMap<string, string>;
  /** Path data of each background region, in code order; those too small to see are left out. */
  context: readonly { code: string; d: string }[];
  /** The `name` property of every region drawn, data or background. */
  names: ReadonlyMap<string, string | undefined>;
}

// Keyed by the topology object, then by the frame: the site reads each boundary file once and
// passes the same object to every map (see mapFor in src/site/model.ts), and a weak key lets
// the outlines go with the topology. Callers must not mutate a topology they have drawn.
const cache = new WeakMap<Topology, Map<string, MapOutlines>>();

/** The outlines for these regions in this frame; computed once per topology and frame. */
export function mapOutlines(topology: Topology, options: OutlineOptions): MapOutlines {
  const key = JSON.stringify([
    options.codes,
    options.contextCodes,
    options.width,
    options.height ?? null,
    options.margin,
    options.projection,
    options.simplify,
    options.digits,
    options.minRegionArea,
  ]);
  let perTopology = cache.get(topology);
  if (!perTopology) {
    perTopology = new Map();
    cache.set(topology, perTopology);
  }
  let outlines = perTopology.get(key);
  if (!outlines) {
    outlines = drawOutlines(topology, options);
    perTopology.set(key, outlines);
  }
  return outlines;
}

function drawOutlines(topology: Topology, o: OutlineOptions): MapOutlines {
  const { codes, contextCodes, width, margin, digits } = o;
  // Fit on the full-detail features, then simplify for the size actually drawn.
  const subset = filterTopology(topology, [...codes, ...contextCodes]);
  const full = unitFeatures(subset);
  const { projection, height } = fitProjection(full, { width, height: o.height, margin, projection: o.projection });
  const drawn = o.simplify === false ? subset : simplifyForProjection(subset, projection, o.simplify, [width / 2, height / 2]);
  const features = new Map<string, UnitFeature>(unitFeatures(drawn).map((f) => [f.id, f]));
  const detailed = new Map<string, UnitFeature>(full.map((f) => [f.id, f]));

  const regions = new Map<string, string>();
  for (const code of codes) {
    regions.set(code, regionPath(projection, features.get(code)!, detailed.get(code)!, digits, o.minRegionArea));
  }
  const context = contextCodes.flatMap((code) => {
    const d = pathData(projection, features.get(code)! as Feature, digits);
    return d ? [{ code, d }] : [];
  });
  const names = new Map<string, string | undefined>();
  for (const [code, f] of detailed) names.set(code, f.properties?.name);
  return { height, regions, context, names };
}

const MARKER_RADIUS = 3;

/**
 * The outline of a data region: simplified if that still shows it, at full detail if only
 * that does, else a disc. Every region listed must be drawn: a unit that vanished from the
 * map would read as "not part of this jurisdiction" rather than as small.
 */
function regionPath(
  projection: GeoProjection,
  simplified: UnitFeature,
  detailed: UnitFeature,
  digits: number,
  minArea: number,
): string {
  const path = geoPath(projection);
  for (const f of [simplified, detailed]) {
    if (path.area(f) >= minArea) {
      const d = pathData(projection, f as Feature, digits);
      if (d) return d;
    }
  }
  const [cx, cy] = path.centroid(detailed);
  if (!Number.isFinite(cx) || !Number.isFinite(cy)) throw new Error(`feature ${detailed.id} has no drawable geometry`);
  return discPath(cx, cy, MARKER_RADIUS, digits);
}

/** A circle as path data (two half arcs), so that every region stays one <path>. */
function discPath(cx: number, cy: number, r: number, digits: number): string {
  const k = 10 ** digits;
  const n = (v: number) => String(Math.round(v * k) / k);
  return `M${n(cx - r)} ${n(cy)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
}
