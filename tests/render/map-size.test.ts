/**
 * The real boundary files, drawn as a page would draw them: every unit linked, realistic
 * labels, a few suppressed and missing. Prints the sizes and holds the budgets (a 34-province
 * map under 60 KB of SVG, an 18-prefecture map under 25 KB). Files not there yet are skipped
 * with a note, so the test runs while colleagues are still writing them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { geoArea } from 'd3';
import Papa from 'papaparse';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { choropleth, featureCodes, unitFeatures, type ChoroplethDatum } from '../../src/render/map.ts';
import { parseSvg } from './fixtures/markup.ts';
import { parsePath } from './fixtures/svg-path.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Budgets by file name; files without a budget are measured and printed only. */
const BUDGETS: Readonly<Record<string, number>> = {
  'china-provinces.topo.json': 60_000,
  'henan-prefectures.topo.json': 25_000,
};

function boundaryFiles(): string[] {
  const files: string[] = [];
  const maps = path.join(ROOT, 'data/geo/maps.csv');
  if (existsSync(maps)) {
    const rows = Papa.parse<{ file: string }>(readFileSync(maps, 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const r of rows) files.push(path.join(ROOT, 'data/geo', r.file));
  }
  const demo = path.join(ROOT, 'examples/henan-demo/geo');
  if (existsSync(demo)) {
    for (const f of readdirSync(demo).sort()) if (/\.(topo\.)?json$/.test(f)) files.push(path.join(demo, f));
  }
  return [...new Set(files)].filter((f) => existsSync(f));
}

function syntheticData(codes: readonly string[]): ChoroplethDatum[] {
  return codes.map((code, i) => {
    // Every 9th suppressed, every 11th missing; the rest spread over three orders of magnitude.
    if (i % 9 === 4) return { code, value: null, status: 'suppressed', label: '' };
    if (i % 11 === 7) return { code, value: null, status: 'missing', label: '' };
    const value = Math.round(10 ** (1 + ((i * 7919) % 997) / 332) * 10) / 10;
    return { code, value, status: 'ok', label: `${value.toLocaleString('zh-CN', { minimumFractionDigits: 1 })}亿元` };
  });
}

const files = boundaryFiles();

describe('real boundary files', () => {
  if (files.length === 0) it.skip('(no boundary files in data/geo or examples/henan-demo/geo yet)', () => {});

  for (const file of files) {
    const name = path.basename(file);
    const rel = path.relative(ROOT, file);
    it(`${rel}: every unit small, drawn, linked, within budget`, () => {
      const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
      const codes = featureCodes(topology);
      expect(codes.length).toBeGreaterThan(0);
      for (const f of unitFeatures(topology)) expect(geoArea(f), f.id).toBeLessThan(0.5);

      const t0 = performance.now();
      const map = choropleth({
        topology,
        codes,
        data: syntheticData(codes),
        scale: { type: 'sequential' },
        title: name,
        legendTitle: '社会消费品零售总额（亿元）',
        locale: 'zh-CN',
        idPrefix: 'size',
        hrefFor: (code) => `/zh/jurisdictions/${code}/`,
      });
      const ms = performance.now() - t0;
      const bytes = Buffer.byteLength(map.svg);
      const gz = gzipSync(map.svg, { level: 9 }).length;
      const legendBytes = Buffer.byteLength(map.legend);
      console.log(
        `[map size] ${rel}: ${codes.length} units, ${map.width}×${map.height} px, SVG ${(bytes / 1024).toFixed(1)} KiB ` +
          `(${bytes} B, gzip ${gz} B), legend ${legendBytes} B, topology ${readFileSync(file).length} B, ${ms.toFixed(0)} ms`,
      );

      const doc = parseSvg(map.svg);
      const regions = doc.querySelectorAll('[data-jurisdiction]');
      expect(regions.length).toBe(codes.length);
      for (const r of regions) {
        const p = r.tagName.toLowerCase() === 'path' ? r : r.querySelector('path')!;
        const rings = parsePath(p.getAttribute('d')!);
        expect(rings.length, r.getAttribute('data-jurisdiction')!).toBeGreaterThan(0);
      }
      const budget = BUDGETS[name];
      if (budget !== undefined) expect(bytes).toBeLessThan(budget);
    });
  }
});
