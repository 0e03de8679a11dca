/**
 * npm run changes -- --base DIR|GIT_REF [--head DIR] [--now ISO] [--json] [--json-file FILE]
 *
 * What a commit publishes: builds the public data of the head package and of the base (a git
 * ref's copy of the same package directory, a data package or a public data directory) with one
 * clock, and prints the figures added, revised and removed, per release and indicator, as
 * Markdown (or JSON). Exit 0 when both sides build, 1 when one does not, 2 on a usage error.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildData, ValidationFailed } from '../src/build/build-data.ts';
import { changesMarkdown, diffPublicData, directoryKind, exportFromGit, gitTopLevel, resolveGitRef, type Side } from '../src/build/changes.ts';
import { formatProblem, formatSummary } from '../src/validate/format.ts';

const USAGE = `usage: npm run changes -- --base DIR|GIT_REF [--head DIR] [--now ISO] [--json] [--json-file FILE]
  --base DIR|GIT_REF  what was published before: a git ref (its copy of the head directory),
                      a data package, or a public data directory written by build:data
  --head DIR          the data package (or public data directory) to publish; default data
  --now ISO           the build clock of both sides, with an offset (default: now)
  --json              print the summary as JSON instead of Markdown
  --json-file FILE    also write the JSON summary to FILE`;
const KNOWN = '--base, --head, --now, --json, --json-file, --help';

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

/** Stops the run once the temporary builds are cleaned up: 1 a side does not build, 2 a usage error. */
class Stop extends Error {
  constructor(readonly status: 1 | 2, message: string) {
    super(message);
  }
}

function parseArgs(argv: string[]) {
  const args = argv.flatMap((a) => (/^--[a-z-]+=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--json') json = true;
    else if (['--base', '--head', '--now', '--json-file'].includes(a)) {
      const value = args[++i];
      if (value === undefined || value === '') usageError(`${a} needs a value`);
      values.set(a, value);
    } else if (a.startsWith('-')) usageError(`unknown option ${a}; the options are ${KNOWN}`);
    else usageError(`unexpected argument ${a}: name the directories with --base and --head`);
  }
  const base = values.get('--base') ?? usageError('--base is required: a git ref (e.g. origin/main) or a directory');
  const nowText = values.get('--now');
  // An instant without an offset names a different moment in every time zone.
  if (nowText !== undefined && !(/(Z|[+-]\d{2}:\d{2})$/.test(nowText) && !Number.isNaN(new Date(nowText).getTime()))) {
    usageError(`--now ${nowText}: not an ISO 8601 instant with an offset (e.g. 2025-07-15T10:00:00+08:00)`);
  }
  return { base, head: values.get('--head') ?? 'data', now: nowText ? new Date(nowText) : new Date(), json, jsonFile: values.get('--json-file') };
}

/** Builds a data package into `out`; the public data directory as it stands otherwise. Exits 1 on a package that does not build. */
async function publicDir(dir: string, out: string, now: Date, which: string): Promise<{ dir: string; embargoed: string[] }> {
  const kind = await directoryKind(dir);
  if (kind === null) throw new Stop(2, `${which} ${dir}: neither a data package (no releases.csv) nor public data (no manifest.json and observations.csv)`);
  if (kind === 'public') return { dir, embargoed: [] };
  try {
    const r = await buildData({ dataDir: dir, outDir: out, now });
    return { dir: out, embargoed: r.embargoedReleases };
  } catch (e) {
    if (!(e instanceof ValidationFailed)) throw e;
    for (const p of e.report.errors) console.error(formatProblem(p));
    console.error(formatSummary(e.report.errorCount, e.report.warningCount, e.report.fileCount));
    // The base is validated by this checkout's rules, which may be stricter than those it was published under.
    const hint = which.startsWith('--base') ? '; if a rule added since refuses it, give the public data published then (--base DIR)' : '';
    throw new Stop(1, `changes: ${which} ${dir} does not build: nothing to compare${hint}`);
  }
}

const options = parseArgs(process.argv.slice(2));
const tmp = await mkdtemp(path.join(os.tmpdir(), 'changes-'));
try {
  const head = await publicDir(options.head, path.join(tmp, 'head'), options.now, '--head');
  let base: Side;
  if ((await directoryKind(options.base)) !== null) {
    base = { label: options.base, dir: (await publicDir(options.base, path.join(tmp, 'base'), options.now, '--base')).dir };
  } else {
    const repo = gitTopLevel(options.head);
    if (repo === null) throw new Stop(2, `--base ${options.base}: not a data directory, and ${options.head} is not in a git checkout to find a ref in`);
    const commit = resolveGitRef(repo, options.base);
    if (commit === null) throw new Stop(2, `--base ${options.base}: neither a directory with data nor a git ref of ${repo}`);
    const rel = path.relative(repo, path.resolve(options.head));
    const label = `${options.base.startsWith(commit) ? commit : `${options.base} (${commit})`} ${rel || '.'}/`;
    const source = await exportFromGit(repo, options.base, rel, path.join(tmp, 'base-source'));
    // No such directory in the ref: nothing was published before, every figure is added.
    base = { label, dir: source === null ? null : (await publicDir(source, path.join(tmp, 'base'), options.now, `--base ${options.base}`)).dir };
  }
  const summary = await diffPublicData(base, { label: options.head, dir: head.dir }, head.embargoed);
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  if (options.jsonFile) await writeFile(options.jsonFile, json);
  process.stdout.write(options.json ? json : changesMarkdown(summary));
} catch (e) {
  if (!(e instanceof Stop)) throw e;
  console.error(e.status === 2 ? `${e.message}\n${USAGE}` : e.message);
  process.exitCode = e.status;
} finally {
  await rm(tmp, { recursive: true, force: true });
}
