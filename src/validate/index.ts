/**
 * Validating a data directory: every file is checked and every problem collected, so one run
 * tells a statistician everything that is wrong. A broken file never stops the others; when a
 * table others refer to cannot be read, the references into it are not checked.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_RATE_IDS, RATE_INDICATOR } from '../lib/projects.ts';
import { TABLES } from '../lib/schema.ts';
import { checkDataset } from './dataset.ts';
import { checkExchangeRates, type ExchangeRate } from './exchange-rates.ts';
import { packageFiles, type PackageFiles } from './files.ts';
import { checkGeoMaps, type GeoMap } from './geo.ts';
import { checkIndicators, type Indicator } from './indicators.ts';
import { checkJurisdictions, type Jurisdiction } from './jurisdictions.ts';
import { checkObservations } from './observations.ts';
import { Problems, type Problem } from './problems.ts';
import { checkProjectLedger, checkProjects, ProjectLedger } from './projects.ts';
import type { IndicatorIndex } from './refs.ts';
import { RELEASE_ID_RE } from './refs.ts';
import { checkReleases, type Release } from './releases.ts';
import { readText } from './table.ts';
import { checkTargets, type Target } from './targets.ts';

export type { Problem, Severity } from './problems.ts';
export type { PackageFiles } from './files.ts';
export type { ExchangeRate, GeoMap, Indicator, Jurisdiction, Release, Target };
export { formatProblem, formatSummary } from './format.ts';
export { parsePlainNumber } from './numbers.ts';
export { JURISDICTION_CODE_RE, RELEASE_ID_RE } from './refs.ts';

export interface ValidationReport {
  /** The data directory as given. */
  dataDir: string;
  /** Every listed problem, sorted by file, line and column. */
  problems: Problem[];
  /** The listed errors; empty exactly when the data may be built. */
  errors: Problem[];
  warnings: Problem[];
  /** True totals: beyond 100 of one code in one file, problems are counted, not listed. */
  errorCount: number;
  warningCount: number;
  /** Files read (CSV and map files). */
  fileCount: number;
  /** Data rows read from observations files. */
  observationRows: number;
  /** Data rows read from the projects ledger (projects/). */
  projectRows: number;
  /** The observations, targets and projects files read: the data build reads exactly these. */
  files: PackageFiles;
  /**
   * The rows of the small tables that passed their checks, typed. Use them only when
   * errorCount is 0: otherwise rows with problems are missing.
   */
  tables: {
    jurisdictions: Jurisdiction[];
    indicators: Indicator[];
    releases: Release[];
    exchangeRates: ExchangeRate[];
    targets: Target[];
    geoMaps: GeoMap[];
  };
}

/** Thrown when the directory itself is missing: a usage error, not a data problem. */
export class DataDirError extends Error {}

