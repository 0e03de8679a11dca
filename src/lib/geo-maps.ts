/**
 * geo/maps.csv as the data build and the site read it: which boundary file draws the children
 * of which jurisdiction, and what is printed under the map. Parsed as CSV (papaparse), not split
 * by lines: a quoted line break in an attribution or approval number is part of the field.
 */
import Papa from 'papaparse';

export interface GeoMap {
  parent: string;
  file: string;
  attribution_zh: string;
  attribution_en: string;
  approval_number: string;
}

/** The rows of a validated maps.csv (a BOM is allowed, blank lines are skipped). */
export function parseGeoMaps(text: string): GeoMap[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => ({
    parent: r.parent ?? '',
    file: r.file ?? '',
    attribution_zh: r.attribution_zh ?? '',
    attribution_en: r.attribution_en ?? '',
    approval_number: r.approval_number ?? '',
  }));
}
