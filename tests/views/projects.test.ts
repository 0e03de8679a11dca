/**
 * The projects views on a hand-worked unit, zh and en: Zhengzhou at the end of June 2025 with six
 * projects in its ledger,
 *   N1, N2  in negotiation; N1 states 0.8亿元, N2 no amount yet
 *   A       signed 2025-03-10, 2.5亿元, 1.0亿元 arrived (honoured: money came), its planned start passed
 *   B       signed in 2024, 1.0亿元, nothing arrived (not this year's)
 *   C       signed 2025-02, started, 2.0亿元, 0.5亿元 arrived
 *   D       signed in 2024, operating, 1.5亿元 all arrived
 * so 6 projects (2 + 2 + 1 + 1), 5 of them with an amount, 7.8亿元 in all and 3.0亿元 arrived;
 * signed this year: A and C, both honoured, C started, 4.5亿元 signed and 1.5亿元 arrived:
 * 履约率 100.0%, 开工率 50.0%, 资金到位率 1.5 / 4.5 = 33.3%.
 */
import { describe, expect, it } from 'vitest';
import { PROJECT_RATES } from '../../src/lib/projects.ts';
import type { ProgressRow } from '../../src/queries/progress.ts';
import type { ProjectFunnelRow, ProjectLedgerRow, ProjectRatesRow } from '../../src/queries/projects.ts';
import { briefingBody, type BriefingInput } from '../../src/views/briefing.ts';
import {
  funnelTable, ledgerTable, monthEnd, projectSentences, projectsDownloads, ratesTable, rateVerdictTable, unitProjects, type UnitProjects,
} from '../../src/views/projects.ts';

const zz = { code: '410100', name_zh: '郑州市', name_en: 'Zhengzhou' };

function stage(stage: string, stage_rank: number, o: Partial<ProjectFunnelRow> = {}): ProjectFunnelRow {
  return {
    jurisdiction: '410100', name_zh: '郑州市', name_en: 'Zhengzhou', level: 'prefecture', parent: '410000', period: '2025-06',
    stage, stage_rank, projects: 0, with_amount: 0, amount_cny_yi: null, funds_cny_yi: null, signed_this_year: 0, ...o,
  };
}

// In the query's order is not assumed: unitProjects sorts by stage.
const funnel: ProjectFunnelRow[] = [
  stage('operating', 4, { projects: 1, with_amount: 1, amount_cny_yi: 1.5, funds_cny_yi: 1.5 }),
  stage('planned', 0),
  stage('negotiating', 1, { projects: 2, with_amount: 1, amount_cny_yi: 0.8, funds_cny_yi: 0 }),
  stage('signed', 2, { projects: 2, with_amount: 2, amount_cny_yi: 3.5, funds_cny_yi: 1.0, signed_this_year: 1 }),
  stage('started', 3, { projects: 1, with_amount: 1, amount_cny_yi: 2.0, funds_cny_yi: 0.5, signed_this_year: 1 }),
  // another unit's row, not Zhengzhou's
  stage('signed', 2, { jurisdiction: '410102', name_zh: '中原区', name_en: 'Zhongyuan District', parent: '410100', projects: 9 }),
];

const rates: ProjectRatesRow = {
  jurisdiction: '410100', name_zh: '郑州市', name_en: 'Zhengzhou', level: 'prefecture', parent: '410000', period: '2025-06', year: 2025, month: 6,
  cohort: 2, honoured: 2, started: 1, amount_cny_yi: 4.5, funds_cny_yi: 1.5, fulfilment_rate: 100, start_rate: 50, funds_rate: 33.3,
};

const unit = unitProjects(zz, '2025-06', funnel, [rates])!;
const zhongyuan: UnitProjects = unitProjects({ code: '410102', name_zh: '中原区', name_en: 'Zhongyuan District' }, '2025-06', funnel, [rates])!;

/** The text of markup, tags dropped and spaces squeezed. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
/** The cells of each body row of the first table, as text. */
const rows = (html: string) =>
  [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => text(c[1]!)));

