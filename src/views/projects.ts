/**
 * The investment projects ledger as pages show it: the funnel by stage (谋划 → 投产, counts and
 * amounts), the three rates (三率) of a unit and its subdivisions, the ledger table, and the
 * sentences a jurisdiction page and a briefing say about a unit's projects. Pure functions over
 * the catalog's projectFunnel, projectRates and projectLedger rows (src/queries/projects.ts);
 * the words for stages, origins and rates come from src/lib/projects.ts. The rates' maps,
 * rankings and verdicts are the rate indicators' own pages: these views link to them.
 */
import { formatAmount, formatMonth, formatPct, formatPeriod, formatTarget, formatValue } from '../lib/format.ts';
import { paren, pick, punct, type Locale } from '../lib/i18n.ts';
import { ORIGIN_WORDS, PROJECT_RATES, STAGE_WORDS, type ProjectRate } from '../lib/projects.ts';
import { type ProjectOrigin, type ProjectStage, type Unit } from '../lib/schema.ts';
import type { ProgressRow } from '../queries/progress.ts';
import type { ProjectFunnelRow, ProjectLedgerRow, ProjectRatesRow } from '../queries/projects.ts';
import { el, escapeText, textEl } from '../render/svg.ts';
import { verdictMarkup } from '../render/verdict.ts';
import { downloadHref } from '../site/paths.ts';
import { nameOf } from '../site/names.ts';
import { t } from '../site/strings.ts';

/** Sums of money are shown in 亿元 to the million yuan (two decimals), as the bureaus' ledgers do. */
const YI_DECIMALS = 2;

/** One unit's projects at one ledger month: its funnel (every stage, in order) and its rates (null: nothing signed this year). */
export interface UnitProjects {
  code: string;
  name_zh: string;
  name_en: string | null;
  /** The ledger month, YYYY-MM: the funnel is as at its end, the rates cover January to it. */
  period: string;
  funnel: readonly ProjectFunnelRow[];
  rates: ProjectRatesRow | null;
}

/** Gathers a unit's rows from the answers for every unit (the queries asked once per month, parent NULL). */
export function unitProjects(
  unit: { code: string; name_zh: string; name_en: string | null },
  period: string,
  funnel: readonly ProjectFunnelRow[],
  rates: readonly ProjectRatesRow[],
): UnitProjects | null {
  const own = funnel.filter((r) => r.jurisdiction === unit.code && r.period === period).sort((a, b) => a.stage_rank - b.stage_rank);
  if (own.length === 0) return null;
  return { ...unit, period, funnel: own, rates: rates.find((r) => r.jurisdiction === unit.code && r.period === period) ?? null };
}

/** The ledger month a briefing's period reads: the month itself, or a year's December. */
export const ledgerMonth = (period: string): string => (period.length === 4 ? `${period}-12` : period);

/**
 * A unit's projects at a period from the answers for every unit (its names from its own rows), or
 * null when the ledger has none of it there: the build and the browser's briefings both ask this.
 */
export function projectsOfUnit(code: string, period: string, funnel: readonly ProjectFunnelRow[], rates: readonly ProjectRatesRow[]): UnitProjects | null {
  const month = ledgerMonth(period);
  const own = funnel.find((r) => r.jurisdiction === code && r.period === month);
  return own ? unitProjects({ code, name_zh: own.name_zh, name_en: own.name_en }, month, funnel, rates) : null;
}

/** "2025年9月末" / "end of Sep 2025": the day a month's ledger stands at. */
export function monthEnd(period: string, locale: Locale): string {
  const [year, month] = [period.slice(0, 4), Number(period.slice(5, 7))];
  return locale === 'en' ? `end of ${formatMonth(month, locale)} ${year}` : `${year}年${month}月末`;
}

const stageWord = (stage: string, locale: Locale): string => pick(STAGE_WORDS[stage as ProjectStage], locale);
const originWord = (origin: string, locale: Locale): string => pick(ORIGIN_WORDS[origin as ProjectOrigin], locale);
const yi = (x: number | null, locale: Locale): string => (x === null ? '—' : formatValue(x, { unit: '亿元', decimals: YI_DECIMALS, locale }));
const yiBare = (x: number | null, locale: Locale): string => (x === null ? '—' : formatAmount(x, { unit: '亿元', decimals: YI_DECIMALS, locale }));
/** A column header with the unit of its cells: "金额（亿元）" / "Amount (billion yuan)". */
const withUnit = (label: string, locale: Locale): string => `${label}${paren(locale === 'en' ? 'billion yuan' : '亿元', locale)}`;
const linked = (text: string, href: string | null): string => (href ? el('a', { href }, escapeText(text)) : escapeText(text));

