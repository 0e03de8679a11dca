/**
 * The jurisdiction page's browser view: a period (or each indicator's latest) and a comparison
 * (the parent, the peers' average, last year); the summary is drawn by the build's own renderer
 * (src/views/jurisdiction-view.ts) from the catalog's progress query run in DuckDB-WASM.
 */
import { formatPeriod } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import { indicatorList, type Unit } from '../lib/schema.ts';
import type { ProgressRow } from '../queries/progress.ts';
import { COMPARISONS, jurisdictionSummary, lastYearOf, type Comparison, type JurisdictionEntry } from '../views/jurisdiction-view.ts';
import { revisedFrom, type ReleaseRevisions } from '../views/revisions.ts';
import { mountView } from './view.ts';

interface Place {
  code: string;
  name_zh: string;
  name_en: string | null;
  parent: string | null;
}

interface Indicator {
  id: string;
  name_zh: string;
  name_en: string;
  unit: Unit;
  decimals: number;
  /** The jurisdiction's latest period of it. */
  latest: string;
}

interface JurisdictionViewConfig {
  jurisdiction: Place;
  parent: Place | null;
  indicators: Indicator[];
  locale: Locale;
  dataUrl: string;
  periods: string[];
  latestText: string;
  initial: { period: string; compare: Comparison };
  /** Its revised figures, marked as the page marks them. */
  revisions: ReleaseRevisions[];
}

const PROGRESS_TABLES = ['jurisdictions', 'indicators', 'releases', 'observations', 'targets'];

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
    // What the progress query reads, and nothing else (no exchange rates, no projects ledger).
    scope: { tables: PROGRESS_TABLES },
    describe: (state) => (state.period === 'latest' ? cfg.latestText : formatPeriod(state.period!, cfg.locale)),
    render: async (state, catalog) => {
      const compare = state.compare as Comparison;
      const periodOf = (ind: Indicator) => (state.period === 'latest' ? ind.latest : state.period!);
      // One query per period and parent over every indicator shown at that period (usually one
      // period), not one per indicator: each query costs about as much whatever it covers.
      const periods = [...new Set(cfg.indicators.map(periodOf))];
      const answers = await Promise.all(
        periods.map(async (period) => {
          const indicator = indicatorList(cfg.indicators.filter((ind) => periodOf(ind) === period).map((ind) => ind.id));
          const ask = (parent: string | null, p: string) => catalog.run(catalog.queries.progress, { period: p, parent, indicator });
          const [peerRows, parentRows, lastRows] = await Promise.all([
            ask(own.parent, period),
            compare === 'parent' && cfg.parent ? ask(cfg.parent.parent, period) : [],
            compare === 'last_year' ? ask(own.parent, lastYearOf(period)) : [],
          ]);
          return [period, { peerRows, parentRows, lastRows }] as const;
        }),
      );
      const byPeriod = new Map(answers);
      const entries: JurisdictionEntry[] = cfg.indicators.map((ind) => {
        const period = periodOf(ind);
        const of = (rows: readonly ProgressRow[]) => rows.filter((r) => r.indicator === ind.id);
        const { peerRows, parentRows, lastRows } = byPeriod.get(period)!;
        const peers = of(peerRows);
        const row = rowOf(peers, own.code);
        return {
          indicator: ind,
          period,
          row,
          peers: row ? peers.filter((r) => r.level === row.level) : [],
          parentRow: rowOf(of(parentRows), cfg.parent?.code),
          lastYearRow: rowOf(of(lastRows), own.code),
        };
      });
      return jurisdictionSummary({ jurisdiction: own, parent: cfg.parent, compare, entries, locale: cfg.locale, revised: revisedFrom(cfg.revisions) });
    },
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-view="jurisdiction"]')) setup(root);
