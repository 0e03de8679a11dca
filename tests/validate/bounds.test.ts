/**
 * Bounds on what a data package may say: finite numbers, a longest field, plausible years, a
 * child valid only while its parent is, and at least one figure.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS } from '../../src/validate/table.ts';
import { lastYear } from '../../src/validate/fields.ts';
import { BASE, codes, expectProblem, removeDataDirs, validate, withLine, withRows } from './fixture.ts';

const OBS = 'observations/2025-06.csv';
const J = 'jurisdictions.csv';

afterAll(removeDataDirs);

describe('numbers', () => {
  it('E_RANGE: a 400-digit number is refused, not published as inf', async () => {
    const v = await validate(withLine(OBS, 2, `410000,retail_sales,2025-05,${'9'.repeat(400)},5.1,,`));
    const p = expectProblem(v, 'E_RANGE', OBS, 2, 4);
    expect(p.message).toContain('too large');
    expect(codes(v.report)).not.toContain('E_NUMBER_FORMAT');
  });

  it('E_RANGE: a whole number beyond what a double holds exactly', async () => {
    const v = await validate({ 'exchange_rates.csv': `year,currency,cny_per_unit,source\n${'2'.repeat(30)},USD,7.1,x\n` });
    expectProblem(v, 'E_RANGE', 'exchange_rates.csv', 2, 1);
  });
});

describe('field length', () => {
  it(`E_CELL_TOO_LONG: a field over ${MAX_CELL_CHARS} characters is refused at its line`, async () => {
    const huge = 'x'.repeat(9_900_000);
    const v = await validate(withRows(OBS, `410100,retail_sales,2025-05,2000,4.8,,${huge}`));
    const p = expectProblem(v, 'E_CELL_TOO_LONG', OBS, 9, 7);
    expect(p.found.length).toBeLessThan(100);
  });

  it('a field of exactly the maximum passes', async () => {
    const v = await validate(withRows(OBS, `410100,retail_sales,2025-05,2000,4.8,,${'注'.repeat(MAX_CELL_CHARS)}`));
    expect(codes(v.report)).toEqual([]);
  });
});

describe('years', () => {
  const last = lastYear();

  it('E_PERIOD: periods 0000 and 9999-12 are refused', async () => {
    const v = await validate(withRows(OBS, '410100,fdi_actual,0000,1,,,', '410100,fdi_actual,9999-12,1,,,'));
    const found = v.report.errors.filter((p) => p.code === 'E_PERIOD').map((p) => `${p.line}:${p.found}`);
    expect(found).toEqual(['9:0000', '10:9999-12']);
    expect(v.report.errors[0]!.expected).toBe(`a year from 1949 to ${last} (the year after the current one)`);
  });

  it('1949 and the year after the current one are the bounds', async () => {
    const ok = await validate(withRows(OBS, '410100,fdi_actual,1949,1,,,', `410100,fdi_actual,${last}-03,1,,,`));
    expect(codes(ok.report)).toEqual([]);
    const bad = await validate(withRows(OBS, '410100,fdi_actual,1948,1,,,', `410100,fdi_actual,${last + 1}-03,1,,,`));
    expect(codes(bad.report)).toEqual(['E_PERIOD', 'E_PERIOD']);
  });

  it('E_RANGE: a target year or an exchange-rate year outside the bounds', async () => {
    const v = await validate({
      'targets/9999.csv': 'jurisdiction,indicator,year,type,value,qualifier,source,note\n410100,retail_sales,9999,growth,6,,x,\n',
      'exchange_rates.csv': 'year,currency,cny_per_unit,source\n0000,USD,7.1,x\n',
    });
    expectProblem(v, 'E_RANGE', 'targets/9999.csv', 2, 3);
    expectProblem(v, 'E_RANGE', 'exchange_rates.csv', 2, 1);
  });
});

describe('a child within its parent', () => {
  it('E_VALIDITY_PARENT: a county valid after its city ends', async () => {
    const v = await validate({
      ...withLine(J, 4, '410300,410000,prefecture,洛阳市,Luoyang,,2022-12-31'),
    });
    // 410308 (from 2021-03-01, open) outlives 410300; 410306 ended before it.
    const p = expectProblem(v, 'E_VALIDITY_PARENT', J, 6, 7);
    expect(p.message).toBe('410308 is valid from 2021-03-01, beyond its parent 410300 (valid until 2022-12-31)');
    expect(p.fix).toContain('end 410308 when 410300 ends');
  });

  it('E_VALIDITY_PARENT: a child that starts before its parent, at valid_from', async () => {
    const v = await validate(withLine(J, 4, '410300,410000,prefecture,洛阳市,Luoyang,2021-01-01,'));
    // 410306 has an open start; 410308 starts after 2021-01-01 and is fine.
    expectProblem(v, 'E_VALIDITY_PARENT', J, 5, 6);
    expect(codes(v.report)).toEqual(['E_VALIDITY_PARENT']);
  });

  it("a parent's consecutive rows together cover the child", async () => {
    const v = await validate({
      [J]: BASE[J]!.replace('410300,410000,prefecture,洛阳市,Luoyang,,', '410300,410000,prefecture,洛阳市,Luoyang,,2020-12-31\n410300,410000,prefecture,洛阳市（新）,Luoyang,2021-01-01,'),
    });
    expect(codes(v.report)).toEqual([]);
  });
});

describe('at least one figure', () => {
  it('E_NO_OBSERVATIONS: every observations file has only its header', async () => {
    const v = await validate({ [OBS]: BASE[OBS]!.split('\n')[0] + '\n' });
    const p = expectProblem(v, 'E_NO_OBSERVATIONS', 'observations', 0, 0);
    expect(p.message).toBe('no observations file has a data row');
    expect(path.basename(p.file)).toBe('observations');
  });
});
