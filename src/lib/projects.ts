/**
 * The investment projects ledger (招商项目台账) and the three rates it is judged by (三率):
 * 履约率, 开工率 and 资金到位率. Defined once, here: the words for stages and origins, which
 * stages count as honoured and as started, the cohort, and the three rates' names and
 * definitions. The catalog's SQL (src/queries/projects.ts) is written from these lists, the
 * data build publishes the rates as observations of the indicators below, and the methodology
 * page and docs/data-format.md say the same words.
 *
 * Why these definitions: the bureaus' texts judge attracted-investment work by "签约项目的履约率、
 * 开工率和资金到位率" ("重点就看这'三率'") and push signed projects to "履约进资、开工建设" without
 * defining the rates further. So: a signed project is honoured (履约) once construction started
 * or money arrived (进资); 开工率 counts the started alone, so the two differ by the projects
 * that brought money before breaking ground.
 */
import type { Bilingual } from './i18n.ts';
import { PROJECT_STAGES, type Kind, type ProjectOrigin, type ProjectStage, type Unit } from './schema.ts';

export const STAGE_WORDS: Readonly<Record<ProjectStage, Bilingual>> = {
  planned: { zh: '谋划', en: 'planned' },
  negotiating: { zh: '在谈', en: 'in negotiation' },
  signed: { zh: '签约', en: 'signed' },
  started: { zh: '开工', en: 'started' },
  operating: { zh: '投产', en: 'operating' },
};

export const ORIGIN_WORDS: Readonly<Record<ProjectOrigin, Bilingual>> = {
  foreign: { zh: '外资', en: 'foreign' },
  other_province: { zh: '省外', en: 'other province' },
  local: { zh: '本地', en: 'local' },
};

/** A stage's place in the order planned (0) … operating (4). */
export const stageRank = (stage: ProjectStage): number => PROJECT_STAGES.indexOf(stage);

/** The stages at which a project has signed its contract. */
export const SIGNED_STAGES: readonly ProjectStage[] = ['signed', 'started', 'operating'];
/** The stages at which construction has started (开工, and 投产 after it). */
export const STARTED_STAGES: readonly ProjectStage[] = ['started', 'operating'];

/** Decimals of a published rate: the rates are published rounded to this, as shown. */
export const RATE_DECIMALS = 1;

export type ProjectRateId = 'project_fulfilment_rate' | 'project_start_rate' | 'project_funds_rate';

export interface ProjectRate {
  /** The indicator id the data build publishes the rate under. */
  id: ProjectRateId;
  /** The column of the projectRates query that holds it. */
  column: 'fulfilment_rate' | 'start_rate' | 'funds_rate';
  /** The bureaus' word: 履约率. */
  short: Bilingual;
  /** The indicator's name. */
  name: Bilingual;
  /** The formula in words. */
  definition: Bilingual;
}

/** The cohort every rate is over, in words. */
export const COHORT: Bilingual = {
  zh: '年内签约项目：签约日期在报告期所在年份内、且不晚于报告期末（1月至报告月）的项目，按各项目在报告期台账中的状态计；一个地区含其下辖各地的项目，全省含全部项目；阶段倒退的项目（注明原因）仍计入，按其倒退后的阶段计。',
  en: "Projects signed this year: projects whose contract was signed in the period's year, up to the end of the period (January to the month reported), each as the period's ledger states it; a unit counts its own projects and those of every unit under it, the province every project; a project whose stage went back (with its reason) stays in, at the stage it went back to.",
};

export const PROJECT_RATES: readonly ProjectRate[] = [
  {
    id: 'project_fulfilment_rate',
    column: 'fulfilment_rate',
    short: { zh: '履约率', en: 'fulfilment rate' },
    name: { zh: '签约项目履约率', en: 'Fulfilment rate of signed projects' },
    definition: {
      zh: '年内签约项目中已履约的项目数 ÷ 年内签约项目数 × 100%。已履约：已开工或已投产，或已有资金到位（累计到位资金大于0）。',
      en: 'Projects signed this year that are honoured ÷ projects signed this year × 100%. Honoured: construction started (or the project operates), or funds have arrived (funds arrived to date above 0).',
    },
  },
  {
    id: 'project_start_rate',
    column: 'start_rate',
    short: { zh: '开工率', en: 'start rate' },
    name: { zh: '签约项目开工率', en: 'Start rate of signed projects' },
    definition: {
      zh: '年内签约项目中已开工（含已投产）的项目数 ÷ 年内签约项目数 × 100%。',
      en: 'Projects signed this year whose construction has started (operating ones included) ÷ projects signed this year × 100%.',
    },
  },
  {
    id: 'project_funds_rate',
    column: 'funds_rate',
    short: { zh: '资金到位率', en: 'funds-arrival rate' },
    name: { zh: '签约项目资金到位率', en: 'Funds-arrival rate of signed projects' },
    definition: {
      zh: '年内签约项目累计到位资金之和 ÷ 其签约金额之和 × 100%，均折合人民币。到位资金可以超过签约金额，比率不封顶，可高于100%。',
      en: 'Funds arrived to date of the projects signed this year ÷ their amounts signed × 100%, both in yuan. Funds may exceed the amount signed: the rate is not capped and may exceed 100%.',
    },
  },
];

export const PROJECT_RATE_IDS: ReadonlySet<string> = new Set(PROJECT_RATES.map((r) => r.id));

/** Which projects a site covers: the projects pages say it under their tables too. */
export const VISIBILITY_NOTE: Bilingual = {
  zh: '公开版只含公开的项目：三率和各阶段项目数、金额只按公开项目计算；签约之前的谋划、在谈项目默认不公开。内部版含全部项目。',
  en: 'The public site covers public projects only: the rates and the counts and amounts by stage are computed over public projects; projects planned or in negotiation, before any contract is signed, are internal unless marked public. The internal site covers every project.',
};

/** Everything else a reader of the rates must know, in words. */
export const RATE_NOTES: readonly Bilingual[] = [
  {
    zh: '每期台账是完整的：一个项目在某月没有行，就不在该月的台账中。',
    en: "Each month's ledger is complete: a project without a row for a month is not in that month's ledger.",
  },
  {
    zh: '美元金额按报告期所在年份的年平均汇率折合人民币；当年汇率尚未公布时，用此前最近一年的汇率。',
    en: "Amounts in US dollars are converted at the annual average rate of the period's year, or of the latest year before it while that year's is not published.",
  },
  {
    zh: '比率四舍五入到一位小数后发布，排名、与目标比较均以发布值计。',
    en: 'Rates are published rounded to one decimal; ranks and targets are judged on the published rate.',
  },
  VISIBILITY_NOTE,
];

/** What indicators.csv would say about each rate: the data build adds these rows when it publishes rates. */
export const RATE_INDICATOR = {
  unit: '%' as Unit,
  kind: 'rate' as Kind,
  higher_is_better: true,
  additive: false,
  allow_negative: false,
  decimals: RATE_DECIMALS,
  visibility: 'public' as const,
  category: 'investment',
  source: '由项目台账计算（projects/） / computed from the projects ledger (projects/)',
};

/** An indicator's definition text: the rate's formula, then the cohort and the notes. */
export function rateDefinition(rate: ProjectRate): Bilingual {
  return {
    zh: [rate.definition.zh, COHORT.zh, ...RATE_NOTES.map((n) => n.zh)].join(''),
    en: [rate.definition.en, COHORT.en, ...RATE_NOTES.map((n) => n.en)].join(' '),
  };
}
