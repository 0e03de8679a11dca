/**
 * An earlier period's briefing, drawn in the browser: the same gathering (src/views/briefing-data.ts)
 * over the catalog's progress query in DuckDB-WASM, and the same renderer as the pre-rendered
 * briefings (src/views/briefing.ts).
 */
import { formatPeriod } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import { briefingBody } from '../views/briefing.ts';
import { collectBriefing, type BriefingSubject } from '../views/briefing-data.ts';
import { mountView } from './view.ts';

interface BriefingViewConfig extends Omit<BriefingSubject, 'period'> {
  locale: Locale;
  dataUrl: string;
  periods: string[];
}

function setup(root: HTMLElement): void {
  const cfg = JSON.parse(root.dataset.viewConfig ?? '{}') as BriefingViewConfig;
  mountView(root, {
    specs: [{ name: 'period', values: ['', ...cfg.periods], initial: '' }],
    locale: cfg.locale,
    dataUrl: cfg.dataUrl,
    describe: (state) => formatPeriod(state.period!, cfg.locale),
    render: async (state, catalog) => {
      const periods = new Map<string, Promise<readonly string[]>>();
      const data = await collectBriefing(
        { ...cfg, period: state.period! },
        {
          progress: (parent, indicator, period) => catalog.run(catalog.queries.progress, { period, parent, indicator }),
          periods: (_parent, indicator) => {
            if (!periods.has(indicator)) periods.set(indicator, catalog.run(catalog.queries.periods, { indicator }).then((rows) => rows.map((r) => r.period)));
            return periods.get(indicator)!;
          },
        },
      );
      return briefingBody({ ...data, locale: cfg.locale });
    },
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-view="briefing"]')) setup(root);
