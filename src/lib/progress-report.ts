/**
 * The progress report (npm run progress): which fields it prints and how, as table, JSON or
 * CSV. Pure functions over rows of the catalog's progress query. Fields: docs/progress-report.md.
 */
import type { ProgressRow } from '../queries/progress.ts';
import { formatTarget } from './format.ts';
import { compareIndicators } from './indicator-order.ts';
import type { Unit } from './schema.ts';
import { displayWidth, fitWidth } from './text-width.ts';

export const REPORT_FORMATS = ['table', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The fields of a report row, in order (JSON and CSV carry exactly these). */
export const REPORT_FIELDS = [
  'jurisdiction',
  'name_zh',
  'indicator',
  'unit',
  'period',
  'obs_period',
  'value',
  'yoy_pct',
  'flag',
  'target_type',
  'target_value',
  'target_value_max',
  'target_qualifier',
  'completion',
  'elapsed',
  'pace_gap_pp',
  'growth_gap_pp',
  'seasonal_basis',
  'seasonal_expected',
  'seasonal_gap_pp',
  'projection',
  'peer_count',
  'rank_basis',
  'rank',
  'rank_of',
  'tied',
  'ahead_code',
  'ahead_name_zh',
  'ahead_gap',
  'behind_code',
  'behind_name_zh',
  'behind_gap',
  'verdict_kind',
  'verdict_gap_pp',
  'status',
] as const satisfies readonly (keyof ProgressRow)[];

export type ReportField = (typeof REPORT_FIELDS)[number];
export type ReportRow = Pick<ProgressRow, ReportField>;

/**
 * The rows with their indicators in the order every page lists them (compareIndicators: by
 * category, the projects' rates together), each indicator's rows in the query's order. The
 * query orders by indicator id and its rows carry no category: `categories` maps each id to its
 * category (the indicators table).
 */
export function inIndicatorOrder(rows: readonly ProgressRow[], categories: ReadonlyMap<string, string | null>): ProgressRow[] {
  const orderable = (id: string) => ({ id, category: categories.get(id) ?? null });
  // Array.prototype.sort is stable: rows of one indicator keep the query's order
  return [...rows].sort((a, b) => compareIndicators(orderable(a.indicator), orderable(b.indicator)));
}

export function toReportRows(rows: readonly ProgressRow[]): ReportRow[] {
  return rows.map((r) => Object.fromEntries(REPORT_FIELDS.map((f) => [f, r[f]])) as ReportRow);
}

export function formatJson(rows: readonly ProgressRow[]): string {
  return `${JSON.stringify(toReportRows(rows), null, 2)}\n`;
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function formatCsv(rows: readonly ProgressRow[]): string {
  const lines = [REPORT_FIELDS.join(',')];
  for (const r of toReportRows(rows)) lines.push(REPORT_FIELDS.map((f) => csvField(r[f])).join(','));
  return `${lines.join('\n')}\n`;
}

/** Fixed decimals without "-0.0". */
function fixed(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

function num(x: number | null, decimals: number): string {
  return x === null ? '' : fixed(x, decimals);
}

function pct(x: number | null): string {
  return x === null ? '' : `${fixed(x * 100, 1)}%`;
}

function signed(x: number | null, decimals: number): string {
  if (x === null) return '';
  const s = fixed(x, decimals);
  return x > 0 && !/^0(\.0*)?$/.test(s) ? `+${s}` : s;
}

interface Column {
  header: string;
  align: 'left' | 'right';
  cell: (r: ProgressRow) => string;
}

/** Table columns. Shares print as %, gaps in pp with a sign, values with the indicator's decimals. */
const TABLE_COLUMNS: readonly Column[] = [
  { header: 'code', align: 'left', cell: (r) => r.jurisdiction },
  { header: 'name', align: 'left', cell: (r) => r.name_zh },
  { header: 'value', align: 'right', cell: (r) => (r.state === 'suppressed' ? '(c)' : num(r.value, r.decimals)) },
  { header: 'yoy%', align: 'right', cell: (r) => num(r.yoy_pct, 1) },
  // as the work report writes it, qualifier included: 增长5%左右, 力争1,610亿元
  {
    header: 'target',
    align: 'right',
    cell: (r) =>
      r.target_type === null
        ? ''
        : formatTarget({ type: r.target_type, value: r.target_value, value_max: r.target_value_max, qualifier: r.target_qualifier, unit: r.unit as Unit, decimals: r.decimals }, 'zh-CN'),
  },
  { header: 'type', align: 'left', cell: (r) => r.target_type ?? '' },
  { header: 'completion', align: 'right', cell: (r) => pct(r.completion) },
  { header: 'elapsed', align: 'right', cell: (r) => pct(r.elapsed) },
  { header: 'pace_pp', align: 'right', cell: (r) => signed(r.pace_gap_pp, 1) },
  { header: 'growth_pp', align: 'right', cell: (r) => signed(r.growth_gap_pp, 1) },
  { header: 'seasonal', align: 'right', cell: (r) => (r.seasonal_expected === null || r.value === null ? '' : `${pct(r.seasonal_expected)}${r.seasonal_basis === 'linear' ? '*' : ''}`) },
  { header: 'seas_pp', align: 'right', cell: (r) => signed(r.seasonal_gap_pp, 1) },
  { header: 'projection', align: 'right', cell: (r) => num(r.projection, r.decimals) },
  // rank/ranked peers/all peers, = for a tie: "=5/18/18", "2/6/31"
  { header: 'rank', align: 'right', cell: (r) => `${r.rank === null ? '-' : `${r.tied ? '=' : ''}${r.rank}`}/${r.rank_of}/${r.peer_count}` },
  { header: 'ahead', align: 'left', cell: (r) => (r.ahead_code === null ? '' : `${r.ahead_name_zh ?? r.ahead_code} ${num(r.ahead_gap, r.rank_basis === 'yoy' ? 1 : r.decimals)}`) },
  { header: 'behind', align: 'left', cell: (r) => (r.behind_code === null ? '' : `${r.behind_name_zh ?? r.behind_code} ${num(r.behind_gap, r.rank_basis === 'yoy' ? 1 : r.decimals)}`) },
  { header: 'verdict_pp', align: 'right', cell: (r) => signed(r.verdict_gap_pp, 1) },
  { header: 'status', align: 'left', cell: (r) => r.status },
];

/** Renders rows as a text table aligned for a terminal (Chinese characters count two columns). */
export function renderTable(rows: readonly ProgressRow[], columns: readonly Column[] = TABLE_COLUMNS): string {
  const cells = rows.map((r) => columns.map((c) => c.cell(r)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((row) => displayWidth(row[i]!))));
  const line = (values: string[]) =>
    values
      .map((v, i) => fitWidth(v, widths[i]!, columns[i]!.align))
      .join('  ')
      .replace(/\s+$/, '');
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w)))];
  for (const row of cells) out.push(line(row));
  return out.join('\n');
}

