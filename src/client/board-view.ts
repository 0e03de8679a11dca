/**
 * The progress board's browser view: a period, one indicator or all, and an order; the board is
 * drawn by the build's own renderer (src/views/board-view.ts) from the catalog's progress query
 * run in DuckDB-WASM.
 */
import { formatPeriod } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import { indicatorList } from '../lib/schema.ts';
import { jurisdictionHref } from '../site/paths.ts';
import { boardBody } from '../views/board-view.ts';
import { mountView } from './view.ts';

interface Named {
  code: string;
  name_zh: string;
  name_en: string | null;
}

interface BoardViewConfig {
  parent: Named;
  children: Named[];
  indicators: { id: string; name_zh: string; name_en: string; href: string }[];
  locale: Locale;
  dataUrl: string;
  periods: string[];
  initial: { period: string; indicator: string; sort: string };
}

function setup(root: HTMLElement): void {
  const cfg = JSON.parse(root.dataset.viewConfig ?? '{}') as BoardViewConfig;
  const ids = cfg.indicators.map((i) => i.id);
  mountView(root, {
    specs: [
      { name: 'period', values: cfg.periods, initial: cfg.initial.period },
      { name: 'indicator', values: ['all', ...ids], initial: cfg.initial.indicator },
      { name: 'sort', values: ['name', ...ids], initial: cfg.initial.sort },
    ],
    locale: cfg.locale,
    dataUrl: cfg.dataUrl,
    describe: (state) => formatPeriod(state.period!, cfg.locale),
    render: async (state, catalog) => {
      const shown = (id: string) => state.indicator === 'all' || id === state.indicator;
      const asked = cfg.indicators.filter((i) => shown(i.id) || i.id === state.sort);
      // One query for every column, not one per indicator: each query costs about as much
      // whatever it covers (the board's dozen columns took twelve times one).
      const rows = await catalog.run(catalog.queries.progress, { period: state.period!, parent: cfg.parent.code, indicator: indicatorList(asked.map((i) => i.id)) });
      const columns = asked.map((ind) => ({ indicator: ind, href: ind.href, rows: rows.filter((r) => r.indicator === ind.id) }));
      // the units valid at the period, in the list's order, then any the list does not know
      const valid = columns[0]?.rows ?? [];
      const listed = cfg.children.filter((c) => valid.some((r) => r.jurisdiction === c.code));
      const extra = valid.filter((r) => !cfg.children.some((c) => c.code === r.jurisdiction)).map((r) => ({ code: r.jurisdiction, name_zh: r.name_zh, name_en: r.name_en }));
      const sortColumn = columns.find((c) => c.indicator.id === state.sort);
      return boardBody({
        parent: cfg.parent,
        period: state.period!,
        children: [...listed, ...extra],
        columns: columns.filter((c) => shown(c.indicator.id)),
        sortBy: sortColumn?.rows ?? null,
        locale: cfg.locale,
        hrefFor: (code) => jurisdictionHref(code, cfg.locale),
      });
    },
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-view="board"]')) setup(root);
