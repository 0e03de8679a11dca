import { describe, expect, it } from 'vitest';
import {
  averageOf,
  distinctSources,
  FLAG_LABELS,
  flagLegend,
  formatDate,
  formatNumber,
  formatObservation,
  formatPct,
  formatPeriod,
  formatPp,
  formatPpPhrase,
  formatSigned,
  formatTarget,
  formatValue,
  ordinal,
  sentenceLevelGrowth,
  sentencePace,
  rankPhrase,
  sentenceRank,
  sharedDecimals,
  shiftDecimal,
  toBeijingIso,
  unitLabel,
  displayScale,
} from '../../src/lib/format';
import { FLAGS, UNIT_NAMES } from '../../src/lib/schema';

const zh = 'zh-CN' as const;
const en = 'en' as const;

describe('numbers', () => {
  it('groups by thousands and uses a true minus', () => {
    expect(formatNumber(12345.6, 1)).toBe('12,345.6');
    expect(formatNumber(-1234.5, 1)).toBe('\u22121,234.5');
    expect(formatNumber(0, 2)).toBe('0.00');
    expect(formatNumber(-0.04, 1)).toBe('0.0'); // rounds to zero: no sign
    expect(formatNumber(1.05, 1)).toBe('1.1'); // half away from zero on the decimal value
  });

  it('moves the decimal point exactly', () => {
    expect(shiftDecimal('2345.6', 1)).toBe('234.56');
    expect(shiftDecimal('1234', 2)).toBe('12.34');
    expect(shiftDecimal('0.05', 2)).toBe('0.0005');
    expect(shiftDecimal('1.5', -1)).toBe('15');
    expect(shiftDecimal('2', -1)).toBe('20');
  });
});

describe('formatValue', () => {
  it('writes Chinese units straight after the number', () => {
    expect(formatValue(2345.6, { unit: '亿元', decimals: 1, locale: zh })).toBe('2,345.6亿元');
    expect(formatValue(1234, { unit: '万美元', decimals: 0, locale: zh })).toBe('1,234万美元');
    expect(formatValue(12, { unit: '家', locale: zh })).toBe('12家');
    expect(formatValue(5.2, { unit: '%', decimals: 1, locale: zh })).toBe('5.2%');
    expect(formatValue(-12.34, { unit: '亿美元', decimals: 2, locale: zh })).toBe('\u221212.34亿美元');
    expect(formatValue(0, { unit: '万元', decimals: 1, locale: zh })).toBe('0.0万元');
  });

  it('converts 亿 to billion and 万 to million in English, keeping every digit', () => {
    expect(formatValue(2345.6, { unit: '亿元', decimals: 1, locale: en })).toBe('234.56 billion yuan');
    expect(formatValue(12345.6, { unit: '亿元', decimals: 1, locale: en })).toBe('1,234.56 billion yuan');
    expect(formatValue(1234, { unit: '万美元', decimals: 0, locale: en })).toBe('12.34 million USD');
    expect(formatValue(56.78, { unit: '亿美元', decimals: 2, locale: en })).toBe('5.678 billion USD');
    expect(formatValue(3456.7, { unit: '万元', decimals: 1, locale: en })).toBe('34.567 million yuan');
    expect(formatValue(-12.3, { unit: '亿元', decimals: 1, locale: en })).toBe('\u22121.23 billion yuan');
    expect(formatValue(0, { unit: '亿元', decimals: 1, locale: en })).toBe('0.00 billion yuan');
    expect(formatValue(1.5, { unit: '万人', decimals: 1, locale: en })).toBe('15 thousand people');
  });

  it('rounds once, in the published unit, so both languages show the same digits', () => {
    // 2345.65 rounds to 2,345.7 (zh), hence 234.57 (en), not 234.565 → 234.57 by chance.
    expect(formatValue(2345.65, { unit: '亿元', decimals: 1, locale: zh })).toBe('2,345.7亿元');
    expect(formatValue(2345.65, { unit: '亿元', decimals: 1, locale: en })).toBe('234.57 billion yuan');
  });

  it('names counts, singular and plural', () => {
    expect(formatValue(12, { unit: '家', locale: en })).toBe('12 firms');
    expect(formatValue(1, { unit: '户', locale: en })).toBe('1 firm');
    expect(formatValue(3, { unit: '个', locale: en })).toBe('3');
    expect(formatValue(5.2, { unit: '%', locale: en })).toBe('5.2%');
  });

  it('prints suppressed as a word and missing as a dash, never as zero', () => {
    expect(formatValue(null, { unit: '亿元', locale: zh, flag: 'c' })).toBe('保密');
    expect(formatValue(null, { unit: '亿元', locale: en, flag: 'c' })).toBe('suppressed');
    expect(formatValue(null, { unit: '亿元', locale: zh })).toBe('—');
    expect(formatValue(Number.NaN, { unit: '亿元', locale: en, flag: 'na' })).toBe('—');
  });

  it('has an English rendering for every unit of the schema', () => {
    for (const unit of UNIT_NAMES) {
      expect(formatValue(1, { unit, decimals: 0, locale: en })).toMatch(/^[\d.,]+( \S.*|%)?$/);
      expect(unitLabel(unit, zh)).toBe(unit);
    }
    expect(displayScale('亿元', en, 1)).toEqual({ factor: 0.1, decimals: 2 });
    expect(displayScale('万人', en, 0)).toEqual({ factor: 10, decimals: 0 });
    expect(displayScale('亿元', zh, 1)).toEqual({ factor: 1, decimals: 1 });
  });
});

