/**
 * npm run validate -- [--json] [DATA_DIR]
 * Exit 0 when the data has no errors (warnings allowed), 1 when it has errors, 2 on a usage error.
 */
import { DataDirError, formatProblem, formatSummary, validateDataDir } from '../src/validate/index.ts';

const USAGE = 'usage: npm run validate -- [--json] [DATA_DIR]   (DATA_DIR defaults to data)';

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const json = args.includes('--json');
const rest = args.filter((a) => a !== '--json');
const unknownOption = rest.find((a) => a.startsWith('-'));
if (unknownOption !== undefined) usageError(`unknown option ${unknownOption}`);
if (rest.length > 1) usageError(`one data directory expected, got ${rest.length}: ${rest.join(' ')}`);
const dataDir = rest[0] ?? 'data';

try {
  const report = await validateDataDir(dataDir);
  if (json) {
    console.log(JSON.stringify(report.problems, null, 2));
  } else {
    for (const p of report.problems) console.log(formatProblem(p));
    console.log(formatSummary(report.errorCount, report.warningCount, report.fileCount));
  }
  process.exitCode = report.errorCount > 0 ? 1 : 0;
} catch (e) {
  if (e instanceof DataDirError) usageError(e.message);
  throw e;
}
