/** npm run build:data -- [DATA_DIR] [--out DIR] [--now ISO-8601]: validate, then write the public data. */
import path from 'node:path';
import { buildData, ValidationFailed } from '../src/build/build-data.ts';
import { DataDirError, formatProblem, formatSummary } from '../src/validate/index.ts';
import { takeOption } from './cli-args.ts';

const args = process.argv.slice(2);
const outDir = takeOption(args, '--out') ?? 'public/data';
const nowText = takeOption(args, '--now') ?? process.env.PORTAL_BUILD_NOW;
const dataDir = args[0] ?? process.env.PORTAL_DATA ?? 'data';
const now = nowText ? new Date(nowText) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now ${nowText}: not an ISO 8601 instant (e.g. 2025-07-15T10:00:00+08:00)`);
  process.exit(2);
}

const t0 = performance.now();
console.error(`build:data ${dataDir} → ${outDir} (clock ${now.toISOString()})`);
let r;
try {
  r = await buildData({ dataDir, outDir, now, log: (l) => console.error(l) });
} catch (e) {
  if (e instanceof DataDirError) {
    console.error(`build:data: ${e.message}; give the data package directory (default data/, or PORTAL_DATA)`);
    process.exit(2);
  }
  if (!(e instanceof ValidationFailed)) throw e;
  for (const p of e.report.problems) console.error(formatProblem(p));
  console.error(formatSummary(e.report.errorCount, e.report.warningCount, e.report.fileCount));
  console.error(`build:data refused ${dataDir}: nothing was written, ${outDir} is unchanged.`);
  process.exit(1);
}
for (const p of r.validation.warnings) console.error(formatProblem(p));
const { read, published, superseded, embargoed, internal } = r.reconciliation;
console.log(`rows read ${read} = published ${published} + superseded ${superseded} + embargoed ${embargoed} + internal ${internal}`);
if (r.embargoedReleases.length) console.log(`embargoed releases: ${r.embargoedReleases.join(', ')}`);
if (r.internalIndicators.length) console.log(`internal indicators left out: ${r.internalIndicators.join(', ')}`);
console.log(`data version ${r.dataVersion}, written to ${path.resolve(outDir)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