describe('a unit’s projects', () => {
  it('takes the unit’s own rows in stage order, and none for a unit without projects', () => {
    expect(unit.funnel.map((r) => r.stage)).toEqual(['planned', 'negotiating', 'signed', 'started', 'operating']);
    expect(unit.rates).toBe(rates);
    expect(zhongyuan.funnel).toHaveLength(1);
    expect(zhongyuan.rates).toBeNull();
    expect(unitProjects({ code: '410105', name_zh: '金水区', name_en: null }, '2025-06', funnel, [rates])).toBeNull();
  });

  it('the month’s end', () => {
    expect(monthEnd('2025-06', 'zh-CN')).toBe('2025年6月末');
    expect(monthEnd('2025-06', 'en')).toBe('end of Jun 2025');
  });

  it('says the stages, the projects signed this year and the rates, in both languages', () => {
    expect(projectSentences(unit, 'zh-CN')).toEqual([
      '截至2025年6月末，郑州市在库招商项目6个：在谈2个、签约2个、开工1个、投产1个。',
      '2025年1-6月签约项目2个，签约金额4.50亿元，已履约2个、已开工1个，累计到位资金1.50亿元。',
      '履约率100.0%，开工率50.0%，资金到位率33.3%。',
    ]);
    expect(projectSentences(unit, 'en')).toEqual([
      'At the end of Jun 2025, Zhengzhou tracked 6 investment projects: 2 in negotiation, 2 signed, 1 started, 1 operating.',
      'Of the 2 projects signed in Jan–Jun 2025 (0.450 billion yuan), 2 are honoured and 1 started; 0.150 billion yuan of funds have arrived.',
      'Fulfilment rate 100.0%, start rate 50.0%, funds-arrival rate 33.3%.',
    ]);
  });

  it('a unit with nothing signed this year has no rates, and says so', () => {
    expect(projectSentences(zhongyuan, 'zh-CN')).toEqual(['截至2025年6月末，中原区在库招商项目9个：签约9个。', '2025年1-6月无签约项目，不计算三率。']);
    expect(projectSentences(zhongyuan, 'en')[1]).toBe('No project was signed in Jan–Jun 2025, so there are no rates.');
  });

  it('a funds rate without amounts signed (null) is left out of the sentence', () => {
    const noAmount = { ...unit, rates: { ...rates, funds_rate: null } };
    expect(projectSentences(noAmount, 'zh-CN')[2]).toBe('履约率100.0%，开工率50.0%。');
  });
});

describe('the funnel table', () => {
  it('counts, shares with their bars, amounts (saying how many state one) and totals', () => {
    const html = funnelTable(unit, 'zh-CN');
    expect(text(html)).toContain('郑州市各阶段招商项目（2025年6月末）');
    expect(rows(html)).toEqual([
      ['谋划', '0', '0%', '—', '—', '0'],
      ['在谈', '2', '33%', '0.80（1个有金额）', '0.00', '0'],
      ['签约', '2', '33%', '3.50', '1.00', '1'],
      ['开工', '1', '17%', '2.00', '0.50', '1'],
      ['投产', '1', '17%', '1.50', '1.50', '0'],
      ['合计', '6', '100%', '7.80（5个有金额）', '3.00', '2'],
    ]);
    // 7em for every project: a third is 2.33em, a sixth 1.17em; the bar is for the eye only
    expect(html).toContain('<span class="funnel-bar" style="width:2.33em" aria-hidden="true"></span>33%');
    expect(html).toContain('style="width:1.17em"');
    expect(html).toContain('style="width:0.00em"');
  });

  it('in English, amounts in billion yuan', () => {
    const r = rows(funnelTable(unit, 'en'));
    expect(r[1]).toEqual(['in negotiation', '2', '33%', '0.080 (1 of 2 state one)', '0.000', '0']);
    expect(r[5]).toEqual(['Total', '6', '100%', '0.780 (5 of 6 state one)', '0.300', '2']);
  });
});

