/** One test per problem class, each on the valid base with one injected problem. */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDataDir } from '../../src/validate/index.ts';
import { BASE, codes, expectProblem, makeDataDir, removeDataDirs, validate, withLine, withRows } from './fixture.ts';

const OBS = 'observations/2025-06.csv';
const TGT = 'targets/2025.csv';
const J = 'jurisdictions.csv';
const I = 'indicators.csv';
const R = 'releases.csv';

afterAll(removeDataDirs);

describe('the base fixture', () => {
  it('is valid, so every other test sees only its own problem', async () => {
    const { report } = await validate({});
    expect(report.problems).toEqual([]);
    expect(report.errorCount).toBe(0);
    expect(report.fileCount).toBe(8);
    expect(report.observationRows).toBe(6);
    expect(report.tables.jurisdictions.map((j) => j.code)).toEqual(['410000', '410100', '410300', '410306', '410308']);
    expect(report.tables.indicators[0]).toMatchObject({ id: 'retail_sales', unit: '亿元', kind: 'ytd_flow', allow_negative: false, decimals: 1 });
    expect(report.tables.targets[1]).toMatchObject({ jurisdiction: '410100', indicator: 'fdi_actual', year: 2025, type: 'level', value: 50000 });
  });
});

describe('files and columns', () => {
  it('E_FILE_MISSING: a required file is missing, and the other files are still checked', async () => {
    const v = await validate({ [I]: null, ...withLine(OBS, 2, '410000,retail_sales,2025-13,10000.5,5.1,,') });
    expectProblem(v, 'E_FILE_MISSING', I, 0, 0);
    expectProblem(v, 'E_PERIOD', OBS, 2, 3);
    expect(codes(v.report)).not.toContain('E_UNKNOWN_INDICATOR'); // no indicators to check against
  });

  it('a reference table without its key column does not flood the files that refer to it', async () => {
    const v = await validate({ [J]: BASE[J]!.replaceAll(/^[^,\n]*,/gm, '') });
    expectProblem(v, 'E_COLUMN_MISSING', J, 1, 0);
    expect(codes(v.report)).toEqual(['E_COLUMN_MISSING']);
  });

  it('E_NO_OBSERVATIONS: no observations file at all', async () => {
    const v = await validate({ [OBS]: null });
    expectProblem(v, 'E_NO_OBSERVATIONS', 'observations', 0, 0);
    expectProblem(v, 'W_RELEASE_NO_FILE', R, 2, 1);
  });

  it('E_EMPTY_FILE: no header row', async () => {
    expectProblem(await validate({ [R]: '' }), 'E_EMPTY_FILE', R, 0, 0);
  });

  it('E_COLUMN_MISSING: a required column is absent', async () => {
    const obs = BASE[OBS]!.split('\n').map((l) => l.split(',').slice(0, 4).concat(l.split(',').slice(5)).join(',')).join('\n');
    const v = await validate({ [OBS]: obs.replace('"line one\nline two"', '') });
    const p = expectProblem(v, 'E_COLUMN_MISSING', OBS, 1, 0);
    expect(p.message).toContain('yoy_pct');
  });

  it('E_COLUMN_UNKNOWN: an extra column, with a rename hint for a near miss', async () => {
    const v = await validate(withLine(R, 1, 'id,published_at,Title ,source,notes'));
    const p = expectProblem(v, 'E_COLUMN_UNKNOWN', R, 1, 3);
    expect(p.fix).toBe('rename it to title');
    expect(codes(v.report)).not.toContain('E_COLUMN_MISSING');
  });

  it('E_COLUMN_DUPLICATE: a column twice', async () => {
    const v = await validate({ 'exchange_rates.csv': 'year,currency,cny_per_unit,source,year\n2024,USD,7.1217,国家统计局,2024\n' });
    expectProblem(v, 'E_COLUMN_DUPLICATE', 'exchange_rates.csv', 1, 5);
  });

  it('columns may come in any order', async () => {
    const v = await validate({ 'exchange_rates.csv': 'source,cny_per_unit,currency,year\n国家统计局,7.1217,USD,2024\n' });
    expect(v.report.problems).toEqual([]);
  });

  it('E_FIELD_COUNT: an unquoted thousands separator splits a value, and the fix says so', async () => {
    const v = await validate(withRows(OBS, '410100,retail_sales,2025-05,1,234.5,4.8,,'));
    const p = expectProblem(v, 'E_FIELD_COUNT', OBS, 9, 8);
    expect(p.fix).toContain('write 1234.5');
  });

  it('E_FIELD_COUNT: too few fields', async () => {
    expectProblem(await validate(withRows(OBS, '410100,retail_sales,2025-05,2000')), 'E_FIELD_COUNT', OBS, 9, 4);
  });

  it('E_CSV_QUOTE: a quote inside an unquoted field', async () => {
    expectProblem(await validate(withRows(OBS, '410100,retail_sales,2025-05,2000,4.8,,他说"好"')), 'E_CSV_QUOTE', OBS, 9, 7);
  });

  it('E_CSV_QUOTE in the header stops that file only, without a flood of column problems', async () => {
    const v = await validate(withLine(R, 1, 'id,published_at,"title,source,notes'));
    expectProblem(v, 'E_CSV_QUOTE', R, 1, 3);
    expect(codes(v.report)).toEqual(['E_CSV_QUOTE']);
    const bare = await validate(withLine(R, 1, 'id,published_at,ti"tle,source,notes'));
    expect(codes(bare.report)).toEqual(['E_CSV_QUOTE']);
  });

  it('E_FILE_NAME: a targets file not named after a year', async () => {
    const v = await validate({ 'targets/2025-plan.csv': BASE[TGT]! });
    expectProblem(v, 'E_FILE_NAME', 'targets/2025-plan.csv', 0, 0);
  });

  it('W_IGNORED_FILE: a spreadsheet left in observations/', async () => {
    expectProblem(await validate({ 'observations/2025-07.xlsx': 'PK' }), 'W_IGNORED_FILE', 'observations/2025-07.xlsx', 0, 0);
  });
});

