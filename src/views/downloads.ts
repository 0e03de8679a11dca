/**
 * Under each ranking, progress table and board: the public CSV files the table comes from,
 * and which of their rows it shows. The links are the data page's downloads, not a file per
 * table: one set of files (with their byte-order mark and validated text) that holds for every
 * period and indicator a browser view draws too; the renderers write the filter, so a redrawn
 * table names its own rows.
 */
import type { Locale } from '../lib/i18n.ts';
import { el, escapeText } from '../render/svg.ts';
import { downloadHref } from '../site/paths.ts';

export interface TableSource {
  /** The indicator shown; null: every indicator with a target that year (the board). */
  indicator: string | null;
  period: string;
  /** The parent whose children the table lists. */
  parent: string;
  /** The table shows targets too (targets.csv). */
  targets: boolean;
}

const link = (file: string): string => el('a', { href: downloadHref(file), download: true }, escapeText(file));

export function tableDownloads(s: TableSource, locale: Locale): string {
  const year = s.period.slice(0, 4);
  const t = escapeText;
  const parts =
    locale === 'en'
      ? [
          t("This table's data as CSV: the rows of "), link('observations.csv'),
          t(` with ${s.indicator ? `indicator ${s.indicator}` : 'every indicator with a target'} and period ${s.period}, for the units whose parent is ${s.parent} in `),
          link('jurisdictions.csv'),
          ...(s.targets ? [t('; their targets: '), link('targets.csv'), t(`, year ${year}`)] : []),
          t('.'),
        ]
      : [
          t('本表数据（CSV）：'), link('observations.csv'),
          t(`中${s.indicator ? `indicator为${s.indicator}` : 'indicator为有目标的各指标'}、period为${s.period}的行，地区为`),
          link('jurisdictions.csv'), t(`中parent为${s.parent}的地区`),
          ...(s.targets ? [t('；目标见'), link('targets.csv'), t(`中year为${year}的行`)] : []),
          t('。'),
        ];
  // The filter again as data, for a script or a test reading the page.
  const data = { 'data-indicator': s.indicator ?? undefined, 'data-period': s.period, 'data-parent': s.parent };
  return el('p', { class: 'caption downloads', ...data }, ...parts);
}
