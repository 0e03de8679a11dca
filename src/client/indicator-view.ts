/**
 * The indicator page's browser view: a period, a metric and the parent whose children are shown.
 * It runs the catalog queries the build ran, in DuckDB-WASM, and draws the result with the
 * build's own renderer (src/views/indicator-view.ts). Nothing here draws a figure.
 */
import type { Topology } from 'topojson-specification';
import { formatPeriod } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Unit } from '../lib/schema.ts';
import type { MapsRow } from '../render/map.ts';
import type { ReleaseRevisions, Revised } from '../views/revisions.ts';
import { jurisdictionHref } from '../site/paths.ts';
import { METRICS, type Metric } from '../views/metrics.ts';
import { withoutHalfPixel } from './plot-offset.ts';
import { mountView } from './view.ts';

interface IndicatorViewConfig {
  indicator: { id: string; name_zh: string; name_en: string; unit: Unit; decimals: number };
  parent: { code: string; name_zh: string; name_en: string | null; level: string };
  locale: Locale;
  dataUrl: string;
  map: { file: string; config: MapsRow } | null;
  showRest: boolean;
  periods: string[];
  initial: { period: string; metric: Metric; parent: string };
  /** The page of each parent the reader may pick. */
  parents: Record<string, string>;
  /** The revised figures the tables may show, marked as the page marks them. */
  revisions: ReleaseRevisions[];
}

function setup(root: HTMLElement): void {
  const cfg = JSON.parse(root.dataset.viewConfig ?? '{}') as IndicatorViewConfig;
  let topology: Promise<Topology> | null = null;
  let renderer: Promise<typeof import('../views/indicator-view.ts')> | null = null;
  let revised: Promise<Revised> | null = null;
  mountView(root, {
    specs: [
      { name: 'period', values: cfg.periods, initial: cfg.initial.period },
      { name: 'metric', values: METRICS, initial: cfg.initial.metric },
      { name: 'parent', values: Object.keys(cfg.parents), initial: cfg.initial.parent },
    ],
    locale: cfg.locale,
    dataUrl: cfg.dataUrl,
    scope: { indicators: [cfg.indicator.id] },
    describe: (state) => formatPeriod(state.period!, cfg.locale),
    // another parent's children are another page: go there with the same state
    elsewhere: (state, query) => (state.parent === cfg.parent.code ? null : `${cfg.parents[state.parent!]}?${query}`),
    render: async (state, catalog) => {
      topology ??= cfg.map ? fetch(cfg.map.file).then((r) => r.json() as Promise<Topology>) : null;
      // the renderers are loaded on the first redraw (with Plot drawn as at build time), not on page view
      renderer ??= withoutHalfPixel(() => import('../views/indicator-view.ts'));
      revised ??= import('../views/revisions.ts').then(({ revisedFrom }) => revisedFrom(cfg.revisions));
      const params = { period: state.period!, parent: cfg.parent.code, indicator: cfg.indicator.id };
      // both bases in one query, as the build asks (the engine runs one query at a time): the rows of
      // each basis are those, in that order, that asking for it alone gives
      const [progress, ranks, topo, { indicatorViewBody }, isRevised] = await Promise.all([
        catalog.run(catalog.queries.progress, params),
        catalog.run(catalog.queries.ranking, { ...params, basis: null }),
        topology,
        renderer,
        revised,
      ]);
      return indicatorViewBody({
        indicator: cfg.indicator,
        parent: cfg.parent,
        period: state.period!,
        metric: state.metric as Metric,
        progress,
        rankValue: ranks.filter((r) => r.basis === 'value'),
        rankYoy: ranks.filter((r) => r.basis === 'yoy'),
        map: cfg.map && topo ? { topology: topo, config: cfg.map.config } : null,
        showRest: cfg.showRest,
        locale: cfg.locale,
        hrefFor: (code) => jurisdictionHref(code, cfg.locale),
        revised: isRevised,
      });
    },
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-view="indicator"]')) setup(root);
