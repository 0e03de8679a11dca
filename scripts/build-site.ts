/**
 * npm run build -- [--data DIR] [--out DIR] [--now ISO] [--audience public|internal]: the data,
 * then the static site. PORTAL_DATA, PORTAL_BUILD_NOW and PORTAL_AUDIENCE set the same.
 */
import { buildSite } from '../src/build/build-site.ts';
import { PublishRefused, ValidationFailed, type Audience } from '../src/build/build-data.ts';
import { DataDirError, formatProblem, formatSummary } from '../src/validate/index.ts';
import { audienceAndClock, parseCommandLine, UsageError } from './cli-args.ts';

const USAGE =
  'usage: npm run build -- [--data DIR] [--out DIR] [--now ISO-8601 instant with offset] [--audience public|internal]\n' +
  '  --data defaults to PORTAL_DATA, then data; --audience to PORTAL_AUDIENCE, then public; --out to dist (dist-internal for internal)';

let dataDir: string;
let outDir: string;
let now: Date | undefined;
let audience: Audience;
try {
  const cli = parseCommandLine(process.argv.slice(2), { options: ['--data', '--out', '--now', '--audience'], flags: ['--help'], positionals: 0 });
  if (cli.flags.has('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  dataDir = cli.options.get('--data') ?? process.env.PORTAL_DATA ?? 'data';
  ({ audience, now } = audienceAndClock(cli));
  outDir = cli.options.get('--out') ?? (audience === 'internal' ? 'dist-internal' : 'dist');
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(`build: ${e.message}\n${USAGE}`);
  process.exit(2);
}

console.error(`build ${dataDir} → ${outDir} (${audience} audience)`);
try {
  const r = await buildSite({ dataDir, publicDir: 'public', outDir, now, audience, log: (l) => console.error(l) });
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
