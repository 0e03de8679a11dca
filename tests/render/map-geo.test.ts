import { geoArea, geoPath } from 'd3';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CompactPath, fitProjection, pathData, rewind, unitFeatures } from '../../src/render/map-geo.ts';
import { squaresGeoJson, squaresTopology } from './fixtures/squares.ts';
import { parsePath, ringArea } from './fixtures/svg-path.ts';

describe('rewind', () => {
  const cw: Polygon = { type: 'Polygon', coordinates: [[[112, 33], [112, 34], [113, 34], [113, 33], [112, 33]]] };
  const ccw: Polygon = { type: 'Polygon', coordinates: [[...cw.coordinates[0]!].reverse()] };

  it('turns an exterior ring wound the other way into a small polygon', () => {
    expect(geoArea(ccw)).toBeGreaterThan(2 * Math.PI);
    const fixed = rewind(ccw);
    expect(geoArea(fixed)).toBeCloseTo(geoArea(cw), 12);
    expect(ccw.coordinates[0]![1]).toEqual([113, 33]); // input untouched
  });

  it('winds holes against their exterior, whatever the source did', () => {
    const hole = [[112.4, 33.4], [112.6, 33.4], [112.6, 33.6], [112.4, 33.6], [112.4, 33.4]]; // anticlockwise: right for a hole
    const exterior = cw.coordinates[0]!;
    const expected = geoArea({ type: 'Polygon', coordinates: [exterior, hole] });
    expect(expected).toBeLessThan(geoArea(cw));
    for (const rings of [
      [exterior, hole],
      [[...exterior].reverse(), hole],
      [exterior, [...hole].reverse()],
      [[...exterior].reverse(), [...hole].reverse()],
    ]) {
      expect(geoArea(rewind({ type: 'Polygon', coordinates: rings }))).toBeCloseTo(expected, 12);
    }
  });

  it('rewinds each polygon of a multipolygon on its own and drops rings that enclose nothing', () => {
    const m = rewind({
      type: 'MultiPolygon',
      coordinates: [cw.coordinates, ccw.coordinates, [[[1, 1], [1, 1], [1, 1], [1, 1]]]],
    });
    expect(m.type).toBe('MultiPolygon');
    expect((m as { coordinates: unknown[] }).coordinates.length).toBe(2);
    expect(geoArea(m)).toBeCloseTo(2 * geoArea(cw), 12);
  });

  it('leaves every feature of a mixed-winding topology well under a hemisphere', () => {
    const features = unitFeatures(squaresTopology());
    expect(features.length).toBe(6);
    for (const f of features) expect(geoArea(f)).toBeLessThan(1e-3);
  });
});

describe('CompactPath', () => {
  // The same square grid, projected as on a 640 px map, drawn by d3's own path serialiser.
  const features = squaresGeoJson().features.map((f) => ({ ...f, geometry: rewind(f.geometry) })) as Feature[];
  const { projection } = fitProjection(features, { width: 640 });

  it('draws the same rings as d3.geoPath, to a tenth of a pixel', () => {
    for (const f of features) {
      const ours = parsePath(pathData(projection, f, 1));
      const theirs = parsePath(geoPath(projection).digits(6)(f)!);
      expect(ours.length).toBe(theirs.length);
      ours.forEach((ring, i) => {
        const ref = theirs[i]!;
        expect(ring.length).toBe(ref.length);
        ring.forEach(([x, y], k) => {
          expect(Math.abs(x - ref[k]![0])).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Math.abs(y - ref[k]![1])).toBeLessThanOrEqual(0.05 + 1e-9);
        });
      });
    }
  });

  it('writes relative commands without separators it does not need', () => {
    const p = new CompactPath(1);
    p.moveTo(10, 20);
    p.lineTo(11.5, 20.8); // +1.5 +.8 → "l1.5.8"
    p.lineTo(11.5, 22); // +0 +1.2
    p.lineTo(10, 20.5); // -1.5 -1.5
    p.closePath();
    p.moveTo(30, 20); // relative to the closed ring's start (10, 20)
    p.lineTo(31, 21);
    p.lineTo(30.04, 21.96); // snaps to 30, 22
    p.closePath();
    const d = p.result();
    expect(d).toBe('M10 20l1.5.8 0 1.2-1.5-1.5zm20 0 1 1-1 1z');
    expect(parsePath(d)).toEqual([
      [[10, 20], [11.5, 20.8], [11.5, 22], [10, 20.5]],
      [[30, 20], [31, 21], [30, 22]],
    ]);
  });

  it('drops rings and segments that snap to nothing, keeping later rings in place', () => {
    const p = new CompactPath(1);
    p.moveTo(0, 0);
    p.lineTo(10, 0);
    p.lineTo(10, 10);
    p.closePath();
    p.moveTo(50, 50); // an island smaller than a tenth of a pixel
    p.lineTo(50.01, 50);
    p.lineTo(50.01, 50.01);
    p.closePath();
    p.moveTo(20, 0);
    p.lineTo(20, 0.02); // zero-length after snapping
    p.lineTo(30, 0);
    p.lineTo(30, 10);
    p.closePath();
    expect(parsePath(p.result())).toEqual([
      [[0, 0], [10, 0], [10, 10]],
      [[20, 0], [30, 0], [30, 10]],
    ]);
  });

  it('keeps areas: the shoelace area of our path equals d3.geoPath.area', () => {
    for (const f of features) {
      const ours = parsePath(pathData(projection, f, 1)).reduce((s, r) => s + Math.abs(ringArea(r)), 0);
      const theirs = geoPath(projection).area(f);
      expect(Math.abs(ours - theirs) / theirs).toBeLessThan(0.01);
    }
  });
});
