/** geo/maps.csv (optional) and the TopoJSON files it names. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GeoMap } from '../lib/geo-maps.ts';
import { geoMaps as table } from '../lib/schema.ts';
import { notAFile, reportNotAFile } from './files.ts';
import { quote, type Problems } from './problems.ts';
import type { JurisdictionIndex } from './refs.ts';
import { checkTable, columnIndex } from './table.ts';

export type { GeoMap } from '../lib/geo-maps.ts';

const K = columnIndex(table, ['parent', 'file', 'attribution_zh', 'attribution_en', 'approval_number']);
const FILE_NAME_RE = /^[0-9A-Za-z][0-9A-Za-z._-]*\.(?:topo)?json$/;

interface Named {
  name: string;
  line: number;
  column: number;
}

export async function checkGeoMaps(
  text: string,
  file: string,
  geoDir: string,
  jurisdictions: JurisdictionIndex | null,
  problems: Problems,
): Promise<{ rows: GeoMap[]; filesChecked: number }> {
  const rows: GeoMap[] = [];
  const named: Named[] = [];
  const lineOf = new Map<string, number>();
  checkTable(text, file, table, problems, {
    onRow(r) {
      const v = r.values;
      let ok = r.ok.every(Boolean);
      const parent = v[K.parent]!;
      if (jurisdictions && parent !== '' && !jurisdictions.has(parent)) {
        ok = false;
        problems.error(file, {
          code: 'E_UNKNOWN_JURISDICTION',
          line: r.lines[K.parent]!,
          column: r.cols[K.parent]!,
          found: parent,
          expected: 'a code from jurisdictions.csv',
          fix: 'use the code of the jurisdiction whose children the map shows',
          message: `jurisdiction ${quote(parent)} is not in jurisdictions.csv`,
        });
      }
      const first = lineOf.get(parent);
      if (parent !== '' && first !== undefined) {
        ok = false;
        problems.error(file, {
          code: 'E_DUPLICATE_KEY',
          line: r.lines[K.parent]!,
          column: r.cols[K.parent]!,
          found: parent,
          expected: 'one map per parent',
          fix: `keep one of this row and line ${first}`,
          message: `a map for ${parent} is already given on line ${first}`,
        });
      } else lineOf.set(parent, r.line);
      const name = v[K.file]!;
      if (name !== '' && !FILE_NAME_RE.test(name)) {
        ok = false;
        problems.error(file, {
          code: 'E_FILE_NAME',
          line: r.lines[K.file]!,
          column: r.cols[K.file]!,
          found: name,
          expected: 'a file name in geo/ ending in .json or .topojson, without folders',
          fix: 'put the file in geo/ and write only its name, e.g. henan_prefectures.topojson',
          message: `map file ${quote(name)} is not a plain .json or .topojson file name`,
        });
      } else if (name !== '') {
        named.push({ name, line: r.lines[K.file]!, column: r.cols[K.file]! });
      }
      if (ok) rows.push({ parent, file: name, attribution_zh: v[K.attribution_zh]!, attribution_en: v[K.attribution_en]!, approval_number: v[K.approval_number]! });
    },
  });

  for (const n of named) await checkTopology(n, file, geoDir, jurisdictions, problems);
  return { rows, filesChecked: new Set(named.map((n) => n.name)).size };
}

/** The map file exists and is TopoJSON with an object "units" whose feature ids are codes. */
async function checkTopology(n: Named, file: string, geoDir: string, jurisdictions: JurisdictionIndex | null, problems: Problems): Promise<void> {
  const at = { line: n.line, column: n.column, found: n.name };
  const what = await notAFile(path.join(geoDir, n.name));
  if (what !== null) {
    reportNotAFile(problems, file, `geo/${n.name}`, what, at);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path.join(geoDir, n.name), 'utf8'));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    problems.error(file, {
      ...at,
      code: missing ? 'E_FILE_MISSING' : 'E_GEO_FORMAT',
      expected: missing ? `a file geo/${n.name}` : 'a TopoJSON file',
      fix: missing ? `add geo/${n.name} or correct the name` : 'export the boundaries as TopoJSON (e.g. with topojson-server geo2topo)',
      message: missing ? `map file geo/${n.name} does not exist` : `geo/${n.name} is not valid JSON: ${(e as Error).message}`,
    });
    return;
  }
  const topo = json as { type?: unknown; objects?: Record<string, { geometries?: { id?: unknown }[] }> };
  const units = topo.objects?.units;
  if (topo.type !== 'Topology' || !units || !Array.isArray(units.geometries)) {
    problems.error(file, {
      ...at,
      code: 'E_GEO_FORMAT',
      expected: 'a TopoJSON Topology with an object named "units" holding the features',
      fix: 'convert with geo2topo units=boundaries.geojson > file.topojson so the object is called units',
      message: `geo/${n.name} is not TopoJSON with an object "units"`,
    });
    return;
  }
  if (!jurisdictions) return;
  const unknown = units.geometries.map((g) => String(g.id ?? '')).filter((id) => !jurisdictions.has(id));
  if (unknown.length > 0) {
    problems.warning(file, {
      ...at,
      code: 'W_GEO_UNKNOWN_ID',
      expected: 'every feature id a code from jurisdictions.csv',
      fix: 'set each feature\'s id to its jurisdiction code; features with other ids are drawn without data',
      message: `geo/${n.name} has ${unknown.length} features whose id is not a jurisdiction code: ${unknown.slice(0, 5).map((id) => quote(id)).join(', ')}${unknown.length > 5 ? ', …' : ''}`,
    });
  }
}
