/**
 * A briefing's sentences on hand-worked cases, zh and en, and its trajectory chart: every number
 * in a sentence is one of the row's cells as the table prints it.
 */
import { describe, expect, it } from 'vitest';
import type { ProgressRow } from '../../src/queries/progress.ts';
import { briefingBody, indicatorSentences, revisionNotice, type BriefingIndicator, type BriefingInput } from '../../src/views/briefing.ts';
import { renderTrajectory } from '../../src/render/trajectory.ts';
import { formatPeriod } from '../../src/lib/format.ts';
import { briefingNumbers } from '../support/briefing-numbers.ts';

function row(o: Partial<ProgressRow>): ProgressRow {
  return {
    jurisdiction: '410300', name_zh: '洛阳市', name_en: 'Luoyang', level: 'prefecture', indicator: 'retail_sales',
    indicator_name_zh: '社会消费品零售总额', indicator_name_en: 'Retail sales', unit: '亿元', kind: 'ytd_flow', higher_is_better: true, decimals: 1,
    period: '2025-06', obs_period: '2025-06', value: 1257.4, yoy_pct: 5, flag: null, state: 'ok', release: 'r', release_published_at: null,
    target_type: null, target_value: null, target_value_max: null, target_qualifier: null, target_band_pp: null, target_source: null,
    elapsed: 0.5, completion: null, pace_gap_pp: null, last_year_ytd: null, last_year_total: null, seasonal_basis: null, seasonal_expected: null,
    seasonal_gap_pp: null, projection: null, growth_gap_pp: null,
    value_rank: null, value_rank_of: 0, value_rank_state: 'missing', value_ahead_code: null, value_ahead_name_zh: null, value_ahead_gap: null,
    value_behind_code: null, value_behind_name_zh: null, value_behind_gap: null,
    yoy_rank: null, yoy_rank_of: 0, yoy_rank_state: 'missing', yoy_ahead_code: null, yoy_ahead_name_zh: null, yoy_ahead_gap: null,
    yoy_behind_code: null, yoy_behind_name_zh: null, yoy_behind_gap: null,
    peer_count: 18, rank_basis: 'value', rank: null, rank_of: 0, tied: false,
    ahead_code: null, ahead_name_zh: null, ahead_name_en: null, ahead_gap: null, behind_code: null, behind_name_zh: null, behind_name_en: null, behind_gap: null,
    verdict_kind: null, verdict_gap_pp: null, status: 'no_target',
    ...o,
  };
}

const indicator = { id: 'retail_sales', name_zh: '社会消费品零售总额', name_en: 'retail sales', unit: '亿元' as const, decimals: 1, source: '统计局' };
const henan = row({ jurisdiction: '410000', name_zh: '河南省', name_en: 'Henan', level: 'province', yoy_pct: 4.6 });
const input = (x: Partial<BriefingIndicator>, locale: 'zh-CN' | 'en' = 'zh-CN'): BriefingInput => ({
  jurisdiction: { code: '410300', name_zh: '洛阳市', name_en: 'Luoyang', level: 'prefecture' },
  parent: { code: '410000', name_zh: '河南省', name_en: 'Henan', level: 'province' },
  period: '2025-06',
  locale,
  indicators: [{ indicator, row: null, peers: [], parentRow: henan, children: [], trajectory: null, ...x }],
});
const sentences = (x: Partial<BriefingIndicator>, locale: 'zh-CN' | 'en' = 'zh-CN') => {
  const b = input(x, locale);
  return indicatorSentences(b, b.indicators[0]!);
};