describe('the rates table', () => {
  const html = ratesTable({
    parent: unit, children: [zhongyuan], locale: 'zh-CN',
    rateHref: (rate) => `/indicators/${rate.id}/410100/`, unitHref: (code) => (code === '410102' ? null : `/jurisdictions/${code}/`),
  });

  it('the unit first, then each subdivision; one without this year’s projects has 0 and no rates', () => {
    expect(rows(html)).toEqual([
      ['郑州市', '2', '2', '1', '4.50', '1.50', '100.0', '50.0', '33.3'],
      ['中原区', '0', '—', '—', '—', '—', '—', '—', '—'],
    ]);
    expect(html).toContain('<tr class="self" data-jurisdiction="410100"><th scope="row"><a href="/jurisdictions/410100/">郑州市</a>');
    // a unit without a page of its own is named, not linked
    expect(html).toContain('<th scope="row">中原区</th>');
  });

  it('each rate’s column links to its indicator page, where its map and ranking are', () => {
    for (const rate of PROJECT_RATES) expect(html).toContain(`<a href="/indicators/${rate.id}/410100/">`);
    expect(text(html)).toContain('履约率 （%）');
  });
});

function ledgerRow(o: Partial<ProjectLedgerRow>): ProjectLedgerRow {
  return {
    project: 'ZZ-A', period: '2025-06', name_zh: '郑州智能装备产业园', name_en: 'Zhengzhou smart equipment park', jurisdiction: '410100',
    jurisdiction_name_zh: '郑州市', jurisdiction_name_en: 'Zhengzhou', sector: '先进制造业', origin: 'local', stage: 'signed', stage_rank: 2,
    amount: 25000, funds_arrived: 10000, unit: '万元', cny_per_usd: null, rate_year: null, amount_cny_yi: 2.5, funds_cny_yi: 1, funds_pct: 40,
    signed_on: '2025-03-10', planned_start_on: '2025-05-01', started_on: null, in_cohort: true, honoured: true, started: false, start_overdue: true,
    visibility: 'public', stage_note: null, source: '郑州市商务局', note: null, release: '2025-06', ...o,
  };
}

describe('the ledger table', () => {
  const ledger = [
    ledgerRow({}),
    ledgerRow({
      project: 'ZZ-N1', name_zh: '金水外资研发中心', name_en: 'Zhengzhou', stage: 'negotiating', stage_rank: 1, origin: 'foreign', amount: 1200, funds_arrived: 300,
      unit: '万美元', cny_per_usd: 7.1, rate_year: 2024, amount_cny_yi: 0.852, funds_cny_yi: 0.213, funds_pct: 25, start_overdue: false, in_cohort: false,
      stage_note: '合同解除，重新洽谈', visibility: 'internal', planned_start_on: null,
    }),
  ];
  const hrefs = (code: string) => `/jurisdictions/${code}/`;

  it('a project a row, its amounts in its own unit and in yuan, its dates and what the rates count', () => {
    const html = ledgerTable({ rows: ledger, name: '郑州市', period: '2025-06', locale: 'zh-CN', internal: false, unitHref: hrefs });
    expect(text(html)).toContain('郑州市招商项目台账（2025年6月末，2个项目）');
    expect(rows(html)).toEqual([
      ['郑州智能装备产业园 ZZ-A', '郑州市', '先进制造业', '本地', '签约', '25,000万元', '10,000万元', '2.50 / 1.00', '40.0%', '2025-03-10', '2025-05-01', '—', '是', '计划开工日期已过，尚未开工'],
      ['金水外资研发中心 ZZ-N1', '郑州市', '先进制造业', '外资', '在谈', '1,200万美元', '300万美元', '0.85 / 0.21', '25.0%', '2025-03-10', '—', '—', '否', '合同解除，重新洽谈；美元按2024年平均汇率7.1折算'],
    ]);
    // the public site: no visibility column
    expect(html).not.toContain('公开范围');
    expect(html).toContain('class="table-wrap" tabindex="0"');
  });

  it('in English: the amounts in million yuan and million USD', () => {
    const r = rows(ledgerTable({ rows: ledger, name: 'Zhengzhou', period: '2025-06', locale: 'en', internal: false, unitHref: hrefs }));
    expect(r[0]!.slice(3, 9)).toEqual(['local', 'signed', '250 million yuan', '100 million yuan', '0.250 / 0.100', '40.0%']);
    expect(r[1]!.slice(5, 7)).toEqual(['12 million USD', '3 million USD']);
    expect(r[1]![13]).toBe('合同解除，重新洽谈; USD at 7.1 yuan (2024 average)');
  });

  it('on the internal site every project is marked public or internal', () => {
    const html = ledgerTable({ rows: ledger, name: '郑州市', period: '2025-06', locale: 'zh-CN', internal: true, unitHref: hrefs });
    expect(html).toContain('<th scope="col">公开范围</th>');
    expect(rows(html).map((r) => r[13])).toEqual(['公开', '内部']);
    expect(html).toContain('<tr data-project="ZZ-N1" class="project-internal">');
  });

  it('a long ledger is laid out when scrolled to', () => {
    const many = Array.from({ length: 21 }, (_, i) => ledgerRow({ project: `ZZ-${i}` }));
    expect(ledgerTable({ rows: many, name: '郑州市', period: '2025-06', locale: 'zh-CN', internal: false, unitHref: hrefs })).toContain('class="table-wrap defer" tabindex="0" style="--h:56.4rem"');
  });
});