describe('decimals within a table', () => {
  it('gives the figures of one indicator the decimals of the most precise, at most the indicator\'s', () => {
    // National retail sales are published as whole 亿元: no invented ".0" beside 159,722.
    expect(sharedDecimals([501202, 159722], 1)).toBe(0);
    expect(formatValue(501202, { unit: '亿元', decimals: sharedDecimals([501202], 1), locale: zh })).toBe('501,202亿元');
    // One province published with a decimal: every figure of the table gets it.
    expect(sharedDecimals([501202, 12345.6, null], 1)).toBe(1);
    expect(sharedDecimals([5.1 - 1e-12, 3], 2)).toBe(1);
    expect(sharedDecimals([1.234], 1)).toBe(1);
    expect(sharedDecimals([null, undefined, Number.NaN], 1)).toBe(0);
  });
});

describe('rates and percentage points', () => {
  it('formats growth rates the same in both languages', () => {
    expect(formatPct(5.2)).toBe('5.2%');
    expect(formatPct(-1.3)).toBe('\u22121.3%');
    expect(formatPct(0)).toBe('0.0%');
    expect(formatPct(null)).toBe('—');
    expect(formatPct(12.345, 2)).toBe('12.35%');
  });

  it('signs a compact gap', () => {
    expect(formatPp(3.2, zh)).toBe('+3.2个百分点');
    expect(formatPp(-1.5, zh)).toBe('\u22121.5个百分点');
    expect(formatPp(3.2, en)).toBe('+3.2 pp');
    expect(formatPp(-1.5, en)).toBe('\u22121.5 pp');
    expect(formatPp(0.04, en)).toBe('0.0 pp');
  });

  it('prints a bare signed number for a cell whose header gives the unit', () => {
    expect(formatSigned(0.3)).toBe('+0.3');
    expect(formatSigned(-1.54)).toBe('\u22121.5');
    expect(formatSigned(0.04)).toBe('0.0');
    expect(formatSigned(1234.5, 0)).toBe('+1,235');
  });

  it('says a gap as the texts do', () => {
    expect(formatPpPhrase(3.2, zh)).toBe('高出3.2个百分点');
    expect(formatPpPhrase(-1.5, zh)).toBe('低1.5个百分点');
    expect(formatPpPhrase(0.4, zh, { against: averageOf('country', zh) })).toBe('高于全国平均水平0.4个百分点');
    expect(formatPpPhrase(-0.8, zh, { against: averageOf('province', zh) })).toBe('低于全省平均水平0.8个百分点');
    expect(formatPpPhrase(0, zh, { against: averageOf('prefecture', zh) })).toBe('与全市平均水平持平');
    expect(formatPpPhrase(3.2, en)).toBe('3.2 pp higher');
    expect(formatPpPhrase(-1.5, en, { against: averageOf('country', en) })).toBe('1.5 pp below the national average');
    expect(formatPpPhrase(0.01, en, { against: averageOf('province', en) })).toBe('equal to the provincial average');
  });
});

