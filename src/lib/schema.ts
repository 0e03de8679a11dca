/**
 * The data package's tables, as a statistician edits them. Single source of truth for the
 * validator, the data build (typed CSV loading, datapackage.json) and the docs.
 */

export type ColumnType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime';

export interface Column {
  name: string;
  type: ColumnType;
  required: boolean; // a required column must be present in the header
  nonEmpty?: boolean; // every row must have a value
  enum?: readonly string[];
  /** Words people write for an enum value (the Chinese term, say), named in the fix: "write signed". */
  synonyms?: Readonly<Record<string, string>>;
  description: string;
}

export interface Table {
  /** File name or glob relative to the data directory. */
  path: string;
  columns: readonly Column[];
  /** Columns that identify a row within one file. */
  key: readonly string[];
  description: string;
}

export const LEVELS = ['country', 'province', 'prefecture', 'county', 'town', 'special'] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS = ['ytd_flow', 'stock', 'rate', 'count'] as const;
export type Kind = (typeof KINDS)[number];

export const VISIBILITY = ['public', 'internal'] as const;
/**
 * level (a value in the indicator's unit), growth (a % growth rate), qualitative (the document
 * sets a target in words only) or none (the document was checked and sets none). The last two
 * have no value: the pages say so rather than showing the unit as without a target.
 */
