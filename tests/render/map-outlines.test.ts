import { describe, expect, it } from 'vitest';
import { featureCodes, renderChoropleth, type ChoroplethOptions } from '../../src/render/map.ts';
import { mapOutlines, type OutlineOptions } from '../../src/render/map-outlines.ts';
import { CODES, squaresTopology, squaresWithTinyTopology } from './fixtures/squares.ts';

const FRAME: Omit<OutlineOptions, 'codes' | 'contextCodes'> = {
  width: 640,
  height: undefined,
  margin: 4,
  projection: 'conic',
  simplify: 2.5,
  digits: 1,
  minRegionArea: 4,
};

describe('mapOutlines', () => {
  it('computes the outlines of a topology and frame once, and the same as from a fresh copy of the file', () => {
    const topology = squaresTopology();
    const options = { ...FRAME, codes: [...CODES].sort(), contextCodes: [] };
    const first = mapOutlines(topology, options);
    expect(mapOutlines(topology, { ...options, codes: [...options.codes] })).toBe(first);
    const fresh = mapOutlines(structuredClone(topology), options);
    expect(fresh).not.toBe(first);
    expect(fresh).toEqual(first);
    expect([...first.regions.keys()]).toEqual(options.codes);
  });

  it('keeps other frames and region sets apart', () => {
    const topology = squaresTopology();
    const codes = [...CODES].sort();
    const all = mapOutlines(topology, { ...FRAME, codes, contextCodes: [] });
    const narrow = mapOutlines(topology, { ...FRAME, width: 320, codes, contextCodes: [] });
    const some = mapOutlines(topology, { ...FRAME, codes: codes.slice(0, 2), contextCodes: codes.slice(2) });
    expect(narrow).not.toBe(all);
    expect(narrow.regions.get(codes[0]!)).not.toBe(all.regions.get(codes[0]!));
    expect([...some.regions.keys()]).toEqual(codes.slice(0, 2));
    expect(some.context.map((c) => c.code)).toEqual(codes.slice(2));
  });

  it('draws a region too small to see as a disc, also when its outlines come from the cache', () => {
    const topology = squaresWithTinyTopology();
    const options = { ...FRAME, codes: featureCodes(topology), contextCodes: [] };
    const outlines = mapOutlines(topology, options);
    expect(outlines.regions.get('419001')).toMatch(/a3 3 0 1 0 6 0/);
    expect(mapOutlines(topology, options)).toBe(outlines);
  });
});

describe('renderChoropleth with cached outlines', () => {
  const options = (topology: ChoroplethOptions['topology'], value: number): ChoroplethOptions => ({
    topology,
    codes: CODES,
    data: CODES.map((code, i) => ({ code, value: value * (i + 1), status: 'ok', label: String(value * (i + 1)) })),
    scale: { type: 'sequential' },
    title: 'map',
    legendTitle: 'legend',
    locale: 'en',
    idPrefix: 'm',
  });

  it('draws the same bytes as a map of a topology never drawn before', () => {
    const topology = squaresTopology();
    renderChoropleth(options(topology, 7));
    expect(renderChoropleth(options(topology, 1))).toBe(renderChoropleth(options(squaresTopology(), 1)));
  });
});
