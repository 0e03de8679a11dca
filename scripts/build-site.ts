/** npm run build -- [--data DIR] [--out DIR] [--now ISO]: the data, then the static site. PORTAL_DATA also picks the data. */
import { buildSite } from '../src/build/build-site.ts';
import { ValidationFailed } from '../src/build/build-data.ts';
import { formatProblem, formatSummary } from '../src/validate/index.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const dataDir = option('--data') ?? process.env.PORTAL_DATA ?? 'data';
const outDir = option('--out') ?? 'dist';
const nowText = option('--now') ?? process.env.PORTAL_BUILD_NOW;
const now = nowText ? new Date(nowText) : undefined;
if (now && Number.isNaN(now.getTime())) {
  console.error(`--now ${nowText}: not an ISO 8601 instant (e.g. 2025-07-15T10:00:00+08:00)`);
  process.exit(2);
}

console.error(`build ${dataDir} → ${outDir}`);
try {
  const r = await buildSite({ dataDir, publicDir: 'public', outDir, now, log: (l) => console.error(l) });
  const { read, published, superseded, embargoed, internal } = r.data.reconciliation;
  console.log(`rows read ${read} = published ${published} + superseded ${superseded} + embargoed ${embargoed} + internal ${internal}`);
  console.log(`data ${r.seconds.data.toFixed(1)} s, site ${r.seconds.site.toFixed(1)} s → ${outDir}/`);
} catch (e) {
  if (!(e instanceof ValidationFailed)) throw e;
  for (const p of e.report.problems) console.error(formatProblem(p));
  console.error(formatSummary(e.report.errorCount, e.report.warningCount, e.report.fileCount));
  console.error(`build refused ${dataDir}: nothing was published.`);
  process.exit(1);
}
