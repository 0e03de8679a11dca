/**
 * dataset.json (optional): the package's title and publisher, and two settings the verdicts and
 * the home page read. Only the settings are checked: a wrong title shows on the page, a wrong
 * setting would silently change what the site says.
 */
import type { Problems } from './problems.ts';

/** Line and column (1-based, in characters) of an offset in the text. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where a key is written, or the start of the file when it cannot be found. */
function keyAt(text: string, key: string): { line: number; column: number } {
  const offset = text.indexOf(`"${key}"`);
  return offset < 0 ? { line: 1, column: 1 } : position(text, offset);
}

/**
 * `publicIndicators` is null when indicators.csv could not be read (home_indicator is then not
 * checked against it).
 */
export function checkDataset(text: string, file: string, publicIndicators: ReadonlySet<string> | null, problems: Problems): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // V8 names the place as "(line L column C)" or "at position N".
    const message = (e as Error).message;
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const where = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : pos ? position(text, Number(pos[1])) : { line: 0, column: 0 };
    problems.error(file, {
      code: 'E_JSON',
      ...where,
      found: message,
      expected: 'a JSON object, e.g. {"title_zh": "…", "about_band_pp": 0.5}',
      fix: 'correct the JSON syntax at this place (keys and texts in double quotes, commas between entries, none after the last)',
      message: 'dataset.json is not valid JSON',
    });
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.error(file, {
      code: 'E_JSON',
      line: 1,
      column: 1,
      found: text.trim().split('\n')[0]!,
      expected: 'a JSON object, e.g. {"title_zh": "…", "about_band_pp": 0.5}',
      fix: 'write the settings as one object between { and }',
      message: 'dataset.json is not a JSON object',
    });
    return;
  }
  const o = parsed as Record<string, unknown>;
  if ('about_band_pp' in o) {
    const band = o.about_band_pp;
    if (!(typeof band === 'number' && Number.isFinite(band) && band >= 0)) {
      problems.error(file, {
        code: 'E_DATASET_SETTING',
        ...keyAt(text, 'about_band_pp'),
        found: JSON.stringify(band),
        expected: 'a number of points, 0 or more, e.g. 0.5',
        fix: 'write a plain number without quotes, e.g. "about_band_pp": 0.5, or remove the key for the default 0.5',
        message: `about_band_pp ${JSON.stringify(band)} is not a number of points`,
      });
    }
  }
  if ('home_indicator' in o) {
    const id = o.home_indicator;
    if (!(id === null || (typeof id === 'string' && (publicIndicators === null || publicIndicators.has(id))))) {
      problems.error(file, {
        code: 'E_DATASET_SETTING',
        ...keyAt(text, 'home_indicator'),
        found: JSON.stringify(id),
        expected: 'the id of a public indicator in indicators.csv, or null',
        fix: typeof id === 'string'
          ? `write the id of a public indicator (e.g. ${[...(publicIndicators ?? [])].slice(0, 3).join(', ')}), or null to choose by coverage`
          : 'write the id in double quotes, or null to choose by coverage',
        message: `home_indicator ${JSON.stringify(id)} is not a public indicator`,
      });
    }
  }
}
