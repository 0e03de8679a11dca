/**
 * The choropleth legend, as HTML rather than SVG text: it wraps, zooms and takes the page's
 * text colour (so its contrast is the page's body-text contrast), and a screen reader reads
 * it as a list. Only the swatches are SVG, drawn without ids so that any number of legends
 * can share a page.
 */
import { pick, UI, type Locale } from '../lib/i18n.ts';
import { el, escapeText, leaf } from './svg.ts';

export type { Locale } from '../lib/i18n.ts';

export const MISSING_FILL = '#e5e5e5';
export const HATCH_BACKGROUND = '#fff';
export const HATCH_INK = '#636363';

/** The words a map prints, from the shared UI strings so a translator finds them in one place. */
export function words(locale: Locale): { suppressed: string; missing: string; colon: string } {
  return { suppressed: pick(UI.suppressed, locale), missing: pick(UI.noData, locale), colon: locale === 'zh-CN' ? '：' : ': ' };
}

export type Swatch = { kind: 'color'; color: string } | { kind: 'hatch' } | { kind: 'missing' };

export interface LegendEntry {
  swatch: Swatch;
  label: string;
}

const SIZE = 14;

/** A 14×14 swatch, hidden from assistive technology (the label says it all). */
export function swatchSvg(swatch: Swatch): string {
  const a = { width: SIZE, height: SIZE, viewBox: `0 0 ${SIZE} ${SIZE}`, 'aria-hidden': 'true', focusable: 'false' };
  const frame = { x: 0.5, y: 0.5, width: SIZE - 1, height: SIZE - 1, stroke: '#767676' };
  switch (swatch.kind) {
    case 'color':
      return el('svg', a, leaf('rect', { ...frame, fill: swatch.color }));
    case 'missing':
      return el('svg', a, leaf('rect', { ...frame, fill: MISSING_FILL }));
    case 'hatch':
      // The same hatch as the map's <pattern>, drawn as lines: a pattern would need an id.
      return el(
        'svg',
        a,
        leaf('rect', { ...frame, fill: HATCH_BACKGROUND }),
        leaf('path', { d: 'M-1 5L5-1M-1 10L10-1M-1 15L15-1M4 15L15 4M9 15L15 9', stroke: HATCH_INK, 'stroke-width': 1.5 }),
        leaf('rect', { ...frame, fill: 'none' }),
      );
  }
}

/** `<div class="choropleth-legend">` with the legend title and one list item per entry. */
export function legendHtml(title: string, entries: readonly LegendEntry[]): string {
  const items = entries.map((e) => el('li', {}, swatchSvg(e.swatch), el('span', {}, escapeText(e.label))));
  return el('div', { class: 'choropleth-legend' }, el('p', { class: 'choropleth-legend-title' }, escapeText(title)), el('ul', {}, ...items));
}
