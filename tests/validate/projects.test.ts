/** The projects ledger (projects/<release>.csv): one test per rule, each on the valid base with one ledger. */
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/validate/index.ts';
import { BASE, codes, expectProblem, removeDataDirs, validate, withRows } from './fixture.ts';

const P = 'projects/2025-06.csv';
const HEADER = 'project,period,name_zh,name_en,jurisdiction,sector,origin,stage,amount,funds_arrived,unit,signed_on,planned_start_on,started_on,visibility,stage_note,source,note';
/** Two months of two projects: one signed in May and started in June, one in negotiation. */
const LEDGER = [
  HEADER,
  'ZZ-1,2025-05,郑州装备产业园,Equipment park,410100,先进制造业,local,signed,20000,0,万元,2025-04-10,2025-06-01,,,,台账,',
  'ZZ-1,2025-06,郑州装备产业园,Equipment park,410100,先进制造业,local,started,20000,5000,万元,2025-04-10,2025-06-01,2025-06-03,,,台账,',
  'LY-1,2025-06,洛阳数据中心,,410300,数字经济,other_province,negotiating,,,,,,,,,台账,',
];

/** The ledger with `rows` added (each a row of the header's 18 columns). */
const ledger = (...rows: string[]) => ({ [P]: [...LEDGER, ...rows].join('\n') + '\n' });
/** Row 3 of the ledger (ZZ-1 in June) with `field` (a column name) set to `value`. */
function june(changes: Record<string, string>): Record<string, string> {
  const names = HEADER.split(',');
  const fields = LEDGER[2]!.split(',');
  for (const [name, value] of Object.entries(changes)) fields[names.indexOf(name)] = value;
  return { [P]: [LEDGER[0], LEDGER[1], fields.join(','), LEDGER[3]].join('\n') + '\n' };
}
const col = (name: string) => HEADER.split(',').indexOf(name) + 1;

afterAll(removeDataDirs);

describe('a valid ledger', () => {
  it('adds no problem, counts its rows, and counts as the release file', async () => {
    const { report } = await validate({ ...ledger(), 'observations/2025-06.csv': BASE['observations/2025-06.csv']! });
    expect(report.problems).toEqual([]);
    expect(report.projectRows).toBe(3);
    expect(report.files.projects).toEqual([P]);
  });

  it('is read as the release of its file: a release with only a ledger has its file', async () => {
    const releases = BASE['releases.csv'] + '2025-07,2025-08-15T10:00:00+08:00,2025年1-7月,台账,\n';
    const v = await validate({ ...ledger(), 'releases.csv': releases, 'projects/2025-07.csv': `${HEADER}\n${LEDGER[2]!.replace('2025-06', '2025-07')}\n` });
    expect(v.report.problems).toEqual([]);
  });
});

describe('rows', () => {
  it('E_ENUM: a stage or origin written in Chinese names the code to write', async () => {
    const stage = expectProblem(await validate(june({ stage: '开工' })), 'E_ENUM', P, 3, col('stage'));
    expect([stage.fix, stage.expected]).toEqual(['write started (开工)', 'one of planned, negotiating, signed, started, operating']);
    expect(expectProblem(await validate(june({ origin: '外资' })), 'E_ENUM', P, 3, col('origin')).fix).toBe('write foreign (外资)');
  });

  it('E_ID_FORMAT: a project id starts with a letter', async () => {
    const v = await validate(ledger('2025001,2025-06,某项目,,410100,,local,planned,,,,,,,,,台账,'));
    expectProblem(v, 'E_ID_FORMAT', P, 5, 1);
  });

  it('E_PERIOD: a month, not a year', async () => {
    const v = await validate(ledger('ZZ-9,2025,某项目,,410100,,local,planned,,,,,,,,,台账,'));
    expect(expectProblem(v, 'E_PERIOD', P, 5, 2).fix).toBe('write 2025-12 for the ledger at the end of the year');
  });

  it('E_UNKNOWN_JURISDICTION and E_JURISDICTION_VALIDITY', async () => {
    const v = await validate(ledger('ZZ-8,2025-06,某项目,,419999,,local,planned,,,,,,,,,台账,', 'ZZ-9,2025-06,某项目,,410306,,local,planned,,,,,,,,,台账,'));
    expectProblem(v, 'E_UNKNOWN_JURISDICTION', P, 5, col('jurisdiction'));
    expectProblem(v, 'E_JURISDICTION_VALIDITY', P, 6, col('jurisdiction'));
  });

  it('E_DUPLICATE_KEY: a project once per month, in one file or across files', async () => {
    const one = await validate(ledger(LEDGER[2]!));
    expect(expectProblem(one, 'E_DUPLICATE_KEY', P, 5, 1).message).toBe('project ZZ-1 at 2025-06 is already on line 3');
    const releases = BASE['releases.csv'] + '2025-07,2025-08-15T10:00:00+08:00,2025年1-7月,台账,\n';
    const two = await validate({ ...ledger(), 'releases.csv': releases, 'projects/2025-07.csv': `${HEADER}\n${LEDGER[2]}\n` });
    expect(expectProblem(two, 'E_DUPLICATE_KEY', 'projects/2025-07.csv', 2, 1).message).toMatch(/^project ZZ-1 at 2025-06 is already on .*projects\/2025-06\.csv:3$/);
  });

  it('E_NO_RELEASE and E_FILE_NAME: a ledger file is named after a listed release', async () => {
    const v = await validate({ ...ledger(), 'projects/2025-08.csv': `${HEADER}\n`, 'projects/2025 09.csv': `${HEADER}\n` });
    expectProblem(v, 'E_NO_RELEASE', 'projects/2025-08.csv', 0, 0);
    expectProblem(v, 'E_FILE_NAME', 'projects/2025 09.csv', 0, 0);
  });
});

