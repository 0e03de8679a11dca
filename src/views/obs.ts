/**
 * One figure with its flag as markup: the value, a superscript mark, and the full reading for
 * screen readers. Suppressed is never zero, missing is "—" (formatObservation).
 */
import { formatObservation } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Flag, Unit } from '../lib/schema.ts';
import { el, escapeText } from '../render/svg.ts';
import { revisionMark, type RevisionLink } from './revisions.ts';

/** `revision`: the figure was revised; its r mark links to the release that revised it. */
export function obsMarkup(value: number | null, flag: string | null, unit: Unit, decimals: number, locale: Locale, revision: RevisionLink | null = null): string {
  const o = formatObservation({ value, flag: (flag ?? '') as Flag, unit, decimals }, locale);
  const rev = revision ? revisionMark(revision, locale) : '';
  if (o.aria === o.text) return escapeText(o.text) + rev;
  // A revised figure's r mark is the link itself, not printed twice.
  const mark = o.mark && !(rev && flag === 'r') ? el('sup', { class: 'flag' }, escapeText(o.mark)) : '';
  return el('span', { 'aria-hidden': 'true' }, escapeText(o.text), mark) + el('span', { class: 'sr-only' }, escapeText(o.aria)) + rev;
}
