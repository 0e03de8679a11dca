/** The CLI as a statistician runs it: output lines, --json and exit codes. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/validate/index.ts';
import { makeDataDir, removeDataDirs, withLine, withRows } from './fixture.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(removeDataDirs);

const OBS = 'observations/2025-06.csv';

describe('npm run validate', () => {
  it('exits 0 on valid data and prints the summary', async () => {
    const r = cli(await makeDataDir());
    expect(r.stdout.trim()).toBe('0 errors, 0 warnings in 8 files');
    expect(r.status).toBe(0);
  });

  it('exits 0 with warnings only', async () => {
    const r = cli(await makeDataDir(withLine(OBS, 2, '410000,retail_sales,2025-05,10000.5,95,,')));
    expect(r.stdout).toContain('W_YOY_RANGE');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 errors, 1 warning in 8 files');
    expect(r.status).toBe(0);
  });

  it('exits 1 on errors, one problem per line as file:line:column', async () => {
    const dir = await makeDataDir({
      ...withLine(OBS, 2, '410000,retail_sales,2025-05,"1,234.5",5.1,,'),
      ...withRows('releases.csv', '2025-07,2025-08-15T10:00:00+08:00,x,,'),
    });
    const r = cli(dir);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      '1 error:',
      `${path.join(dir, OBS)}:2:4 error E_NUMBER_FORMAT value "1,234.5" is not a plain number; expected digits with an optional . and leading -, e.g. 1234.5; fix: write 1234.5 (no thousands separator)`,
      '1 warning:',
      `${path.join(dir, 'releases.csv')}:3:1 warning W_RELEASE_NO_FILE release 2025-07 has no observations file; expected a file observations/2025-07.csv; fix: add observations/2025-07.csv, or remove the row if the release is withdrawn`,
      '1 error, 1 warning in 8 files',
    ]);
    expect(r.status).toBe(1);
  });

  it('--json prints the problems as an array', async () => {
    const dir = await makeDataDir(withLine(OBS, 3, '410000,retail_sales,2025-13,12000.5,-0.5,,'));
    const r = cli('--json', dir);
    const problems = JSON.parse(r.stdout) as Problem[];
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'E_PERIOD',
        file: path.join(dir, OBS),
        line: 3,
        column: 3,
        found: '2025-13',
        expected: 'YYYY for a year or YYYY-MM (January to MM, cumulative), month 01 to 12',
        fix: 'month 13 does not exist: use 01 to 12',
        message: 'period "2025-13" is not YYYY or YYYY-MM',
      },
    ]);
    expect(r.status).toBe(1);
  });

  it('exits 2 on a missing directory, an unknown option or two directories', async () => {
    const dir = await makeDataDir();
    const missing = cli(path.join(dir, 'nope'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('is not a directory');
    expect(cli('--strict', dir).status).toBe(2);
    expect(cli(dir, dir).status).toBe(2);
  });
});