describe('dates against stages', () => {
  it('E_PROJECT_DATE: a signed project needs its signed date, a started one its start date', async () => {
    expectProblem(await validate(june({ signed_on: '' })), 'E_PROJECT_DATE', P, 3, col('signed_on'));
    expectProblem(await validate(june({ started_on: '' })), 'E_PROJECT_DATE', P, 3, col('started_on'));
  });

  it('E_PROJECT_DATE: no date after the end of the month the row describes', async () => {
    const v = await validate(june({ started_on: '2025-07-01' }));
    expect(expectProblem(v, 'E_PROJECT_DATE', P, 3, col('started_on')).message).toBe('started_on 2025-07-01 is after the end of 2025-06');
  });

  it('E_PROJECT_DATE: construction does not start before the contract is signed', async () => {
    const v = await validate(june({ started_on: '2025-04-01' }));
    expect(expectProblem(v, 'E_PROJECT_DATE', P, 3, col('started_on')).message).toBe('started_on 2025-04-01 is before signed_on 2025-04-10');
  });

  it('E_PROJECT_DATE: a start date on a project not started, unless it went back', async () => {
    expectProblem(await validate(june({ stage: 'signed' })), 'E_PROJECT_DATE', P, 3, col('started_on'));
    expect(codes((await validate(june({ stage: 'signed', stage_note: '停工整改' }))).report)).toEqual([]);
  });

  it('E_PROJECT_DATE: a signed date, once given, stays on every later row', async () => {
    const v = await validate(june({ stage: 'negotiating', signed_on: '', started_on: '', amount: '', stage_note: '合同解除' }));
    expect(expectProblem(v, 'E_PROJECT_DATE', P, 3, col('signed_on')).message).toBe('project ZZ-1 has a signed date at 2025-05 but none at 2025-06');
  });
});

describe('stages over months', () => {
  it('E_PROJECT_STAGE: a stage that went back without a stage_note', async () => {
    const v = await validate(june({ stage: 'negotiating', started_on: '' }));
    const p = expectProblem(v, 'E_PROJECT_STAGE', P, 3, col('stage'));
    expect(p.message).toBe('project ZZ-1 went back from signed (签约) at 2025-05 to negotiating (在谈) at 2025-06 without a stage_note');
  });

  it('accepts it with the reason, keeping the signed date', async () => {
    const v = await validate(june({ stage: 'negotiating', started_on: '', stage_note: '合同解除，重新洽谈' }));
    expect(v.report.problems).toEqual([]);
  });

  it('compares months in order whatever the row order and the file', async () => {
    const rows = [LEDGER[0]!, LEDGER[2]!, LEDGER[1]!.replace(',signed,', ',started,').replace('2025-06-01,,', '2025-06-01,2025-05-02,'), LEDGER[3]!];
    const v = await validate({ [P]: rows.join('\n') + '\n' });
    expect(codes(v.report)).toEqual([]);
  });

  it('W_PROJECT_IDENTITY: a project that moved, changed origin or name is flagged, not refused', async () => {
    const v = await validate(june({ jurisdiction: '410300', origin: 'foreign', name_zh: '洛阳装备产业园' }));
    expect(v.report.errorCount).toBe(0);
    expect(v.report.warnings.map((p) => `${p.code} ${p.line}:${p.column} ${p.found}`)).toEqual([
      `W_PROJECT_IDENTITY 3:${col('name_zh')} 洛阳装备产业园`,
      `W_PROJECT_IDENTITY 3:${col('jurisdiction')} 410300`,
      `W_PROJECT_IDENTITY 3:${col('origin')} foreign`,
    ]);
  });
});

