/**
 * The indicator page's browser view: holds the state (period, metric, parent) and keeps it in
 * the URL, fetches the engine on intent or when the URL names a state, runs the catalog queries
 * the build ran in DuckDB-WASM, and draws the result with the build's own renderer
 * (src/views/indicator-view.ts). Nothing here draws a figure.
 */
import type { Topology } from 'topojson-specification';
import { formatPeriod } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Unit } from '../lib/schema.ts';
import { readViewState, viewQuery, isInitial, type ParamSpec } from '../lib/view-state.ts';
import type { MapsRow } from '../render/map.ts';
import { jurisdictionHref } from '../site/paths.ts';
import { indicatorViewBody, METRICS, type Metric } from '../views/indicator-view.ts';
import { openCatalog, prefetchCatalog, statusWords } from './engine.ts';

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
}

function setup(root: HTMLElement): void {
  const cfg = JSON.parse(root.dataset.viewConfig ?? '{}') as IndicatorViewConfig;
  const form = root.querySelector<HTMLFormElement>('.view-controls')!;
  const status = root.querySelector<HTMLElement>('.view-status')!;
  const body = root.querySelector<HTMLElement>('.view-body')!;
  const words = statusWords(cfg.locale);
  const specs: ParamSpec[] = [
    { name: 'period', values: cfg.periods, initial: cfg.initial.period },
    { name: 'metric', values: METRICS, initial: cfg.initial.metric },
    { name: 'parent', values: Object.keys(cfg.parents), initial: cfg.initial.parent },
  ];
  const staticHtml = body.innerHTML;
  const staticStatus = status.textContent ?? '';
  let topology: Promise<Topology> | null = null;
  let drawn = 0; // the latest request wins: an older answer arriving late is dropped

  const setControls = (state: Record<string, string>) => {
    for (const spec of specs) (form.elements.namedItem(spec.name) as HTMLSelectElement).value = state[spec.name]!;
  };

  async function show(state: Record<string, string>): Promise<void> {
    const ticket = ++drawn;
    setControls(state);
    if (isInitial(state, specs)) {
      body.innerHTML = staticHtml;
      status.textContent = staticStatus;
      root.dataset.viewState = viewQuery(state, specs);
      return;
    }
    const periodText = formatPeriod(state.period!, cfg.locale);
    status.textContent = words.updating(periodText);
    root.setAttribute('aria-busy', 'true');
    try {
      const catalog = await openCatalog(cfg.dataUrl, (line) => ticket === drawn && (status.textContent = line), cfg.locale);
      topology ??= cfg.map ? fetch(cfg.map.file).then((r) => r.json() as Promise<Topology>) : null;
      const params = { period: state.period!, parent: cfg.parent.code, indicator: cfg.indicator.id };
      const [progress, rankValue, rankYoy, topo] = await Promise.all([
        catalog.run(catalog.queries.progress, params),
        catalog.run(catalog.queries.ranking, { ...params, basis: 'value' }),
        catalog.run(catalog.queries.ranking, { ...params, basis: 'yoy' }),
        topology,
      ]);
      if (ticket !== drawn) return;
      const html = indicatorViewBody({
        indicator: cfg.indicator,
        parent: cfg.parent,
        period: state.period!,
        metric: state.metric as Metric,
        progress,
        rankValue,
        rankYoy,
        map: cfg.map && topo ? { topology: topo, config: cfg.map.config } : null,
        showRest: cfg.showRest,
        locale: cfg.locale,
        hrefFor: (code) => jurisdictionHref(code, cfg.locale),
      });
      // Keep the height until the new content is in: the page below does not jump.
      body.style.minHeight = `${body.offsetHeight}px`;
      body.innerHTML = html;
      requestAnimationFrame(() => (body.style.minHeight = ''));
      status.textContent = words.showing(periodText);
      root.dataset.viewState = viewQuery(state, specs);
    } catch (err) {
      if (ticket === drawn) status.textContent = `${words.failed} ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      if (ticket === drawn) root.removeAttribute('aria-busy');
    }
  }

  const fromUrl = () => readViewState(location.search, specs);

  form.hidden = false;
  // Intent: the engine starts loading when a reader reaches for a control, not on page view.
  form.addEventListener('pointerover', () => prefetchCatalog(cfg.dataUrl), { once: true });
  form.addEventListener('focusin', () => prefetchCatalog(cfg.dataUrl), { once: true });
  form.addEventListener('change', () => {
    const state = Object.fromEntries(specs.map((s) => [s.name, (form.elements.namedItem(s.name) as HTMLSelectElement).value]));
    const query = viewQuery(state, specs);
    if (state.parent !== cfg.parent.code) {
      location.assign(`${cfg.parents[state.parent!]}?${query}`);
      return;
    }
    history.pushState(null, '', `?${query}${location.hash}`);
    void show(state);
  });
  addEventListener('popstate', () => void show(fromUrl().state));

  const initial = fromUrl();
  // a link naming another parent belongs to that parent's page
  if (initial.state.parent !== cfg.parent.code) location.replace(`${cfg.parents[initial.state.parent!]}?${viewQuery(initial.state, specs)}`);
  else if (initial.explicit) void show(initial.state);
  else root.dataset.viewState = viewQuery(initial.state, specs);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-view="indicator"]')) setup(root);
