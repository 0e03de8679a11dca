/**
 * A verdict as markup: the status word and the signed gap on one element that carries what a
 * machine needs to check that every page says the same (data-jurisdiction, -indicator, -period,
 * -status, -gap-pp). Every page, the board and the browser views print verdicts only through
 * this module, from the progress query's `status`, `verdict_kind` and `verdict_gap_pp`.
 */
import type { Locale } from '../lib/i18n.ts';
import { statusWord, verdictPhrase, VERDICT_DECIMALS, type Status, type VerdictKind } from '../lib/verdict.ts';
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

/** "快于进度3.2个百分点", "超出控制目标2.7个百分点", "无目标" / "3.2 pp ahead of pace" (verdictPhrase). */
export function verdictText(v: VerdictFacts, locale: Locale): string {
  return verdictPhrase(v.status, v.verdict_kind, v.verdict_gap_pp, locale);
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