export async function validateDataDir(dataDir: string): Promise<ValidationReport> {
  const isDir = await stat(dataDir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new DataDirError(`${dataDir} is not a directory`);

  const problems = new Problems();
  const at = (rel: string) => path.join(dataDir, rel);
  let fileCount = 0;
  const read = async (rel: string, required: boolean) => {
    const errorsBefore = problems.errorCount;
    const text = await readText(at(rel), at(rel), problems, required);
    if (text !== null || problems.errorCount > errorsBefore) fileCount++;
    return text;
  };

  const jText = await read(TABLES.jurisdictions.path, true);
  const jurisdictions = jText === null ? null : checkJurisdictions(jText, at(TABLES.jurisdictions.path), problems);
  const iText = await read(TABLES.indicators.path, true);
  const indicators = iText === null ? null : checkIndicators(iText, at(TABLES.indicators.path), problems);
  const rText = await read(TABLES.releases.path, true);
  const releases = rText === null ? null : checkReleases(rText, at(TABLES.releases.path), problems);
  const errorsBeforeRates = problems.errorCount;
  const xText = await read(TABLES.exchangeRates.path, false);
  const ratesUnread = xText === null && problems.errorCount > errorsBeforeRates;
  const exchangeRates = xText === null ? [] : checkExchangeRates(xText, at(TABLES.exchangeRates.path), problems);

  const dText = await read('dataset.json', false);
  if (dText !== null) {
    const publicIds = indicators ? new Set(indicators.rows.filter((r) => r.visibility === 'public').map((r) => r.id)) : null;
    checkDataset(dText, at('dataset.json'), publicIds, problems);
  }

  let geoMaps: GeoMap[] = [];
  const gText = await read(TABLES.geoMaps.path, false);
  if (gText !== null) {
    const geo = await checkGeoMaps(gText, at(TABLES.geoMaps.path), at('geo'), jurisdictions?.index ?? null, problems);
    geoMaps = geo.rows;
    fileCount += geo.filesChecked;
  }

  const files = await packageFiles(dataDir, problems);
  // With a ledger, the three rates it gives are indicators targets may name (src/lib/projects.ts).
  let targetIndicators: IndicatorIndex | null = indicators?.index ?? null;
  if (targetIndicators && files.projects.length > 0) {
    targetIndicators = new Map(targetIndicators);
    for (const id of PROJECT_RATE_IDS) targetIndicators.set(id, { unit: RATE_INDICATOR.unit, kind: RATE_INDICATOR.kind, allowNegative: false });
  }
  const targets: Target[] = [];
  for (const rel of files.targets) {
    const name = path.basename(rel);
    const text = await read(rel, true);
    if (text === null) continue;
    const year = /^\d{4}\.csv$/.test(name) ? Number(name.slice(0, 4)) : null;
    if (year === null) {
      problems.error(at(rel), {
        code: 'E_FILE_NAME',
        line: 0,
        column: 0,
        found: name,
        expected: 'targets/YYYY.csv, named after the target year',
        fix: 'rename the file to the year its targets are for, e.g. targets/2025.csv',
        message: `targets file ${name} is not named after a year`,
      });
    }
    targets.push(...checkTargets(text, at(rel), year, jurisdictions?.index ?? null, targetIndicators, problems));
  }

  const releaseFiles = new Set<string>();
  /** An observations or projects file is named after its release, which releases.csv lists. */
  const checkReleaseFile = (rel: string, folder: 'observations' | 'projects') => {
    const name = path.basename(rel);
    const id = name.slice(0, -'.csv'.length);
    releaseFiles.add(id);
    if (!RELEASE_ID_RE.test(id)) {
      problems.error(at(rel), {
        code: 'E_FILE_NAME',
        line: 0,
        column: 0,
        found: name,
        expected: `${folder}/<release id>.csv, the id made of letters, digits, ., _ and -`,
        fix: `rename the file (and its row in releases.csv), e.g. ${folder}/2025-06.csv`,
        message: `${folder} file name ${JSON.stringify(name)} cannot be a release id`,
      });
    } else if (releases && !releases.lineOf.has(id)) {
      problems.error(at(rel), {
        code: 'E_NO_RELEASE',
        line: 0,
        column: 0,
        found: id,
        expected: `a row with id ${id} in releases.csv`,
        fix: `add a row for ${id} to releases.csv with its published_at and title`,
        message: `release ${id} is not listed in releases.csv`,
      });
    }
  };

  let observationRows = 0;
  const observationFiles = files.observations;
  let unreadObservations = 0;
  for (const rel of observationFiles) {
    checkReleaseFile(rel, 'observations');
    const text = await read(rel, true);
    if (text === null) {
      unreadObservations++;
      continue;
    }
    observationRows += checkObservations(text, at(rel), { jurisdictions: jurisdictions?.index ?? null, indicators: indicators?.index ?? null }, problems);
  }
  if (observationRows === 0 && unreadObservations === 0) {
    // Published, a package without figures would replace a working site with an empty one.
    // (A file that could not be read has its own error, and may hold figures.)
    problems.error(at('observations'), {
      code: 'E_NO_OBSERVATIONS',
      line: 0,
      column: 0,
      found: observationFiles.length === 0 ? '' : `${observationFiles.length} file(s) with a header and no rows`,
      expected: 'at least one figure: a row in a file observations/<release id>.csv',
      fix: 'add the figures of a release as observations/<release id>.csv and list the release in releases.csv',
      message: observationFiles.length === 0 ? 'there are no observations files' : 'no observations file has a data row',
    });
  }
  const ledger = new ProjectLedger();
  const projectRefs = {
    jurisdictions: jurisdictions?.index ?? null,
    usdRateYears: ratesUnread ? null : exchangeRates.filter((x) => x.currency === 'USD').map((x) => x.year),
  };
  let projectRows = 0;
  for (const rel of files.projects) {
    checkReleaseFile(rel, 'projects');
    const text = await read(rel, true);
    if (text !== null) projectRows += checkProjects(text, at(rel), projectRefs, ledger, problems);
  }
  checkProjectLedger(ledger, problems);

  for (const [id, line] of releases?.lineOf ?? []) {
    if (releaseFiles.has(id)) continue;
    problems.warning(at(TABLES.releases.path), {
      code: 'W_RELEASE_NO_FILE',
      line,
      column: 1,
      found: id,
      expected: `a file observations/${id}.csv`,
      fix: `add observations/${id}.csv, or remove the row if the release is withdrawn`,
      message: `release ${id} has no observations file`,
    });
  }

  const listed = problems.sorted();
  return {
    dataDir,
    problems: listed,
    errors: listed.filter((p) => p.severity === 'error'),
    warnings: listed.filter((p) => p.severity === 'warning'),
    errorCount: problems.errorCount,
    warningCount: problems.warningCount,
    fileCount,
    observationRows,
    projectRows,
    files,
    tables: {
      jurisdictions: jurisdictions?.rows ?? [],
      indicators: indicators?.rows ?? [],
      releases: releases?.rows ?? [],
      exchangeRates,
      targets,
      geoMaps,
    },
  };
}