describe('periods and dates', () => {
  it('names year-to-date periods', () => {
    expect(formatPeriod('2025-06', zh)).toBe('2025年1-6月');
    expect(formatPeriod('2025-06', en)).toBe('Jan–Jun 2025');
    expect(formatPeriod('2025-02', zh)).toBe('2025年1-2月');
    expect(formatPeriod('2025-02', en)).toBe('Jan–Feb 2025');
    expect(formatPeriod('2025-01', zh)).toBe('2025年1月');
    expect(formatPeriod('2025-01', en)).toBe('Jan 2025');
    expect(formatPeriod('2025-12', zh)).toBe('2025年1-12月');
    expect(formatPeriod('2025-12', en)).toBe('Jan–Dec 2025');
    expect(formatPeriod('2025', zh)).toBe('2025年');
    expect(formatPeriod('2025', en)).toBe('2025');
    expect(() => formatPeriod('2025-13', zh)).toThrow(/period/);
  });

  it('shows release times as Beijing wall time, computed by hand', () => {
    expect(formatDate('2025-07-15T10:00:00+08:00', zh)).toBe('2025年7月15日 10:00');
    expect(formatDate('2025-07-15T10:00:00+08:00', en)).toBe('15 Jul 2025, 10:00 (UTC+8)');
    // 20:30 UTC is 04:30 the next day in Beijing; 23:00 at −05:00 is noon of the new year.
    expect(formatDate('2025-07-14T20:30:00Z', zh)).toBe('2025年7月15日 04:30');
    expect(formatDate('2025-12-31T23:00:00-05:00', en)).toBe('1 Jan 2026, 12:00 (UTC+8)');
    expect(formatDate('2025-07-15T10:00:00+08:00', zh, { time: false })).toBe('2025年7月15日');
    // A bare date is a calendar date, not midnight UTC.
    expect(formatDate('2025-07-15', en)).toBe('15 Jul 2025');
    // Without an offset the time is already Beijing time (not the host's zone).
    expect(formatDate('2025-03-01T09:30', zh)).toBe('2025年3月1日 09:30');
    expect(toBeijingIso('2025-07-14T20:30:00Z')).toBe('2025-07-15T04:30:00+08:00');
    expect(toBeijingIso('2025-07-15')).toBe('2025-07-15');
    expect(() => formatDate('15/07/2025', zh)).toThrow();
  });
});

describe('sources', () => {
  it('names each source once, in the order first met, splitting fields that name several', () => {
    const a = 'https://a.example/targets';
    expect(distinctSources([`${a} | https://b.example/x`, a, null, '', `https://c.example | ${a}`, '  国家统计局 ', undefined, '国家统计局'])).toEqual([
      a,
      'https://b.example/x',
      'https://c.example',
      '国家统计局',
    ]);
    // A bar inside a name is not a separator.
    expect(distinctSources(['A|B'])).toEqual(['A|B']);
  });
});

describe('flags', () => {
  it('has a mark, label and legend for every flag in both languages', () => {
    for (const flag of FLAGS.filter((f) => f !== '')) {
      const t = FLAG_LABELS[flag as keyof typeof FLAG_LABELS];
      for (const lang of [t.zh, t.en]) {
        expect(lang.mark.length).toBeGreaterThan(0);
        expect(lang.label.length).toBeGreaterThan(0);
        expect(lang.legend.length).toBeGreaterThan(0);
      }
    }
    expect(FLAG_LABELS.p.zh.mark).toBe('预');
    expect(FLAG_LABELS.p.en.mark).toBe('p');
    expect(flagLegend(['', 'c', 'p', 'p'], en)).toEqual(['p: preliminary, may be revised', 'c: suppressed, not published (not zero)']);
  });

  it('formats an observation with its flag', () => {
    expect(formatObservation({ value: 2345.6, flag: 'p', unit: '亿元', decimals: 1 }, zh)).toEqual({
      text: '2,345.6亿元',
      mark: '预',
      aria: '2,345.6亿元，初步数',
      plain: '2,345.6亿元（预）',
    });
    expect(formatObservation({ value: 2345.6, flag: 'r', unit: '亿元', decimals: 1 }, en)).toEqual({
      text: '234.56 billion yuan',
      mark: 'r',
      aria: '234.56 billion yuan, revised',
      plain: '234.56 billion yuan (r)',
    });
    expect(formatObservation({ value: null, flag: 'c', unit: '亿元' }, zh)).toMatchObject({ text: '保密', mark: null });
    expect(formatObservation({ value: null, flag: 'c', unit: '亿元' }, en)).toMatchObject({ text: 'suppressed' });
    expect(formatObservation({ value: null, flag: 'na', unit: '亿元' }, zh)).toEqual({ text: '—', mark: null, aria: '无数据', plain: '—' });
    expect(formatObservation({ value: null, unit: '家' }, en)).toMatchObject({ text: '—', aria: 'no data' });
    expect(formatObservation({ value: 12, unit: '家' }, en)).toEqual({ text: '12 firms', mark: null, aria: '12 firms', plain: '12 firms' });
  });
});

