/**
 * From the model to the release files: which rows each release carries, with the demo's
 * deliberate irregularities — suppressed figures (flag c), missing ones (na), restated ones
 * (r) and the code change of 偃师.
 */
import { formatNumber } from './csv.ts';
import type { DemoIndicator } from './indicators.ts';
import { rng } from './prng.ts';
import type { Model, Point } from './series.ts';
import { type DemoUnit, codeAt } from './units.ts';

/** Every published row carries this, so that no synthetic figure travels unlabelled. */
export const NOTE_SYNTHETIC = 'synthetic';

interface PeriodRule {
  code: string;
  indicator: string;
  /** Inclusive YYYY-MM bounds. */
  from: string;
  to: string;
  note: string;
}

/** Confidential figures (few enterprises): published as flag c with an empty value. */
export const SUPPRESSED: readonly PeriodRule[] = [
  { code: '410404', indicator: 'fdi_actual', from: '2023-02', to: '2025-09', note: '涉及企业少于3家，依法保密 / suppressed: fewer than three enterprises' },
  { code: '411281', indicator: 'fdi_actual', from: '2023-02', to: '2025-09', note: '涉及企业少于3家，依法保密 / suppressed: fewer than three enterprises' },
  { code: '419001', indicator: 'fdi_actual', from: '2025-02', to: '2025-09', note: '单一企业占比过高，依法保密 / suppressed: dominated by one enterprise' },
];

/** Figures that were not collected: flag na with an empty value. */
export const MISSING: readonly PeriodRule[] = [
  { code: '410900', indicator: 'loss_making_share', from: '2024-02', to: '2024-02', note: '1—2月未开展调查 / not collected for January–February' },
  { code: '411771', indicator: 'domestic_capital', from: '2023-02', to: '2023-05', note: '开发区统计制度建立前无数据 / not reported before the zone joined the reporting system' },
];

export interface Revision {
  /** The release that restates the figures. */
  release: string;
  /** The earlier period restated. */
  period: string;
  indicator: string;
  codes: readonly string[];
  note: string;
}

/** Restatements: a later release carries an earlier period again, flag r. */
export const REVISIONS: readonly Revision[] = [
  { release: '2024-02', period: '2023-12', indicator: 'retail_sales', codes: ['410000', '410100', '410300', '411300'], note: '年度数据核定后修订 / revised after the annual verification' },
  { release: '2025-06', period: '2025-05', indicator: 'trade_total', codes: ['410100', '410700', '419001'], note: '海关数据更正 / customs correction' },
];

function ruleFor(rules: readonly PeriodRule[], code: string, indicator: string, p: string): PeriodRule | undefined {
  return rules.find((r) => r.code === code && r.indicator === indicator && r.from <= p && p <= r.to);
}

export interface ObservationRow {
  jurisdiction: string;
  indicator: string;
  period: string;
  value: string;
  yoy_pct: string;
  flag: string;
  note: string;
}

function note(extra?: string): string {
  return extra ? `${NOTE_SYNTHETIC}; ${extra}` : NOTE_SYNTHETIC;
}

/** The row of a unit's point as first published, with c/na applied. */
function firstRow(ind: DemoIndicator, unitCode: string, p: string, point: Point): ObservationRow {
  const jurisdiction = codeAt(unitCode, p);
  const base = { jurisdiction, indicator: ind.id, period: p };
  const suppressed = ruleFor(SUPPRESSED, unitCode, ind.id, p);
  if (suppressed) return { ...base, value: '', yoy_pct: '', flag: 'c', note: note(suppressed.note) };
  const missing = ruleFor(MISSING, unitCode, ind.id, p);
  if (missing) return { ...base, value: '', yoy_pct: '', flag: 'na', note: note(missing.note) };
  return {
    ...base,
    value: formatNumber(point.value, ind.fileDecimals),
    yoy_pct: point.yoy === null ? '' : formatNumber(point.yoy, 1),
    flag: '',
    note: note(),
  };
}

/** A restated point: a small change of the level (and of the growth), never zero. */
export function revisedPoint(seed: number, ind: DemoIndicator, unitCode: string, release: string, point: Point): Point {
  const r = rng(seed, 'revision', release, unitCode, ind.id);
  const step = 10 ** -ind.fileDecimals;
  let value = Math.round((point.value * (1 + 0.006 * r.normal())) / step) * step;
  if (Math.abs(value - point.value) < step / 2) value = point.value + step;
  const yoy = point.yoy === null ? null : Math.round((point.yoy + 0.1 + 0.2 * Math.abs(r.normal())) * 10) / 10;
  return { value, yoy };
}

/**
 * The rows of one release: every reporting unit's figure for the release's period, plus the
 * restated figures of earlier periods, sorted by indicator (in indicators.csv order),
 * jurisdiction and period.
 */
export function releaseRows(seed: number, release: string, units: readonly DemoUnit[], indicators: readonly DemoIndicator[], model: Model): ObservationRow[] {
  const rows: ObservationRow[] = [];
  const p = release; // a release is named after its period
  for (const ind of indicators) {
    const byUnit = model.get(ind.id)!;
    const indRows: ObservationRow[] = [];
    for (const u of units) {
      const series = byUnit.get(u.code);
      if (!series) continue;
      indRows.push(firstRow(ind, u.code, p, series.get(p)!));
    }
    for (const rev of REVISIONS) {
      if (rev.release !== release || rev.indicator !== ind.id) continue;
      for (const code of rev.codes) {
        const point = byUnit.get(code)?.get(rev.period);
        if (!point) throw new Error(`revision of ${code} ${ind.id} ${rev.period}: no such figure`);
        const restated = revisedPoint(seed, ind, code, release, point);
        indRows.push({
          jurisdiction: codeAt(code, rev.period),
          indicator: ind.id,
          period: rev.period,
          value: formatNumber(restated.value, ind.fileDecimals),
          yoy_pct: restated.yoy === null ? '' : formatNumber(restated.yoy, 1),
          flag: 'r',
          note: note(rev.note),
        });
      }
    }
    indRows.sort((a, b) => (a.jurisdiction < b.jurisdiction ? -1 : a.jurisdiction > b.jurisdiction ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    rows.push(...indRows);
  }
  return rows;
}
