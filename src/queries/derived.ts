/**
 * Derived figures. Money is compared only in CNY: a USD figure is converted with the annual
 * average rate of the period's year from exchange_rates, and becomes NULL (with basis
 * 'no_rate') when that year has no rate. Units are scaled with schema.ts UNITS
 * (亿元 = 1e8 元, 万美元 = 1e4 美元, 万人 = 1e4 人).
 *
 *   to_cny           any indicator in 亿元, with the rate and its source
 *   trade_dependency trade / GDP × 100 (%), both in CNY, same jurisdiction and period
 *   per_capita       value in 元 / (population in persons) = 元/人, population at the year end
 *
 * A year-to-date (monthly) period is converted with its year's annual average rate: the only
 * rate the data package holds.
 */
import {
  figState,
  figPeriod,
  figuresCtes,
  levelRank,
  PERIOD_TEXT,
  PERIOD_YEAR,
  SCOPE_CODES,
  SCOPE_CTE,
  UNITS_CTE,
  USD_RATES_CTE,
  withClause,
} from './fragments.ts';

/**
 * `money`: how to turn each indicator's values into 元: factor = unit scale × (1 for CNY,
 * the year's CNY per USD for USD, NULL when that rate is missing). conversion says which.
 */
const MONEY_CTE = `money AS (
  SELECT i.id AS indicator, i.unit, u.currency, u.scale,
    CASE WHEN u.currency = 'USD' THEN ${PERIOD_YEAR} END AS rate_year, fx.cny_per_unit AS cny_per_usd, fx.source AS rate_source,
    CASE WHEN u.currency = 'CNY' THEN u.scale
         WHEN u.currency = 'USD' THEN u.scale * fx.cny_per_unit END AS yuan_per_unit,
    CASE WHEN u.currency = 'CNY' THEN 'cny'
         WHEN u.currency = 'USD' AND fx.cny_per_unit IS NOT NULL THEN 'converted'
         WHEN u.currency = 'USD' THEN 'no_rate'
         ELSE 'not_money' END AS conversion
  FROM indicators i
  LEFT JOIN units u ON u.unit = i.unit
  LEFT JOIN usd_rates fx ON fx.year = ${PERIOD_YEAR} AND u.currency = 'USD'
)`;

export type Conversion = 'cny' | 'converted' | 'no_rate' | 'not_money';

export interface ToCnyParams {
  period: string;
  parent: string | null;
  indicator: string;
}

export interface ToCnyRow {
  jurisdiction: string;
  name_zh: string;
  name_en: string;
  level: string;
  indicator: string;
  period: string;
  obs_period: string | null;
  value: number | null;
  state: 'ok' | 'suppressed' | 'missing';
  unit: string;
  currency: string | null;
  rate_year: number | null;
  cny_per_usd: number | null;
  rate_source: string | null;
  conversion: Conversion;
  /** The value in 亿元; NULL without a value, a rate (USD) or a currency. */
  value_cny_yi: number | null;
}

export const TO_CNY_SQL = `${withClause(
  SCOPE_CTE,
  figuresCtes({ slots: ['now'], jurisdictions: SCOPE_CODES, indicators: 'SELECT CAST($indicator AS VARCHAR)' }),
  UNITS_CTE,
  USD_RATES_CTE,
  MONEY_CTE,
)}
SELECT s.code AS jurisdiction, s.name_zh, s.name_en, s.level, m.indicator, ${PERIOD_TEXT} AS period,
  ${figPeriod('f.now_fig')} AS obs_period, f.now_fig.value AS value, ${figState('f.now_fig')} AS state,
  m.unit, m.currency, m.rate_year, m.cny_per_usd, m.rate_source, m.conversion,
  f.now_fig.value * m.yuan_per_unit / 100000000 AS value_cny_yi
FROM scope s
JOIN money m ON m.indicator = CAST($indicator AS VARCHAR)
LEFT JOIN figures f ON f.jurisdiction = s.code AND f.indicator = m.indicator
ORDER BY ${levelRank('s.level')}, s.level, s.code`;

export interface TradeDependencyParams {
  period: string;
  parent: string | null;
  /** Trade indicator id, e.g. trade_total. */
  trade: string;
  /** GDP indicator id, e.g. gdp. */
  gdp: string;
}

export interface TradeDependencyRow {
  jurisdiction: string;
  name_zh: string;
  name_en: string;
  level: string;
  period: string;
  trade_value: number | null;
  trade_unit: string | null;
  trade_state: 'ok' | 'suppressed' | 'missing';
  gdp_value: number | null;
  gdp_unit: string | null;
  gdp_state: 'ok' | 'suppressed' | 'missing';
  cny_per_usd: number | null;
  rate_source: string | null;
  trade_cny_yi: number | null;
  gdp_cny_yi: number | null;
  /** trade / GDP × 100, in %. */
  trade_dependency_pct: number | null;
  basis: 'ok' | 'no_trade' | 'no_gdp' | 'no_rate' | 'not_money';
}

