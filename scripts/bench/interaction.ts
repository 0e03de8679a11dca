/**
 * How fast a browser view answers a reader, against the built site served by the test server
 * (precompressed copies, hashed and versioned URLs cached for a year: tests/support/static-server.ts),
 * in Chromium, for the indicator view, the jurisdiction view and the progress board:
 *
 *  - cold: a fresh browser profile (empty HTTP and code caches) opens the plain page (no state
 *    in its URL), the pointer moves onto the period control (intent: the engine starts loading),
 *    and another period is picked at once; timed from that change event, and from the intent,
 *    to the moment the view's root carries the new state in `data-view-state` (and is no longer
 *    busy). A reader's pause between pointing and picking would only shorten the first figure.
 *  - warm: in the same page, ~15 further changes, alternating the period with the view's second
 *    control (the metric, the comparison, the board's order), each to a state the static page
 *    does not show (that state is put back without a query); the median, and its split from the
 *    view's performance measures (src/client/view.ts): the queries (from the engine ready to the
 *    last answer) and the markup (from the last answer to the new body in the page).
 *  - second visit: the same profile, a new tab opening the cold change's state URL; timed from
 *    navigation start. What reached the server is listed: with the caching the README asks of a
 *    host, the page is revalidated (304) and nothing else is requested. That state's rows were
 *    kept in the browser when it was first drawn (src/client/kept-results.ts), so it is drawn
 *    without the engine; so a second one: a new tab opening a state this profile never drew,
 *    which waits for the engine (its module, compiled code and data from the caches).
 *    Each redraw says where its rows came from: 'kept' or 'engine'.
 *  - slow 4G: a fresh context opening that state URL under Lighthouse's mobile throttling as
 *    DevTools applies it (Network.emulateNetworkConditions with Lighthouse's own request latency
 *    and throughputs for slow 4G, Emulation.setCPUThrottlingRate 4), timed from navigation start.
 *
 * Every time is taken inside the page (performance.now()): the change event, the first pointer or
 * focus on a control, each data-view-state the root takes, and the frame after it (layout and
 * paint: requestAnimationFrame, then a task), recorded by a script that runs before the page's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { throttling } from 'lighthouse/core/config/constants.js';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/support/site.ts';
import type { StaticServer } from '../../tests/support/static-server.ts';
import { changeControl, openView } from '../../tests/e2e/view-driver.ts';
import { openState } from '../../tests/e2e/state-url.ts';

export const VIEW_KINDS = ['indicator', 'jurisdiction', 'board'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

/** The site template whose representative page holds each view. */
export const VIEW_TEMPLATE = { indicator: 'indicator', jurisdiction: 'jurisdiction', board: 'progress' } as const;

/** The control a warm change alternates with the period (never the indicator view's parent, which is another page). */
const SECOND_CONTROL: Record<ViewKind, string> = { indicator: 'metric', jurisdiction: 'compare', board: 'sort' };

export const INTERACTION_GOALS = {
  /** First control change to the re-rendered view, cold. */
  coldMs: 2500,
  /** A warm state change, query plus render, median: on the demo … */
  warmMs: 100,
  /** … and at a million observations. */
  warmMillionMs: 250,
  /** A second visit's first re-render, warm caches. */
  secondVisitMs: 1000,
} as const;

export const WARM_CHANGES = 15;

/** One redraw, in milliseconds from its start (a change event, or navigation start). */
export interface Redraw {
  state: string;
  /** Until the root carries the state and is no longer busy. */
  ms: number;
  /** Until the frame after it (layout and paint included). */
  paintedMs: number;
  /** The view's own measures of this redraw (NaN when it set none). */
  engineMs: number;
  queryMs: number;
  renderMs: number;
  /** The engine's start, when this redraw waited for it (src/engine/wasm.ts): the wasm, DuckDB opened, the tables created (NaN otherwise). */
  wasmMs: number;
  openMs: number;
  tablesMs: number;
  /** Where the rows came from: the engine, or the rows the browser kept when it drew this state before ('' when not said). */
  source: string;
}

