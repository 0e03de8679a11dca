/** The validator's output for people and for CI: errors first, --errors-only, --lang, GitHub and GitLab formats. */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodeQualityIssue } from '../../src/validate/format.ts';
import { makeDataDir, removeDataDirs, withLine, withRows } from './fixture.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(removeDataDirs);

// A warning in releases.csv sorts before an error in targets/2025.csv by file name.
const WARNING_THEN_ERROR = {
  ...withRows('releases.csv', '2025-07,2025-08-15T10:00:00+08:00,x,,'),
  ...withLine('targets/2025.csv', 3, '410100,fdi_actual,2025,level,"50,000",,2025年工作要点,'),
};
const ERROR_LINE = (dir: string) =>
  `${path.join(dir, 'targets/2025.csv')}:3:5 error E_NUMBER_FORMAT value "50,000" is not a plain number; expected digits with an optional . and leading -, e.g. 1234.5; fix: write 50000 (no thousands separator)`;
const WARNING_LINE = (dir: string) =>
  `${path.join(dir, 'releases.csv')}:3:1 warning W_RELEASE_NO_FILE release 2025-07 has no observations file; expected a file observations/2025-07.csv; fix: add observations/2025-07.csv, or remove the row if the release is withdrawn`;

describe('npm run validate: errors first', () => {
  it('lists the errors, then the warnings, each under its count, then the summary', async () => {
    const dir = await makeDataDir(WARNING_THEN_ERROR);
    const r = cli(dir);
    expect(r.stdout.trim().split('\n')).toEqual(['1 error:', ERROR_LINE(dir), '1 warning:', WARNING_LINE(dir), '1 error, 1 warning in 8 files']);
    expect(r.status).toBe(1);
  });

  it('--errors-only leaves the warnings out and says so in the summary', async () => {
    const dir = await makeDataDir(WARNING_THEN_ERROR);
    const r = cli(dir, '--errors-only');
    expect(r.stdout.trim().split('\n')).toEqual(['1 error:', ERROR_LINE(dir), '1 error, 1 warning (not listed: --errors-only) in 8 files']);
    expect(r.status).toBe(1);
  });

  it('--json lists the errors first too, and --errors-only filters it', async () => {
    const dir = await makeDataDir(WARNING_THEN_ERROR);
    const all = JSON.parse(cli(dir, '--json').stdout) as { code: string }[];
    expect(all.map((p) => p.code)).toEqual(['E_NUMBER_FORMAT', 'W_RELEASE_NO_FILE']);
    const errors = JSON.parse(cli(dir, '--format=json', '--errors-only').stdout) as { code: string }[];
    expect(errors.map((p) => p.code)).toEqual(['E_NUMBER_FORMAT']);
  });
});

describe('npm run validate: language', () => {
  const zhError = (dir: string) =>
    `${path.join(dir, 'targets/2025.csv')}:3:5 错误 E_NUMBER_FORMAT 数值“50,000”不是规范的数字写法。改法：只写数字、小数点和负号，如 1234.5：不要千位分隔符、全角数字、单位、百分号或科学计数法。详情：value "50,000" is not a plain number; expected digits with an optional . and leading -, e.g. 1234.5; fix: write 50000 (no thousands separator)`;

  it('--lang zh speaks Chinese, with the English detail after it', async () => {
    const dir = await makeDataDir(WARNING_THEN_ERROR);
    const lines = cli(dir, '--lang', 'zh').stdout.trim().split('\n');
    expect(lines[0]).toBe('错误 1 个：');
    expect(lines[1]).toBe(zhError(dir));
    expect(lines[2]).toBe('警告 1 个：');
    expect(lines[3]).toContain(' 警告 W_RELEASE_NO_FILE 发布 2025-07 没有对应的数据文件。');
    expect(lines[4]).toBe('1 个错误，1 个警告，共检查 8 个文件');
  });

  it('takes its default from dataset.json, and --lang overrides it', async () => {
    const dir = await makeDataDir({ ...WARNING_THEN_ERROR, 'dataset.json': '{"title_zh": "测试", "lang": "zh"}\n' });
    expect(cli(dir, '--errors-only').stdout.trim().split('\n')).toEqual([
      '错误 1 个：',
      zhError(dir),
      '1 个错误，1 个警告（未列出：--errors-only），共检查 9 个文件',
    ]);
    expect(cli(dir, '--errors-only', '--lang=en').stdout).toContain(ERROR_LINE(dir));
  });

  it('says so on stderr and speaks English when dataset.json names another language', async () => {
    const dir = await makeDataDir({ 'dataset.json': '{"lang": "fr"}\n' });
    const r = cli(dir);
    expect(r.stderr).toContain('"lang": "fr" is not one of "zh", "en"; messages in English');
    expect(r.stdout.trim()).toBe('0 errors, 0 warnings in 9 files');
    expect(r.status).toBe(0);
  });
});

