/**
 * The progress board (the circular's table): the children of a parent × indicators with a
 * target, each cell the verdict of the progress query. The page renders it at build time for
 * its latest period; the browser view (src/client/board-view.ts) renders it with the same
 * function for another period, one indicator or another order.
 */
import { formatPct, formatPeriod } from '../lib/format.ts';
import { paren, type Locale } from '../lib/i18n.ts';
import type { ProgressRow } from '../queries/progress.ts';
import { el, escapeText, textEl } from '../render/svg.ts';
import { verdictMarkup } from '../render/verdict.ts';
import { nameOf } from '../site/names.ts';
import { t } from '../site/strings.ts';
import { tableDownloads } from './downloads.ts';

export interface BoardColumn {
  indicator: { id: string; name_zh: string; name_en: string };
  rows: readonly ProgressRow[];
  href: string;
}

export interface BoardInput {
  parent: { code: string; name_zh: string; name_en: string | null };
  period: string;
  /** The units in the order of the jurisdictions list (by level, then code). */
  children: readonly { code: string; name_zh: string; name_en: string | null }[];
  columns: readonly BoardColumn[];
  /** The rows whose verdict gaps order the board, best first (the column need not be shown); null keeps the list's order. */
  sortBy: readonly ProgressRow[] | null;
  locale: Locale;
  hrefFor: (code: string) => string;
}

/** Rows per printed part: a long board is cut into whole tables, each with its header. */
const PART = 25;

export function boardTitle(parent: { name_zh: string; name_en: string | null }, locale: Locale): string {
  const name = nameOf(parent, locale);
  return locale === 'en' ? `Target progress: ${name}` : `${name}目标任务进度`;
}

export function boardBody(b: BoardInput): string {
  const { locale } = b;
  const en = locale === 'en';
  const cells = b.columns.map((c) => new Map(c.rows.map((r) => [r.jurisdiction, r])));
  const order = [...b.children];
  if (b.sortBy) {
    const gaps = new Map(b.sortBy.map((r) => [r.jurisdiction, r.verdict_gap_pp]));
    const gap = (code: string): number => gaps.get(code) ?? Number.NEGATIVE_INFINITY;
    order.sort((x, y) => gap(y.code) - gap(x.code));
  }
  const parts = order.length > PART + 5 ? Math.ceil(order.length / PART) : 1;
  const perPart = Math.ceil(order.length / parts);
  const title = boardTitle(b.parent, locale);
  const period = formatPeriod(b.period, locale);
  const elapsed = (b.period.length === 7 ? Number(b.period.slice(5)) / 12 : 1) * 100;
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col' }, t('jurisdiction', locale)),
    // On paper a column is headed by its number, which the key under the board names: nine full
    // names do not fit across an A4 page.
    ...b.columns.map((c, i) =>
      el('th', { scope: 'col' }, el('a', { href: c.href, class: 'col-name' }, escapeText(nameOf(c.indicator, locale))), el('span', { class: 'col-no', 'aria-hidden': 'true' }, String(i + 1))),
    ),
  );
  const tables: string[] = [];
  for (let k = 0; k < parts; k++) {
    const part = order.slice(k * perPart, (k + 1) * perPart);
    const first = k * perPart + 1;
    const label = parts === 1 ? '' : en ? ` (${first}–${first + part.length - 1} of ${order.length})` : `（第${first}–${first + part.length - 1}个，共${order.length}个地区）`;
    const rows = part.map((ch) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, el('a', { href: b.hrefFor(ch.code) }, escapeText(nameOf(ch, locale)))),
        ...cells.map((m) => {
          const r = m.get(ch.code);
          return r ? verdictMarkup(r, locale, { tag: 'td' }) : textEl('td', {}, '—');
        }),
      ),
    );
    tables.push(
      el(
        'div',
        { class: k === 0 ? 'table-wrap' : 'table-wrap defer', tabindex: '0', style: k === 0 ? undefined : `--h:${6 + part.length * 3}rem` },
        el('table', { class: 'board', style: `--cols:${b.columns.length}` }, textEl('caption', {}, `${title}${paren(period, locale)}${label}`), el('thead', {}, head), el('tbody', {}, ...rows)),
      ),
    );
  }
  const lede = en
    ? `${period} · ${t('elapsed', locale)} ${formatPct(elapsed)}. Each cell: the verdict on the target (ahead of or behind the time elapsed for a level target, above or below a growth target, within or over a ceiling) and its gap in percentage points.`
    : `${period} · ${t('elapsed', locale)}${formatPct(elapsed)}。每格为目标判定：总量目标看完成进度是否快于时间进度，增速目标看增速是否达到目标，控制目标看是否在目标以内，并注明相差的百分点。`;
  const key = b.columns.map((c, i) => `${i + 1} ${nameOf(c.indicator, locale)}`).join(en ? '; ' : '；');
  // One column shown (a reader's choice in the browser): its rows; else every indicator with a target.
  const downloads = tableDownloads({ indicator: b.columns.length === 1 ? b.columns[0]!.indicator.id : null, period: b.period, parent: b.parent.code, targets: true }, locale);
  return textEl('p', { class: 'lede' }, lede) + tables.join('') + downloads + textEl('p', { class: 'board-key', 'aria-hidden': 'true' }, `${en ? 'Columns: ' : '列：'}${key}`);
}