describe('fields', () => {
  it('E_REQUIRED: an empty required field', async () => {
    expectProblem(await validate(withLine(J, 3, '410100,410000,prefecture,,Zhengzhou,,')), 'E_REQUIRED', J, 3, 4);
  });

  it('E_ENUM: a level outside the list, with a case hint for a flag', async () => {
    expectProblem(await validate(withLine(J, 3, '410100,410000,city,郑州市,Zhengzhou,,')), 'E_ENUM', J, 3, 3);
    const p = expectProblem(await validate(withLine(OBS, 2, '410000,retail_sales,2025-05,10000.5,5.1,P,')), 'E_ENUM', OBS, 2, 6);
    expect(p.fix).toBe('write p');
  });

  it('E_ENUM: an indicator unit not in the unit list', async () => {
    const v = await validate(withLine(I, 2, 'retail_sales,社会消费品零售总额,Retail sales,亿,ytd_flow,true,true,false,1,public,consumption,,,统计局'));
    expectProblem(v, 'E_ENUM', I, 2, 4);
  });

  it('E_PERIOD: month 13, and 2025/06 with the exact rewrite', async () => {
    expectProblem(await validate(withLine(OBS, 2, '410000,retail_sales,2025-13,10000.5,5.1,,')), 'E_PERIOD', OBS, 2, 3);
    const p = expectProblem(await validate(withLine(OBS, 2, '410000,retail_sales,2025/05,10000.5,5.1,,')), 'E_PERIOD', OBS, 2, 3);
    expect(p.fix).toBe('write 2025-05');
  });

  it('E_DATE: a date with slashes', async () => {
    const p = expectProblem(await validate(withLine(J, 6, '410308,410300,county,孟津区,Mengjin,2021/3/1,')), 'E_DATE', J, 6, 6);
    expect(p.fix).toBe('write 2021-03-01');
  });

  it('E_DATETIME: published_at without an offset', async () => {
    const p = expectProblem(await validate(withLine(R, 2, '2025-06,2025-07-15 10:00:00,2025年1-6月,,')), 'E_DATETIME', R, 2, 2);
    expect(p.fix).toContain('2025-07-15T10:00:00+08:00');
  });

  it('E_INTEGER and E_RANGE: decimals must be a whole number from 0 to 6', async () => {
    const row = (d: string) => withLine(I, 3, `fdi_actual,实际利用外资,Actual FDI,万美元,ytd_flow,true,true,false,${d},public,investment,,,商务厅`);
    expectProblem(await validate(row('1.5')), 'E_INTEGER', I, 3, 9);
    expectProblem(await validate(row('7')), 'E_RANGE', I, 3, 9);
  });

  it('E_ID_FORMAT: an indicator id with capitals and a hyphen', async () => {
    const v = await validate(withLine(I, 4, 'Pop-Total,常住人口,Population,万人,stock,true,true,false,0,internal,economy,,,统计局'));
    const p = expectProblem(v, 'E_ID_FORMAT', I, 4, 1);
    expect(p.fix).toBe('write pop_total');
  });
});