describe('sentences', () => {
  const henan = {
    period: '2025-06',
    value: 12345.6,
    unit: '亿元' as const,
    decimals: 1,
    yoy: 5.2,
    parentYoy: 4.8,
  };

  it('states level, growth and the gap to the national average', () => {
    expect(sentenceLevelGrowth({ ...henan, name: '河南省', indicatorName: '社会消费品零售总额' }, zh)).toBe(
      '2025年1-6月，河南省社会消费品零售总额达到12,345.6亿元，增长5.2%，高于全国平均水平0.4个百分点。',
    );
    expect(sentenceLevelGrowth({ ...henan, name: 'Henan', indicatorName: 'Retail sales of consumer goods' }, en)).toBe(
      'In Jan–Jun 2025, retail sales of consumer goods in Henan reached 1,234.56 billion yuan, up 5.2% year on year, 0.4 pp above the national average.',
    );
  });

  it('handles falls, a city against its province, and missing parts', () => {
    expect(
      sentenceLevelGrowth(
        { name: '洛阳市', period: '2025-02', indicatorName: '货物进出口总额', value: 123.4, unit: '亿元', decimals: 1, yoy: -1.3, parentYoy: 2.1, parentLevel: 'province' },
        zh,
      ),
    ).toBe('2025年1-2月，洛阳市货物进出口总额达到123.4亿元，下降1.3%，低于全省平均水平3.4个百分点。');
    expect(
      sentenceLevelGrowth({ name: 'Luoyang', period: '2025-02', indicatorName: 'FDI actually used', value: null, unit: '万美元', yoy: -1.3, parentYoy: -1.3 }, en),
    ).toBe('In Jan–Feb 2025, FDI actually used in Luoyang: down 1.3% year on year, equal to the national average.');
    expect(sentenceLevelGrowth({ name: '某县', period: '2025', indicatorName: '网络零售额', value: null, unit: '亿元', yoy: null }, zh)).toBe(
      '2025年，某县网络零售额暂无数据。',
    );
    expect(sentenceLevelGrowth({ name: '某县', period: '2025', indicatorName: '新设外商投资企业', value: 12, unit: '家', yoy: 0 }, zh)).toBe(
      '2025年，某县新设外商投资企业达到12家，与上年同期持平。',
    );
  });

  it('compares completion with the time elapsed (时间过半，任务过半)', () => {
    expect(sentencePace({ completion: 0.523, elapsed: 0.5, gapPp: 2.3 }, zh)).toBe('完成年度目标的52.3%，快于时间进度2.3个百分点（时间过半，任务过半）。');
    expect(sentencePace({ completion: 0.485, elapsed: 0.5, gapPp: -1.5 }, zh)).toBe('完成年度目标的48.5%，慢于时间进度1.5个百分点（未达到时间过半、任务过半）。');
    expect(sentencePace({ name: '洛阳市', indicatorName: '网络零售额', completion: 0.5, elapsed: 7 / 12, gapPp: -8.3 }, zh)).toBe(
      '洛阳市网络零售额完成年度目标的50.0%，慢于时间进度8.3个百分点。',
    );
    expect(sentencePace({ completion: 0.523, elapsed: 0.5, gapPp: 2.3 }, en)).toBe(
      '52.3% of the annual target reached, 2.3 pp ahead of the share of the year elapsed (50.0%): half the year gone, at least half the target done.',
    );
    expect(sentencePace({ name: 'Luoyang', indicatorName: 'Online retail sales', completion: 0.25, elapsed: 0.25, gapPp: 0 }, en)).toBe(
      'Luoyang has reached 25.0% of its annual target for online retail sales, in line with the share of the year elapsed (25.0%).',
    );
  });

  it('says achieved or not at full year, never ahead or behind of time', () => {
    expect(sentencePace({ completion: 0.981, elapsed: 1, gapPp: -1.9 }, zh)).toBe('完成年度目标的98.1%，未完成年度目标，差1.9个百分点。');
    expect(sentencePace({ completion: 1.02, elapsed: 1, gapPp: 2 }, zh)).toBe('完成年度目标的102.0%，完成年度目标。');
    expect(sentencePace({ completion: 0.981, elapsed: 1, gapPp: -1.9 }, en)).toBe('98.1% of the annual target reached, target not achieved, 1.9 pp short.');
  });

  it('names the pace-setter and the pursuer with the gaps', () => {
    const facts = { rank: 3, rankOf: 18, peerCount: 18, tied: false, basis: 'value' as const, scope: 'province' as const, unit: '亿元' as const, decimals: 1 };
    expect(sentenceRank({ ...facts, ahead: { name: '郑州市', gap: 120.5 }, behind: { name: '洛阳市', gap: 80.2 } }, zh)).toBe(
      '在全省排名第3（按总量，共18个），前看标兵郑州市（差120.5亿元），回看追兵洛阳市（领先80.2亿元）。',
    );
    expect(sentenceRank({ ...facts, ahead: { name: 'Zhengzhou', gap: -120.5 }, behind: { name: 'Luoyang', gap: 80.2 } }, en)).toBe(
      'Ranked 3rd by value of 18; 12.05 billion yuan behind the pace-setter Zhengzhou, 8.02 billion yuan ahead of the pursuer Luoyang.',
    );
    const growth = { ...facts, basis: 'yoy' as const, unit: '%' as const };
    expect(sentenceRank({ ...growth, name: '郑州市', rank: 1, behind: { name: '洛阳市', gap: 1.2 } }, zh)).toBe(
      '郑州市在全省排名第1（按增速，共18个），回看追兵洛阳市（领先1.2个百分点）。',
    );
    expect(sentenceRank({ ...growth, name: 'Hebi', rank: 18, ahead: { name: 'Jiyuan', gap: 0.3 } }, en)).toBe(
      'Hebi ranks 18th by growth of 18; 0.3 pp behind the pace-setter Jiyuan.',
    );
    expect(sentenceRank({ ...facts, name: '鹤壁市', rank: null }, zh)).toBe('鹤壁市未排名（无数据或保密）。');
  });

  it('says among whom a rank is: reporting peers, all peers, ties, and no rank among one', () => {
    const f = { rank: 2, rankOf: 6, peerCount: 31, tied: false, basis: 'value' as const };
    expect(rankPhrase(f, zh)).toBe('第2（按总量，6个地区有数据，共31个）');
    expect(rankPhrase(f, en)).toBe('2nd by value of 6 reporting (31 peers)');
    expect(rankPhrase({ ...f, rank: 5, rankOf: 18, peerCount: 18, tied: true, basis: 'yoy' }, zh)).toBe('并列第5（按增速，共18个）');
    expect(rankPhrase({ ...f, rank: 5, rankOf: 18, peerCount: 18, tied: true, basis: 'yoy' }, en)).toBe('tied 5th by growth of 18');
    expect(rankPhrase({ ...f, rank: 1, rankOf: 1 }, zh)).toBe('未排名（仅1个地区有数据，共31个）');
    expect(rankPhrase({ ...f, rank: 1, rankOf: 1 }, en)).toBe('not ranked (1 of 31 reporting)');
    expect(rankPhrase({ ...f, rank: 1, rankOf: 1, peerCount: 1 }, zh)).toBe('无可比地区');
    // a sentence never says 位居全国第X while peers have no figure
    const s = sentenceRank({ ...f, name: '河南省', scope: 'country', unit: '亿元' }, zh);
    expect(s).toBe('河南省在全国排名第2（按总量，6个地区有数据，共31个）。');
  });

  it('spells English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th',
    ]);
  });
});