export const TARGET_TYPES = ['level', 'growth', 'qualitative', 'none'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
/** Target types that carry a number. */
export const NUMERIC_TARGET_TYPES: readonly TargetType[] = ['level', 'growth'];

/** Flags on an observation. `c` and `na` require an empty value; the others require a value. */
export const FLAGS = ['', 'p', 'r', 'e', 'c', 'na'] as const;
export type Flag = (typeof FLAGS)[number];
export const FLAGS_WITHOUT_VALUE: readonly Flag[] = ['c', 'na'];

/** Qualifiers seen in target texts: 以上 at least, 左右 about, 以内 at most, 力争 strive for. */
export const TARGET_QUALIFIERS = ['', '以上', '左右', '以内', '力争', '区间'] as const;

/** Units an indicator may declare, with what a value of 1 means in base units. */
export const UNITS = {
  '亿元': { currency: 'CNY', scale: 1e8 },
  '万元': { currency: 'CNY', scale: 1e4 },
  '元': { currency: 'CNY', scale: 1 },
  '亿美元': { currency: 'USD', scale: 1e8 },
  '万美元': { currency: 'USD', scale: 1e4 },
  '美元': { currency: 'USD', scale: 1 },
  '家': { currency: null, scale: 1 },
  '个': { currency: null, scale: 1 },
  '户': { currency: null, scale: 1 },
  '人': { currency: null, scale: 1 },
  '万人': { currency: null, scale: 1e4 },
  '%': { currency: null, scale: 1 },
  '元/人': { currency: 'CNY', scale: 1 },
} as const;
export type Unit = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as Unit[];

const bool = ['true', 'false'] as const;

export const jurisdictions: Table = {
  path: 'jurisdictions.csv',
  key: ['code', 'valid_from'],
  description: 'Every reporting unit: administrative divisions (GB/T 2260 codes) and special units.',
  columns: [
    { name: 'code', type: 'string', required: true, nonEmpty: true, description: 'Six-digit GB/T 2260 code, or a stable code of our own for units without one.' },
    { name: 'parent', type: 'string', required: true, description: 'Code of the unit it reports to; empty only for the root.' },
    { name: 'level', type: 'string', required: true, nonEmpty: true, enum: LEVELS, description: 'country, province, prefecture, county, town or special.' },
    { name: 'name_zh', type: 'string', required: true, nonEmpty: true, description: 'Chinese name.' },
    { name: 'name_en', type: 'string', required: true, description: 'English name; empty falls back to the Chinese name.' },
    { name: 'valid_from', type: 'date', required: true, description: 'First day the code is valid (YYYY-MM-DD); empty means always.' },
    { name: 'valid_to', type: 'date', required: true, description: 'Last day the code is valid (YYYY-MM-DD); empty means still valid.' },
  ],
};

export const indicators: Table = {
  path: 'indicators.csv',
  key: ['id'],
  description: 'What is measured, in which unit, and how to read it.',
  columns: [
    { name: 'id', type: 'string', required: true, nonEmpty: true, description: 'Stable id: lower case letters, digits and _.' },
    { name: 'name_zh', type: 'string', required: true, nonEmpty: true, description: 'Chinese name.' },
    { name: 'name_en', type: 'string', required: true, nonEmpty: true, description: 'English name.' },
    { name: 'unit', type: 'string', required: true, nonEmpty: true, enum: UNIT_NAMES, description: 'Unit of every value of this indicator.' },
    { name: 'kind', type: 'string', required: true, nonEmpty: true, enum: KINDS, description: 'ytd_flow (year-to-date cumulative), stock (level at a date), rate (a ratio or %), count.' },
    { name: 'higher_is_better', type: 'boolean', required: true, nonEmpty: true, enum: bool, description: 'false flips ranks and pace.' },
    { name: 'additive', type: 'boolean', required: true, nonEmpty: true, enum: bool, description: 'true when children may be summed and compared with the parent.' },
    { name: 'allow_negative', type: 'boolean', required: true, nonEmpty: true, enum: bool, description: 'false refuses negative values.' },
    { name: 'decimals', type: 'integer', required: true, nonEmpty: true, description: 'Decimals shown on the site.' },
    { name: 'visibility', type: 'string', required: true, nonEmpty: true, enum: VISIBILITY, description: 'internal indicators never reach a public file.' },
    { name: 'category', type: 'string', required: true, description: 'Grouping on the site (consumption, trade, investment, economy).' },
    { name: 'definition_zh', type: 'string', required: true, description: 'Definition in Chinese.' },
    { name: 'definition_en', type: 'string', required: true, description: 'Definition in English.' },
    { name: 'source', type: 'string', required: true, description: 'Who publishes it.' },
  ],
};

export const releases: Table = {
  path: 'releases.csv',
  key: ['id'],
  description: 'One row per observations file: when it may be published and where it comes from.',
  columns: [
    { name: 'id', type: 'string', required: true, nonEmpty: true, description: 'Release id; the observations file is observations/<id>.csv.' },
    { name: 'published_at', type: 'datetime', required: true, nonEmpty: true, description: 'ISO 8601 with offset, e.g. 2025-07-15T10:00:00+08:00. Before it the release is embargoed.' },
    { name: 'title', type: 'string', required: true, nonEmpty: true, description: 'Title of the release.' },
    { name: 'title_en', type: 'string', required: false, description: 'English title; empty shows the title on English pages.' },
    { name: 'source', type: 'string', required: false, description: 'Publisher and address of the original.' },
    { name: 'notes', type: 'string', required: false, description: 'Anything a reader should know.' },
  ],
};

export const observations: Table = {
  path: 'observations/*.csv',
  key: ['jurisdiction', 'indicator', 'period'],
  description: 'The figures of one release. Exactly these columns.',
  columns: [
    { name: 'jurisdiction', type: 'string', required: true, nonEmpty: true, description: 'Jurisdiction code.' },
    { name: 'indicator', type: 'string', required: true, nonEmpty: true, description: 'Indicator id.' },
    { name: 'period', type: 'string', required: true, nonEmpty: true, description: 'YYYY (year) or YYYY-MM (January to MM, cumulative).' },
    { name: 'value', type: 'number', required: true, description: 'Plain number in the indicator\'s unit; empty only with flag c or na.' },
    { name: 'yoy_pct', type: 'number', required: true, description: 'Published year-on-year growth in %, as published; empty if none.' },
    { name: 'flag', type: 'string', required: true, enum: FLAGS, description: 'empty, p preliminary, r revised, e estimated, c suppressed, na not available.' },
    { name: 'note', type: 'string', required: true, description: 'Free text, e.g. the row\'s own source.' },
  ],
};

export const targets: Table = {
  path: 'targets/*.csv',
  key: ['jurisdiction', 'indicator', 'year'],
  description: 'Annual targets assigned at the start of a year.',
  columns: [
    { name: 'jurisdiction', type: 'string', required: true, nonEmpty: true, description: 'Jurisdiction code.' },
    { name: 'indicator', type: 'string', required: true, nonEmpty: true, description: 'Indicator id.' },
    { name: 'year', type: 'integer', required: true, nonEmpty: true, description: 'Target year; must match the file name.' },
    { name: 'type', type: 'string', required: true, nonEmpty: true, enum: TARGET_TYPES, description: 'level (a value in the indicator\'s unit), growth (a % growth rate), qualitative (a target in words only) or none (the document sets none).' },
    { name: 'value', type: 'number', required: true, description: 'The target, a plain number (the lower bound for 区间); empty exactly for qualitative and none.' },
    { name: 'value_max', type: 'number', required: false, description: 'Upper bound of a 区间 (range) target; empty otherwise.' },
    { name: 'qualifier', type: 'string', required: true, enum: TARGET_QUALIFIERS, description: '以上, 左右, 以内, 力争, 区间 (value is the lower bound, value_max the upper) or empty.' },
    { name: 'source', type: 'string', required: true, description: 'Document that sets the target.' },
    { name: 'note', type: 'string', required: false, description: 'The original wording, or anything else.' },
  ],
};

export const exchangeRates: Table = {
  path: 'exchange_rates.csv',
  key: ['year', 'currency'],
  description: 'Annual average exchange rates: how many CNY one unit of the currency buys. The only way USD and CNY figures are combined.',
  columns: [
    { name: 'year', type: 'integer', required: true, nonEmpty: true, description: 'Year.' },
    { name: 'currency', type: 'string', required: true, nonEmpty: true, enum: ['USD'], description: 'Currency code.' },
    { name: 'cny_per_unit', type: 'number', required: true, nonEmpty: true, description: 'CNY per one unit of the currency (annual average).' },
    { name: 'source', type: 'string', required: true, nonEmpty: true, description: 'Where the rate comes from.' },
  ],
};

export const geoMaps: Table = {
  path: 'geo/maps.csv',
  key: ['parent'],
  description: 'Which boundary file draws the children of which jurisdiction, and what must be printed under it.',
  columns: [
    { name: 'parent', type: 'string', required: true, nonEmpty: true, description: 'The jurisdiction whose children the map shows.' },
    { name: 'file', type: 'string', required: true, nonEmpty: true, description: 'TopoJSON file in data/geo/, one object named "units", feature id = jurisdiction code.' },
    { name: 'attribution_zh', type: 'string', required: true, nonEmpty: true, description: 'Source of the boundaries, printed under the map (Chinese).' },
    { name: 'attribution_en', type: 'string', required: true, nonEmpty: true, description: 'Same, English.' },
    { name: 'approval_number', type: 'string', required: true, description: '审图号 of approved standard boundaries; empty prints "not an approved map".' },
  ],
};

/**
 * An investment project's stage, in order (谋划, 在谈, 签约, 开工, 投产). A project moves forward
 * through them; a row whose stage is before the project's previous one must say why (stage_note).
 */
export const PROJECT_STAGES = ['planned', 'negotiating', 'signed', 'started', 'operating'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
/** Where the investor comes from: abroad (外资), another province (省外), or this province (本地). */
export const PROJECT_ORIGINS = ['foreign', 'other_province', 'local'] as const;
export type ProjectOrigin = (typeof PROJECT_ORIGINS)[number];
/** The units an amount of money may be stated in: the money units of UNITS (not 元/人). */
export const MONEY_UNITS = UNIT_NAMES.filter((u) => UNITS[u].currency !== null && u !== '元/人');

export const projects: Table = {
  path: 'projects/*.csv',
  key: ['project', 'period'],
  description: 'The investment projects ledger (招商项目台账): one row per project per month, as of the end of the month. The file is named after the release that publishes it.',
  columns: [
    { name: 'project', type: 'string', required: true, nonEmpty: true, description: 'Stable project id: a letter, then letters, digits, _ and -, e.g. ZZ-2025-001.' },
    { name: 'period', type: 'string', required: true, nonEmpty: true, description: 'YYYY-MM: the month whose end the row describes.' },
    { name: 'name_zh', type: 'string', required: true, nonEmpty: true, description: 'Chinese name of the project.' },
    { name: 'name_en', type: 'string', required: false, description: 'English name; empty shows the Chinese name.' },
    { name: 'jurisdiction', type: 'string', required: true, nonEmpty: true, description: 'Jurisdiction code where the project is (valid at the end of the period).' },
    { name: 'sector', type: 'string', required: true, description: 'Industry or sector, as the bureau names it (先进制造业, 现代物流 …).' },
    {
      name: 'origin', type: 'string', required: true, nonEmpty: true, enum: PROJECT_ORIGINS,
      synonyms: { 外资: 'foreign', 境外: 'foreign', 外商投资: 'foreign', 省外: 'other_province', 省外资金: 'other_province', 本地: 'local', 省内: 'local', 本省: 'local' },
      description: 'foreign (外资), other_province (省外) or local (本地).',
    },
    {
      name: 'stage', type: 'string', required: true, nonEmpty: true, enum: PROJECT_STAGES,
      synonyms: { 谋划: 'planned', 在谈: 'negotiating', 洽谈: 'negotiating', 签约: 'signed', 已签约: 'signed', 开工: 'started', 已开工: 'started', 在建: 'started', 投产: 'operating', 已投产: 'operating', 运营: 'operating' },
      description: 'planned (谋划), negotiating (在谈), signed (签约), started (开工) or operating (投产).',
    },
    { name: 'amount', type: 'number', required: true, description: 'Investment agreed (签约金额/协议投资额) in unit; required once the project has a signed date.' },
    { name: 'funds_arrived', type: 'number', required: true, description: 'Funds arrived to date (累计到位资金) in unit; empty counts as none.' },
    { name: 'unit', type: 'string', required: true, enum: MONEY_UNITS, description: 'Unit of amount and funds_arrived: 亿元, 万元, 元, 亿美元, 万美元 or 美元.' },
    { name: 'signed_on', type: 'date', required: true, description: 'Day the contract was signed (YYYY-MM-DD).' },
    { name: 'planned_start_on', type: 'date', required: true, description: 'Day construction is planned to start (YYYY-MM-DD).' },
    { name: 'started_on', type: 'date', required: true, description: 'Day construction started (YYYY-MM-DD).' },
    { name: 'visibility', type: 'string', required: true, enum: VISIBILITY, description: 'public or internal; empty: internal until the project has a signed date (negotiations are confidential), public from then on.' },
    { name: 'stage_note', type: 'string', required: true, description: 'Why the stage went back (e.g. 合同解除，重新洽谈); required when it did.' },
    { name: 'source', type: 'string', required: true, description: 'Who reports the row (the ledger it comes from).' },
    { name: 'note', type: 'string', required: false, description: 'Anything else.' },
  ],
};

export const TABLES = { jurisdictions, indicators, releases, observations, targets, exchangeRates, geoMaps, projects } as const;

export const PERIOD_RE = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;
export const INDICATOR_ID_RE = /^[a-z][a-z0-9_]*$/;

/** Several indicator ids as the one `indicator` parameter of a query that takes a list (progress): joined by commas, which no id holds. */
export const indicatorList = (ids: readonly string[]): string => ids.join(',');
