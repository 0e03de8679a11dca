/**
 * Which files of a data package are read: one answer for the validator and the data build, so
 * nothing is published that was not validated. The build once read every name ending in .csv
 * while the validator skipped some: a hidden draft of targets was published unchecked.
 *
 * In observations/, targets/ and projects/:
 * - a regular file named *.csv is read;
 * - a name starting with "." is ignored by both, silently: hidden drafts, macOS's ._x.csv and
 *   .DS_Store, .gitkeep;
 * - a symbolic link, or a folder or other non-file named *.csv, is refused (E_FILE_KIND): what it
 *   points to is outside what the repository's history records;
 * - anything else (an .xlsx, a .CSV, a sub-folder) is not read, with a warning (W_IGNORED_FILE).
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Problems } from './problems.ts';

/** The data files read from the package's folders, as paths relative to it, sorted. */
export interface PackageFiles {
  /** targets/<year>.csv */
  targets: string[];
  /** observations/<release id>.csv */
  observations: string[];
  /** projects/<release id>.csv: the investment projects ledger */
  projects: string[];
}

export async function packageFiles(dataDir: string, problems: Problems): Promise<PackageFiles> {
  return {
    targets: await csvFilesIn(dataDir, 'targets', problems),
    observations: await csvFilesIn(dataDir, 'observations', problems),
    projects: await csvFilesIn(dataDir, 'projects', problems),
  };
}

/** What stands at a path that should be a regular file: null when it is one, or when nothing is there. */
export async function notAFile(absPath: string): Promise<string | null> {
  const stats = await lstat(absPath).catch(() => null);
  if (stats === null || stats.isFile()) return null;
  return stats.isSymbolicLink() ? 'a symbolic link' : stats.isDirectory() ? 'a folder' : 'not a regular file';
}

/** E_FILE_KIND on `file` (at a place in it, for a map named in maps.csv) for `name`, which is `what`. */
export function reportNotAFile(problems: Problems, file: string, name: string, what: string, at = { line: 0, column: 0 }): void {
  problems.error(file, {
    code: 'E_FILE_KIND',
    ...at,
    found: what,
    expected: 'a regular file',
    fix: what === 'a symbolic link'
      ? 'copy the file itself into the data package: a link points outside what the repository records'
      : 'replace it with the file itself, or move it out of the data package',
    message: `${name} is ${what}, not a file: it is not read`,
  });
}

async function csvFilesIn(dataDir: string, folder: string, problems: Problems): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(dataDir, folder), { withFileTypes: true });
  } catch {
    return []; // an absent folder means no files of that kind
  }
  const csv: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const file = path.join(dataDir, folder, e.name);
    const what = await notAFile(file);
    if (what !== null && (e.name.endsWith('.csv') || e.isSymbolicLink())) {
      reportNotAFile(problems, file, `${folder}/${e.name}`, what);
      continue;
    }
    if (e.name.endsWith('.csv')) {
      csv.push(path.join(folder, e.name));
      continue;
    }
    problems.warning(file, {
      code: 'W_IGNORED_FILE',
      line: 0,
      column: 0,
      found: e.name,
      expected: `only .csv files in ${folder}/`,
      fix: /\.csv$/i.test(e.name) ? `rename it to end in .csv (lower case)` : `save it as CSV UTF-8, or move it out of ${folder}/`,
      message: `${folder}/${e.name} is not read`,
    });
  }
  return csv.sort();
}
