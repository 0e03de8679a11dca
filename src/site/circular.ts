/**
 * What a circular page and its Word file are made of, asked of the model: both ask the same
 * memoised progress query (one per parent and period, serving every indicator), so a circular
 * costs one query for its two languages and both files.
 */
import { formatDate } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import { circular, type Circular } from '../views/circular.ts';
import { siteManifest } from './data.ts';
import * as m from './model.ts';

/** Years before the parent's latest board period that get a circular: the current year and the previous one. */
const YEARS_BACK = 1;

/** The periods of the current and the previous year at which the parent has a board, newest first. */
export async function circularPeriods(parent: string): Promise<string[]> {
  const periods = await m.boardPeriods(parent);
  const latestYear = periods.length ? Number(periods[0]!.slice(0, 4)) : 0;
  return periods.filter((p) => Number(p.slice(0, 4)) >= latestYear - YEARS_BACK);
}

/** Every (parent, period) that gets a circular. */
export async function circularPaths(): Promise<{ parent: string; period: string }[]> {
  const out: { parent: string; period: string }[] = [];
  for (const parent of await m.boardParents()) for (const period of await circularPeriods(parent)) out.push({ parent, period });
  return out;
}

/** The circular of a parent's children at a period, in one language. */
export async function circularOf(parentCode: string, period: string, locale: Locale): Promise<Circular> {
  const parent = await m.jurisdiction(parentCode);
  const manifest = siteManifest();
  const columns = [];
  for (const id of await m.targetIndicators(parentCode, Number(period.slice(0, 4)))) {
    // An indicator missing from the public data (internal) has targets but no page: left out, as on the board.
    const indicator = await m.indicator(id).catch(() => null);
    if (indicator) columns.push({ indicator, rows: await m.progress(parentCode, id, period) });
  }
  return circular({
    parent,
    period,
    columns,
    locale,
    version: manifest.data_version,
    dataAsOf: manifest.data_as_of ? formatDate(manifest.data_as_of, locale, { time: false }) : null,
  });
}