describe('briefing sentences', () => {
  it('a growth target, the parent compared, a tie, in both languages', () => {
    const r = row({
      target_type: 'growth', target_value: 6, target_qualifier: '以上', growth_gap_pp: -1, verdict_kind: 'growth', verdict_gap_pp: -1, status: 'behind',
      rank_basis: 'yoy', rank: 10, rank_of: 18, tied: true, ahead_code: '410100', ahead_name_zh: '郑州市', ahead_name_en: 'Zhengzhou', ahead_gap: 0.2,
    });
    expect(sentences({ row: r })).toEqual([
      '2025年1-6月，洛阳市社会消费品零售总额达到1,257.4亿元，增长5.0%，高于全省平均水平0.4个百分点。',
      '年度目标：增长6%以上，低于目标1.0个百分点。',
      '洛阳市在全省排名并列第10（按增速，共18个），前看标兵郑州市（差0.2个百分点）。',
    ]);
    const en = sentences({ row: r }, 'en');
    expect(en[1]).toBe('Annual target: at least 6% growth, 1.0 pp below target.');
    expect(en[2]).toBe('Luoyang ranks tied 10th by growth of 18; 0.2 pp behind the pace-setter Zhengzhou.');
  });

  it('a level target on pace, in both languages, and at full year', () => {
    const pace = row({ target_type: 'level', target_value: 2500, completion: 0.503, verdict_kind: 'pace', verdict_gap_pp: 0.3, status: 'ahead' });
    expect(sentences({ row: pace })[1]).toBe('年度目标：2,500亿元。完成年度目标的50.3%，快于时间进度0.3个百分点（时间过半，任务过半）。');
    const year = row({ period: '2025-12', elapsed: 1, target_type: 'level', target_value: 2500, completion: 0.98, verdict_kind: 'pace', verdict_gap_pp: -2, status: 'not_achieved' });
    expect(sentences({ row: year })[1]).toBe('年度目标：2,500亿元。完成年度目标的98.0%，未完成年度目标，差2.0个百分点。');
    expect(sentences({ row: pace }, 'en')[1]).toBe(
      'Annual target: 250 billion yuan. 50.3% of the annual target reached, 0.3 pp ahead of the share of the year elapsed (50.0%): half the year gone, at least half the target done.',
    );
  });

  it('the full year: the briefing of 1-12月, the target achieved or not, in both languages', () => {
    // 2,450 of 2,500 is 98.0%, 2.0 points short; 2,550 is 102.0%. A peer has a decimal: the figure is given the indicator's.
    const fullYear = (value: number, completion: number, gap: number, status: ProgressRow['status'], locale: 'zh-CN' | 'en') => {
      const r = row({ period: '2025-12', obs_period: '2025-12', elapsed: 1, value, target_type: 'level', target_value: 2500, completion, verdict_kind: 'pace', verdict_gap_pp: gap, status });
      const b = { ...input({ row: r, peers: [r, row({ jurisdiction: '410100', value: 5101.3 })] }, locale), period: '2025-12' };
      return indicatorSentences(b, b.indicators[0]!).slice(0, 2);
    };
    expect(fullYear(2450, 0.98, -2, 'not_achieved', 'zh-CN')).toEqual([
      '2025年1-12月，洛阳市社会消费品零售总额达到2,450.0亿元，增长5.0%，高于全省平均水平0.4个百分点。',
      '年度目标：2,500亿元。完成年度目标的98.0%，未完成年度目标，差2.0个百分点。',
    ]);
    expect(fullYear(2450, 0.98, -2, 'not_achieved', 'en')).toEqual([
      'In Jan–Dec 2025, retail sales in Luoyang reached 245.00 billion yuan, up 5.0% year on year, 0.4 pp above the provincial average.',
      'Annual target: 250 billion yuan. 98.0% of the annual target reached, target not achieved, 2.0 pp short.',
    ]);
    expect(fullYear(2550, 1.02, 2, 'achieved', 'zh-CN')[1]).toBe('年度目标：2,500亿元。完成年度目标的102.0%，完成年度目标。');
    expect(fullYear(2550, 1.02, 2, 'achieved', 'en')[1]).toBe('Annual target: 250 billion yuan. 102.0% of the annual target reached, target achieved.');
  });

  it('a ceiling, a suppressed figure, no target, and the only unit reporting', () => {
    const ceiling = row({ unit: '%', value: 11.6, yoy_pct: null, target_type: 'level', target_value: 8.9, target_qualifier: '以内', verdict_kind: 'ceiling', verdict_gap_pp: -2.7, status: 'over', rank: 1, rank_of: 18 });
    expect(sentences({ row: ceiling, indicator: { ...indicator, unit: '%' } })[1]).toBe('年度目标：8.9%以内，超出控制目标2.7个百分点。');
    const suppressed = row({ value: null, yoy_pct: null, flag: 'c', state: 'suppressed', target_type: 'growth', target_value: 6, verdict_kind: 'growth', status: 'suppressed' });
    expect(sentences({ row: suppressed })).toEqual(['年度目标：增长6%，保密。', '洛阳市未排名（无数据或保密）。']);
    const alone = row({ rank: 1, rank_of: 1 });
    expect(sentences({ row: alone })).toEqual([
      '2025年1-6月，洛阳市社会消费品零售总额达到1,257.4亿元，增长5.0%，高于全省平均水平0.4个百分点。',
      '洛阳市未排名（仅1个地区有数据，共18个）。',
    ]);
    // The same in English; no target: no sentence about one.
    expect(sentences({ row: ceiling, indicator: { ...indicator, unit: '%' } }, 'en')[1]).toBe('Annual target: within 8.9%, over the ceiling by 2.7 pp.');
    expect(sentences({ row: suppressed }, 'en')).toEqual(['Annual target: 6% growth, suppressed.', 'Luoyang: not ranked (no figure or suppressed).']);
    expect(sentences({ row: alone }, 'en')).toEqual([
      'In Jan–Jun 2025, retail sales in Luoyang reached 125.74 billion yuan, up 5.0% year on year, 0.4 pp above the provincial average.',
      'Luoyang: not ranked (1 of 18 reporting).',
    ]);
  });

  it('a city’s counties: the first and last three with a tie, those behind time named, a suppressed one neither, in both languages', () => {
    // Seven counties ranked by value (two tied 2nd), an eighth suppressed; Yanshi and Mengjin behind time.
    const county = (code: string, name_zh: string, name_en: string, rank: number | null, o: Partial<ProgressRow> = {}) =>
      row({ jurisdiction: code, name_zh, name_en, level: 'county', target_type: 'level', target_value: 100, verdict_kind: 'pace', status: 'ahead', rank, rank_of: 7, rank_basis: 'value', ...o });
    // In the query's order; the tied are listed by code, as the ranking tables list them.
    const children = [
      county('410302', '老城区', 'Laocheng District', 1),
      county('410304', '瀍河区', 'Chanhe District', 2, { tied: true }),
      county('410303', '西工区', 'Xigong District', 2, { tied: true }),
      county('410305', '涧西区', 'Jianxi District', 4),
      county('410307', '偃师区', 'Yanshi District', 5, { status: 'behind' }),
      county('410308', '孟津区', 'Mengjin District', 6),
      county('410323', '新安县', 'Xin’an County', 7, { status: 'behind' }),
      county('410324', '栾川县', 'Luanchuan County', null, { value: null, yoy_pct: null, flag: 'c', state: 'suppressed', status: 'suppressed' }),
    ];
    const city = row({ rank: 3, rank_of: 18 });
    expect(sentences({ row: city, children }).slice(-2)).toEqual([
      '社会消费品零售总额总量前三位是老城区、西工区（并列第2）、瀍河区（并列第2），后三位是偃师区、孟津区、新安县（7个地区参与排名）。',
      '偃师区、新安县等2个地区社会消费品零售总额未达到时间进度。',
    ]);
    expect(sentences({ row: city, children }, 'en').slice(-2)).toEqual([
      'On retail sales (value), the first three of 7 ranked are Laocheng District, Xigong District (tied 2nd), Chanhe District (tied 2nd); the last three are Yanshi District, Mengjin District, Xin’an County.',
      'Yanshi District and Xin’an County (2 units) are behind the time elapsed on retail sales.',
    ]);
  });

  it('the body carries the verdicts with their data attributes and the numbers table', () => {
    const r = row({ target_type: 'growth', target_value: 6, verdict_kind: 'growth', verdict_gap_pp: -1, status: 'behind' });
    const html = briefingBody(input({ row: r }));
    expect(html).toContain('data-status="behind"');
    expect(html).toContain('data-gap-pp="-1.0"');
    expect(html).toContain('<table class="briefing-numbers">');
  });

  it('a figure prints one way in its sentence and its cell: the indicator\'s decimals, unless neither it nor a peer has a digit there', () => {
    const r = row({ value: 2450 });
    const withDecimal = briefingBody(input({ row: r, peers: [r, row({ jurisdiction: '410100', value: 5101.3 })] }));
    expect(withDecimal.match(/2,450\.0亿元/g)).toHaveLength(2);
    const whole = briefingBody(input({ row: r, peers: [r, row({ jurisdiction: '410100', value: 5101 })] }));
    expect(whole.match(/2,450亿元/g)).toHaveLength(2);
    expect(whole).not.toContain('2,450.0');
  });

  it.each(['zh-CN', 'en'] as const)('%s: every number in the sentences is a cell of the numbers table (the hand-worked cases in one briefing)', (locale) => {
    const ind = (id: string, unit: '亿元' | '%' | '家' = '亿元') => ({ ...indicator, id, unit, name_zh: `指标${id}`, name_en: `indicator ${id}` });
    const county = (code: string, rank: number | null, o: Partial<ProgressRow> = {}) =>
      row({ jurisdiction: code, name_zh: `县${'甲乙丙丁戊己庚辛'[Number(code.slice(-1))]}`, name_en: `County ${'ABCDEFGH'[Number(code.slice(-1))]}`, level: 'county', target_type: 'level', target_value: 100, verdict_kind: 'pace', status: 'ahead', rank, rank_of: 7, ...o });
    const children = [
      county('410300', 1), county('410301', 2, { tied: true }), county('410302', 2, { tied: true }), county('410303', 4),
      county('410304', 5, { status: 'behind' }), county('410305', 6), county('410306', 7, { status: 'behind' }),
      county('410307', null, { value: null, yoy_pct: null, flag: 'c', state: 'suppressed', status: 'suppressed' }),
    ];
    const growth = row({
      target_type: 'growth', target_value: 6, target_qualifier: '以上', verdict_kind: 'growth', verdict_gap_pp: -1, status: 'behind', rank_basis: 'yoy', rank: 10, rank_of: 18, tied: true,
      ahead_code: '410100', ahead_name_zh: '郑州市', ahead_name_en: 'Zhengzhou', ahead_gap: 0.23, behind_code: '410500', behind_name_zh: '安阳市', behind_name_en: 'Anyang', behind_gap: 1.6,
    });
    const firms = row({ value: 487, yoy_pct: 3.6, target_type: 'level', target_value: 756, target_qualifier: '以上', completion: 0.644, verdict_kind: 'pace', verdict_gap_pp: -10.6, status: 'behind', rank: 2, rank_of: 18, ahead_code: '410100', ahead_name_zh: '郑州市', ahead_name_en: 'Zhengzhou', ahead_gap: 454, behind_code: '411300', behind_name_zh: '南阳市', behind_name_en: 'Nanyang', behind_gap: 159 });
    const ceiling = row({ value: 11.6, yoy_pct: null, target_type: 'level', target_value: 8.9, target_qualifier: '以内', verdict_kind: 'ceiling', verdict_gap_pp: -2.7, status: 'over', rank: 1, rank_of: 17 });
    const rate = row({ value: 100, yoy_pct: null, target_type: 'level', target_value: 80, target_qualifier: '以上', verdict_kind: 'level', verdict_gap_pp: 20, status: 'achieved', rank: 1, rank_of: 17, tied: true, behind_code: '410100', behind_name_zh: '郑州市', behind_name_en: 'Zhengzhou', behind_gap: 9.1 });
    const b: BriefingInput = {
      ...input({}, locale),
      indicators: [
        { indicator: ind('a'), row: growth, peers: [growth], parentRow: henan, children, trajectory: null },
        { indicator: { ...ind('b', '家'), decimals: 0 }, row: firms, peers: [firms], parentRow: row({ yoy_pct: 3.4 }), children: [], trajectory: null },
        { indicator: ind('c', '%'), row: ceiling, peers: [ceiling], parentRow: null, children: [], trajectory: null },
        { indicator: ind('d', '%'), row: rate, peers: [rate, row({ value: 90.9 })], parentRow: null, children: [], trajectory: null },
        { indicator: ind('e'), row: row({ value: null, yoy_pct: null, flag: 'c', state: 'suppressed', target_type: 'growth', target_value: 6, verdict_kind: 'growth', status: 'suppressed' }), peers: [], parentRow: henan, children: [], trajectory: null },
        { indicator: ind('f'), row: row({ rank: 1, rank_of: 1 }), peers: [], parentRow: henan, children: [], trajectory: null },
      ],
    };
    const check = briefingNumbers(briefingBody(b), b.period, locale);
    expect(check.sections).toBe(6);
    expect(check.checked).toBeGreaterThan(40);
    expect(check.missing).toEqual([]);
  });

  it.each(['zh-CN', 'en'] as const)('%s: the lede, the on-track line and the projects sentences say numbers of the tables too', (locale) => {
    const county = (code: string, status: ProgressRow['status']) =>
      row({ jurisdiction: code, name_zh: `县${'甲乙'[Number(code.slice(-1)) - 1]}`, name_en: `County ${'AB'[Number(code.slice(-1)) - 1]}`, level: 'county', target_type: 'level', target_value: 100, verdict_kind: 'pace', status });
    const r = row({ target_type: 'growth', target_value: 6, verdict_kind: 'growth', verdict_gap_pp: 0.4, status: 'ahead' });
    const stage = (stage: string, stage_rank: number, projects: number, signed_this_year = 0) => ({
      jurisdiction: '410300', name_zh: '洛阳市', name_en: 'Luoyang', level: 'prefecture', parent: '410000', period: '2025-06',
      stage, stage_rank, projects, with_amount: projects, amount_cny_yi: projects * 1.25, funds_cny_yi: projects * 0.5, signed_this_year,
    });
    // 12 projects at the end of June (3 negotiating, 5 signed, 4 started); 7 signed this year, 5 honoured, 3 started
    const funnel = [stage('negotiating', 1, 3), stage('signed', 2, 5, 4), stage('started', 3, 4, 3)];
    const rates = {
      jurisdiction: '410300', name_zh: '洛阳市', name_en: 'Luoyang', level: 'prefecture', parent: '410000', period: '2025-06', year: 2025, month: 6,
      cohort: 7, honoured: 5, started: 3, amount_cny_yi: 8.75, funds_cny_yi: 2.36, fulfilment_rate: 71.4, start_rate: 42.9, funds_rate: 27,
    };
    const b: BriefingInput = {
      ...input({ row: r, peers: [r], children: [county('410301', 'ahead'), county('410302', 'behind')] }, locale),
      projects: { unit: { code: '410300', name_zh: '洛阳市', name_en: 'Luoyang', period: '2025-06', funnel, rates }, page: null },
    };
    const html = briefingBody(b);
    expect(html).toContain('class="point"'); // 县甲 is on track on everything
    const check = briefingNumbers(html, b.period, locale);
    expect(check.projectNumbers).toBe(12); // 12, 3, 5, 4; 7, 8.75, 5, 3, 2.36; 71.4, 42.9, 27.0 (the month's end is a period)
    expect(check.missing).toEqual([]);
    // and the check fails where a sentence says what its table does not
    const lede = locale === 'en' ? ': 1 indicator.' : '主要商务指标1项';
    expect(html).toContain(lede);
    expect(briefingNumbers(html.replace(lede, lede.replace('1', '2')), b.period, locale).missing).toEqual([expect.stringMatching(/^2 in «/)]);
    const funds = locale === 'en' ? '0.236' : '2.36'; // billion yuan, 亿元
    expect(html).toContain(`<td class="num">${funds}</td>`);
    const noFunds = briefingNumbers(html.replace(`<td class="num">${funds}</td>`, '<td class="num">—</td>'), b.period, locale).missing;
    expect(noFunds).toHaveLength(1);
    expect(noFunds[0]!.startsWith(`${funds} in «`)).toBe(true);
  });
});