describe('npm run validate: CI formats', () => {
  /** A data repository: the package at the root of a git checkout. */
  async function repoDir(changes: Record<string, string>): Promise<string> {
    const dir = await makeDataDir(changes);
    await mkdir(path.join(dir, '.git'));
    return dir;
  }

  it('--format github prints workflow commands with paths from the repository root', async () => {
    const dir = await repoDir({
      ...WARNING_THEN_ERROR,
      'observations/2025-07.csv': 'jurisdiction,indicator,period,value,yoy_pct,flag,note\n',
      'observations/2025-08.csv': 'jurisdiction,indicator,period,value,yoy_pct,flag,note\n',
    });
    const r = cli(dir, '--format', 'github');
    expect(r.stdout.trim().split('\n')).toEqual([
      '2 errors:',
      '::error file=observations/2025-08.csv,title=E_NO_RELEASE::release 2025-08 is not listed in releases.csv; expected a row with id 2025-08 in releases.csv; fix: add a row for 2025-08 to releases.csv with its published_at and title',
      '::error file=targets/2025.csv,line=3,col=5,title=E_NUMBER_FORMAT::value "50,000" is not a plain number; expected digits with an optional . and leading -, e.g. 1234.5; fix: write 50000 (no thousands separator)',
      '2 errors, 0 warnings in 10 files',
    ]);
    expect(r.status).toBe(1);
  });

  it('--format github escapes what would end a workflow command (%, line breaks; , and : in a path)', async () => {
    const dir = await repoDir({ ...withLine('observations/2025-06.csv', 2, '410000,retail_sales,2025-05,10000.5,95,,') });
    const r = cli(dir, '--format', 'github', '--lang', 'zh');
    expect(r.stdout).toContain(
      '::warning file=observations/2025-06.csv,line=2,col=5,title=W_YOY_RANGE::增速 95%25 超出 ±80%25。改法：核对增速；yoy_pct 以百分数计，12.5 即 12.5%25。详情：',
    );
    const strange = await repoDir({ 'observations/a,b:c.csv': 'jurisdiction,indicator,period,value,yoy_pct,flag,note\n' });
    expect(cli(strange, '--format', 'github').stdout).toContain('::error file=observations/a%2Cb%3Ac.csv,title=E_FILE_NAME::');
  });

  it('--format gitlab prints a code-quality report', async () => {
    const dir = await repoDir(WARNING_THEN_ERROR);
    const r = cli(dir, '--format', 'gitlab');
    const issues = JSON.parse(r.stdout) as CodeQualityIssue[];
    expect(issues.map(({ fingerprint, ...rest }) => ({ ...rest, fingerprint: /^[0-9a-f]{32}$/.test(fingerprint) }))).toEqual([
      {
        description: ERROR_LINE(dir).slice(ERROR_LINE(dir).indexOf('value ')),
        check_name: 'E_NUMBER_FORMAT',
        fingerprint: true,
        severity: 'critical',
        location: { path: 'targets/2025.csv', lines: { begin: 3 } },
      },
      {
        description: WARNING_LINE(dir).slice(WARNING_LINE(dir).indexOf('release ')),
        check_name: 'W_RELEASE_NO_FILE',
        fingerprint: true,
        severity: 'minor',
        location: { path: 'releases.csv', lines: { begin: 3 } },
      },
    ]);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(2);
    expect(r.status).toBe(1);
  });

  it('refuses an unknown format, language or option with the list of known ones (exit 2)', async () => {
    const dir = await makeDataDir();
    const format = cli(dir, '--format', 'xml');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format xml: expected one of text, json, github, gitlab');
    expect(cli(dir, '--lang', 'fr').stderr).toContain('--lang fr: expected one of zh, en');
    expect(cli(dir, '--format').status).toBe(2);
    const unknown = cli(dir, '--errors_only');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --errors_only; the options are --format text|json|github|gitlab, --json, --errors-only, --lang zh|en, --help');
  });
});
