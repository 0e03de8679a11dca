/**
 * The committed default dataset: exact schema columns, one observations file per release,
 * and spot checks of known published figures (constants copied from the sources).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/lib/schema.ts';
import { findObservations, listFiles, readCsv, readText, type Row } from './helpers.ts';

const names = (t: schema.Table): string[] => t.columns.map((c) => c.name);

describe('files and columns', () => {
  it('top-level tables have exactly the schema columns, in order', () => {
    for (const t of [schema.jurisdictions, schema.indicators, schema.releases, schema.exchangeRates]) {
      expect(readCsv(t.path).header, t.path).toEqual(names(t));
    }
  });

  it('every observations file has exactly the schema columns', () => {
    const files = listFiles('observations', '.csv');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readCsv(f).header, f).toEqual(names(schema.observations));
  });

  it('every targets file has exactly the schema columns and its own year', () => {
    const files = listFiles('targets', '.csv');
    expect(files.map((f) => path.basename(f))).toEqual(['2023.csv', '2024.csv', '2025.csv']);
    for (const f of files) {
      const { header, rows } = readCsv(f);
      expect(header, f).toEqual(names(schema.targets));
      for (const r of rows) expect(r.year, f).toBe(path.basename(f, '.csv'));
    }
  });

  it('releases.csv lists exactly the observations files', () => {
    const ids = readCsv('releases.csv').rows.map((r) => r.id).sort();
    expect(ids).toEqual(listFiles('observations', '.csv').map((f) => path.basename(f, '.csv')).sort());
  });

  it('releases carry a +08:00 publication time in the past, a source and an English title in ASCII', () => {
    for (const r of readCsv('releases.csv').rows) {
      expect(r.title_en, r.id).toMatch(/^[\x20-\x7e]+$/);
      expect(r.published_at, r.id).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00\+08:00$/);
      expect(r.source, r.id).not.toBe('');
      if (r.published_at!.includes('T00:00')) expect(r.notes, r.id).toContain('approximate');
    }
  });

  it('files use LF line endings and end with a newline', () => {
    for (const f of ['jurisdictions.csv', 'releases.csv', ...listFiles('observations', '.csv'), ...listFiles('targets', '.csv')]) {
      const text = readText(f);
      expect(text.includes('\r'), f).toBe(false);
      expect(text.endsWith('\n'), f).toBe(true);
    }
  });

  it('an empty value always has flag na or c', () => {
    for (const f of listFiles('observations', '.csv')) {
      for (const r of readCsv(f).rows) {
        if (r.value === '') expect(schema.FLAGS_WITHOUT_VALUE, `${f} ${r.jurisdiction} ${r.period}`).toContain(r.flag);
      }
    }
  });
});

describe('jurisdictions', () => {
  const rows = readCsv('jurisdictions.csv').rows;
  const byCode = new Map(rows.map((r) => [r.code!, r]));

  it('has the root and the 31 NBS provinces with English names', () => {
    expect(byCode.get('100000')).toMatchObject({ parent: '', level: 'country', name_zh: '全国', name_en: 'China' });
    const provinces = rows.filter((r) => r.level === 'province' && !['710000', '810000', '820000'].includes(r.code!));
    expect(provinces).toHaveLength(31);
    for (const p of provinces) {
      expect(p.parent).toBe('100000');
      expect(p.name_en, p.code).not.toBe('');
    }
    expect(byCode.get('150000')!.name_en).toBe('Inner Mongolia');
    expect(byCode.get('610000')!.name_en).toBe('Shaanxi');
  });

  it('gives Henan 18 prefecture-level children with English names', () => {
    const henan = rows.filter((r) => r.parent === '410000' && r.level === 'prefecture');
    expect(henan.map((r) => r.name_en)).toEqual([
      'Zhengzhou', 'Kaifeng', 'Luoyang', 'Pingdingshan', 'Anyang', 'Hebi', 'Xinxiang', 'Jiaozuo', 'Puyang',
      'Xuchang', 'Luohe', 'Sanmenxia', 'Nanyang', 'Shangqiu', 'Xinyang', 'Zhoukou', 'Zhumadian', 'Jiyuan',
    ]);
  });

  it('codes are unique and every parent exists', () => {
    expect(byCode.size).toBe(rows.length);
    for (const r of rows) if (r.parent !== '') expect(byCode.has(r.parent!), r.code).toBe(true);
  });

  it('NBS-only development zones are special units', () => {
    expect(byCode.get('410173')).toMatchObject({ level: 'special', parent: '410100', name_zh: '郑州航空港经济综合实验区' });
  });
});

describe('coverage of the provinces', () => {
  const provinces = readCsv('jurisdictions.csv')
    .rows.filter((r) => r.level === 'province' && !['710000', '810000', '820000'].includes(r.code!))
    .map((r) => r.code!);
  const byKey = new Map<string, Row[]>();
  for (const f of listFiles('observations', '.csv')) {
    for (const r of readCsv(f).rows) {
      const key = `${r.jurisdiction}|${r.indicator}|${r.period}`;
      byKey.set(key, [...(byKey.get(key) ?? []), { ...r, release: path.basename(f, '.csv') }]);
    }
  }

  it('retail sales have a figure for all 31 provinces in every year 2016–2024, from the provincial database', () => {
    expect(provinces).toHaveLength(31);
    for (let year = 2016; year <= 2024; year++) {
      for (const code of provinces) {
        const found = byKey.get(`${code}|retail_sales|${year}`) ?? [];
        expect(found.map((r) => r.release), `${code} ${year}`).toEqual(['nbs-province-retail-2016-2024']);
        expect(found[0]!.value, `${code} ${year}`).toMatch(/^\d+(\.\d+)?$/);
      }
    }
  });

  it('each figure comes from one release, except the one later vintage on purpose', () => {
    const twice = [...byKey].filter(([, rows]) => rows.length > 1).map(([key]) => key);
    expect(twice).toEqual(['410100|retail_sales|2023']);
  });

  it('the 2025 targets of retail sales, trade and GDP cover all 31 provinces, also where none or only words are set', () => {
    const t2025 = readCsv('targets/2025.csv').rows;
    for (const indicator of ['retail_sales', 'trade_total', 'gdp']) {
      const rows = t2025.filter((t) => t.indicator === indicator);
      expect(rows.map((t) => t.jurisdiction).sort(), indicator).toEqual([...provinces].sort());
      for (const t of rows) {
        if (t.type === 'none' || t.type === 'qualitative') expect([t.value, t.value_max, t.qualifier], `${indicator} ${t.jurisdiction}`).toEqual(['', '', '']);
        else expect(t.value, `${indicator} ${t.jurisdiction}`).not.toBe('');
        expect(t.source, `${indicator} ${t.jurisdiction}`).toContain('政府工作报告');
      }
    }
    const types = (indicator: string) => new Set(t2025.filter((t) => t.indicator === indicator).map((t) => t.type));
    expect(types('retail_sales')).toEqual(new Set(['growth', 'none']));
    expect(types('trade_total')).toEqual(new Set(['growth', 'level', 'none', 'qualitative']));
    expect(types('gdp')).toEqual(new Set(['growth']));
  });

  it("Fujian's 2025 GDP target is the range 5-5.5", () => {
    const fujian = readCsv('targets/2025.csv').rows.find((t) => t.jurisdiction === '350000' && t.indicator === 'gdp');
    expect(fujian).toMatchObject({ type: 'growth', value: '5', value_max: '5.5', qualifier: '区间' });
    expect(fujian!.note).toContain('5.0%—5.5%');
  });
});

describe('spot checks of published figures', () => {
  const one = (j: string, i: string, p: string) => {
    const found = findObservations(j, i, p);
    expect(found, `${j} ${i} ${p}`).toHaveLength(1);
    return found[0]!;
  };

  it('Beijing GDP 2024 is the NBS level 49670.2 with the first-published growth 5.2', () => {
    expect(one('110000', 'gdp', '2024')).toMatchObject({ value: '49670.2', yoy_pct: '5.2', release: 'nbs-province-gdp-2006-2024' });
  });

  it('Guangdong GDP 2006 and Henan GDP 2023 as exported by NBS', () => {
    expect(one('440000', 'gdp', '2006')).toMatchObject({ value: '26403.1', yoy_pct: '', flag: 'r' });
    expect(one('410000', 'gdp', '2023')).toMatchObject({ value: '60627.7', yoy_pct: '4.1', flag: 'r' });
  });

  it('national YTD retail sales 2019-02 is 66064 (+8.2%); online retail 2025-12 is 159722 (+8.6%)', () => {
    expect(one('100000', 'retail_sales', '2019-02')).toMatchObject({ value: '66064', yoy_pct: '8.2', release: 'nbs-national-retail-2019-02' });
    expect(one('100000', 'online_retail', '2025-12')).toMatchObject({ value: '159722', yoy_pct: '8.6' });
    expect(one('100000', 'retail_sales', '2020-02')).toMatchObject({ value: '52130', yoy_pct: '-20.5' });
  });

  it('population and trade', () => {
    expect(one('410000', 'population', '2024')).toMatchObject({ value: '9785' });
    expect(one('310000', 'trade_total', '2016')).toMatchObject({ value: '28662.31' });
  });

  it('a province growth without a level is na with the published rate', () => {
    expect(one('140000', 'retail_sales', '2025-09')).toMatchObject({ value: '', yoy_pct: '6.6', flag: 'na', release: 'province-points-2025-ytd' });
  });

  it('provincial retail sales: the database level, with the growth the province published beside it', () => {
    expect(one('130000', 'retail_sales', '2024')).toMatchObject({ value: '14657.4', yoy_pct: '5.5', flag: '', release: 'nbs-province-retail-2016-2024' });
    // Shanghai's own bulletin said 17940.19: quoted in the note, not published as a second figure.
    const shanghai = one('310000', 'retail_sales', '2024');
    expect(shanghai).toMatchObject({ value: '15872.3', yoy_pct: '-3.1' });
    expect(shanghai.note).toContain('17940.19');
    // A level published in 万亿元 is converted exactly, and the note says so.
    expect(one('370000', 'retail_sales', '2024').note).toContain('(3.79万亿元 = 37900亿元)');
    expect(one('410000', 'retail_sales', '2025')).toMatchObject({ value: '29090.5', yoy_pct: '5.6', release: 'province-points-2025' });
  });

  it('the 36 major cities: Zhengzhou 2024 and an empty cell of the export', () => {
    expect(one('410100', 'retail_sales', '2024')).toMatchObject({ value: '6310.7', yoy_pct: '' });
    expect(one('210200', 'retail_sales', '2019')).toMatchObject({ value: '', flag: 'na' });
  });

  it('targets: a range has both bounds, unknown qualifiers are empty, words without a number are qualitative', () => {
    const t2025 = readCsv('targets/2025.csv').rows;
    expect(t2025.find((t) => t.jurisdiction === '350000' && t.indicator === 'gdp')).toMatchObject({ value: '5', value_max: '5.5', qualifier: '区间', type: 'growth' });
    expect(t2025.find((t) => t.jurisdiction === '410000' && t.indicator === 'retail_sales')).toMatchObject({ value: '6', qualifier: '左右', type: 'growth' });
    const t2024 = readCsv('targets/2024.csv').rows;
    expect(t2024.find((t) => t.jurisdiction === '120000' && t.indicator === 'gdp')).toMatchObject({ value: '4.5', qualifier: '' });
    expect(t2025.find((t) => t.jurisdiction === '410000' && t.indicator === 'trade_total')).toMatchObject({ type: 'qualitative', value: '', qualifier: '' });
    expect(t2025.find((t) => t.jurisdiction === '410000' && t.indicator === 'trade_total')!.note).toContain('进出口稳中提质');
    // An export target is not a total-trade target.
    expect(t2025.find((t) => t.jurisdiction === '350000' && t.indicator === 'trade_total')).toMatchObject({ type: 'none', value: '' });
  });

  it('exchange rates 2016–2024 from the NBS communiqués', () => {
    const rates = readCsv('exchange_rates.csv').rows;
    expect(rates.map((r) => r.year)).toEqual(['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    expect(rates.find((r) => r.year === '2023')!.cny_per_unit).toBe('7.0467');
    expect(rates.find((r) => r.year === '2024')!.cny_per_unit).toBe('7.1217');
  });
});
