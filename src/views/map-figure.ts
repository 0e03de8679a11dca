/**
 * A choropleth of the children of a parent with its boundary source and approval number, and
 * its numbers as a table: one function, called by the pages at build time and by the browser
 * views when a reader picks another period or metric.
 */
import { formatObservation, formatPct, formatPp, sharedDecimals } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Flag, Unit } from '../lib/schema.ts';
import { featureCodes, mapCaption, renderChoropleth, type ChoroplethDatum, type MapsRow } from '../render/map.ts';
import { el, escapeText, textEl } from '../render/svg.ts';
import type { Topology } from 'topojson-specification';

export interface MapRow {
  code: string;
  name: string;
  value: number | null;
  flag: string | null;
}

/** level: sequential classes of the value (or a share); growth or gap: diverging around zero. */
export type MapMeasure = 'level' | 'share' | 'growth' | 'gap';

export interface MapFigureOptions {
  /** The boundaries and what must be printed under them; null draws nothing. */
  map: { topology: Topology; config: MapsRow } | null;
  rows: readonly MapRow[];
  measure: MapMeasure;
  unit: Unit;
  decimals: number;
  title: string;
  legendTitle: string;
  locale: Locale;
  idPrefix: string;
  /** Draw the file's other features as grey background: a country map may not leave territory out. */
  showRest?: boolean;
  /** Print the regions' numbers in a table under the map; off where a ranking table next to it has them. */
  withTable?: boolean;
  /** The page of a region. */
  hrefFor: (code: string) => string;
}

function label(r: MapRow, measure: MapMeasure, unit: Unit, decimals: number, locale: Locale): string {
  if (measure === 'level') return formatObservation({ value: r.value, flag: (r.flag ?? '') as Flag, unit, decimals }, locale).plain;
  if (r.value == null) return '';
  if (measure === 'growth') return formatPct(r.value);
  if (measure === 'share') return formatPct(r.value * 100);
  return formatPp(r.value, locale);
}

/** The figure's markup; empty when there is no map or no row to draw on it. */
export function mapFigure(o: MapFigureOptions): string {
  const { map, measure, unit, locale } = o;
  if (!map) return '';
  // One number of decimals for the figures of the map and its table.
  const decimals = sharedDecimals(o.rows.map((r) => r.value), o.decimals);
  const drawable = new Set(featureCodes(map.topology));
  const data: ChoroplethDatum[] = o.rows
    .filter((r) => drawable.has(r.code))
    .map((r) => {
      const status = r.flag === 'c' ? 'suppressed' : r.value == null ? 'missing' : 'ok';
      return { code: r.code, name: r.name, value: status === 'ok' ? r.value : null, status, label: label(r, measure, unit, decimals, locale) };
    });
  if (data.length === 0) return '';
  const svg = renderChoropleth({
    topology: map.topology,
    codes: data.map((d) => d.code),
    data,
    scale: measure === 'level' || measure === 'share' ? { type: 'sequential' } : { type: 'diverging', center: 0 },
    title: o.title,
    legendTitle: o.legendTitle,
    locale,
    idPrefix: o.idPrefix,
    context: o.showRest ? 'rest' : undefined,
    hrefFor: o.hrefFor,
  });
  const en = locale === 'en';
  const table =
    o.withTable === false
      ? ''
      : el(
          'details',
          {},
          textEl('summary', {}, en ? 'The map in a table' : '地图数据表'),
          el(
            'div',
            { class: 'table-wrap', tabindex: '0' },
            el(
              'table',
              {},
              textEl('caption', {}, o.title),
              el('thead', {}, el('tr', {}, textEl('th', { scope: 'col' }, en ? 'Jurisdiction' : '地区'), textEl('th', { scope: 'col', class: 'num' }, o.legendTitle))),
              el(
                'tbody',
                {},
                ...data.map((d) =>
                  el(
                    'tr',
                    {},
                    el('th', { scope: 'row' }, el('a', { href: o.hrefFor(d.code) }, escapeText(d.name ?? d.code))),
                    textEl('td', { class: 'num' }, d.label || (d.status === 'suppressed' ? (en ? 'suppressed' : '保密') : '—')),
                  ),
                ),
              ),
            ),
          ),
        );
  return el('div', { class: 'map defer', style: '--h:36rem' }, svg, textEl('p', { class: 'caption' }, mapCaption(map.config, locale)), table);
}