/** At year end the elapsed share and the seasonal expected share are 1 and the projection is the value. */
const YEAR_END_TRIVIAL = new Set(['elapsed', 'seasonal', 'seas_pp', 'projection']);

/**
 * The columns worth printing for these rows: not the trivial year-end ones, and not those
 * empty in every row (JSON and CSV always carry every field).
 */
export function tableColumns(rows: readonly ProgressRow[]): Column[] {
  const yearEnd = rows.length > 0 && rows.every((r) => r.elapsed === 1);
  return TABLE_COLUMNS.filter((c) => !(yearEnd && YEAR_END_TRIVIAL.has(c.header)) && rows.some((r) => c.cell(r) !== ''));
}

/** The table report: one table per indicator, each with a title line and a legend. */
export function formatTable(rows: readonly ProgressRow[], context: { parentLabel: string }): string {
  const byIndicator = new Map<string, ProgressRow[]>();
  for (const r of rows) {
    const list = byIndicator.get(r.indicator) ?? [];
    list.push(r);
    byIndicator.set(r.indicator, list);
  }
  const parts: string[] = [];
  for (const [indicator, list] of byIndicator) {
    const first = list[0]!;
    const direction = first.higher_is_better ? 'higher is better' : 'lower is better';
    const basis = list.some((r) => r.rank_basis === 'yoy') ? (list.every((r) => r.rank_basis === 'yoy') ? 'growth' : 'growth for growth targets, value otherwise') : 'value';
    const legend = [`rank by ${basis}`];
    if (list.some((r) => r.seasonal_basis === 'linear' && r.value !== null && r.elapsed < 1)) legend.push('* = no seasonal pattern from last year, linear pace used');
    parts.push(
      `${first.indicator_name_zh} (${indicator}, ${first.unit}, ${direction}) · ${first.period} · children of ${context.parentLabel}\n` +
        `${legend.join('; ')}\n\n` +
        renderTable(list, tableColumns(list)),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

export function formatReport(rows: readonly ProgressRow[], format: ReportFormat, context: { parentLabel: string }): string {
  if (format === 'json') return formatJson(rows);
  if (format === 'csv') return formatCsv(rows);
  return formatTable(rows, context);
}