export interface Traffic {
  /** Bytes the server sent, and requests it answered, by status. */
  bytes: number;
  requests: number;
  notModified: number;
  /** Requests answered 200 other than the page itself (what the cache did not hold). */
  fetched: string[];
}

export interface InteractionResult {
  view: ViewKind;
  path: string;
  cold?: Redraw & Traffic & { fromIntentMs: number; intentToChangeMs: number };
  /**
   * `engineMs`: the median of the changes the engine answered, not the kept rows (a metric or an
   * order is often drawn from the rows its period's first redraw kept): the goal is held to it.
   */
  warm?: { redraws: Redraw[]; median: Omit<Redraw, 'state'>; engineMedianMs: number };
  second?: Redraw & Traffic;
  /** A second visit to a state this profile never drew: the engine from the caches. */
  secondOther?: Redraw & Traffic;
  slow4g?: Redraw & Traffic;
  error?: string;
}

interface Recorded {
  intent: number | null;
  changes: { t: number; name: string; value: string }[];
  states: { state: string; t: number; painted: number }[];
}

/**
 * Runs in every page before its own scripts: the times the bench reads back. (No named inner
 * functions here or in the page functions below: tsx compiles with keepNames, which wraps them in
 * a `__name()` helper the page does not have.)
 */
function recorder(): void {
  const rec: Recorded = { intent: null, changes: [], states: [] };
  (window as unknown as { __bench: Recorded }).__bench = rec;
  for (const type of ['pointerover', 'focusin', 'change']) {
    document.addEventListener(
      type,
      (e) => {
        if (!(e.target instanceof HTMLElement && e.target.closest('.view-controls'))) return;
        if (type === 'change') rec.changes.push({ t: performance.now(), name: (e.target as HTMLSelectElement).name, value: (e.target as HTMLSelectElement).value });
        else rec.intent ??= performance.now();
      },
      true,
    );
  }
  let last: string | null = null;
  new MutationObserver(() => {
    const root = document.querySelector('[data-view]');
    const state = root?.getAttribute('data-view-state') ?? null;
    if (!root || state === null || state === last || root.getAttribute('aria-busy') === 'true') return;
    last = state;
    const entry = { state, t: performance.now(), painted: NaN };
    rec.states.push(entry);
    requestAnimationFrame(() => setTimeout(() => (entry.painted = performance.now())));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-view-state', 'aria-busy'] });
}

/** The redraw of `state` that came last, timed from `from` ('change': the change event before it; 'navigation': 0). */
async function readRedraw(page: Page, state: string, from: 'change' | 'navigation'): Promise<{ redraw: Redraw; intent: number | null; change: number }> {
  await page.waitForFunction((s) => (window as unknown as { __bench: Recorded }).__bench.states.some((e) => e.state === s && Number.isFinite(e.painted)), state);
  const r = await page.evaluate(
    ([s, fromChange]) => {
      const rec = (window as unknown as { __bench: Recorded }).__bench;
      const drawn = rec.states.filter((e) => e.state === s).at(-1)!;
      const change = fromChange ? (rec.changes.filter((c) => c.t <= drawn.t).at(-1)?.t ?? NaN) : 0;
      const measures: Record<string, number> = {}; // the latest of each, for this state
      let source = '';
      for (const m of performance.getEntriesByType('measure')) {
        const detail = (m as PerformanceMeasure).detail as { state?: string; source?: string } | null;
        if (detail?.state !== s) continue;
        measures[m.name] = m.duration;
        source = detail.source ?? '';
      }
      // the page's one engine start, if this redraw waited for it (its tables were ready while
      // the redraw waited: the start itself may have begun earlier, on the reader's intent)
      const all = performance.getEntriesByType('measure');
      const waited = all.filter((m) => m.name === 'view:engine' && (m as PerformanceMeasure).detail?.state === s).at(-1);
      const tables = all.find((m) => m.name === 'engine:tables');
      const ready = tables ? tables.startTime + tables.duration : NaN;
      if (waited && ready > waited.startTime && ready <= waited.startTime + waited.duration + 1) {
        for (const m of all) if (m.name.startsWith('engine:')) measures[m.name] = m.duration;
      }
      return {
        t: drawn.t,
        painted: drawn.painted,
        change,
        intent: rec.intent,
        engine: measures['view:engine'] ?? NaN,
        query: measures['view:query'] ?? NaN,
        render: measures['view:render'] ?? NaN,
        wasm: measures['engine:wasm'] ?? NaN,
        open: measures['engine:open'] ?? NaN,
        tables: measures['engine:tables'] ?? NaN,
        source,
      };
    },
    [state, from === 'change'] as const,
  );
  return {
    redraw: {
      state,
      ms: r.t - r.change,
      paintedMs: r.painted - r.change,
      engineMs: r.engine,
      queryMs: r.query,
      renderMs: r.render,
      wasmMs: r.wasm,
      openMs: r.open,
      tablesMs: r.tables,
      source: r.source,
    },
    intent: r.intent,
    change: r.change,
  };
}

function traffic(server: StaticServer, since: number, pagePath: string): Traffic {
  const sent = server.requests.slice(since);
  return {
    bytes: sent.reduce((n, r) => n + r.bytes, 0),
    requests: sent.length,
    notModified: sent.filter((r) => r.status === 304).length,
    fetched: sent.filter((r) => r.status !== 304 && new URL(r.path, server.origin).pathname !== pagePath).map((r) => new URL(r.path, server.origin).pathname),
  };
}

interface Control {
  name: string;
  value: string;
  options: string[];
}

const readControls = (page: Page): Promise<Control[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLSelectElement>('[data-view] .view-controls select')].map((s) => ({
      name: s.name,
      value: s.value,
      options: [...s.options].map((o) => o.value),
    })),
  );

/** The canonical query of the controls' values (the form lists them in the view's order; the URL check in changeControl confirms it). */
const queryOf = (controls: readonly Control[], values: Readonly<Record<string, string>>) =>
  new URLSearchParams(controls.map((c) => [c.name, values[c.name]!])).toString();

const median = (xs: readonly number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * The changes a reader makes: the first picks another period; then the view's second control
 * and the period alternate, each to a value other than the current one and the period never
 * back to the page's own (so every change runs the queries).
 */
function planChanges(controls: readonly Control[], view: ViewKind, count: number): { name: string; value: string }[] {
  const period = controls.find((c) => c.name === 'period');
  const second = controls.find((c) => c.name === SECOND_CONTROL[view]);
  if (!period || !second) throw new Error(`the ${view} view has no period or ${SECOND_CONTROL[view]} control`);
  // 'latest' (the jurisdiction view's first option) is not a period of its own
  const periods = period.options.filter((p) => p !== period.value && p !== 'latest');
  if (!periods.length) throw new Error(`the ${view} view offers no other period`);
  const current = Object.fromEntries(controls.map((c) => [c.name, c.value]));
  const plan: { name: string; value: string }[] = [];
  let p = 0;
  let s = 0;
  for (let i = 0; i <= count; i++) {
    const [name, values, k] = i % 2 === 0 ? ['period', periods, p++] : [second.name, second.options, s++];
    let value = values[k % values.length]!;
    if (value === current[name]) value = values[(k + 1) % values.length]!;
    if (value === current[name]) continue; // one value to pick from: no change to make
    current[name] = value;
    plan.push({ name, value });
  }
  return plan;
}

/** Where a run of redraws got their rows: 'engine', or how many came from the kept rows. */
function sources(redraws: readonly Redraw[]): string {
  const kept = redraws.filter((r) => r.source === 'kept').length;
  return kept ? `kept ${kept} of ${redraws.length}` : 'engine';
}

/** A state of the view (another period, the other controls as the page has them) not in `drawn`. */
function undrawnState(controls: readonly Control[], drawn: ReadonlySet<string>): string {
  const values = Object.fromEntries(controls.map((c) => [c.name, c.value]));
  const period = controls.find((c) => c.name === 'period')!;
  for (const p of [...period.options].reverse()) {
    if (p === 'latest') continue;
    const state = queryOf(controls, { ...values, period: p });
    if (!drawn.has(state)) return state;
  }
  throw new Error('every period of the view was drawn: no state left for a second visit to a new one');
}

async function withProfile<T>(fn: (context: BrowserContext) => Promise<T>): Promise<T> {
  // A profile on disk, as a reader's: its HTTP cache and the compiled code kept beside it.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    await context.addInitScript(recorder);
    return await fn(context);
  } finally {
    await context.close().catch(() => {});
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

export interface InteractionOptions {
  /** Warm changes after the first (default WARM_CHANGES). */
  warmChanges?: number;
  /** Also open the state under slow-4G throttling (default true). */
  slow4g?: boolean;
}

/** Cold, warm and second-visit redraws of the view on `pagePath`, then (in `browser`) the slow-4G one. */
export async function measureInteraction(browser: Browser, server: StaticServer, pagePath: string, view: ViewKind, options: InteractionOptions = {}): Promise<InteractionResult> {
  const result: InteractionResult = { view, path: pagePath };
  try {
    let coldState = '';
    await withProfile(async (context) => {
      const page = context.pages()[0] ?? (await context.newPage());
      await openView(page, server.origin + pagePath);
      const controls = await readControls(page);
      const values = Object.fromEntries(controls.map((c) => [c.name, c.value]));
      const [first, ...rest] = planChanges(controls, view, options.warmChanges ?? WARM_CHANGES);
      const change = async ({ name, value }: { name: string; value: string }) => {
        values[name] = value;
        const state = queryOf(controls, values);
        await changeControl(page, name, value, state);
        return readRedraw(page, state, 'change');
      };

      const before = server.requests.length;
      await page.hover(`[data-view] .view-controls select[name="${first!.name}"]`);
      const { redraw: cold, intent, change: changedAt } = await change(first!);
      coldState = cold.state;
      result.cold = {
        ...cold,
        ...traffic(server, before, pagePath),
        fromIntentMs: intent === null ? NaN : cold.ms + changedAt - intent,
        intentToChangeMs: intent === null ? NaN : changedAt - intent,
      };
      const redraws: Redraw[] = [];
      for (const c of rest) redraws.push((await change(c)).redraw);
      result.warm = {
        redraws,
        median: {
          ms: median(redraws.map((r) => r.ms)),
          paintedMs: median(redraws.map((r) => r.paintedMs)),
          engineMs: median(redraws.map((r) => r.engineMs)),
          queryMs: median(redraws.map((r) => r.queryMs)),
          renderMs: median(redraws.map((r) => r.renderMs)),
          wasmMs: NaN,
          openMs: NaN,
          tablesMs: NaN,
          source: sources(redraws),
        },
        engineMedianMs: median(redraws.filter((r) => r.source === 'engine').map((r) => r.ms)),
      };
      await page.close();

      const revisit = async (state: string): Promise<Redraw & Traffic> => {
        const again = server.requests.length;
        const tab = await context.newPage();
        await openState(tab, `${server.origin}${pagePath}?${state}`, state);
        const redraw = { ...(await readRedraw(tab, state, 'navigation')).redraw, ...traffic(server, again, pagePath) };
        await tab.close();
        return redraw;
      };
      result.second = await revisit(coldState);
      const drawn = new Set([queryOf(controls, Object.fromEntries(controls.map((c) => [c.name, c.value]))), coldState, ...redraws.map((r) => r.state)]);
      result.secondOther = await revisit(undrawnState(controls, drawn));
    });

    if (options.slow4g !== false) {
      const context = await browser.newContext();
      try {
        await context.addInitScript(recorder);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const slow = throttling.mobileSlow4G;
        // Lighthouse's own DevTools throttling: kbit/s (of 1024 bits) as bytes per second.
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: slow.requestLatencyMs,
          downloadThroughput: Math.floor((slow.downloadThroughputKbps * 1024) / 8),
          uploadThroughput: Math.floor((slow.uploadThroughputKbps * 1024) / 8),
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: slow.cpuSlowdownMultiplier });
        const before = server.requests.length;
        await openState(page, `${server.origin}${pagePath}?${coldState}`, coldState, 600_000);
        result.slow4g = { ...(await readRedraw(page, coldState, 'navigation')).redraw, ...traffic(server, before, pagePath) };
      } finally {
        await context.close();
      }
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  }
  return result;
}

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—');
const s = (n: number) => (Number.isFinite(n) ? `${(n / 1000).toFixed(2)} s` : '—');
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const split = (r: Omit<Redraw, 'state'>) =>
  `engine ${ms(r.engineMs)}${Number.isFinite(r.wasmMs) ? ` (wasm ${ms(r.wasmMs)}, open ${ms(r.openMs)}, tables ${ms(r.tablesMs)})` : ''}, ` +
  `queries ${ms(r.queryMs)}, markup ${ms(r.renderMs)}; to the next frame ${ms(r.paintedMs)}`;

export function formatInteraction(r: InteractionResult, warmGoalMs: number): string[] {
  const lines = [`  ${r.view} view, ${r.path}:`];
  const flag = (ok: boolean) => (ok ? '' : ' !');
  if (r.cold) {
    lines.push(
      `    cold, first change (?${r.cold.state}): ${s(r.cold.ms)} from the change, ${s(r.cold.fromIntentMs)} from the pointer on the control ` +
        `(picked ${ms(r.cold.intentToChangeMs)} after it); ${split(r.cold)}; ${mb(r.cold.bytes)} in ${r.cold.requests} requests; goal ≤ ${s(INTERACTION_GOALS.coldMs)}` +
        flag(r.cold.ms <= INTERACTION_GOALS.coldMs),
    );
  }
  if (r.warm) {
    const all = r.warm.redraws.map((x) => `${x.ms.toFixed(0)}${x.source === 'kept' ? 'k' : ''}`).join(' ');
    lines.push(
      `    warm, median of ${r.warm.redraws.length} changes: ${ms(r.warm.median.ms)} (${split(r.warm.median)}; rows: ${r.warm.median.source}); ` +
        `of those the engine answered: ${ms(r.warm.engineMedianMs)}; goal ≤ ${ms(warmGoalMs)}${flag(r.warm.engineMedianMs <= warmGoalMs)}`,
    );
    lines.push(`      each, ms (k: from kept rows): ${all}`);
  }
  if (r.second) {
    lines.push(
      `    second visit, same profile, from navigation start: ${s(r.second.ms)} (${split(r.second)}); ` +
        `${r.second.requests} requests (${r.second.notModified} answered 304), ${mb(r.second.bytes)}; fetched again: ${r.second.fetched.length ? r.second.fetched.join(', ') : 'nothing'}; ` +
        `rows: ${r.second.source || '—'}; goal ≤ ${s(INTERACTION_GOALS.secondVisitMs)}${flag(r.second.ms <= INTERACTION_GOALS.secondVisitMs)}`,
    );
  }
  if (r.secondOther) {
    lines.push(
      `    second visit to a state this profile never drew (?${r.secondOther.state}), from navigation start: ${s(r.secondOther.ms)} (${split(r.secondOther)}); ` +
        `${r.secondOther.requests} requests (${r.secondOther.notModified} answered 304), ${mb(r.secondOther.bytes)}; rows: ${r.secondOther.source || '—'}; ` +
        `goal ≤ ${s(INTERACTION_GOALS.secondVisitMs)}${flag(r.secondOther.ms <= INTERACTION_GOALS.secondVisitMs)}`,
    );
  }
  if (r.slow4g) {
    const slow = throttling.mobileSlow4G;
    lines.push(
      `    slow 4G as Lighthouse's DevTools throttling applies it (${slow.requestLatencyMs} ms request latency, ${slow.downloadThroughputKbps.toFixed(0)} kbit/s down, ` +
        `${slow.uploadThroughputKbps.toFixed(0)} up, CPU ×${slow.cpuSlowdownMultiplier}), empty cache, from navigation start: ` +
        `${s(r.slow4g.ms)} (${split(r.slow4g)}); ${mb(r.slow4g.bytes)} in ${r.slow4g.requests} requests`,
    );
  }
  if (r.error) lines.push(`    error: ${r.error.split('\n')[0]!.slice(0, 400)}`);
  return lines;
}
