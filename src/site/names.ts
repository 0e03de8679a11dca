import type { Locale } from '../lib/i18n.ts';

/** A jurisdiction's or indicator's name in the reader's language; Chinese when no English name exists. */
export function nameOf(x: { name_zh: string; name_en?: string | null }, locale: Locale): string {
  return locale === 'en' && x.name_en ? x.name_en : x.name_zh;
}