describe('trajectory chart', () => {
  it('breaks at a missing month and draws every point with its value', () => {
    const svg = renderTrajectory({
      thisYear: [{ m: 2, completion: 0.12 }, { m: 3, completion: 0.2 }, { m: 5, completion: 0.38 }, { m: 6, completion: 0.5 }],
      lastYear: Array.from({ length: 12 }, (_, i) => ({ m: i + 1, completion: (i + 1) / 12.5 })),
      seasonal: [{ m: 6, completion: 0.48 }],
      year: 2025, title: 'x', locale: 'zh-CN', idPrefix: 't',
    });
    const thisYearPaths = [...svg.matchAll(/<path d="([^"]+)"[^>]*stroke="#0b3c6e"/g)];
    expect(thisYearPaths).toHaveLength(2); // 2–3月, then 5–6月: April is missing
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(svg).toContain('2025年6月：50.0%');
  });
});

describe('a briefing pinned to an earlier data version', () => {
  const pubs = [
    { indicator: 'retail_sales', vintage: 1, release: '2025-07', published_at: '2025-07-15T02:00:00Z', value: 1257.4, yoy_pct: 5 },
    { indicator: 'retail_sales', vintage: 2, release: '2025-08', published_at: '2025-08-15T02:00:00Z', value: 1260.1, yoy_pct: 5.2 },
  ];
  it('says which figures changed since the link was made, and by how much', () => {
    expect(revisionNotice(pubs, '2025-07-20T00:00:00Z', [indicator], 'zh-CN')).toEqual([
      '社会消费品零售总额由1,257.4亿元（增长5.0%）修订为1,260.1亿元（增长5.2%），2025年8月15日 10:00发布。',
    ]);
    expect(revisionNotice(pubs, '2025-07-20T00:00:00Z', [indicator], 'en')[0]).toMatch(/^retail sales: revised from 125\.74 billion yuan \(growth 5\.0%\) to 126\.01 billion yuan \(growth 5\.2%\)/);
  });
  it('says nothing when the link was made after the revision, or before the figure existed', () => {
    expect(revisionNotice(pubs, '2025-09-01T00:00:00Z', [indicator], 'zh-CN')).toEqual([]);
    expect(revisionNotice(pubs, '2025-07-01T00:00:00Z', [indicator], 'zh-CN')).toEqual([]);
  });
});
