/**
 * The indicator query catalog: the SQL both engines run (DuckDB for Node at build time,
 * DuckDB-WASM in the browser), its parameters and its result columns.
 *
 *   const rows = await runQuery(engine, queries.progress, { period: '2024-06', parent: '410000', indicator: null });
 *
 * Every parameter of an entry must be given (NULL where the entry says it may be); values are
 * bound, never spliced. Results hold only VARCHAR, DOUBLE, INTEGER and BOOLEAN columns and
 * come in a total order, so both engines return the same JSON. The formulas are documented in
 * docs/progress-report.md.
 */
import type { Engine, Params } from '../engine/types.ts';
import { CHILDREN_SQL, type ChildrenParams, type ChildrenRow } from './children.ts';
import { CONSISTENCY_SQL, type ConsistencyParams, type ConsistencyRow } from './consistency.ts';
import {
  PER_CAPITA_SQL,
  TO_CNY_SQL,
  TRADE_DEPENDENCY_SQL,
  type PerCapitaParams,
  type PerCapitaRow,
  type ToCnyParams,
  type ToCnyRow,
  type TradeDependencyParams,
  type TradeDependencyRow,
} from './derived.ts';
import { PROGRESS_SQL, type ProgressParams, type ProgressRow } from './progress.ts';
import {
  PROJECT_FUNNEL_SQL,
  PROJECT_LEDGER_SQL,
  PROJECT_RATES_SQL,
  type ProjectFunnelParams,
  type ProjectFunnelRow,
  type ProjectLedgerParams,
  type ProjectLedgerRow,
  type ProjectRatesParams,
  type ProjectRatesRow,
} from './projects.ts';
import { RANKING_SQL, type RankingParams, type RankingRow } from './ranking.ts';
import {
  LATEST_SQL,
  PERIODS_SQL,
  SERIES_SQL,
  TREND_SQL,
  type LatestParams,
  type LatestRow,
  type PeriodsParams,
  type PeriodsRow,
  type SeriesParams,
  type SeriesRow,
  type TrendParams,
  type TrendRow,
} from './series.ts';

export interface QueryDef<P, R> {
  name: string;
  description: string;
  sql: string;
  /** Every parameter the SQL uses; all must be present in the params object. */
  params: readonly (keyof P & string)[];
  /** Result columns, in order. */
  columns: readonly (keyof R & string)[];
  /** An example params object (used by the parity test and the docs). */
  example: P;
}

function define<P, R>(def: QueryDef<P, R>): QueryDef<P, R> {
  return def;
}