const W = {
  projects: { zh: '招商项目', en: 'Investment projects' },
  stage: { zh: '阶段', en: 'Stage' },
  projectCount: { zh: '项目数', en: 'Projects' },
  share: { zh: '占全部项目', en: 'Share of all projects' },
  amount: { zh: '金额', en: 'Amount' },
  amountSigned: { zh: '签约金额', en: 'Amount signed' },
  funds: { zh: '到位资金', en: 'Funds arrived' },
  signedThisYear: { zh: '其中年内签约', en: 'Of them signed this year' },
  cohort: { zh: '年内签约项目', en: 'Signed this year' },
  honoured: { zh: '已履约', en: 'Honoured' },
  started: { zh: '已开工', en: 'Started' },
  total: { zh: '合计', en: 'Total' },
  project: { zh: '项目', en: 'Project' },
  where: { zh: '所在地', en: 'Where' },
  sector: { zh: '行业', en: 'Sector' },
  origin: { zh: '来源', en: 'Origin' },
  inCny: { zh: '折合人民币：签约／到位', en: 'In yuan: signed / arrived' },
  fundsShare: { zh: '资金到位比例', en: 'Funds arrived / signed' },
  signedOn: { zh: '签约日期', en: 'Signed' },
  plannedStart: { zh: '计划开工', en: 'Planned start' },
  startedOn: { zh: '开工日期', en: 'Started' },
  inRates: { zh: '计入三率', en: 'In the rates' },
  notes: { zh: '说明', en: 'Notes' },
  visibility: { zh: '公开范围', en: 'Visibility' },
  public: { zh: '公开', en: 'public' },
  internal: { zh: '内部', en: 'internal' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  overdue: { zh: '计划开工日期已过，尚未开工', en: 'planned start passed, not started' },
  rate: { zh: '三率', en: 'Rate' },
} as const;
const w = (key: keyof typeof W, locale: Locale): string => pick(W[key], locale);

/** The words the pages use for the section and the page: "招商项目" / "Investment projects". */
export const projectsWord = (locale: Locale): string => w('projects', locale);

/** The projects at each stage with any, as the sentences and the briefing's table say them: "谋划3个", "3 planned". */
function stageCounts(u: UnitProjects, locale: Locale): string[] {
  return u.funnel.filter((r) => r.projects > 0).map((r) => (locale === 'en' ? `${r.projects} ${stageWord(r.stage, locale)}` : `${stageWord(r.stage, locale)}${r.projects}个`));
}

/**
 * What a unit's ledger says, in sentences: how many projects at each stage at the month's end,
 * and of those signed this year how many are honoured and started, with the amounts and the rates.
 */
export function projectSentences(u: UnitProjects, locale: Locale): string[] {
  const en = locale === 'en';
  const name = nameOf(u, locale);
  const total = u.funnel.reduce((s, r) => s + r.projects, 0);
  const stages = stageCounts(u, locale);
  const out = [
    en
      ? `At the ${monthEnd(u.period, locale)}, ${name} tracked ${total} investment project${total === 1 ? '' : 's'}${stages.length ? `: ${stages.join(', ')}` : ''}.`
      : `截至${monthEnd(u.period, locale)}，${name}在库招商项目${total}个${stages.length ? `：${stages.join('、')}` : ''}。`,
  ];
  const r = u.rates;
  const period = formatPeriod(u.period, locale);
  if (!r) {
    out.push(en ? `No project was signed in ${period}, so there are no rates.` : `${period}无签约项目，不计算三率。`);
    return out;
  }
  out.push(
    en
      ? `Of the ${r.cohort} project${r.cohort === 1 ? '' : 's'} signed in ${period} (${yi(r.amount_cny_yi, locale)}), ${r.honoured} ${r.honoured === 1 ? 'is' : 'are'} honoured and ${r.started} started; ${yi(r.funds_cny_yi, locale)} of funds have arrived.`
      : `${period}签约项目${r.cohort}个，签约金额${yi(r.amount_cny_yi, locale)}，已履约${r.honoured}个、已开工${r.started}个，累计到位资金${yi(r.funds_cny_yi, locale)}。`,
  );
  const rates = PROJECT_RATES.filter((rate) => r[rate.column] !== null).map((rate) => `${pick(rate.short, locale)}${en ? ' ' : ''}${formatPct(r[rate.column])}`);
  const said = rates.join(punct('comma', locale));
  out.push(`${en ? said.charAt(0).toUpperCase() + said.slice(1) : said}${punct('stop', locale)}`);
  return out;
}

/**
 * CSS for the funnel's bars, a thick top border (borders print, backgrounds do not by default),
 * and for an internal project's row on the internal site, a red edge beside its name (its
 * visibility cell says it in words).
 */
export const PROJECTS_CSS = `.funnel-bar{display:inline-block;vertical-align:middle;height:0;border-top:.75em solid #3b6ea5;margin-right:.4em}
td.funnel-share{min-width:10em;white-space:nowrap}
tr.project-internal th[scope="row"]{border-left:3px solid #a21b1b}`;

/** Width of the longest bar, em: the share column stays narrow enough for a phone. */
const BAR_EM = 7;

/**
 * The funnel: projects and amounts at each stage at the month's end, with a bar per stage for the
 * share of all projects (the bar is drawn for the eye, the share beside it says the same). Amounts
 * of stages where only some projects state one say how many do.
 */
export function funnelTable(u: UnitProjects, locale: Locale): string {
  const en = locale === 'en';
  const name = nameOf(u, locale);
  const total = u.funnel.reduce((s, r) => s + r.projects, 0);
  const sum = (xs: readonly (number | null)[]): number | null => (xs.every((x) => x === null) ? null : xs.reduce<number>((s, x) => s + (x ?? 0), 0));
  const amountCell = (amount: number | null, withAmount: number, projects: number): string =>
    amount === null
      ? '—'
      : `${yiBare(amount, locale)}${withAmount < projects ? paren(en ? `${withAmount} of ${projects} state one` : `${withAmount}个有金额`, locale) : ''}`;
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col' }, w('stage', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('projectCount', locale)),
    textEl('th', { scope: 'col' }, w('share', locale)),
    textEl('th', { scope: 'col', class: 'num' }, withUnit(w('amount', locale), locale)),
    textEl('th', { scope: 'col', class: 'num' }, withUnit(w('funds', locale), locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('signedThisYear', locale)),
  );
  const body = u.funnel.map((r) => {
    const share = total > 0 ? (100 * r.projects) / total : 0;
    return el(
      'tr',
      { 'data-stage': r.stage },
      textEl('th', { scope: 'row' }, stageWord(r.stage, locale)),
      textEl('td', { class: 'num' }, String(r.projects)),
      el(
        'td',
        { class: 'funnel-share' },
        el('span', { class: 'funnel-bar', style: `width:${((BAR_EM * share) / 100).toFixed(2)}em`, 'aria-hidden': 'true' }),
        escapeText(formatPct(share, 0)),
      ),
      textEl('td', { class: 'num' }, amountCell(r.amount_cny_yi, r.with_amount, r.projects)),
      textEl('td', { class: 'num' }, yiBare(r.funds_cny_yi, locale)),
      textEl('td', { class: 'num' }, String(r.signed_this_year)),
    );
  });
  const foot = el(
    'tr',
    {},
    textEl('th', { scope: 'row' }, w('total', locale)),
    textEl('td', { class: 'num' }, String(total)),
    textEl('td', {}, total > 0 ? formatPct(100, 0) : '—'),
    textEl(
      'td',
      { class: 'num' },
      amountCell(sum(u.funnel.map((r) => r.amount_cny_yi)), u.funnel.reduce((s, r) => s + r.with_amount, 0), total),
    ),
    textEl('td', { class: 'num' }, yiBare(sum(u.funnel.map((r) => r.funds_cny_yi)), locale)),
    textEl('td', { class: 'num' }, String(u.funnel.reduce((s, r) => s + r.signed_this_year, 0))),
  );
  const caption = en ? `${name}: projects by stage, ${monthEnd(u.period, locale)}` : `${name}各阶段招商项目（${monthEnd(u.period, locale)}）`;
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0' },
    el('table', { class: 'funnel' }, textEl('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...body), el('tfoot', {}, foot)),
  );
}

export interface RatesTableInput {
  parent: UnitProjects;
  /** The subdivisions with projects at the month, in the order to list them. */
  children: readonly UnitProjects[];
  locale: Locale;
  /** Where a rate's map, ranking and verdicts are (its indicator page for these units). */
  rateHref: (rate: ProjectRate) => string;
  /** A unit's page; null: it has none (its name is then not a link). */
  unitHref: (code: string) => string | null;
}

/** The three rates of a unit and of each of its subdivisions, with the counts and amounts they come from. */
export function ratesTable(v: RatesTableInput): string {
  const { locale } = v;
  const en = locale === 'en';
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col' }, t('jurisdiction', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('cohort', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('honoured', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('started', locale)),
    textEl('th', { scope: 'col', class: 'num' }, withUnit(w('amountSigned', locale), locale)),
    textEl('th', { scope: 'col', class: 'num' }, withUnit(w('funds', locale), locale)),
    ...PROJECT_RATES.map((rate) => el('th', { scope: 'col', class: 'num' }, el('a', { href: v.rateHref(rate) }, escapeText(pick(rate.short, locale))), escapeText(en ? ' (%)' : '（%）'))),
  );
  const row = (u: UnitProjects, self: boolean): string => {
    const r = u.rates;
    return el(
      'tr',
      { class: self ? 'self' : undefined, 'data-jurisdiction': u.code },
      el('th', { scope: 'row' }, linked(nameOf(u, locale), v.unitHref(u.code))),
      textEl('td', { class: 'num' }, String(r?.cohort ?? 0)),
      textEl('td', { class: 'num' }, r ? String(r.honoured) : '—'),
      textEl('td', { class: 'num' }, r ? String(r.started) : '—'),
      textEl('td', { class: 'num' }, yiBare(r?.amount_cny_yi ?? null, locale)),
      textEl('td', { class: 'num' }, yiBare(r?.funds_cny_yi ?? null, locale)),
      ...PROJECT_RATES.map((rate) => textEl('td', { class: 'num', 'data-indicator': rate.id }, r ? formatPct(r[rate.column]).replace('%', '') : '—')),
    );
  };
  const period = formatPeriod(v.parent.period, locale);
  const name = nameOf(v.parent, locale);
  const caption = en ? `Projects signed in ${period} and the three rates: ${name} and its subdivisions` : `${period}签约项目与三率：${name}及下辖地区`;
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0' },
    el('table', {}, textEl('caption', {}, caption), el('thead', {}, head), el('tbody', {}, row(v.parent, true), ...v.children.map((c) => row(c, false)))),
  );
}

