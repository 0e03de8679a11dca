/**
 * The jurisdiction page's browser view: a period (or each indicator's latest) and a comparison
 * (the parent, the peers' average, last year); the summary is drawn by the build's own renderer
 * (src/views/jurisdiction-view.ts) from the catalog's progress query run in DuckDB-WASM.
 */
import { formatPeriod } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Unit } from '../lib/schema.ts';
import type { ProgressRow } from '../queries/progress.ts';
import { COMPARISONS, jurisdictionSummary, lastYearOf, type Comparison, type JurisdictionEntry } from '../views/jurisdiction-view.ts';
import { mountView } from './view.ts';

interface Place {
  code: string;
  name_zh: string;
  name_en: string | null;
  parent: string | null;
}

interface JurisdictionViewConfig {
  jurisdiction: Place;
  parent: Place | null;
  indicators: { id: string; name_zh: string; name_en: string; unit: Unit; decimals: number; latest: string }[];
  locale: Locale;
  dataUrl: string;
  periods: string[];
  latestText: string;
  initial: { period: string; compare: Comparison };
}

const rowOf = (rows: readonly ProgressRow[], code: string | undefined): ProgressRow | null => rows.find((r) => r.jurisdiction === code) ?? null;

function setup(root: HTMLElement): void {
  const cfg = JSON.parse(root.dataset.viewConfig ?? '{}') as JurisdictionViewConfig;
  const own = cfg.jurisdiction;
  mountView(root, {
    specs: [
      { name: 'period', values: ['latest', ...cfg.periods], initial: cfg.initial.period },
      { name: 'compare', values: COMPARISONS, initial: cfg.initial.compare },
    ],
    locale: cfg.locale,
    dataUrl: cfg.dataUrl,
    describe: (state) => (state.period === 'latest' ? cfg.latestText : formatPeriod(state.period!, cfg.locale)),
    render: async (state, catalog) => {
      const compare = state.compare as Comparison;
      const entries: JurisdictionEntry[] = await Promise.all(
        cfg.indicators.map(async (ind) => {
          const period = state.period === 'latest' ? ind.latest : state.period!;
          const ask = (parent: string | null, p: string) => catalog.run(catalog.queries.progress, { period: p, parent, indicator: ind.id });
          const [peerRows, parentRows, lastRows] = await Promise.all([
            ask(own.parent, period),
            compare === 'parent' && cfg.parent ? ask(cfg.parent.parent, period) : [],
            compare === 'last_year' ? ask(own.parent, lastYearOf(period)) : [],
          ]);
          const row = rowOf(peerRows, own.code);
          return {
            indicator: ind,
            period,
            row,
            peers: row ? peerRows.filter((r) => r.level === row.level) : [],
            parentRow: rowOf(parentRows, cfg.parent?.code),
            lastYearRow: rowOf(lastRows, own.code),
          };
        }),
      );
      return jurisdictionSummary({ jurisdiction: own, parent: cfg.parent, compare, entries, locale: cfg.locale });
    },
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-view="jurisdiction"]')) setup(root);