describe('targets', () => {
  const level = { type: 'level', unit: '亿元', decimals: 1 } as const;
  const growth = { type: 'growth', unit: '亿元', decimals: 1 } as const;

  it('puts each qualifier where the work reports put it, the unit once (zh)', () => {
    expect(formatTarget({ ...level, value: 1610, qualifier: '力争' }, zh)).toBe('力争1,610亿元');
    expect(formatTarget({ ...level, value: 1610, qualifier: '以上' }, zh)).toBe('1,610亿元以上');
    expect(formatTarget({ ...level, value: 1610.5, qualifier: '左右' }, zh)).toBe('1,610.5亿元左右');
    expect(formatTarget({ ...level, value: 1610, qualifier: null }, zh)).toBe('1,610亿元');
    expect(formatTarget({ ...level, value: 1600, value_max: 1650, qualifier: '区间' }, zh)).toBe('1,600—1,650亿元');
    expect(formatTarget({ type: 'level', unit: '%', decimals: 1, value: 15, qualifier: '以内' }, zh)).toBe('15%以内');
    expect(formatTarget({ ...growth, value: 4.5, qualifier: '左右' }, zh)).toBe('增长4.5%左右');
    expect(formatTarget({ ...growth, value: 5, qualifier: '以上' }, zh)).toBe('增长5%以上');
    expect(formatTarget({ ...growth, value: 6, qualifier: '力争' }, zh)).toBe('力争增长6%');
    expect(formatTarget({ ...growth, value: 5, value_max: 5.5, qualifier: '区间' }, zh)).toBe('增长5.0%—5.5%');
    expect(formatTarget({ ...growth, value: 3, qualifier: '以内' }, zh)).toBe('增长3%以内');
    expect(formatTarget({ ...growth, value: 7, qualifier: null }, zh)).toBe('增长7%');
    expect(formatTarget({ ...growth, value: -2, qualifier: null }, zh)).toBe('下降2%');
  });

  it('translates each qualifier into English, ASCII only', () => {
    expect(formatTarget({ ...level, value: 1610, qualifier: '力争' }, en)).toBe('strive for 161 billion yuan');
    expect(formatTarget({ ...level, value: 1610, qualifier: '以上' }, en)).toBe('at least 161 billion yuan');
    expect(formatTarget({ ...level, value: 1610.5, qualifier: '左右' }, en)).toBe('about 161.05 billion yuan');
    expect(formatTarget({ ...level, value: 1610, qualifier: null }, en)).toBe('161 billion yuan');
    expect(formatTarget({ ...level, value: 1600, value_max: 1650, qualifier: '区间' }, en)).toBe('between 160 and 165 billion yuan');
    expect(formatTarget({ type: 'level', unit: '%', decimals: 1, value: 15, qualifier: '以内' }, en)).toBe('within 15%');
    expect(formatTarget({ ...growth, value: 4.5, qualifier: '左右' }, en)).toBe('about 4.5% growth');
    expect(formatTarget({ ...growth, value: 5, qualifier: '以上' }, en)).toBe('at least 5% growth');
    expect(formatTarget({ ...growth, value: 6, qualifier: '力争' }, en)).toBe('strive for 6% growth');
    expect(formatTarget({ ...growth, value: 5, value_max: 5.5, qualifier: '区间' }, en)).toBe('between 5.0% and 5.5% growth');
    expect(formatTarget({ ...growth, value: 3, qualifier: '以内' }, en)).toBe('within 3% growth');
    expect(formatTarget({ ...growth, value: 7, qualifier: null }, en)).toBe('7% growth');
  });

  it('says a target in words or none as such, not as missing', () => {
    expect(formatTarget({ type: 'qualitative', unit: '亿元', value: null, qualifier: null }, zh)).toBe('定性目标');
    expect(formatTarget({ type: 'qualitative', unit: '亿元', value: null, qualifier: null }, en)).toBe('qualitative target');
    expect(formatTarget({ type: 'none', unit: '亿元', value: null, qualifier: null }, zh)).toBe('未设定量目标');
    expect(formatTarget({ type: 'none', unit: '亿元', value: null, qualifier: null }, en)).toBe('no numeric target set');
  });

  it('writes the digits of the document, not binary noise, at most the indicator\'s decimals', () => {
    expect(formatTarget({ ...growth, value: 5.1 - 1e-12, qualifier: null }, zh)).toBe('增长5.1%');
    expect(formatTarget({ ...level, value: 1610.04, qualifier: null }, zh)).toBe('1,610亿元'); // 1 decimal at most
    expect(formatTarget({ type: 'level', unit: '万美元', decimals: 0, value: 1234, qualifier: '以上' }, en)).toBe('at least 12.34 million USD');
  });

  it('refuses a numeric target without its number', () => {
    expect(() => formatTarget({ ...level, value: null, qualifier: null }, zh)).toThrow(/needs a value/);
    expect(() => formatTarget({ ...growth, value: 5, qualifier: '区间' }, zh)).toThrow(/value_max/);
    expect(() => formatTarget({ ...growth, value: 5, qualifier: '至少' }, zh)).toThrow(/unknown target qualifier "至少"/);
  });
});