describe('the rates against their targets (a jurisdiction page)', () => {
  const progressRow = (o: Partial<ProgressRow>) =>
    ({ jurisdiction: '410100', period: '2025-06', value: null, target_type: null, target_value: null, target_value_max: null, target_qualifier: null, verdict_kind: null, verdict_gap_pp: null, status: 'no_target', ...o }) as ProgressRow;
  const standings = [
    { rate: PROJECT_RATES[0]!, row: progressRow({ indicator: 'project_fulfilment_rate', value: 100, target_type: 'level', target_value: 80, target_qualifier: '以上', verdict_kind: 'level', verdict_gap_pp: 20, status: 'ahead' }) },
    { rate: PROJECT_RATES[1]!, row: progressRow({ indicator: 'project_start_rate', value: 50 }) },
    { rate: PROJECT_RATES[2]!, row: null },
  ];

  it('the figure, the target and the verdict through the one renderer, with its attributes', () => {
    const html = rateVerdictTable(unit, standings, 'zh-CN', (rate) => `#${rate.id}`);
    expect(rows(html)).toEqual([
      ['签约项目履约率', '100.0%', '80%以上', '高于目标20.0个百分点'],
      ['签约项目开工率', '50.0%', '—', '无目标'],
      // no row for the rate: the figure from the ledger's rates, no verdict
      ['签约项目资金到位率', '33.3%', '—', '—'],
    ]);
    expect(html).toContain('<td class="verdict status-ahead" data-jurisdiction="410100" data-indicator="project_fulfilment_rate" data-period="2025-06" data-status="ahead" data-gap-pp="20.0">');
  });
});

describe('downloads and the briefing', () => {
  it('names projects.csv and the rates’ rows of observations.csv', () => {
    const zh = text(projectsDownloads('2025-06', '410100', 'zh-CN'));
    expect(zh).toBe('本页数据（CSV）： projects.csv 中period为2025-06的行（410100及其下辖地区的项目，地区见 jurisdictions.csv ）；三率为 observations.csv 中indicator为project_fulfilment_rate、project_start_rate、project_funds_rate、period为2025-06的行。');
    expect(projectsDownloads('2025-06', '410100', 'en')).toContain('href="/data/projects.csv" download=""');
  });

  it('a briefing with projects says them and links the projects page; without, nothing', () => {
    const b: BriefingInput = {
      jurisdiction: { code: '410100', name_zh: '郑州市', name_en: 'Zhengzhou', level: 'prefecture' },
      parent: { code: '410000', name_zh: '河南省', name_en: 'Henan', level: 'province' },
      period: '2025-06', indicators: [], locale: 'zh-CN',
    };
    expect(briefingBody(b)).not.toContain('id="projects"');
    const withProjects = briefingBody({ ...b, projects: { unit, page: '410100' } });
    expect(text(withProjects)).toContain('招商项目 截至2025年6月末，郑州市在库招商项目6个');
    expect(withProjects).toContain('<a href="/projects/410100/">');
    expect(briefingBody({ ...b, projects: { unit, page: null } })).not.toContain('/projects/');
  });
});