describe('numbers', () => {
  const cases: [string, string, string][] = [
    ['"1,234.5"', 'value', 'write 1234.5 (no thousands separator)'],
    ['１２３', 'value', 'write 123 (half-width digits and signs, not full-width)'],
    ['123亿元', 'value', "write 123 (no unit: the indicator declares 亿元)"],
    ['1.2e4', 'value', 'write 12000 (no scientific notation'],
    ['—', 'value', 'leave the value empty and set flag na'],
  ];
  for (const [written, , fix] of cases) {
    it(`E_NUMBER_FORMAT: ${written} in value`, async () => {
      const p = expectProblem(await validate(withLine(OBS, 2, `410000,retail_sales,2025-05,${written},5.1,,`)), 'E_NUMBER_FORMAT', OBS, 2, 4);
      expect(p.fix.startsWith(fix), p.fix).toBe(true);
    });
  }

  it('E_NUMBER_FORMAT: 12% in yoy_pct', async () => {
    const p = expectProblem(await validate(withLine(OBS, 2, '410000,retail_sales,2025-05,10000.5,5.1%,,')), 'E_NUMBER_FORMAT', OBS, 2, 5);
    expect(p.fix).toBe('write 5.1 (no % sign: the column is already in %)');
  });

  it('E_NUMBER_FORMAT: a target written in 万元 for an indicator in 万美元 is not silently converted', async () => {
    const p = expectProblem(await validate(withLine(TGT, 3, '410100,fdi_actual,2025,level,5亿美元,,2025年工作要点,')), 'E_NUMBER_FORMAT', TGT, 3, 5);
    expect(p.fix).toBe("write 50000 (converted from 亿美元 to 万美元, the indicator's unit)");
  });

  it('E_FLAG_VALUE: an empty value without flag c or na', async () => {
    expectProblem(await validate(withLine(OBS, 2, '410000,retail_sales,2025-05,,5.1,,')), 'E_FLAG_VALUE', OBS, 2, 4);
  });

  it('a placeholder with flag na is one problem, not two', async () => {
    const v = await validate(withLine(OBS, 6, '410300,retail_sales,2025-06,—,,na,'));
    expectProblem(v, 'E_NUMBER_FORMAT', OBS, 6, 4);
    expect(codes(v.report)).toEqual(['E_NUMBER_FORMAT']);
  });

  it('E_FLAG_VALUE: a value with flag c', async () => {
    expectProblem(await validate(withLine(OBS, 6, '410300,retail_sales,2025-06,25,,c,')), 'E_FLAG_VALUE', OBS, 6, 6);
  });

  it('E_NEGATIVE: a negative value where allow_negative is false (yoy_pct may be negative)', async () => {
    const v = await validate(withLine(OBS, 7, '410308,fdi_actual,2025-06,-12,-3,,'));
    expectProblem(v, 'E_NEGATIVE', OBS, 7, 4);
    expect(v.report.problems).toHaveLength(1);
  });

  it('E_NEGATIVE: a negative level target', async () => {
    expectProblem(await validate(withLine(TGT, 3, '410100,fdi_actual,2025,level,-5,,2025年工作要点,')), 'E_NEGATIVE', TGT, 3, 5);
  });
});