describe('amounts', () => {
  it('E_PROJECT_AMOUNT: not negative', async () => {
    expectProblem(await validate(june({ funds_arrived: '-5' })), 'E_PROJECT_AMOUNT', P, 3, col('funds_arrived'));
  });

  it('E_PROJECT_AMOUNT: amounts state their unit', async () => {
    const v = await validate(june({ unit: '' }));
    expect(expectProblem(v, 'E_PROJECT_AMOUNT', P, 3, col('unit')).message).toBe('amounts without a unit');
  });

  it('E_ENUM: the unit is a money unit', async () => {
    expectProblem(await validate(june({ unit: '亿' })), 'E_ENUM', P, 3, col('unit'));
    expectProblem(await validate(june({ unit: '家' })), 'E_ENUM', P, 3, col('unit'));
  });

  it('E_PROJECT_AMOUNT: a signed project states the amount signed', async () => {
    expectProblem(await validate(june({ amount: '' })), 'E_PROJECT_AMOUNT', P, 3, col('amount'));
  });

  it('W_FUNDS_EXCEED: funds above the amount signed are a warning only', async () => {
    const v = await validate(june({ funds_arrived: '25000' }));
    expect(v.report.errorCount).toBe(0);
    expectProblem(v, 'W_FUNDS_EXCEED', P, 3, col('funds_arrived'));
  });

  it('E_PROJECT_NO_RATE: dollars need a dollar rate of the year or an earlier one', async () => {
    // exchange_rates.csv has 2024 only: 2025 converts at it, 2023 cannot.
    expect(codes((await validate(june({ unit: '万美元' }))).report)).toEqual([]);
    const v = await validate(ledger('WH-1,2023-12,外资项目,,410100,,foreign,signed,100,0,万美元,2023-10-01,,,,,台账,'));
    expectProblem(v, 'E_PROJECT_NO_RATE', P, 5, col('unit'));
  });

  it('a number with its unit in it gets the plain rewrite', async () => {
    const p = expectProblem(await validate(june({ amount: '2亿元' })), 'E_NUMBER_FORMAT', P, 3, col('amount'));
    expect(p.fix).toContain('20000');
  });
});

describe('the three rates are computed, never declared or written', () => {
  it('E_PROJECT_INDICATOR: indicators.csv cannot declare a rate, observations cannot give one', async () => {
    const v = await validate({
      ...withRows('indicators.csv', 'project_start_rate,开工率,Start rate,%,rate,true,false,false,1,public,investment,,,x'),
      ...withRows('observations/2025-06.csv', '410100,project_start_rate,2025-06,50,,,'),
    });
    expectProblem(v, 'E_PROJECT_INDICATOR', 'indicators.csv', 5, 1);
    expectProblem(v, 'E_PROJECT_INDICATOR', 'observations/2025-06.csv', 9, 2);
  });

  it('targets may name a rate when the package has a ledger, and say what is missing when it has none', async () => {
    const target = withRows('targets/2025.csv', '410100,project_start_rate,2025,level,60,以上,2025年工作要点,开工率60%以上');
    expect((await validate({ ...target, ...ledger() })).report.problems).toEqual([]);
    const v = await validate(target);
    expect(expectProblem(v, 'E_UNKNOWN_INDICATOR', 'targets/2025.csv', 4, 2).fix).toMatch(/projects\/<release>\.csv/);
  });

  it('says each problem in Chinese too', async () => {
    const v = await validate(june({ stage: 'negotiating', started_on: '' }));
    const p = expectProblem(v, 'E_PROJECT_STAGE', P, 3, col('stage'));
    expect(formatProblem(p, 'zh')).toContain('项目阶段倒退为“negotiating”，但未在 stage_note 中说明原因。改法：');
  });
});
