/**
 * A verdict as markup: the status word and the signed gap on one element that carries what a
 * machine needs to check that every page says the same (data-jurisdiction, -indicator, -period,
 * -status, -gap-pp). Every page, the board and the browser views print verdicts only through
 * this module, from the progress query's `status`, `verdict_kind` and `verdict_gap_pp`.
 */
import { formatPp } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import { statusWord, VERDICT_DECIMALS, type Status, type VerdictKind } from '../lib/verdict.ts';
import { el, escapeText } from './svg.ts';

/** The columns of a progress row a verdict is made of. */
export interface VerdictFacts {
  jurisdiction: string;
  indicator: string;
  period: string;
  status: Status;
  verdict_kind: VerdictKind | null;
  verdict_gap_pp: number | null;
}

/** "快于进度 +3.2个百分点", "控制在目标以内 +3.8个百分点", "无目标" / "ahead of pace +3.2 pp". */
export function verdictText(v: VerdictFacts, locale: Locale): string {
  const word = statusWord(v.status, v.verdict_kind, locale);
  return v.verdict_gap_pp === null ? word : `${word} ${formatPp(v.verdict_gap_pp, locale, VERDICT_DECIMALS)}`;
}

/** The data attributes of a verdict; data-gap-pp is empty when there is no gap. */
export function verdictAttrs(v: VerdictFacts): Record<string, string> {
  return {
    'data-jurisdiction': v.jurisdiction,
    'data-indicator': v.indicator,
    'data-period': v.period,
    'data-status': v.status,
    'data-gap-pp': v.verdict_gap_pp === null ? '' : v.verdict_gap_pp.toFixed(VERDICT_DECIMALS),
  };
}

export interface VerdictMarkupOptions {
  /** The element: a span in text (default), a td in a table row. */
  tag?: 'span' | 'td';
  /** Also print the gap (default true). */
  gap?: boolean;
}

/** `<span class="verdict status-behind" data-…>慢于进度 −3.2个百分点</span>` */
export function verdictMarkup(v: VerdictFacts, locale: Locale, { tag = 'span', gap = true }: VerdictMarkupOptions = {}): string {
  const text = gap ? verdictText(v, locale) : statusWord(v.status, v.verdict_kind, locale);
  return el(tag, { class: `verdict status-${v.status}`, ...verdictAttrs(v) }, escapeText(text));
}
