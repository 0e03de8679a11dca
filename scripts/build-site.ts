/** npm run build -- [--data DIR] [--out DIR] [--now ISO]: the data, then the static site. PORTAL_DATA also picks the data. */
import { buildSite } from '../src/build/build-site.ts';
import { PublishRefused, ValidationFailed } from '../src/build/build-data.ts';
import { DataDirError, formatProblem, formatSummary } from '../src/validate/index.ts';
import { parseCommandLine, parseInstant, UsageError } from './cli-args.ts';

const USAGE = 'usage: npm run build -- [--data DIR] [--out DIR] [--now ISO-8601 instant with offset]   (--data defaults to PORTAL_DATA, then data)';

let dataDir: string;
let outDir: string;
let now: Date | undefined;
try {
  const cli = parseCommandLine(process.argv.slice(2), { options: ['--data', '--out', '--now'], flags: ['--help'], positionals: 0 });
  if (cli.flags.has('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  dataDir = cli.options.get('--data') ?? process.env.PORTAL_DATA ?? 'data';
  outDir = cli.options.get('--out') ?? 'dist';
  const nowText = cli.options.get('--now');
  const envNow = process.env.PORTAL_BUILD_NOW;
  now = nowText !== undefined ? parseInstant(nowText, '--now') : envNow ? parseInstant(envNow, 'PORTAL_BUILD_NOW') : undefined;
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(`build: ${e.message}\n${USAGE}`);
  process.exit(2);
}

console.error(`build ${dataDir} → ${outDir}`);
try {
  const r = await buildSite({ dataDir, publicDir: 'public', outDir, now, log: (l) => console.error(l) });
  const { read, published, superseded, embargoed, internal } = r.data.reconciliation;
  console.log(`rows read ${read} = published ${published} + superseded ${superseded} + embargoed ${embargoed} + internal ${internal}`);
  console.log(`data ${r.seconds.data.toFixed(1)} s, site ${r.seconds.site.toFixed(1)} s → ${outDir}/`);
} catch (e) {
  if (e instanceof DataDirError) {
    console.error(`build: ${e.message}; give the data package directory (--data DIR, or PORTAL_DATA)`);
    process.exit(2);
  }
  if (e instanceof PublishRefused) {
    console.error(`build refused to publish: ${e.message}`);
    process.exit(1);
  }
  if (!(e instanceof ValidationFailed)) throw e;
  for (const p of e.report.problems) console.error(formatProblem(p));
  console.error(formatSummary(e.report.errorCount, e.report.warningCount, e.report.fileCount));
  console.error(`build refused ${dataDir}: nothing was published.`);
  process.exit(1);
}