export const TRADE_DEPENDENCY_SQL = `${withClause(
  SCOPE_CTE,
  figuresCtes({
    slots: ['now'],
    jurisdictions: SCOPE_CODES,
    indicators: 'SELECT DISTINCT unnest([CAST($trade AS VARCHAR), CAST($gdp AS VARCHAR)])',
  }),
  UNITS_CTE,
  USD_RATES_CTE,
  MONEY_CTE,
  `inputs AS ( -- trade and GDP of each child, in 元
  SELECT s.code, s.name_zh, s.name_en, s.level,
    t.now_fig.value AS trade_value, mt.unit AS trade_unit, ${figState('t.now_fig')} AS trade_state,
    mt.conversion AS trade_conversion, t.now_fig.value * mt.yuan_per_unit AS trade_yuan,
    g.now_fig.value AS gdp_value, mg.unit AS gdp_unit, ${figState('g.now_fig')} AS gdp_state,
    mg.conversion AS gdp_conversion, g.now_fig.value * mg.yuan_per_unit AS gdp_yuan,
    CASE WHEN mt.currency = 'USD' OR mg.currency = 'USD' THEN coalesce(mt.cny_per_usd, mg.cny_per_usd) END AS cny_per_usd,
    CASE WHEN mt.currency = 'USD' OR mg.currency = 'USD' THEN coalesce(mt.rate_source, mg.rate_source) END AS rate_source
  FROM scope s
  LEFT JOIN money mt ON mt.indicator = CAST($trade AS VARCHAR)
  LEFT JOIN money mg ON mg.indicator = CAST($gdp AS VARCHAR)
  LEFT JOIN figures t ON t.jurisdiction = s.code AND t.indicator = CAST($trade AS VARCHAR)
  LEFT JOIN figures g ON g.jurisdiction = s.code AND g.indicator = CAST($gdp AS VARCHAR)
)`,
)}
SELECT f.code AS jurisdiction, f.name_zh, f.name_en, f.level, ${PERIOD_TEXT} AS period,
  f.trade_value, f.trade_unit, f.trade_state, f.gdp_value, f.gdp_unit, f.gdp_state,
  f.cny_per_usd, f.rate_source,
  f.trade_yuan / 100000000 AS trade_cny_yi,
  f.gdp_yuan / 100000000 AS gdp_cny_yi,
  CASE WHEN f.gdp_yuan > 0 THEN f.trade_yuan * 100 / f.gdp_yuan END AS trade_dependency_pct,
  CASE WHEN f.trade_conversion = 'not_money' OR f.gdp_conversion = 'not_money' THEN 'not_money'
       WHEN f.trade_value IS NULL THEN 'no_trade'
       WHEN f.gdp_value IS NULL OR f.gdp_value <= 0 THEN 'no_gdp'
       WHEN f.trade_conversion = 'no_rate' OR f.gdp_conversion = 'no_rate' THEN 'no_rate'
       ELSE 'ok' END AS basis
FROM inputs f
ORDER BY ${levelRank('f.level')}, f.level, f.code`;

export interface PerCapitaParams {
  period: string;
  parent: string | null;
  indicator: string;
  /** Population indicator id (a count of people, e.g. population in 万人). */
  population: string;
}

export interface PerCapitaRow {
  jurisdiction: string;
  name_zh: string;
  name_en: string;
  level: string;
  indicator: string;
  period: string;
  obs_period: string | null;
  value: number | null;
  unit: string;
  state: 'ok' | 'suppressed' | 'missing';
  population: number | null;
  population_unit: string | null;
  population_period: string | null;
  cny_per_usd: number | null;
  rate_source: string | null;
  /** 元 per person. */
  per_capita_yuan: number | null;
  basis: 'ok' | 'no_data' | 'no_population' | 'no_rate' | 'not_money';
}

export const PER_CAPITA_SQL = `${withClause(
  SCOPE_CTE,
  figuresCtes({
    slots: ['now', 'year_end'],
    jurisdictions: SCOPE_CODES,
    indicators: 'SELECT DISTINCT unnest([CAST($indicator AS VARCHAR), CAST($population AS VARCHAR)])',
  }),
  UNITS_CTE,
  USD_RATES_CTE,
  MONEY_CTE,
  `people AS ( -- population indicator: persons per unit (万人 = 1e4)
  SELECT i.id AS indicator, i.unit, u.scale AS persons_per_unit
  FROM indicators i LEFT JOIN units u ON u.unit = i.unit
  WHERE i.id = CAST($population AS VARCHAR)
)`,
  `inputs AS ( -- the figure and the population of each child, in 元 and persons
  SELECT s.code, s.name_zh, s.name_en, s.level, m.indicator, m.unit, m.conversion,
    m.cny_per_usd, m.rate_source,
    ${figPeriod('n.now_fig')} AS obs_period, n.now_fig.value AS value, ${figState('n.now_fig')} AS state,
    n.now_fig.value * m.yuan_per_unit AS yuan,
    p.year_end_fig.value AS population, pp.unit AS population_unit, ${figPeriod('p.year_end_fig')} AS population_period,
    p.year_end_fig.value * pp.persons_per_unit AS persons
  FROM scope s
  JOIN money m ON m.indicator = CAST($indicator AS VARCHAR)
  LEFT JOIN people pp ON true
  LEFT JOIN figures n ON n.jurisdiction = s.code AND n.indicator = m.indicator
  LEFT JOIN figures p ON p.jurisdiction = s.code AND p.indicator = CAST($population AS VARCHAR)
)`,
)}
SELECT f.code AS jurisdiction, f.name_zh, f.name_en, f.level, f.indicator, ${PERIOD_TEXT} AS period,
  f.obs_period, f.value, f.unit, f.state,
  f.population, f.population_unit, f.population_period,
  CASE WHEN f.conversion IN ('converted', 'no_rate') THEN f.cny_per_usd END AS cny_per_usd,
  CASE WHEN f.conversion IN ('converted', 'no_rate') THEN f.rate_source END AS rate_source,
  CASE WHEN f.persons > 0 THEN f.yuan / f.persons END AS per_capita_yuan,
  CASE WHEN f.conversion = 'not_money' THEN 'not_money'
       WHEN f.value IS NULL THEN 'no_data'
       WHEN f.persons IS NULL OR f.persons <= 0 THEN 'no_population'
       WHEN f.conversion = 'no_rate' THEN 'no_rate'
       ELSE 'ok' END AS basis
FROM inputs f
ORDER BY ${levelRank('f.level')}, f.level, f.code`;
