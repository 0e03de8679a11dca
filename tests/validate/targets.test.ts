/** Target types with and without a number, ranges (区间) and release titles in English. */
import { afterAll, describe, expect, it } from 'vitest';
import { BASE, codes, expectProblem, removeDataDirs, validate } from './fixture.ts';

const TGT = 'targets/2025.csv';
const R = 'releases.csv';
const HEADER = 'jurisdiction,indicator,year,type,value,value_max,qualifier,source,note';

afterAll(removeDataDirs);

/** targets/2025.csv with a value_max column and these rows (the first on line 2). */
function targets(...rows: string[]): Record<string, string> {
  return { [TGT]: [HEADER, ...rows].join('\n') + '\n' };
}

describe('target types and ranges', () => {
  it('accepts qualitative and none without a value, and a 区间 with its upper bound', async () => {
    const v = await validate(
      targets(
        '410000,retail_sales,2025,growth,5,5.5,区间,政府工作报告,增长5%-5.5%',
        '410100,retail_sales,2025,qualitative,,,,政府工作报告,促进消费稳定增长',
        '410300,retail_sales,2025,none,,,,政府工作报告,',
        '410100,fdi_actual,2025,level,50000,,以上,2025年工作要点,',
      ),
    );
    expect(v.report.problems).toEqual([]);
    expect(v.report.tables.targets.map((t) => [t.type, t.value, t.value_max, t.qualifier])).toEqual([
      ['growth', 5, 5.5, '区间'],
      ['qualitative', null, null, ''],
      ['none', null, null, ''],
      ['level', 50000, null, '以上'],
    ]);
  });

  it('E_TARGET_VALUE: a growth target without a value, in place of E_REQUIRED', async () => {
    const v = await validate(targets('410100,retail_sales,2025,growth,,,以上,x,'));
    const p = expectProblem(v, 'E_TARGET_VALUE', TGT, 2, 5);
    expect(p.fix).toContain('type qualitative');
    expect(codes(v.report)).toEqual(['E_TARGET_VALUE']);
  });

  it('E_TARGET_VALUE: a none or qualitative target with a value', async () => {
    expectProblem(await validate(targets('410100,retail_sales,2025,none,6,,,x,')), 'E_TARGET_VALUE', TGT, 2, 5);
    const v = await validate(targets('410100,retail_sales,2025,qualitative,6,,,x,'));
    expectProblem(v, 'E_TARGET_VALUE', TGT, 2, 5);
    expect(v.report.tables.targets).toEqual([]);
  });

  it('E_TARGET_QUALIFIER: a qualifier on a qualitative target', async () => {
    const p = expectProblem(await validate(targets('410100,retail_sales,2025,qualitative,,,左右,x,')), 'E_TARGET_QUALIFIER', TGT, 2, 7);
    expect(p.found).toBe('左右');
  });

  it('E_TARGET_VALUE_MAX: a 区间 without its upper bound, in the column or without the column', async () => {
    expectProblem(await validate(targets('410100,retail_sales,2025,growth,5,,区间,x,')), 'E_TARGET_VALUE_MAX', TGT, 2, 6);
    const withoutColumn = await validate({ [TGT]: `${BASE[TGT]!.split('\n')[0]}\n410100,retail_sales,2025,growth,5,区间,x,\n` });
    const p = expectProblem(withoutColumn, 'E_TARGET_VALUE_MAX', TGT, 2, 0);
    expect(p.fix).toContain('add a column value_max');
  });

  it('E_TARGET_VALUE_MAX: an upper bound on a target that is not a range, or on a none target', async () => {
    const p = expectProblem(await validate(targets('410100,retail_sales,2025,growth,5,5.5,以上,x,')), 'E_TARGET_VALUE_MAX', TGT, 2, 6);
    expect(p.fix).toContain('qualifier 区间');
    expectProblem(await validate(targets('410100,retail_sales,2025,none,,5.5,,x,')), 'E_TARGET_VALUE_MAX', TGT, 2, 6);
  });

  it('E_TARGET_BOUNDS: an upper bound below the lower one; equal bounds pass', async () => {
    const p = expectProblem(await validate(targets('410100,retail_sales,2025,growth,5.5,5,区间,x,')), 'E_TARGET_BOUNDS', TGT, 2, 6);
    expect(p.fix).toBe('swap them: value 5, value_max 5.5');
    expect((await validate(targets('410100,retail_sales,2025,growth,5,5,区间,x,'))).report.problems).toEqual([]);
  });

  it('value_max is read in the unit of the target, like value', async () => {
    const p = expectProblem(await validate(targets('410100,fdi_actual,2025,level,50000,6亿美元,区间,x,')), 'E_NUMBER_FORMAT', TGT, 2, 6);
    expect(p.fix).toBe("write 60000 (converted from 亿美元 to 万美元, the indicator's unit)");
  });
});

describe('releases', () => {
  it('accepts an optional title_en column and carries it', async () => {
    const v = await validate({
      [R]: 'id,published_at,title,title_en,source,notes\n2025-06,2025-07-15T10:00:00+08:00,2025年1-6月,January-June 2025,统计局,\n',
    });
    expect(v.report.problems).toEqual([]);
    expect(v.report.tables.releases[0]).toMatchObject({ title: '2025年1-6月', title_en: 'January-June 2025' });
  });
});