describe('references', () => {
  it('E_UNKNOWN_JURISDICTION in observations, with a hint when only spaces differ', async () => {
    const p = expectProblem(await validate(withLine(OBS, 7, '" 410308",fdi_actual,2025-06,1234,12,,')), 'E_UNKNOWN_JURISDICTION', OBS, 7, 1);
    expect(p.fix).toBe('write 410308 (no spaces around it)');
  });

  it('E_UNKNOWN_JURISDICTION in targets', async () => {
    expectProblem(await validate(withRows(TGT, '419999,retail_sales,2025,growth,6,,x,')), 'E_UNKNOWN_JURISDICTION', TGT, 4, 1);
  });

  it('E_UNKNOWN_INDICATOR in observations and in targets', async () => {
    expectProblem(await validate(withLine(OBS, 7, '410308,fdi,2025-06,1234,12,,')), 'E_UNKNOWN_INDICATOR', OBS, 7, 2);
    expectProblem(await validate(withRows(TGT, '410300,online_retail,2025,growth,6,,x,')), 'E_UNKNOWN_INDICATOR', TGT, 4, 2);
  });

  it('E_JURISDICTION_VALIDITY: a code used after its valid_to, or before its valid_from', async () => {
    expectProblem(await validate(withRows(OBS, '410306,fdi_actual,2021-03,5,,,')), 'E_JURISDICTION_VALIDITY', OBS, 9, 1);
    expectProblem(await validate(withRows(OBS, '410308,fdi_actual,2021-02,5,,,')), 'E_JURISDICTION_VALIDITY', OBS, 9, 1);
    expectProblem(await validate(withRows(OBS, '410308,fdi_actual,2020,5,,,')), 'E_JURISDICTION_VALIDITY', OBS, 9, 1);
  });

  it('a cumulative period is judged at its last day: the old code up to 2021-02, the new one from 2021-03', async () => {
    const v = await validate(withRows(OBS, '410306,fdi_actual,2021-02,500,,,', '410308,fdi_actual,2021-03,700,,,', '410308,fdi_actual,2021,2400,,,'));
    expect(v.report.problems).toEqual([]);
  });

  it('E_JURISDICTION_VALIDITY in targets: the code must be valid in some part of the year', async () => {
    expectProblem(await validate(withRows(TGT, '410306,fdi_actual,2025,level,5,,x,')), 'E_JURISDICTION_VALIDITY', TGT, 4, 1);
    const v = await validate({ 'targets/2021.csv': 'jurisdiction,indicator,year,type,value,qualifier,source,note\n410306,fdi_actual,2021,level,5,,x,\n' });
    expect(v.report.problems).toEqual([]);
  });

  it('E_TARGET_YEAR: the year column disagrees with the file name', async () => {
    expectProblem(await validate(withLine(TGT, 2, '410100,retail_sales,2024,growth,6,以上,2025年工作要点,')), 'E_TARGET_YEAR', TGT, 2, 3);
  });

  it('E_NO_RELEASE: an observations file without a releases row', async () => {
    expectProblem(await validate({ 'observations/2025-07.csv': BASE[OBS]! }), 'E_NO_RELEASE', 'observations/2025-07.csv', 0, 0);
  });

  it('W_RELEASE_NO_FILE: a release row without a file (a warning only)', async () => {
    const v = await validate(withRows(R, '2025-07,2025-08-15T10:00:00+08:00,2025年1-7月,,'));
    expectProblem(v, 'W_RELEASE_NO_FILE', R, 3, 1);
    expect(v.report.errorCount).toBe(0);
  });

  it('E_PARENT: a parent that does not exist, and a cycle', async () => {
    expectProblem(await validate(withLine(J, 3, '410100,419900,prefecture,郑州市,Zhengzhou,,')), 'E_PARENT', J, 3, 2);
    const cycle = await validate({ ...withLine(J, 2, '410000,410300,province,河南省,Henan,,') });
    expect(cycle.report.problems.filter((p) => p.code === 'E_PARENT')).toHaveLength(1);
    expect(cycle.report.problems.find((p) => p.code === 'E_PARENT')?.message).toContain('own ancestor');
  });

  it('E_ROOT: a second unit without a parent', async () => {
    expectProblem(await validate(withLine(J, 3, '410100,,prefecture,郑州市,Zhengzhou,,')), 'E_ROOT', J, 3, 2);
  });

  it('E_VALIDITY_RANGE and E_VALIDITY_OVERLAP', async () => {
    expectProblem(await validate(withLine(J, 5, '410306,410300,county,吉利区,Jili,2021-03-01,2021-02-28')), 'E_VALIDITY_RANGE', J, 5, 7);
    expectProblem(await validate(withRows(J, '410308,410300,county,孟津县,Mengjin County,2020-01-01,2021-05-01')), 'E_VALIDITY_OVERLAP', J, 7, 6);
  });
});

