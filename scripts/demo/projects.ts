/**
 * The demo's investment projects ledger (招商项目台账), 2024 and 2025: projects appear planned or
 * in negotiation (or straight at a signing ceremony, 集中签约), most sign, most of those start and
 * some go on to operate, with funds arriving month by month; every month's ledger lists every
 * project still tracked. Invented, like every figure of the demo. Deliberately included, so that
 * the site has them to show: projects signed long ago and never started (their planned start
 * past), projects with no funds yet, projects in US dollars, funds above the amount signed,
 * internal projects (besides those in negotiation, which are internal by default), a contract
 * cancelled back to negotiation and a construction stop back to signed, each with its reason.
 */
import type { ProjectOrigin, ProjectStage } from '../../src/lib/schema.ts';
import { formatNumber } from './csv.ts';
import { LAST_PERIOD, periodsOf } from './calendar.ts';
import { cityShare } from './indicators.ts';
import { rng, type Rng } from './prng.ts';
import { type DemoUnit, PROVINCE } from './units.ts';

/** The ledger's years: the ledger starts in 2024. */
export const LEDGER_YEARS = [2024, 2025] as const;
const PROJECT_COUNT = 150;
export const PROJECT_SOURCE = 'synthetic: scripts/make-demo-data.ts（示例数据，合成）';

export interface ProjectRow {
  [column: string]: string;
  project: string;
  period: string;
  name_zh: string;
  name_en: string;
  jurisdiction: string;
  sector: string;
  origin: string;
  stage: string;
  amount: string;
  funds_arrived: string;
  unit: string;
  signed_on: string;
  planned_start_on: string;
  started_on: string;
  visibility: string;
  stage_note: string;
  source: string;
  note: string;
}

const THEMES: readonly { zh: string; en: string; sector: string }[] = [
  { zh: '智能装备产业园', en: 'smart equipment park', sector: '先进制造业' },
  { zh: '冷链物流园', en: 'cold-chain logistics park', sector: '现代物流' },
  { zh: '新能源电池', en: 'new-energy battery plant', sector: '新能源' },
  { zh: '数据中心', en: 'data centre', sector: '数字经济' },
  { zh: '文旅综合体', en: 'culture and tourism complex', sector: '文化旅游' },
  { zh: '食品精深加工', en: 'food processing plant', sector: '食品加工' },
  { zh: '生物医药产业园', en: 'biomedicine park', sector: '生物医药' },
  { zh: '跨境电商产业园', en: 'cross-border e-commerce park', sector: '电子商务' },
  { zh: '汽车零部件', en: 'auto parts plant', sector: '汽车制造' },
  { zh: '新材料', en: 'new materials plant', sector: '新材料' },
  { zh: '商贸综合体', en: 'commercial complex', sector: '商贸流通' },
  { zh: '现代农业产业园', en: 'modern agriculture park', sector: '现代农业' },
  { zh: '总部基地', en: 'headquarters base', sector: '总部经济' },
  { zh: '光伏组件', en: 'solar module plant', sector: '新能源' },
  { zh: '装配式建筑', en: 'prefabricated building plant', sector: '绿色建材' },
  { zh: '电子信息产业园', en: 'electronics park', sector: '电子信息' },
];

/** A month as a number (year × 12 + month − 1), and back. */
const monthOf = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const periodOf = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const dayIn = (m: number, r: Rng) => `${periodOf(m)}-${String(r.int(1, 28)).padStart(2, '0')}`;

/** What happens to one project, in months; null: never. */
interface Life {
  id: string;
  /** Where the project is. */
  place: DemoUnit;
  origin: ProjectOrigin;
  theme: (typeof THEMES)[number];
  phase: number;
  appears: number;
  firstStage: ProjectStage;
  negotiates: number | null;
  signs: number | null;
  starts: number | null;
  operates: number | null;
  /** Last month in the ledger (dropped negotiations leave it). */
  leaves: number;
  /** Amount in its unit, and the unit. */
  amount: number;
  unit: '万元' | '亿元' | '万美元';
  /** Share of the amount arriving per month after signing; the cap (above 1: funds exceed it). */
  fundsPerMonth: number;
  fundsCap: number;
  /** Months after signing before the first funds arrive. */
  fundsDelay: number;
  internal: boolean;
  /** A stage that went back: from month, back to stage, with reason, until month (null: stays). */
  setback: { from: number; to: ProjectStage; note: string; until: number | null } | null;
  days: { sign: string; start: string; plannedStart: string };
}

