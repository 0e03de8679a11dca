/** Every internal URL of the site, in one place, so links and routes cannot disagree. */
import type { Locale } from '../lib/i18n.ts';

/**
 * The path the site is served under, without its trailing slash: '' at a host's root, '/portal'
 * when built with PORTAL_BASE=/portal/ (Astro's `base`, which Vite writes into the pages and the
 * browser code alike as import.meta.env.BASE_URL). Code Node runs without Vite (the terminal
 * report) sees the root.
 */
export const BASE_PATH = (import.meta.env?.BASE_URL ?? '/').replace(/\/+$/, '');

const prefix = (locale: Locale): string => `${BASE_PATH}${locale === 'en' ? '/en' : ''}`;

export const homeHref = (locale: Locale): string => `${prefix(locale)}/`;
export const indicatorHref = (id: string, locale: Locale, parent?: string | null): string =>
  `${prefix(locale)}/indicators/${id}/${parent ? `${parent}/` : ''}`;
export const jurisdictionHref = (code: string, locale: Locale): string => `${prefix(locale)}/jurisdictions/${code}/`;
export const progressHref = (locale: Locale, parent?: string | null): string =>
  `${prefix(locale)}/progress/${parent ? `${parent}/` : ''}`;
export const dataHref = (locale: Locale): string => `${prefix(locale)}/data/`;
/** The circular (通报) of a parent's children at one period, and its Word file (named with the parent's code, as it travels alone). */
export const circularHref = (parent: string, period: string, locale: Locale): string => `${prefix(locale)}/circulars/${parent}/${period}/`;
export const circularDocxName = (parent: string, period: string): string => `circular-${parent}-${period}.docx`;
export const circularDocxHref = (parent: string, period: string, locale: Locale): string =>
  `${circularHref(parent, period, locale)}${circularDocxName(parent, period)}`;
/** A briefing: one jurisdiction at one period; without a period, its list of periods (older ones drawn by the browser). */
export const briefingHref = (code: string, locale: Locale, period?: string | null): string =>
  `${prefix(locale)}/briefings/${code}/${period ? `${period}/` : ''}`;
/** A unit's investment projects: the funnel, its subdivisions' rates and the ledger, at the latest month of the ledger. */
export const projectsHref = (code: string, locale: Locale): string => `${prefix(locale)}/projects/${code}/`;
export const methodologyHref = (locale: Locale): string => `${prefix(locale)}/methodology/`;
export const releaseHref = (id: string, locale: Locale): string => `${prefix(locale)}/releases/${id}/`;
export const downloadHref = (file: string): string => `${BASE_PATH}/data/${file}`;
/**
 * The public data directory as the browser's views fetch it. The files keep their names from
 * one build to the next, so every data URL a view fetches carries the data version
 * (`?v=<data_version>`, the engine adds it to each file): a server may then let browsers keep
 * them for a year (README, deployment notes), and a new build is a new URL.
 */
export const publicDataUrl = (dataVersion: string): string => `${BASE_PATH}/data/?v=${encodeURIComponent(dataVersion)}`;
/** One public data file as a view fetches it (a boundary file), with the data version. */
export const publicDataFileUrl = (file: string, dataVersion: string): string => `${BASE_PATH}/data/${file}?v=${encodeURIComponent(dataVersion)}`;

/** The same page in the other language (`pathname` as served, base path included). */
export function otherLanguage(pathname: string, locale: Locale): string {
  const own = pathname.startsWith(`${BASE_PATH}/`) ? pathname.slice(BASE_PATH.length) : pathname;
  return `${BASE_PATH}${locale === 'en' ? own.replace(/^\/en(\/|$)/, '/') : `/en${own}`}`;
}

/** getStaticPaths param for the [...locale] rest segment: zh-CN at the root, English under /en/. */
export const LOCALE_PARAMS = [{ locale: undefined, lang: 'zh-CN' as Locale }, { locale: 'en', lang: 'en' as Locale }];
export const localeOf = (param: string | undefined): Locale => (param === 'en' ? 'en' : 'zh-CN');