describe('duplicates', () => {
  it('E_DUPLICATE_KEY in an observations file, pointing at the earlier line', async () => {
    const p = expectProblem(await validate(withRows(OBS, '410100,retail_sales,2025-06,3100,4.9,,')), 'E_DUPLICATE_KEY', OBS, 9, 1);
    expect(p.message).toContain('line 4');
  });

  it('E_DUPLICATE_KEY in indicators, releases, jurisdictions (code + valid_from) and targets', async () => {
    expectProblem(await validate(withRows(I, BASE[I]!.split('\n')[2]!)), 'E_DUPLICATE_KEY', I, 5, 1);
    expectProblem(await validate(withRows(R, '2025-06,2025-07-16T10:00:00+08:00,again,,')), 'E_DUPLICATE_KEY', R, 3, 1);
    expectProblem(await validate(withRows(J, '410100,410000,prefecture,郑州,Zhengzhou,,')), 'E_DUPLICATE_KEY', J, 7, 1);
    expectProblem(await validate(withRows(TGT, '410100,retail_sales,2025,growth,7,,x,')), 'E_DUPLICATE_KEY', TGT, 4, 1);
  });

  it('a code may appear twice with different, non-overlapping validity', async () => {
    const v = await validate(withRows(J, '410306,410300,county,吉利区,Jili,2030-01-01,'));
    expect(v.report.problems).toEqual([]);
  });
});

describe('year-to-date and plausibility', () => {
  it('E_YTD_DECREASE: a cumulative total that falls within a year, rows in any order', async () => {
    const v = await validate(withRows(OBS, '410308,fdi_actual,2025-03,900,,,', '410308,fdi_actual,2025-04,800,,,'));
    const p = expectProblem(v, 'E_YTD_DECREASE', OBS, 10, 4);
    expect(p.message).toContain('2025-03');
    expect(codes(v.report)).toEqual(['E_YTD_DECREASE']);
  });

  it('E_YTD_DECREASE: a year total below December', async () => {
    const v = await validate(withRows(OBS, '410308,fdi_actual,2024-12,900,,,', '410308,fdi_actual,2024,899,,,'));
    expectProblem(v, 'E_YTD_DECREASE', OBS, 10, 4);
  });

  it('no E_YTD_DECREASE across years, or across a suppressed month', async () => {
    const v = await validate(withRows(OBS, '410308,fdi_actual,2024-12,9000,,,', '410308,fdi_actual,2025-01,800,,,', '410308,fdi_actual,2025-02,,,c,'));
    expect(v.report.problems).toEqual([]);
  });

  it('W_YOY_RANGE: growth beyond ±80 %', async () => {
    const v = await validate(withLine(OBS, 2, '410000,retail_sales,2025-05,10000.5,-85,,'));
    expectProblem(v, 'W_YOY_RANGE', OBS, 2, 5);
    expect(v.report.errorCount).toBe(0);
  });

  it('W_UNIT_SLIP: a figure about 10^4 times its series (万 written for 亿)', async () => {
    const v = await validate(withRows(OBS, '410000,retail_sales,2025-04,80000000,,,'));
    const p = expectProblem(v, 'W_UNIT_SLIP', OBS, 9, 4);
    expect(p.message).toContain('10^4');
    expect(codes(v.report)).not.toContain('W_LEVEL_JUMP');
  });

  it('W_LEVEL_JUMP: a stock 10 times its previous year', async () => {
    const v = await validate(withRows(OBS, '410000,population,2023,978,,,'));
    expectProblem(v, 'W_LEVEL_JUMP', OBS, 8, 4);
  });

  it('no W_LEVEL_JUMP for a year-to-date total growing from 1-2月 to 1-12月', async () => {
    const v = await validate(withRows(OBS, '410100,fdi_actual,2024-02,100,,,', '410100,fdi_actual,2024-12,900,,,'));
    expect(v.report.problems).toEqual([]);
  });
});

