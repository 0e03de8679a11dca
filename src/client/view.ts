/**
 * What every browser view does the same way: its state is the URL (canonical query string,
 * pushed on a change, read again on back and forward; a link's data version kept after it), its
 * controls are the form's selects, the engine is fetched on intent, the status line says what is
 * shown or being updated to, and the static view comes back for the page's own state. A view only
 * says how to draw a state.
 */
import { VIEW_STATUS, type Locale, type ViewFailure } from '../lib/i18n.ts';
import { addressQuery, isInitial, readViewState, viewQuery, type ParamSpec } from '../lib/view-state.ts';
import { canQuery, keptCatalog, NotKept, openCatalog, prefetchCatalog, type Catalog, type CatalogScope } from './engine.ts';

export interface ViewDefinition {
  specs: ParamSpec[];
  locale: Locale;
  dataUrl: string;
  /** What the view queries, when it is not every table of the catalog and every indicator: only that is downloaded. */
  scope?: CatalogScope;
  /** The words for the period or selection a state shows ("2025年1-6月"). */
  describe: (state: Record<string, string>) => string;
  /** The view body's markup for a state, from the catalog. */
  render: (state: Record<string, string>, catalog: Catalog) => Promise<string>;
  /**
   * A state that belongs to another page (an indicator view's other parent): its URL, to go to
   * instead of drawing here.
   */
  elsewhere?: (state: Record<string, string>, query: string) => string | null;
}

export function mountView(root: HTMLElement, def: ViewDefinition): void {
  const form = root.querySelector<HTMLFormElement>('.view-controls')!;
  const status = root.querySelector<HTMLElement>('.view-status')!;
  const body = root.querySelector<HTMLElement>('.view-body')!;
  const words = VIEW_STATUS[def.locale];
  const { specs } = def;
  const initialState = Object.fromEntries(specs.map((s) => [s.name, s.initial]));
  const staticHtml = body.innerHTML;
  const staticStatus = status.textContent ?? '';
  // What the static view shows, for the reader told that an update failed (none: an empty body).
  const staticLabel = staticHtml.trim() ? def.describe(initialState) : null;
  let drawn = 0; // the latest request wins: an older answer arriving late is dropped

  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;

  /** The static view, with its state in the controls and on the root. */
  function showStatic(): void {
    for (const spec of specs) select(spec.name).value = spec.initial;
    body.innerHTML = staticHtml;
    root.dataset.viewState = viewQuery(initialState, specs);
  }

  async function show(state: Record<string, string>): Promise<void> {
    const ticket = ++drawn;
    for (const spec of specs) select(spec.name).value = state[spec.name]!;
    const query = viewQuery(state, specs);
    if (isInitial(state, specs)) {
      showStatic();
      status.textContent = staticStatus;
      root.removeAttribute('aria-busy'); // a render still under way for a state taken back
      return;
    }
    const label = def.describe(state);
    status.textContent = words.updating(label);
    root.setAttribute('aria-busy', 'true');
    let stage: ViewFailure = canQuery() ? 'load' : 'no_wasm';
    const started = performance.now();
    try {
      // The last answer's time splits a redraw into its queries and its markup (measures `npm run bench` reads).
      let ready = started;
      let answered = started;
      const timed = (catalog: Catalog): Catalog => ({ ...catalog, run: (q, p) => catalog.run(q, p).finally(() => (answered = performance.now())) });
      // A state this browser drew before is drawn again from the rows kept then, without the
      // engine; on any miss (or failure) the engine answers, as for every other state. It is
      // started now all the same: a miss then does not wait for the lookup first, and the next
      // change finds it ready (a link naming a state asks for it anyway).
      if (stage !== 'no_wasm') prefetchCatalog(def.dataUrl, def.locale, def.scope);
      let source: 'kept' | 'engine' = 'kept';
      let html = await keptCatalog(def.dataUrl, def.scope)
        .then((kept) => def.render(state, timed(kept)))
        .catch((err: unknown) => {
          if (!(err instanceof NotKept)) console.error(err);
          return null;
        });
      if (html === null) {
        source = 'engine';
        const catalog = await openCatalog(def.dataUrl, (line) => ticket === drawn && (status.textContent = line), def.locale, def.scope);
        stage = 'draw';
        ready = answered = performance.now();
        html = await def.render(state, timed(catalog));
      }
      if (ticket !== drawn) return;
      // Keep the height until the new content is in: the page below does not jump.
      body.style.minHeight = `${body.offsetHeight}px`;
      body.innerHTML = html;
      requestAnimationFrame(() => (body.style.minHeight = ''));
      status.textContent = words.showing(label);
      root.dataset.viewState = query;
      const detail = { state: query, source };
      performance.measure('view:engine', { start: started, end: ready, detail });
      performance.measure('view:query', { start: ready, end: answered, detail });
      performance.measure('view:render', { start: answered, detail });
    } catch (err) {
      if (ticket !== drawn) return;
      console.error(err);
      // The page falls back to the view it has for sure, and says so; the controls show that
      // state too, so that picking the wanted one again tries again.
      showStatic();
      status.textContent = words.failed(label, stage, staticLabel);
    } finally {
      if (ticket === drawn) root.removeAttribute('aria-busy');
    }
  }

  const go = (state: Record<string, string>, push: boolean): void => {
    const query = viewQuery(state, specs);
    const away = def.elsewhere?.(state, query);
    if (away) {
      if (push) location.assign(away);
      else location.replace(away);
      return;
    }
    // the address keeps a link's data version (VERSION_PARAMS): the reader's copy stays pinned
    if (push) history.pushState(null, '', `?${addressQuery(state, specs, location.search)}${location.hash}`);
    void show(state);
  };

  form.hidden = false;
  // Intent: the engine starts loading when a reader reaches for a control, not on page view.
  const prefetch = () => prefetchCatalog(def.dataUrl, def.locale, def.scope);
  form.addEventListener('pointerover', prefetch, { once: true });
  form.addEventListener('focusin', prefetch, { once: true });
  form.addEventListener('change', () => go(Object.fromEntries(specs.map((s) => [s.name, select(s.name).value])), true));
  addEventListener('popstate', () => void show(readViewState(location.search, specs).state));

  const initial = readViewState(location.search, specs);
  if (initial.explicit) {
    // one view, one address: a link with its parameters in another order (or unknown ones) is
    // rewritten; its data version, if pinned, stays
    const canonical = `?${addressQuery(initial.state, specs, location.search)}`;
    if (location.search !== canonical) history.replaceState(null, '', `${canonical}${location.hash}`);
    go(initial.state, false);
  }
  else root.dataset.viewState = viewQuery(initial.state, specs);
}
