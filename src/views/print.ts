/**
 * Paper. Every page prints on A4, the progress board and a circular's ranking tables on
 * landscape pages (the named page `landscape`), without the controls and the disclosure
 * triangles, no table row split across two pages, and on every page a footer: the data version,
 * "data as of", the source and the page's address on the left, the page number of the total on
 * the right. The footer is drawn in the page's margin boxes (@page @bottom-left/-right, which
 * Chromium draws since version 131), so it is part of the printed page and of a PDF; the page's
 * own footer says the same once more at the end, for a browser that does not draw margin boxes.
 */
import type { Locale } from '../lib/i18n.ts';

/** The rules every page has: what paper looks like, and what only paper shows. */
export const PRINT_CSS = `
.print-only, .board-key, .col-no { display: none; }
@media print {
  @page { size: A4; margin: 14mm 12mm 16mm; }
  @page landscape { size: A4 landscape; margin: 10mm 10mm 14mm; }
  @page {
    @bottom-left { content: var(--print-footer, none); font-size: 7pt; color: #333; vertical-align: top; }
    @bottom-right { content: var(--print-pages, none); font-size: 8pt; color: #333; vertical-align: top; white-space: nowrap; }
  }
  body.print-landscape, .print-landscape { page: landscape; }
  /* The page's footer follows landscape tables on their page rather than open a portrait page of its own. */
  main:has(.print-landscape) ~ footer { page: landscape; }
  .print-only, .board-key { display: block; }
  /* The footer's print line says what its screen lines say (the date, the version, the publisher), so on paper it is the only one. */
  body > footer p:not(.print-only) { display: none; }
  .no-print, .view-controls, form, header.site nav, .skip { display: none !important; }
  details:not([open]) { display: none; }
  summary { list-style: none; }
  summary::-webkit-details-marker { display: none; }
  tr, li, figure, .card { break-inside: avoid; }
  h1, h2, h3, caption { break-after: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  .table-wrap th, .table-wrap caption { position: static !important; }
  th:not(.num), td:not(.num) { min-width: 0; }
  table { font-size: 9pt; }
  table.board { width: 100% !important; font-size: 8pt; }
  table.board thead th:first-child { width: 6.5em; }
  table.board th, table.board td { padding: 2pt 3pt; }
  table.board .col-name { display: none; }
  table.board .col-no { display: inline; }
  .board-key { font-size: 8pt; }
  /* A briefing fits two sheets (a city with twelve indicators, either language): smaller type,
     each trajectory in a narrow column beside its sentences, no list of other periods. In the
     numbers table the figures stay whole and the headers and words wrap (the rank, "第1（按总量，
     17个地区有数据，共18个）" with its gaps to 标兵/追兵, is a text cell for that). */
  body:has(.briefing-indicator) main { font-size: 8pt; line-height: 1.3; }
  body:has(.briefing-indicator) h1 { font-size: 13pt; margin: 2pt 0; }
  body:has(.briefing-indicator) .lede { font-size: 8pt; margin: 2pt 0; }
  body:has(.briefing-indicator) main .meta { font-size: 7.5pt; margin: 1pt 0; }
  body:has(.briefing-indicator) main table { font-size: 7pt; line-height: 1.25; }
  body:has(.briefing-indicator) main caption { font-size: 8pt; }
  body:has(.briefing-indicator) main th, body:has(.briefing-indicator) main td { padding: .5pt 2pt; }
  body:has(.briefing-indicator) main thead th { white-space: normal; }
  body:has(.briefing-indicator) header.site { padding: 2pt 0; }
  body:has(.briefing-indicator) .synthetic { padding: 2pt 6pt; margin: 2pt 0; font-size: 8pt; }
  body:has(.briefing-indicator) > footer { font-size: 7pt; margin-top: 4pt; padding: 2pt 0; }
  body:has(.briefing-indicator) main h2 { font-size: 9pt; margin: 4pt 0 0; border: 0; }
  body:has(.briefing-indicator) main p { margin: 0; }
  body:has(.briefing-indicator) main .caption { font-size: 7.5pt; margin: 1pt 0; }
  /* English runs longer than Chinese, the numbers table's rank and subdivisions cells above all
     (Zhengzhou's English briefing took a third sheet): a size smaller, and a figure may wrap at its
     space ("355.35 / billion yuan"); a Chinese figure would break inside its unit, and fits. */
  html:lang(en) body:has(.briefing-indicator) main { font-size: 7.5pt; line-height: 1.25; }
  html:lang(en) body:has(.briefing-indicator) main table.briefing-numbers { font-size: 6.5pt; line-height: 1.15; }
  html:lang(en) table.briefing-numbers td.num { white-space: normal; }
  /* The projects table goes without its caption on paper: the sentences just above it say its
     dates (Zhengzhou's year briefing took a third sheet with it); and without the unit heading
     its one row, which is there to stay in view while the row scrolls on a phone (the section
     names the unit; Nanyang's September briefing took a third sheet with it). */
  table.briefing-projects-numbers caption,
  table.briefing-projects-numbers tr > :first-child { display: none; }
  .briefing-periods { display: none; }
  .briefing-indicator:has(figure) { display: grid; grid-template-columns: 1fr 26%; column-gap: 8pt; align-items: start; }
  .briefing-indicator:has(figure) h2 { grid-column: 1 / -1; }
  .briefing-indicator figure.trajectory { grid-column: 2; grid-row: 2; margin: 0; }
}`;

/** A CSS string: quotes, backslashes and line breaks escaped, and "<" so that no text closes the style element. */
function cssString(s: string): string {
  return `"${s.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

export interface PrintFooter {
  locale: Locale;
  version: string;
  /** Formatted, or null when the data says no date. */
  dataAsOf: string | null;
  source: string | null;
  /** The page's address: its full URL when the site's origin is known, else its path. */
  address: string;
}

/** "数据版本 abc · 数据截至2025年10月17日 · 来源：… · /progress/" */
export function printFooterText(f: PrintFooter): string {
  const en = f.locale === 'en';
  return [
    en ? `Data version ${f.version}` : `数据版本 ${f.version}`,
    f.dataAsOf ? (en ? `data as of ${f.dataAsOf}` : `数据截至${f.dataAsOf}`) : null,
    f.source ? (en ? `source: ${f.source}` : `来源：${f.source}`) : null,
    f.address,
  ]
    .filter((p): p is string => p !== null)
    .join(' · ');
}

/**
 * The page's footer and the page number of the total, which PRINT_CSS's margin boxes show on
 * every printed page: custom properties for the page's <html style>, since the site's
 * Content-Security-Policy allows no <style> of a page's own (src/build/security-headers.ts).
 */
export function printPageStyle(f: PrintFooter): string {
  const en = f.locale === 'en';
  const pages = en ? '"Page " counter(page) " of " counter(pages)' : '"第 " counter(page) " 页，共 " counter(pages) " 页"';
  return `--print-footer: ${cssString(printFooterText(f))}; --print-pages: ${pages}`;
}
