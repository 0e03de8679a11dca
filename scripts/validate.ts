/**
 * npm run validate -- [DATA_DIR] [--format text|json|github|gitlab] [--json] [--errors-only] [--lang zh|en]
 * Exit 0 when the data has no errors (warnings allowed), 1 when it has errors, 2 on a usage error.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataDirError, validateDataDir, type Problem } from '../src/validate/index.ts';
import {
  errorsFirst,
  formatGroupHeading,
  formatProblem,
  formatSummary,
  githubAnnotation,
  gitlabIssue,
  LANGS,
  type Lang,
} from '../src/validate/format.ts';

const FORMATS = ['text', 'json', 'github', 'gitlab'] as const;
type Format = (typeof FORMATS)[number];
const KNOWN = '--format text|json|github|gitlab, --json, --errors-only, --lang zh|en, --help';
const USAGE = `usage: npm run validate -- [DATA_DIR] [options]   (DATA_DIR defaults to data)
  --format text     one line per problem, errors first, then warnings (the default)
  --format json     the problems as a JSON array (--json is the same)
  --format github   GitHub Actions annotations (::error file=…,line=…,col=…,title=CODE::…)
  --format gitlab   GitLab's code-quality report (a JSON array)
  --errors-only     leave the warnings out (the summary still counts them)
  --lang zh|en      the language of the messages; default: "lang" in the package's dataset.json, else en`;

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

/** The command line, strictly: `--name value` and `--name=value` alike, unknown options refused. */
function parseArgs(argv: string[]): { dataDir: string; format: Format; errorsOnly: boolean; lang: Lang | undefined } {
  const args = argv.flatMap((a) => (/^--[a-z-]+=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  let format: Format = 'text';
  let errorsOnly = false;
  let lang: Lang | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--json') format = 'json';
    else if (a === '--errors-only') errorsOnly = true;
    else if (a === '--format' || a === '--lang') {
      const value = args[++i];
      if (a === '--format') {
        if (!FORMATS.includes(value as Format)) usageError(`--format ${value ?? ''}: expected one of ${FORMATS.join(', ')}`);
        format = value as Format;
      } else {
        if (!LANGS.includes(value as Lang)) usageError(`--lang ${value ?? ''}: expected one of ${LANGS.join(', ')}`);
        lang = value as Lang;
      }
    } else if (a.startsWith('-')) usageError(`unknown option ${a}; the options are ${KNOWN}`);
    else positional.push(a);
  }
  if (positional.length > 1) usageError(`one data directory expected, got ${positional.length}: ${positional.join(' ')}`);
  return { dataDir: positional[0] ?? 'data', format, errorsOnly, lang };
}

/**
 * The package's "lang" setting. A wrong value is said on stderr and English is used: the
 * setting changes only how the validator speaks, not what is published.
 */
async function packageLang(dataDir: string): Promise<Lang> {
  let settings: unknown;
  try {
    settings = JSON.parse((await readFile(path.join(dataDir, 'dataset.json'), 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    return 'en'; // absent, or reported by the validator itself (E_JSON)
  }
  const lang = (settings as { lang?: unknown } | null)?.lang;
  if (lang === undefined) return 'en';
  if (LANGS.includes(lang as Lang)) return lang as Lang;
  console.error(`${path.join(dataDir, 'dataset.json')}: "lang": ${JSON.stringify(lang)} is not one of ${LANGS.map((l) => `"${l}"`).join(', ')}; messages in English`);
  return 'en';
}

/** The nearest directory at or above `dir` holding .git (a folder, or a file in a worktree); null outside a repository. */
async function repositoryRoot(dir: string): Promise<string | null> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (await stat(path.join(d, '.git')).then(() => true, () => false)) return d;
    if (path.dirname(d) === d) return null;
  }
}

const { dataDir, format, errorsOnly, lang: langOption } = parseArgs(process.argv.slice(2));

let report;
try {
  report = await validateDataDir(dataDir);
} catch (e) {
  if (e instanceof DataDirError) usageError(e.message);
  throw e;
}
const lang = langOption ?? (await packageLang(dataDir));
const shown = errorsFirst(report.problems).filter((p) => !errorsOnly || p.severity === 'error');
const root = await repositoryRoot(dataDir);
// GitHub and GitLab place a problem by its path from the repository root; outside one, the path as given.
const fromRoot = (p: Problem) => (root === null ? p.file : path.relative(root, path.resolve(p.file))).split(path.sep).join('/');

if (format === 'json') console.log(JSON.stringify(shown, null, 2));
else if (format === 'gitlab') console.log(JSON.stringify(shown.map((p) => gitlabIssue(p, fromRoot(p), lang)), null, 2));
else {
  const line = format === 'github' ? (p: Problem) => githubAnnotation(p, fromRoot(p), lang) : (p: Problem) => formatProblem(p, lang);
  const groups = [
    { severity: 'error' as const, count: report.errorCount },
    { severity: 'warning' as const, count: errorsOnly ? 0 : report.warningCount },
  ];
  for (const g of groups) {
    if (g.count === 0) continue;
    console.log(formatGroupHeading(g.severity, g.count, lang));
    for (const p of shown) if (p.severity === g.severity) console.log(line(p));
  }
  console.log(formatSummary(report.errorCount, report.warningCount, report.fileCount, lang, !errorsOnly));
}
process.exitCode = report.errorCount > 0 ? 1 : 0;
