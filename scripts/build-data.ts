/** npm run build:data -- [DATA_DIR] [--out DIR] [--now ISO-8601] [--audience public|internal]: validate, then write the public data. */
import path from 'node:path';
import { buildData, PublishRefused, ValidationFailed, type Audience } from '../src/build/build-data.ts';
import { DataDirError, formatProblem, formatSummary } from '../src/validate/index.ts';
import { audienceAndClock, parseCommandLine, UsageError } from './cli-args.ts';

const USAGE =
  'usage: npm run build:data -- [DATA_DIR] [--out DIR] [--now ISO-8601 instant with offset] [--audience public|internal]\n' +
  '  DATA_DIR defaults to PORTAL_DATA, then data; --audience to PORTAL_AUDIENCE, then public; an internal build needs --out outside public/';

let dataDir: string;
let outDir: string;
let now: Date;
let audience: Audience;
try {
  const cli = parseCommandLine(process.argv.slice(2), { options: ['--out', '--now', '--audience'], flags: ['--help'], positionals: 1 });
  if (cli.flags.has('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  dataDir = cli.positionals[0] ?? process.env.PORTAL_DATA ?? 'data';
  const clock = audienceAndClock(cli);
  audience = clock.audience;
  now = clock.now ?? new Date();
  const out = cli.options.get('--out');
  if (audience === 'internal') {
    // Astro copies public/ into every site it builds: internal data there would ship.
    const inside = out !== undefined && !path.relative(path.resolve('public'), path.resolve(out)).startsWith('..');
    if (out === undefined || inside) throw new UsageError('an internal build needs --out DIR outside public/ (every site build copies public/)');
  }
  outDir = out ?? 'public/data';
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(`build:data: ${e.message}\n${USAGE}`);
  process.exit(2);
}

const t0 = performance.now();
console.error(`build:data ${dataDir} → ${outDir} (clock ${now.toISOString()}, ${audience} audience)`);
let r;
try {
  r = await buildData({ dataDir, outDir, now, audience, log: (l) => console.error(l) });
} catch (e) {
  if (e instanceof DataDirError) {
    console.error(`build:data: ${e.message}; give the data package directory (default data/, or PORTAL_DATA)`);
    process.exit(2);
  }
  if (e instanceof PublishRefused) {
    console.error(`build:data refused to publish: ${e.message}`);
    process.exit(1);
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