function pickUnit(r: Rng, cities: readonly DemoUnit[], units: readonly DemoUnit[]): DemoUnit {
  const weights = cities.map((c) => cityShare(c.code, 'investment'));
  let x = r.next() * weights.reduce((a, b) => a + b, 0);
  let city = cities[0]!;
  for (const [i, c] of cities.entries()) {
    x -= weights[i]!;
    if (x <= 0) {
      city = c;
      break;
    }
  }
  const counties = units.filter((u) => u.parent === city.code && u.level === 'county');
  return counties.length > 0 && r.next() < 0.65 ? r.pick(counties) : city;
}

function lifeOf(seed: number, i: number, cities: readonly DemoUnit[], units: readonly DemoUnit[], first: number, last: number): Omit<Life, 'phase' | 'id'> {
  const r = rng(seed, 'project', i);
  const unit = pickUnit(r, cities, units);
  const o = r.next();
  const origin: ProjectOrigin = o < 0.15 ? 'foreign' : o < 0.6 ? 'other_province' : 'local';
  const theme = r.pick(THEMES);
  // Signing ceremonies (集中签约) bring projects into the ledger already signed.
  const appears = first + r.int(0, last - first - 1);
  const atCeremony = r.next() < 0.3;
  const firstStage: ProjectStage = atCeremony ? 'signed' : r.next() < 0.5 ? 'planned' : 'negotiating';
  const negotiates = firstStage === 'planned' ? appears + r.int(1, 3) : firstStage === 'negotiating' ? appears : null;
  const signs = atCeremony ? appears : r.next() < 0.75 ? (negotiates ?? appears) + r.int(1, 4) : null;
  const starts = signs !== null && r.next() < 0.8 ? signs + r.int(1, 4) : null;
  const operates = starts !== null && r.next() < 0.7 ? starts + r.int(8, 14) : null;
  // A negotiation that fails is dropped from the ledger some months later, or left open.
  const leaves = signs === null && r.next() < 0.5 ? (negotiates ?? appears) + r.int(3, 8) : last;
  const amount =
    origin === 'foreign' ? Math.round(r.int(500, 9000) * 10) / 10 : r.next() < 0.2 ? r.int(10, 80) / 2 : Math.round(r.lognormal(0.9) * 30000 * 10) / 10;
  const unit_ = origin === 'foreign' ? '万美元' : amount < 100 ? '亿元' : '万元';
  return {
    place: unit,
    origin,
    theme,
    appears,
    firstStage,
    negotiates,
    signs,
    starts,
    operates,
    leaves,
    amount,
    unit: unit_,
    fundsPerMonth: 0.02 + 0.1 * r.next(),
    fundsCap: r.next() < 0.08 ? 1.1 + 0.2 * r.next() : 1,
    fundsDelay: r.next() < 0.25 ? r.int(4, 12) : r.int(0, 2),
    internal: false,
    setback: null,
    days: { sign: dayIn(signs ?? appears, r), start: dayIn(starts ?? appears, r), plannedStart: dayIn((signs ?? appears) + r.int(1, 4), r) },
  };
}

/** Every project's life; a few are set up by hand to show what a ledger must handle. */
export function projectLives(seed: number, units: readonly DemoUnit[]): Life[] {
  const cities = units.filter((u) => u.parent === PROVINCE && u.level === 'prefecture');
  const periods = periodsOf(LEDGER_YEARS);
  const first = monthOf(periods[0]!) - 1; // January: published with February
  const last = monthOf(LAST_PERIOD);
  const lives: Life[] = [];
  const names = new Map<string, number>();
  for (let i = 0; i < PROJECT_COUNT; i++) {
    const life = lifeOf(seed, i, cities, units, first, last);
    const name = `${life.place.code}${life.theme.zh}`;
    const phase = (names.get(name) ?? 0) + 1;
    names.set(name, phase);
    const year = Math.floor((life.signs ?? life.appears) / 12);
    lives.push({ ...life, phase, id: `HN${year}-${String(i + 1).padStart(3, '0')}` });
  }
  const signedEarly = lives.filter((l) => l.signs !== null && l.signs < first + 6 && l.origin !== 'foreign');
  // Stalled: signed in the first months of 2024, never started; its planned start long past.
  for (const l of signedEarly.slice(0, 3)) Object.assign(l, { starts: null, operates: null, fundsDelay: 40 });
  // A cancelled contract, back to negotiation a few months after signing, and staying there.
  const cancelled = signedEarly[3]!;
  Object.assign(cancelled, { starts: null, operates: null, setback: { from: cancelled.signs! + 4, to: 'negotiating', note: '合同解除，重新洽谈', until: null } });
  // A construction stop: back to signed for three months, then building again.
  const stopped = lives.find((l) => l.starts !== null && l.starts < last - 8 && l.operates === null)!;
  stopped.setback = { from: stopped.starts! + 2, to: 'signed', note: '停工整改', until: stopped.starts! + 5 };
  // Internal after signing: projects the bureau tracks but may not name.
  for (const l of lives.filter((x) => x.signs !== null && x !== cancelled && x !== stopped).slice(5, 9)) l.internal = true;
  return lives;
}

