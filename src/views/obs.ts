/**
 * One figure with its flag as markup: the value, a superscript mark, and the full reading for
 * screen readers. Suppressed is never zero, missing is "—" (formatObservation).
 */
import { formatObservation } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Flag, Unit } from '../lib/schema.ts';
import { el, escapeText } from '../render/svg.ts';

export function obsMarkup(value: number | null, flag: string | null, unit: Unit, decimals: number, locale: Locale): string {
  const o = formatObservation({ value, flag: (flag ?? '') as Flag, unit, decimals }, locale);
  if (o.aria === o.text) return escapeText(o.text);
  const mark = o.mark ? el('sup', { class: 'flag' }, escapeText(o.mark)) : '';
  return el('span', { 'aria-hidden': 'true' }, escapeText(o.text), mark) + el('span', { class: 'sr-only' }, escapeText(o.aria));
}