export const queries = {
  progress: define<ProgressParams, ProgressRow>({
    name: 'progress',
    description: 'Children of a parent against their annual targets: completion, time and seasonal pace, projection, growth gap, ranks, the verdict (status and its gap).',
    sql: PROGRESS_SQL,
    params: ['period', 'parent', 'indicator'],
    columns: [
      'jurisdiction', 'name_zh', 'name_en', 'level', 'indicator', 'indicator_name_zh', 'indicator_name_en', 'unit', 'kind',
      'higher_is_better', 'decimals', 'period', 'obs_period', 'value', 'yoy_pct', 'flag', 'state', 'release', 'release_published_at',
      'target_type', 'target_value', 'target_value_max', 'target_qualifier', 'target_band_pp', 'target_source',
      'elapsed', 'completion', 'pace_gap_pp',
      'last_year_ytd', 'last_year_total', 'seasonal_basis', 'seasonal_expected', 'seasonal_gap_pp', 'projection',
      'growth_gap_pp',
      'value_rank', 'value_rank_of', 'value_rank_state', 'value_ahead_code', 'value_ahead_name_zh', 'value_ahead_gap',
      'value_behind_code', 'value_behind_name_zh', 'value_behind_gap',
      'yoy_rank', 'yoy_rank_of', 'yoy_rank_state', 'yoy_ahead_code', 'yoy_ahead_name_zh', 'yoy_ahead_gap',
      'yoy_behind_code', 'yoy_behind_name_zh', 'yoy_behind_gap',
      'peer_count', 'rank_basis', 'rank', 'rank_of', 'tied', 'ahead_code', 'ahead_name_zh', 'ahead_name_en', 'ahead_gap',
      'behind_code', 'behind_name_zh', 'behind_name_en', 'behind_gap', 'verdict_kind', 'verdict_gap_pp', 'status',
    ],
    example: { period: '2024-06', parent: '410000', indicator: null },
  }),
  ranking: define<RankingParams, RankingRow>({
    name: 'ranking',
    description: 'Competition ranks (1,2,2,4) among peers on value or published growth; suppressed and missing listed after, unranked.',
    sql: RANKING_SQL,
    params: ['period', 'parent', 'indicator', 'basis'],
    columns: [
      'indicator', 'basis', 'level', 'jurisdiction', 'name_zh', 'name_en', 'period', 'obs_period', 'value', 'yoy_pct',
      'flag', 'measure', 'rank_state', 'rank', 'rank_of', 'peer_count', 'tied',
      'ahead_code', 'ahead_name_zh', 'ahead_name_en', 'ahead_measure', 'ahead_gap',
      'behind_code', 'behind_name_zh', 'behind_name_en', 'behind_measure', 'behind_gap',
    ],
    example: { period: '2024-06', parent: '410000', indicator: 'retail_sales', basis: null },
  }),
  children: define<ChildrenParams, ChildrenRow>({
    name: 'children',
    description: "Each child against its parent: growth difference (pp), share of the parent, contribution to the parent's growth (拉动, pp).",
    sql: CHILDREN_SQL,
    params: ['period', 'parent', 'indicator'],
    columns: [
      'indicator', 'additive', 'level', 'jurisdiction', 'name_zh', 'name_en', 'period', 'obs_period', 'value', 'yoy_pct',
      'flag', 'state', 'value_last_year', 'parent', 'parent_value', 'parent_yoy_pct', 'parent_state',
      'parent_value_last_year', 'growth_diff_pp', 'share_of_parent', 'contribution_pp',
    ],
    example: { period: '2024-06', parent: '410000', indicator: 'retail_sales' },
  }),
  consistency: define<ConsistencyParams, ConsistencyRow>({
    name: 'consistency',
    description: "Additive indicators: the children's sum against the parent's reported figure, reported, never forced.",
    sql: CONSISTENCY_SQL,
    params: ['period', 'parent', 'indicator'],
    columns: [
      'indicator', 'period', 'parent', 'parent_obs_period', 'parent_value', 'parent_state', 'children',
      'children_with_value', 'children_suppressed', 'children_missing', 'children_sum', 'difference',
      'difference_pct', 'complete', 'special_units', 'special_with_value', 'special_sum',
    ],
    example: { period: '2024-06', parent: '410000', indicator: null },
  }),
  toCny: define<ToCnyParams, ToCnyRow>({
    name: 'toCny',
    description: "An indicator in 亿元, USD converted with the year's rate (NULL and conversion 'no_rate' without one).",
    sql: TO_CNY_SQL,
    params: ['period', 'parent', 'indicator'],
    columns: [
      'jurisdiction', 'name_zh', 'name_en', 'level', 'indicator', 'period', 'obs_period', 'value', 'state', 'unit',
      'currency', 'rate_year', 'cny_per_usd', 'rate_source', 'conversion', 'value_cny_yi',
    ],
    example: { period: '2024', parent: '410000', indicator: 'fdi_actual' },
  }),
  tradeDependency: define<TradeDependencyParams, TradeDependencyRow>({
    name: 'tradeDependency',
    description: 'Trade dependency (外贸依存度) = trade / GDP × 100, both in CNY.',
    sql: TRADE_DEPENDENCY_SQL,
    params: ['period', 'parent', 'trade', 'gdp'],
    columns: [
      'jurisdiction', 'name_zh', 'name_en', 'level', 'period', 'trade_value', 'trade_unit', 'trade_state', 'gdp_value',
      'gdp_unit', 'gdp_state', 'cny_per_usd', 'rate_source', 'trade_cny_yi', 'gdp_cny_yi', 'trade_dependency_pct', 'basis',
    ],
    example: { period: '2024', parent: '410000', trade: 'trade_total', gdp: 'gdp' },
  }),
  perCapita: define<PerCapitaParams, PerCapitaRow>({
    name: 'perCapita',
    description: 'Per-capita figure in 元/人: value in 元 / year-end population in persons.',
    sql: PER_CAPITA_SQL,
    params: ['period', 'parent', 'indicator', 'population'],
    columns: [
      'jurisdiction', 'name_zh', 'name_en', 'level', 'indicator', 'period', 'obs_period', 'value', 'unit', 'state',
      'population', 'population_unit', 'population_period', 'cny_per_usd', 'rate_source', 'per_capita_yuan', 'basis',
    ],
    example: { period: '2024', parent: '410000', indicator: 'retail_sales', population: 'population' },
  }),
  trend: define<TrendParams, TrendRow>({
    name: 'trend',
    description: 'One jurisdiction-indicator, this year against last year, January to December.',
    sql: TREND_SQL,
    params: ['jurisdiction', 'indicator', 'year'],
    columns: [
      'month', 'this_year_period', 'this_year_value', 'this_year_yoy_pct', 'this_year_flag', 'this_year_state',
      'last_year_period', 'last_year_value', 'last_year_yoy_pct', 'last_year_flag', 'last_year_state', 'last_year_share',
    ],
    example: { jurisdiction: '410100', indicator: 'retail_sales', year: 2024 },
  }),
  series: define<SeriesParams, SeriesRow>({
    name: 'series',
    description: 'Every period of one jurisdiction-indicator, oldest first.',
    sql: SERIES_SQL,
    params: ['jurisdiction', 'indicator'],
    columns: ['period', 'year', 'month', 'value', 'yoy_pct', 'flag', 'state', 'release', 'release_published_at', 'note'],
    example: { jurisdiction: '410100', indicator: 'retail_sales' },
  }),
  periods: define<PeriodsParams, PeriodsRow>({
    name: 'periods',
    description: 'The periods with observations (of one indicator, or of any).',
    sql: PERIODS_SQL,
    params: ['indicator'],
    columns: ['period', 'year', 'month', 'annual', 'elapsed', 'indicators', 'observations', 'with_value'],
    example: { indicator: null },
  }),
  latest: define<LatestParams, LatestRow>({
    name: 'latest',
    description: 'The latest period of each indicator.',
    sql: LATEST_SQL,
    params: ['indicator'],
    columns: ['indicator', 'latest_period', 'year', 'month', 'jurisdictions', 'with_value'],
    example: { indicator: null },
  }),
  projectRates: define<ProjectRatesParams, ProjectRatesRow>({
    name: 'projectRates',
    description: 'The three rates (三率) of the projects signed this year, per unit (with every unit under it) and month: the parent and its children, or every unit.',
    sql: PROJECT_RATES_SQL,
    params: ['period', 'parent'],
    columns: [
      'jurisdiction', 'name_zh', 'name_en', 'level', 'parent', 'period', 'year', 'month', 'cohort', 'honoured', 'started',
      'amount_cny_yi', 'funds_cny_yi', 'fulfilment_rate', 'start_rate', 'funds_rate',
    ],
    example: { period: '2025-06', parent: '410000' },
  }),
  projectFunnel: define<ProjectFunnelParams, ProjectFunnelRow>({
    name: 'projectFunnel',
    description: 'Projects and their amounts (亿元) at each stage, per unit (with every unit under it) and month: the parent and its children, or every unit.',
    sql: PROJECT_FUNNEL_SQL,
    params: ['period', 'parent'],
    columns: [
      'jurisdiction', 'name_zh', 'name_en', 'level', 'parent', 'period', 'stage', 'stage_rank', 'projects', 'with_amount',
      'amount_cny_yi', 'funds_cny_yi', 'signed_this_year',
    ],
    example: { period: '2025-06', parent: '410000' },
  }),
  projectLedger: define<ProjectLedgerParams, ProjectLedgerRow>({
    name: 'projectLedger',
    description: 'The ledger rows of a month in a unit and every unit under it, amounts also in 亿元, latest stage first.',
    sql: PROJECT_LEDGER_SQL,
    params: ['period', 'jurisdiction'],
    columns: [
      'project', 'period', 'name_zh', 'name_en', 'jurisdiction', 'jurisdiction_name_zh', 'jurisdiction_name_en', 'sector', 'origin',
      'stage', 'stage_rank', 'amount', 'funds_arrived', 'unit', 'cny_per_usd', 'rate_year', 'amount_cny_yi', 'funds_cny_yi', 'funds_pct',
      'signed_on', 'planned_start_on', 'started_on', 'in_cohort', 'honoured', 'started', 'start_overdue', 'visibility', 'stage_note',
      'source', 'note', 'release',
    ],
    example: { period: '2025-06', jurisdiction: '410000' },
  }),
} as const;

export type QueryName = keyof typeof queries;

/** Runs a catalog query with a complete params object and returns its typed rows. */
export async function runQuery<P, R>(engine: Engine, query: QueryDef<P, R>, params: P): Promise<R[]> {
  const given = params as Record<string, unknown>;
  for (const name of query.params) {
    if (!(name in given) || given[name] === undefined) throw new Error(`${query.name}: parameter ${name} is missing (use null for "any")`);
  }
  const rows = await engine.query(query.sql, given as Params);
  return rows as unknown as R[];
}

export type {
  ChildrenParams, ChildrenRow, ConsistencyParams, ConsistencyRow, LatestParams, LatestRow, PerCapitaParams, PerCapitaRow,
  PeriodsParams, PeriodsRow, ProgressParams, ProgressRow, ProjectFunnelParams, ProjectFunnelRow, ProjectLedgerParams, ProjectLedgerRow,
  ProjectRatesParams, ProjectRatesRow, RankingParams, RankingRow, SeriesParams, SeriesRow, ToCnyParams,
  ToCnyRow, TradeDependencyParams, TradeDependencyRow, TrendParams, TrendRow,
};
