/**
 * An earlier period's briefing, drawn in the browser: the same gathering (src/views/briefing-data.ts)
 * over the catalog's progress query in DuckDB-WASM, and the same renderer as the pre-rendered
 * briefings (src/views/briefing.ts).
 */
import { formatPeriod } from '../lib/format.ts';
import type { ProgressRow } from '../queries/progress.ts';
import type { Locale } from '../lib/i18n.ts';
import { briefingBody, type PublicationFacts } from '../views/briefing.ts';
import { CATALOG_TABLES } from '../engine/tables.ts';
import { collectBriefing, type BriefingSubject } from '../views/briefing-data.ts';
import { ledgerMonth, projectsOfUnit } from '../views/projects.ts';
import { showRevisions } from './briefing-version.ts';
import { mountView } from './view.ts';

interface BriefingViewConfig extends Omit<BriefingSubject, 'period'> {
  locale: Locale;
  dataUrl: string;
  periods: string[];
  /** The projects ledger's months (none: no ledger, and the engine is not sent it). */
  ledgerPeriods: string[];
  projectsPage: string | null;
  /** The site's data version, and the revised figures' publications of each period offered (src/site/model.ts publicationsOf). */
  version: string;
  publications: Record<string, PublicationFacts[]>;
}

function setup(root: HTMLElement): void {
  const cfg = JSON.parse(root.dataset.viewConfig ?? '{}') as BriefingViewConfig;
  // A link pinned to a data version (?period=…&v=…&asof=…, from a briefing's link through the
  // 404 page), read once: the address keeps v and asof, but its period follows the controls, and
  // the notice is about the link's period.
  const pinned = new URLSearchParams(location.search);
  const changes = root.querySelector<HTMLElement>('.briefing-changes');
  mountView(root, {
    specs: [{ name: 'period', values: ['', ...cfg.periods], initial: '' }],
    locale: cfg.locale,
    dataUrl: cfg.dataUrl,
    scope: cfg.ledgerPeriods.length > 0 ? { tables: CATALOG_TABLES } : {},
    describe: (state) => formatPeriod(state.period!, cfg.locale),
    render: async (state, catalog) => {
      const periods = new Map<string, Promise<readonly string[]>>();
      // Every indicator's progress under a parent in one query, as the build asks: the engine runs
      // one query at a time, and a briefing asked about a hundred, one per indicator, parent and
      // period. An indicator's rows are those, in that order, that asking for it alone gives.
      const progressUnder = new Map<string, Promise<ProgressRow[]>>();
      const data = await collectBriefing(
        { ...cfg, period: state.period! },
        {
          progress: async (parent, indicator, period) => {
            const key = `${parent ?? ''} ${period}`;
            if (!progressUnder.has(key)) progressUnder.set(key, catalog.run(catalog.queries.progress, { period, parent, indicator: null }));
            return (await progressUnder.get(key)!).filter((r) => r.indicator === indicator);
          },
          periods: (_parent, indicator) => {
            if (!periods.has(indicator)) periods.set(indicator, catalog.run(catalog.queries.periods, { indicator }).then((rows) => rows.map((r) => r.period)));
            return periods.get(indicator)!;
          },
          ...(cfg.ledgerPeriods.length > 0 && {
            projects: async (code, period) => {
              // every unit at once (parent NULL), as the build asks
              const month = ledgerMonth(period);
              if (!cfg.ledgerPeriods.includes(month)) return null;
              const [funnel, rates] = await Promise.all([
                catalog.run(catalog.queries.projectFunnel, { period: month, parent: null }),
                catalog.run(catalog.queries.projectRates, { period: month, parent: null }),
              ]);
              return projectsOfUnit(code, month, funnel, rates);
            },
            projectsPage: async () => cfg.projectsPage,
          }),
        },
      );
      // Said for the period the link was made for, as its pre-rendered briefing says it.
      if (changes) {
        if (state.period === pinned.get('period')) showRevisions(changes, { version: cfg.version, locale: cfg.locale, publications: cfg.publications[state.period!] ?? [], indicators: cfg.indicators }, pinned);
        else changes.hidden = true;
      }
      return briefingBody({ ...data, locale: cfg.locale });
    },
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-view="briefing"]')) setup(root);