function stageAt(l: Life, m: number): ProjectStage {
  let stage: ProjectStage = l.firstStage;
  if (l.negotiates !== null && m >= l.negotiates && stage === 'planned') stage = 'negotiating';
  if (l.signs !== null && m >= l.signs) stage = 'signed';
  if (l.starts !== null && m >= l.starts) stage = 'started';
  if (l.operates !== null && m >= l.operates) stage = 'operating';
  if (l.setback && m >= l.setback.from && (l.setback.until === null || m < l.setback.until)) stage = l.setback.to;
  return stage;
}

/** The ledger rows of one release's month, by jurisdiction and project. */
export function projectRows(lives: readonly Life[], period: string): ProjectRow[] {
  const m = monthOf(period);
  const rows: ProjectRow[] = [];
  for (const l of lives) {
    if (m < l.appears || m > l.leaves) continue;
    const stage = stageAt(l, m);
    const signed = l.signs !== null && m >= l.signs;
    const started = l.starts !== null && m >= l.starts;
    const wentBack = l.setback !== null && m >= l.setback.from && (l.setback.until === null || m < l.setback.until);
    // Funds stop arriving when a contract is cancelled.
    const fundedTo = l.setback?.to === 'negotiating' && m >= l.setback.from ? l.setback.from - 1 : m;
    const monthsFunded = signed ? Math.max(0, fundedTo - l.signs! - l.fundsDelay + 1) : 0;
    const decimals = l.unit === '亿元' ? 2 : 1;
    const funds = signed ? Math.min(l.fundsCap, l.fundsPerMonth * monthsFunded) * l.amount : null;
    const suffix = l.phase > 1 ? `（${'一二三四五'[l.phase - 1]}期）` : '';
    rows.push({
      project: l.id,
      period,
      name_zh: `${l.place.nameZh}${l.theme.zh}项目${suffix}`,
      name_en: `${l.place.nameEn} ${l.theme.en}${l.phase > 1 ? `, phase ${l.phase}` : ''}`,
      jurisdiction: l.place.code,
      sector: l.theme.sector,
      origin: l.origin,
      stage,
      amount: stage === 'planned' ? '' : formatNumber(l.amount, decimals),
      funds_arrived: funds === null ? '' : formatNumber(funds, decimals),
      unit: stage === 'planned' ? '' : l.unit,
      signed_on: signed ? l.days.sign : '',
      planned_start_on: signed ? l.days.plannedStart : '',
      started_on: started ? l.days.start : '',
      visibility: l.internal ? 'internal' : '',
      stage_note: wentBack ? l.setback!.note : '',
      source: PROJECT_SOURCE,
      note: '',
    });
  }
  return rows.sort((a, b) => (a.jurisdiction !== b.jurisdiction ? (a.jurisdiction < b.jurisdiction ? -1 : 1) : a.project < b.project ? -1 : 1));
}

/** The ledger's months: every release of the ledger's years. */
export const ledgerPeriods = (): string[] => periodsOf(LEDGER_YEARS);

/** Targets for the three rates: the province's and every city's, each year of the ledger. */
export function rateTargetRows(year: number, units: readonly DemoUnit[]): Record<string, string>[] {
  const targets = [
    { indicator: 'project_fulfilment_rate', value: '80', note: '签约项目履约率80%以上' },
    { indicator: 'project_start_rate', value: '60', note: '签约项目开工率60%以上' },
    { indicator: 'project_funds_rate', value: '30', note: '签约项目资金到位率30%以上' },
  ];
  return units
    .filter((u) => u.code === PROVINCE || (u.parent === PROVINCE && u.level === 'prefecture'))
    .flatMap((u) =>
      targets.map((t) => ({
        jurisdiction: u.code,
        indicator: t.indicator,
        year: String(year),
        type: 'level',
        value: t.value,
        qualifier: '以上',
        source: `synthetic: 示例数据（合成），模拟《河南省${year}年招商引资工作目标》`,
        note: t.note,
      })),
    );
}