export interface LedgerTableInput {
  rows: readonly ProjectLedgerRow[];
  /** The unit whose projects these are, and the month. */
  name: string;
  period: string;
  locale: Locale;
  /** The internal site: every project, each marked public or internal. */
  internal: boolean;
  unitHref: (code: string) => string | null;
}

/**
 * An amount as the ledger states it, in its unit and with the digits it was written with:
 * "25,000万元" / "250 million yuan", "5,222.4万元" / "52.224 million yuan". A stated figure like a
 * target, so formatted as one (a level without qualifier), which adds no digit nobody wrote.
 */
function statedAmount(x: number | null, unit: string | null, locale: Locale): string {
  if (x === null || unit === null) return '—';
  return formatTarget({ type: 'level', value: x, value_max: null, qualifier: null, unit: unit as Unit, decimals: 4 }, locale);
}

/** The ledger: one row per project at the month, as the query orders them (furthest stage first). */
export function ledgerTable(v: LedgerTableInput): string {
  const { locale } = v;
  const en = locale === 'en';
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col' }, w('project', locale)),
    textEl('th', { scope: 'col' }, w('where', locale)),
    textEl('th', { scope: 'col' }, w('sector', locale)),
    textEl('th', { scope: 'col' }, w('origin', locale)),
    textEl('th', { scope: 'col' }, w('stage', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('amountSigned', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('funds', locale)),
    textEl('th', { scope: 'col', class: 'num' }, withUnit(w('inCny', locale), locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('fundsShare', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('signedOn', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('plannedStart', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('startedOn', locale)),
    textEl('th', { scope: 'col' }, w('inRates', locale)),
    ...(v.internal ? [textEl('th', { scope: 'col' }, w('visibility', locale))] : []),
    textEl('th', { scope: 'col' }, w('notes', locale)),
  );
  const body = v.rows.map((r) => {
    const notes = [
      r.stage_note,
      r.start_overdue ? w('overdue', locale) : null,
      r.cny_per_usd !== null && r.rate_year !== null ? (en ? `USD at ${r.cny_per_usd} yuan (${r.rate_year} average)` : `美元按${r.rate_year}年平均汇率${r.cny_per_usd}折算`) : null,
      r.note,
    ].filter((x): x is string => !!x);
    return el(
      'tr',
      { 'data-project': r.project, class: r.visibility === 'internal' ? 'project-internal' : undefined },
      el('th', { scope: 'row' }, escapeText(nameOf(r, locale)), el('span', { class: 'meta' }, escapeText(` ${r.project}`))),
      el('td', {}, linked(en ? r.jurisdiction_name_en : r.jurisdiction_name_zh, v.unitHref(r.jurisdiction))),
      textEl('td', {}, r.sector ?? '—'),
      textEl('td', {}, originWord(r.origin, locale)),
      textEl('td', {}, stageWord(r.stage, locale)),
      textEl('td', { class: 'num' }, statedAmount(r.amount, r.unit, locale)),
      textEl('td', { class: 'num' }, statedAmount(r.funds_arrived ?? (r.unit ? 0 : null), r.unit, locale)),
      textEl('td', { class: 'num' }, r.amount_cny_yi === null ? '—' : `${yiBare(r.amount_cny_yi, locale)} / ${yiBare(r.funds_cny_yi, locale)}`),
      textEl('td', { class: 'num' }, formatPct(r.funds_pct)),
      textEl('td', { class: 'num' }, r.signed_on ?? '—'),
      textEl('td', { class: 'num' }, r.planned_start_on ?? '—'),
      textEl('td', { class: 'num' }, r.started_on ?? '—'),
      textEl('td', {}, w(r.in_cohort ? 'yes' : 'no', locale)),
      ...(v.internal ? [textEl('td', {}, w(r.visibility === 'internal' ? 'internal' : 'public', locale))] : []),
      textEl('td', { class: 'notes' }, notes.join(punct('semicolon', locale)) || '—'),
    );
  });
  const caption = en
    ? `${v.name}: the projects ledger, ${monthEnd(v.period, locale)} (${v.rows.length} project${v.rows.length === 1 ? '' : 's'})`
    : `${v.name}招商项目台账（${monthEnd(v.period, locale)}，${v.rows.length}个项目）`;
  // A long ledger is laid out when scrolled to (see .defer in the layout).
  const defer = v.rows.length > 20;
  return el(
    'div',
    { class: defer ? 'table-wrap defer' : 'table-wrap', tabindex: '0', style: defer ? `--h:${6 + v.rows.length * 2.4}rem` : undefined },
    el('table', { class: 'ledger' }, textEl('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...body)),
  );
}

/** Under the tables: the public files they come from and which of their rows they show. */
export function projectsDownloads(period: string, parent: string, locale: Locale): string {
  const link = (file: string): string => el('a', { href: downloadHref(file), download: true }, escapeText(file));
  const ids = PROJECT_RATES.map((r) => r.id);
  const parts =
    locale === 'en'
      ? [
          escapeText('The data of these tables as CSV: the rows of '), link('projects.csv'),
          escapeText(` with period ${period} (the projects of ${parent} and of the units under it, see `), link('jurisdictions.csv'),
          escapeText('); the three rates are the rows of '), link('observations.csv'),
          escapeText(` with indicator ${ids.join(', ')} and period ${period}.`),
        ]
      : [
          escapeText('本页数据（CSV）：'), link('projects.csv'),
          escapeText(`中period为${period}的行（${parent}及其下辖地区的项目，地区见`), link('jurisdictions.csv'),
          escapeText('）；三率为'), link('observations.csv'),
          escapeText(`中indicator为${ids.join('、')}、period为${period}的行。`),
        ];
  return el('p', { class: 'caption downloads', 'data-period': period, 'data-parent': parent }, ...parts);
}

/** One rate of a unit as a jurisdiction page shows it: the progress query's row for the rate at the month (null: no figure). */
export interface RateStanding {
  rate: ProjectRate;
  row: ProgressRow | null;
}

/**
 * A unit's rates against their targets: the figure, the target and the verdict, each verdict
 * through the one renderer (the same row the page's other tables print, so the same attributes).
 */
export function rateVerdictTable(u: UnitProjects, standings: readonly RateStanding[], locale: Locale, rateHref: (rate: ProjectRate) => string): string {
  const en = locale === 'en';
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col' }, w('rate', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('value', locale)),
    textEl('th', { scope: 'col' }, t('target', locale)),
    textEl('th', { scope: 'col' }, t('status', locale)),
  );
  const body = standings.map(({ rate, row }) => {
    const value = row?.value ?? u.rates?.[rate.column] ?? null;
    const target = row?.target_type
      ? formatTarget({ type: row.target_type, value: row.target_value, value_max: row.target_value_max, qualifier: row.target_qualifier, unit: '%', decimals: 1 }, locale)
      : '—';
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, el('a', { href: rateHref(rate) }, escapeText(pick(rate.name, locale)))),
      textEl('td', { class: 'num' }, formatPct(value)),
      textEl('td', {}, target),
      row ? verdictMarkup(row, locale, { tag: 'td' }) : textEl('td', {}, '—'),
    );
  });
  const caption = en ? `${nameOf(u, locale)}: the three rates, ${formatPeriod(u.period, locale)}` : `${nameOf(u, locale)}三率（${formatPeriod(u.period, locale)}）`;
  return el('div', { class: 'table-wrap', tabindex: '0' }, el('table', {}, textEl('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...body)));
}

/**
 * The numbers the projects sentences say, in one row, each printed by the same call as in the
 * sentence (stageCounts, yiBare, formatPct): the projects at the month's end and at each stage,
 * then those signed this year, their amount, how many are honoured and started, the funds
 * arrived and the three rates. One row, not the projects page's funnel: on paper the briefing
 * has two sheets.
 */
function briefingProjectsTable(u: UnitProjects, locale: Locale): string {
  const en = locale === 'en';
  const r = u.rates;
  const total = u.funnel.reduce((s, x) => s + x.projects, 0);
  // the unit heads its row, as in every other table, so that on a phone it stays in view while the row scrolls
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col' }, t('jurisdiction', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('projectCount', locale)),
    textEl('th', { scope: 'col' }, w('stage', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('cohort', locale)),
    textEl('th', { scope: 'col', class: 'num' }, withUnit(w('amountSigned', locale), locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('honoured', locale)),
    textEl('th', { scope: 'col', class: 'num' }, w('started', locale)),
    textEl('th', { scope: 'col', class: 'num' }, withUnit(w('funds', locale), locale)),
    ...PROJECT_RATES.map((rate) => textEl('th', { scope: 'col', class: 'num' }, `${pick(rate.short, locale)}${en ? ' (%)' : '（%）'}`)),
  );
  const body = el(
    'tr',
    {},
    textEl('th', { scope: 'row' }, nameOf(u, locale)),
    textEl('td', { class: 'num' }, String(total)),
    textEl('td', {}, stageCounts(u, locale).join(en ? ', ' : '、') || '—'),
    textEl('td', { class: 'num' }, String(r?.cohort ?? 0)),
    textEl('td', { class: 'num' }, yiBare(r?.amount_cny_yi ?? null, locale)),
    textEl('td', { class: 'num' }, r ? String(r.honoured) : '—'),
    textEl('td', { class: 'num' }, r ? String(r.started) : '—'),
    textEl('td', { class: 'num' }, yiBare(r?.funds_cny_yi ?? null, locale)),
    ...PROJECT_RATES.map((rate) => textEl('td', { class: 'num', 'data-indicator': rate.id }, r && r[rate.column] !== null ? formatPct(r[rate.column]).replace('%', '') : '—')),
  );
  const period = formatPeriod(u.period, locale);
  const caption = en
    ? `${nameOf(u, locale)}: projects at the ${monthEnd(u.period, locale)}; signed in ${period} and the three rates`
    : `${nameOf(u, locale)}招商项目：${monthEnd(u.period, locale)}在库，${period}签约与三率`;
  return el('div', { class: 'table-wrap', tabindex: '0' }, el('table', { class: 'briefing-projects-numbers' }, textEl('caption', {}, caption), el('thead', {}, head), el('tbody', {}, body)));
}

/** A briefing's projects section: the sentences, the numbers they say and, where there is one, the link to the projects page. */
export function briefingProjects(u: UnitProjects, pageHref: string | null, locale: Locale): string {
  const en = locale === 'en';
  return el(
    'section',
    { class: 'briefing-projects', id: 'projects', 'aria-labelledby': 'b-projects' },
    textEl('h2', { id: 'b-projects' }, w('projects', locale)),
    textEl('p', {}, projectSentences(u, locale).join(en ? ' ' : '')),
    briefingProjectsTable(u, locale),
    // a link does nothing on paper, where the briefing has two sheets
    pageHref ? el('p', { class: 'no-print' }, el('a', { href: pageHref }, escapeText(en ? 'The funnel, the rates by subdivision and the ledger' : '项目漏斗、各地区三率与项目台账'))) : '',
  );
}