describe('maps', () => {
  it('E_FILE_MISSING for a map file that is not there', async () => {
    expectProblem(await validate({ 'geo/henan.topojson': null }), 'E_FILE_MISSING', 'geo/maps.csv', 2, 2);
  });

  it('E_GEO_FORMAT for GeoJSON given as TopoJSON', async () => {
    expectProblem(await validate({ 'geo/henan.topojson': '{"type":"FeatureCollection","features":[]}' }), 'E_GEO_FORMAT', 'geo/maps.csv', 2, 2);
  });

  it('W_GEO_UNKNOWN_ID for a feature whose id is not a code', async () => {
    const topo = JSON.parse(BASE['geo/henan.topojson']!);
    topo.objects.units.geometries.push({ type: null, id: '郑州' });
    const p = expectProblem(await validate({ 'geo/henan.topojson': JSON.stringify(topo) }), 'W_GEO_UNKNOWN_ID', 'geo/maps.csv', 2, 2);
    expect(p.message).toContain('"郑州"');
  });

  it('E_UNKNOWN_JURISDICTION for a map parent', async () => {
    expectProblem(await validate({ 'geo/maps.csv': 'parent,file,attribution_zh,attribution_en,approval_number\n420000,henan.topojson,a,b,\n' }), 'E_UNKNOWN_JURISDICTION', 'geo/maps.csv', 2, 1);
  });
});

describe('reporting', () => {
  it('reports problems of many files together, and a broken jurisdictions.csv does not stop the rest', async () => {
    const gbk = Uint8Array.from([...Buffer.from(BASE[J]!.split('\n')[0]! + '\n410000,,province,'), 0xba, 0xd3, 0xc4, 0xcf, ...Buffer.from(',Henan,,\n')]);
    const v = await validate({
      [J]: gbk,
      ...withLine(OBS, 2, '410000,retail_sales,2025-05,"1,234.5",5.1,,'),
      ...withLine(TGT, 2, '410100,retail_sales,2024,growth,6,以上,2025年工作要点,'),
      ...withRows(R, '2025-07,2025-08-15,x,,'),
    });
    expectProblem(v, 'E_ENCODING', J, 2, 4);
    expectProblem(v, 'E_NUMBER_FORMAT', OBS, 2, 4);
    expectProblem(v, 'E_TARGET_YEAR', TGT, 2, 3);
    expectProblem(v, 'E_DATETIME', R, 3, 2);
    expect(codes(v.report)).not.toContain('E_UNKNOWN_JURISDICTION');
    expect(v.report.errorCount).toBe(4);
    // sorted by file, then line
    const files = v.report.problems.map((p) => path.relative(v.dir, p.file));
    expect(files).toEqual([...files].sort());
  });

  it('lists 100 problems of one code per file and counts the rest', async () => {
    const rows = Array.from({ length: 150 }, (_, n) => `410100,fdi_actual,${1950 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')},"1,${String(n).padStart(3, '0')}",,,`);
    const v = await validate(withRows(OBS, ...rows));
    expect(v.report.errorCount).toBe(150);
    const listed = v.report.problems.filter((p) => p.code === 'E_NUMBER_FORMAT');
    expect(listed).toHaveLength(101);
    expect(listed.at(-1)?.message).toContain('50 more E_NUMBER_FORMAT');
    expect(listed[0]?.line).toBe(9);
  });

  it('counts physical lines across a quoted line break', async () => {
    // BASE has a two-line note on lines 4-5; the row after it starts on line 6.
    expectProblem(await validate(withLine(OBS, 6, '410300,retail_sales,2025-06,x,,c,')), 'E_NUMBER_FORMAT', OBS, 6, 4);
  });

  it('refuses a missing directory as a usage error', async () => {
    await expect(validateDataDir(path.join(await makeDataDir(), 'nope'))).rejects.toThrow('is not a directory');
  });
});
