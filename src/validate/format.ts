/**
 * Problems as text: one line each for people (in Chinese or English), GitHub Actions workflow
 * commands, GitLab's code-quality report, and the counts around them.
 */
import { createHash } from 'node:crypto';
import type { Problem, Severity } from './problems.ts';
import { ZH } from './messages-zh.ts';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** What is wrong and how to fix it; in Chinese the English detail of the check follows. */
export function problemText(p: Problem, lang: Lang = 'en'): string {
  let detail = p.message;
  if (p.expected) detail += `; expected ${p.expected}`;
  if (p.fix) detail += `; fix: ${p.fix}`;
  if (lang === 'en') return detail;
  if (p.notListed !== undefined) {
    return `本文件另有 ${p.notListed} 个 ${p.code} 问题未列出。改法：先改正已列出的问题，再运行一次检查。详情：${detail}`;
  }
  const zh = ZH[p.code];
  return zh ? `${zh.what(p.found)}。改法：${zh.fix}。详情：${detail}` : detail;
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告' };

/** `file:line:column severity CODE message; expected …; fix: …` (line and column left out when 0). */
export function formatProblem(p: Problem, lang: Lang = 'en'): string {
  const where = p.line > 0 ? `${p.file}:${p.line}${p.column > 0 ? `:${p.column}` : ''}` : p.file;
  return `${where} ${lang === 'zh' ? SEVERITY_ZH[p.severity] : p.severity} ${p.code} ${problemText(p, lang)}`;
}

/** Errors before warnings, each group in its given (file, line, column) order. */
export function errorsFirst(problems: readonly Problem[]): Problem[] {
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];
}

function countOf(count: number, severity: Severity, lang: Lang): string {
  return lang === 'zh' ? `${count} 个${SEVERITY_ZH[severity]}` : `${count} ${severity}${count === 1 ? '' : 's'}`;
}

/** The line above a group of problems: `3 errors:` / `错误 3 个：` (the count includes those not listed). */
export function formatGroupHeading(severity: Severity, count: number, lang: Lang = 'en'): string {
  return lang === 'zh' ? `${SEVERITY_ZH[severity]} ${count} 个：` : `${countOf(count, severity, lang)}:`;
}

/** `1 error, 2 warnings in 8 files`; `warningsListed` false says the warnings were left out (--errors-only). */
export function formatSummary(errors: number, warnings: number, files: number, lang: Lang = 'en', warningsListed = true): string {
  if (lang === 'zh') {
    const hidden = warningsListed ? '' : '（未列出：--errors-only）';
    return `${countOf(errors, 'error', lang)}，${countOf(warnings, 'warning', lang)}${hidden}，共检查 ${files} 个文件`;
  }
  const hidden = warningsListed ? '' : ' (not listed: --errors-only)';
  return `${countOf(errors, 'error', lang)}, ${countOf(warnings, 'warning', lang)}${hidden} in ${files} file${files === 1 ? '' : 's'}`;
}

// GitHub's workflow-command escaping: the message may not hold a line break or a bare %, and a
// property value not a , or : either (they separate the properties).
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * `::error file=…,line=…,col=…,title=CODE::message`: GitHub Actions shows it on the file in the
 * pull request. `file` is the path relative to the repository root, with forward slashes.
 */
export function githubAnnotation(p: Problem, file: string, lang: Lang = 'en'): string {
  const props: [string, string][] = [['file', file]];
  if (p.line > 0) {
    props.push(['line', String(p.line)]);
    if (p.column > 0) props.push(['col', String(p.column)]);
  }
  props.push(['title', p.code]);
  return `::${p.severity} ${props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',')}::${escapeData(problemText(p, lang))}`;
}

/** One entry of GitLab's code-quality report (a JSON array of these, read from a job artifact). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'critical' | 'minor';
  location: { path: string; lines: { begin: number } };
}

/** An error blocks publishing (critical); a warning asks a person to look (minor). */
export function gitlabIssue(p: Problem, file: string, lang: Lang = 'en'): CodeQualityIssue {
  // GitLab tells issues apart by fingerprint alone, so it covers everything that makes one.
  const fingerprint = createHash('sha256')
    .update([p.code, file, p.line, p.column, p.found, p.message].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
  return {
    description: problemText(p, lang),
    check_name: p.code,
    fingerprint,
    severity: p.severity === 'error' ? 'critical' : 'minor',
    location: { path: file, lines: { begin: Math.max(p.line, 1) } },
  };
}
