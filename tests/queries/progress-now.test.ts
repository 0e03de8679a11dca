/**
 * npm run progress -- --now ISO: the data build's embargo clock, so that a past circular can be
 * re-run as it was published. A release published after --now is left out of the report.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASIC } from './helpers.ts';
import { openSmallPackage, type SmallPackage } from './small-package.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function progress(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/progress.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// r1 (20 Jan 2025, 10:00 Beijing): 郑州 and 洛阳. r2 (20 Mar 2025, 10:00 Beijing): 郑州 revised, 开封 first published.
let pkg: SmallPackage;
beforeAll(async () => {
  pkg = await openSmallPackage({
    'releases.csv': `id,published_at,title,source,notes
r1,2025-01-20T10:00:00+08:00,2024 年快报,test,
r2,2025-03-20T10:00:00+08:00,2024 年年报,test,`,
    'observations/r1.csv': `jurisdiction,indicator,period,value,yoy_pct,flag,note
410100,gdp,2024,14000,4.5,p,
410300,gdp,2024,5800,5.5,p,`,
    'observations/r2.csv': `jurisdiction,indicator,period,value,yoy_pct,flag,note
410100,gdp,2024,14100,4.8,r,
410200,gdp,2024,2800,6.0,,`,
    'targets/2024.csv': `jurisdiction,indicator,year,type,value,qualifier,source,note
410100,gdp,2024,growth,5.0,,test,
410200,gdp,2024,growth,5.0,,test,
410300,gdp,2024,growth,5.0,,test,`,
  });
});
afterAll(async () => {
  await pkg.close();
});

const figures = (stdout: string) =>
  (JSON.parse(stdout) as Record<string, unknown>[]).map((r) => [r.jurisdiction, r.value, r.yoy_pct, r.flag]);

describe('npm run progress --now', () => {
  const report = (...now: string[]) => progress('--data', pkg.dataDir, '--period', '2024', '--parent', '410000', '--indicator', 'gdp', '--format', 'json', ...now);

  it('leaves out a release published after --now, as the circular was then', () => {
    const r = report('--now', '2025-03-20T09:59:59+08:00');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(figures(r.stdout)).toEqual([
      ['410100', 14000, 4.5, 'p'],
      ['410200', null, null, null],
      ['410300', 5800, 5.5, 'p'],
    ]);
  });

  it('includes a release from the instant it is published, in any offset; the default clock is now', () => {
    const published = [
      ['410100', 14100, 4.8, 'r'],
      ['410200', 2800, 6, null],
      ['410300', 5800, 5.5, 'p'],
    ];
    expect(figures(report('--now', '2025-03-20T02:00:00Z').stdout)).toEqual(published);
    expect(figures(report('--now=2025-03-20T02:00:00Z').stdout)).toEqual(published);
    expect(figures(report().stdout)).toEqual(published);
  });

  it.each([
    [['--now', '2025-03-20T10:00:00'], /--now "2025-03-20T10:00:00": a time without an offset names a different instant in every time zone.*write 2025-03-20T10:00:00\+08:00/],
    [['--now', '2025-03-20'], /--now "2025-03-20": expected an ISO 8601 date and time with an offset or Z/],
    [['--now', 'yesterday'], /--now "yesterday": expected an ISO 8601/],
    [['--nwo', '2025-03-20T10:00:00Z'], /Unknown option '--nwo'/],
  ])('refuses %j with exit 2, saying why', (args, message) => {
    const r = report(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('refuses --now with --public-data, whose embargo was applied when it was built', () => {
    const r = progress('--public-data', BASIC, '--period', '2024', '--now', '2025-03-20T02:00:00Z');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--public-data is already built.*use --data DIR with --now/);
  });
});
