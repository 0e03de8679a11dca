/**
 * npm run progress: the CLI end to end. --data builds a data package first (fixtures/package:
 * one release published, one embargoed until 2099, one internal indicator); --public-data reads
 * a built directory (fixtures/basic). Also the report's formats and the terminal width function.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPORT_FIELDS } from '../../src/lib/progress-report.ts';
import { displayWidth, fitWidth } from '../../src/lib/text-width.ts';
import { BASIC, PACKAGE } from './helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function progress(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/progress.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('display width', () => {
  it('counts Chinese and fullwidth characters as two columns', () => {
    expect(displayWidth('郑州市')).toBe(6);
    expect(displayWidth('410100')).toBe(6);
    expect(displayWidth('新疆维吾尔自治区')).toBe(16);
    expect(displayWidth('（测试）')).toBe(8); // fullwidth parentheses
    expect(displayWidth('e\u0301')).toBe(1); // combining accent
    expect(displayWidth('－１２')).toBe(6); // fullwidth minus and digits
    expect(fitWidth('郑州市', 8)).toBe('郑州市  ');
    expect(fitWidth('12.5', 6, 'right')).toBe('  12.5');
    expect(fitWidth('新疆维吾尔自治区', 7)).toBe('新疆维…'); // 6 columns + the ellipsis
  });
});

describe('npm run progress with --data (builds the data package first)', () => {
  it('lists each child’s growth against its growth target (json)', () => {
    const r = progress('--data', PACKAGE, '--period', '2024', '--parent', '410000', '--indicator', 'gdp', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Object.keys(rows[0]!)).toEqual([...REPORT_FIELDS]);
    // 郑州 4.5 vs 5.0左右 → −0.5, within the default band of 0.5: about; 开封 6.0 no target;
    // 洛阳 5.5 vs 5.0 → +0.5 achieved.
    // 郑州's 99999 in release r2099 is embargoed: the published 14000 is reported.
    expect(rows.map((x) => [x.jurisdiction, x.value, x.yoy_pct, x.target_value, x.growth_gap_pp, x.rank, x.rank_of, x.status])).toEqual([
      ['410100', 14000, 4.5, 5, -0.5, 3, 3, 'about'],
      ['410200', 2800, 6, null, null, 1, 3, 'no_target'],
      ['410300', 5800, 5.5, 5, 0.5, 2, 3, 'achieved'],
    ]);
    // 洛阳 (2nd on growth): ahead 开封 6.0 − 5.5 = 0.5 pp, behind 郑州 5.5 − 4.5 = 1.0 pp
    expect(rows[2]).toMatchObject({ ahead_code: '410200', ahead_name_zh: '开封市', ahead_gap: 0.5, behind_code: '410100', behind_gap: 1 });
  });

  it('reports every targeted indicator by default, never an internal one (csv)', () => {
    const r = progress('--data', PACKAGE, '--period', '2024-06', '--parent', '410000', '--format', 'csv');
    expect(r.code).toBe(0);
    const [header, ...lines] = r.stdout.trim().split('\n');
    expect(header).toBe(REPORT_FIELDS.join(','));
    // retail_sales has 2024 targets and 2024-06 figures; gdp has no 2024-06 figures; secret_index is internal
    expect(lines.map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '410100,郑州市,retail_sales', '410200,开封市,retail_sales', '410300,洛阳市,retail_sales',
    ]);
    expect(lines[2]!.endsWith(',suppressed')).toBe(true);
  });
});

describe('npm run progress with --public-data', () => {
  it('aligns the table in a terminal with Chinese names', () => {
    const r = progress('--public-data', BASIC, '--period', '2024-06', '--parent', '410000', '--indicator', 'retail_sales');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('code'))!;
    const rule = lines[lines.indexOf(header) + 1]!;
    const body = lines.slice(lines.indexOf(header) + 2).filter((l) => /^\d{6}/.test(l));
    expect(body).toHaveLength(8);
    // every column starts at the same display column in the header, the rule and each row:
    // the rule's runs of ─ mark the columns; each row has a space before every column start.
    const starts = [...rule.matchAll(/─+/g)].map((m) => displayWidth(rule.slice(0, m.index)));
    const ends = [...rule.matchAll(/─+/g)].map((m) => displayWidth(rule.slice(0, m.index)) + m[0].length);
    for (const line of [header, ...body]) {
      const cols = [...line].reduce<{ w: number; at: string[] }>(
        (acc, ch) => {
          for (let i = 0; i < displayWidth(ch); i++) acc.at[acc.w + i] = ch;
          acc.w += displayWidth(ch);
          return acc;
        },
        { w: 0, at: [] },
      ).at;
      for (let i = 1; i < starts.length; i++) expect(cols[starts[i]! - 1] ?? ' ', `${line} @${starts[i]}`).toBe(' ');
      expect(displayWidth(line)).toBeLessThanOrEqual(ends[ends.length - 1]!);
    }
    // the value column is right-aligned: 2340.0 ends where the rule of "value" ends
    const zz = body.find((l) => l.startsWith('410100'))!;
    expect(displayWidth(zz.slice(0, zz.indexOf('2340.0') + '2340.0'.length))).toBe(ends[2]);
  });

  it('lists the indicators in the site’s order (by category), not by id, in every format', () => {
    // retail_sales is in consumption, gdp in economy: by id gdp would come first
    const args = ['--public-data', BASIC, '--period', '2024', '--parent', '410000'];
    const table = progress(...args);
    expect(table.code).toBe(0);
    expect([...table.stdout.matchAll(/^\S+ \((\w+), /gm)].map((m) => m[1])).toEqual(['retail_sales', 'gdp']);
    const json = JSON.parse(progress(...args, '--format', 'json').stdout) as { indicator: string; jurisdiction: string }[];
    expect([...new Set(json.map((x) => x.indicator))]).toEqual(['retail_sales', 'gdp']);
    // each indicator's rows keep the query's order: prefectures by code, then the special zone
    const children = ['410100', '410200', '410300', '410400', '410500', '410600', '411000', '410171'];
    for (const id of ['retail_sales', 'gdp']) expect(json.filter((x) => x.indicator === id).map((x) => x.jurisdiction)).toEqual(children);
  });

  it('defaults the parent to the root', () => {
    const r = progress('--public-data', BASIC, '--period', '2024', '--indicator', 'gdp', '--format', 'json');
    expect(r.code).toBe(0);
    // children of 全国 100000: 河南省 and 湖北省
    expect((JSON.parse(r.stdout) as { jurisdiction: string }[]).map((x) => x.jurisdiction)).toEqual(['410000', '420000']);
  });

  it.each([
    [['--period', '2024-13'], /bad period "2024-13".*YYYY-MM/],
    [['--period', '2024-6'], /bad period/],
    [['--period', '2024', '--parent', '999999'], /unknown jurisdiction code "999999"; codes with children at 2024: 100000 全国, 410000 河南省/],
    [['--period', '2024', '--parent', '410699'], /410699 旧市 is not valid at 2024 \(valid 1983-01-01 to 2023-12-31\)/],
    [['--period', '2024', '--parent', '410100'], /410100 郑州市 has no children valid at 2024/],
    [['--period', '2024', '--parent', '410000', '--indicator', 'nope'], /unknown indicator "nope"; indicators: consumer_complaints, fdi_actual, gdp/],
    [['--period', '2022', '--parent', '410000', '--indicator', 'gdp'], /no figures at 2022 .* periods with figures: gdp: 2024/],
    [['--period', '2024', '--format', 'xml'], /bad format "xml": use table, json, csv/],
    [[], /--period is required/],
  ])('refuses %j with a message saying what is valid', (args, message) => {
    const r = progress('--public-data', BASIC, ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('says when the data package directory does not exist', () => {
    const r = progress('--data', path.join(BASIC, 'nope'), '--period', '2024');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
  });
});
