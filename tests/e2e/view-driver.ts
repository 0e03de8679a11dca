/**
 * Driving a page's browser view (`[data-view]`: the indicator page, and the jurisdiction page
 * and the progress board once they have one) from a test, and reading what it shows.
 *
 *   await openView(page, url);                                   // the script has set data-view-state
 *   await changeControl(page, 'period', '2024-06', viewQuery({ period: '2024-06', metric: 'value', parent: '410000' }));
 *   const shown = await readView(page);                          // maps, verdicts, tables, SVGs, sentences
 *
 * Every wait is on a condition the view sets (data-view-state equal to the canonical query,
 * aria-busy gone), never a fixed sleep. A view is read from the live DOM: the static page and
 * the browser's render go through the same HTML parser, so they compare as markup.
 */
import type { Page } from 'playwright-core';

export const VIEW = '[data-view]';

/**
 * The canonical query string of a state: the view's parameters in the view's order, given here
 * as an object's keys (written out by the test, not computed by the code under test).
 */
export const viewQuery = (state: Readonly<Record<string, string>>): string => new URLSearchParams(state).toString();

/** What the view's root says about itself right now, for a failure message. */
function describeView(page: Page): Promise<string> {
  return page
    .evaluate((sel) => {
      const root = document.querySelector(sel);
      if (!root) return `no ${sel} on ${location.href}`;
      const status = root.querySelector('.view-status')?.textContent ?? '';
      return `${location.href}: data-view-state=${JSON.stringify(root.getAttribute('data-view-state'))} aria-busy=${JSON.stringify(root.getAttribute('aria-busy'))} status=${JSON.stringify(status)}`;
    }, VIEW)
    .catch((err: unknown) => `(could not read the view: ${String(err)})`);
}

/**
 * Waits until the view has rendered a state and is not busy: `expected` (a canonical query
 * string) when given, else any state (the script set up and showed its initial one).
 */
export async function waitForViewState(page: Page, expected?: string, timeoutMs = 60_000): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, want]) => {
        const root = document.querySelector(sel);
        if (!root || root.getAttribute('aria-busy') === 'true') return false;
        const state = root.getAttribute('data-view-state');
        return want === null ? state !== null : state === want;
      },
      [VIEW, expected ?? null] as const,
      { timeout: timeoutMs },
    );
  } catch (err) {
    throw new Error(`the view did not reach ${expected === undefined ? 'a state' : JSON.stringify(expected)}: ${await describeView(page)}\n${String(err)}`);
  }
}

/** Waits until the view is not busy and its status line is `expected` (an update that failed says so there). */
export async function waitForStatus(page: Page, expected: string, timeoutMs = 60_000): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, want]) => {
        const root = document.querySelector(sel);
        return !!root && root.getAttribute('aria-busy') !== 'true' && root.querySelector('.view-status')?.textContent?.trim() === want;
      },
      [VIEW, expected] as const,
      { timeout: timeoutMs },
    );
  } catch (err) {
    throw new Error(`the view did not say ${JSON.stringify(expected)}: ${await describeView(page)}\n${String(err)}`);
  }
}

/** Loads a page with a view and waits until it shows `expected` (or any state). */
export async function openView(page: Page, url: string, expected?: string): Promise<void> {
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res || res.status() !== 200) throw new Error(`${url}: HTTP ${res?.status() ?? 'no response'}`);
  await waitForViewState(page, expected);
}

/**
 * Picks `value` in the view's control `name`, as a reader would, and waits until the URL and
 * the view show `expected`. A control that leads to another page (the parent) navigates: the
 * wait is the same, on the new page.
 */
export async function changeControl(page: Page, name: string, value: string, expected: string): Promise<void> {
  const select = page.locator(`${VIEW} .view-controls select[name="${name}"]`);
  await select.selectOption(value);
  await page.waitForURL((u) => u.search === `?${expected}`, { timeout: 30_000 }).catch(async (err: unknown) => {
    throw new Error(`picking ${name}=${value} did not put ?${expected} in the URL: ${await describeView(page)}\n${String(err)}`);
  });
  await waitForViewState(page, expected);
}

/** Back or forward in history, then wait until the view shows `expected`. */
export async function goInHistory(page: Page, direction: 'back' | 'forward', expected: string): Promise<void> {
  await (direction === 'back' ? page.goBack() : page.goForward());
  await waitForViewState(page, expected);
}

/** A verdict's data attributes (data-gap-pp is "" when there is no gap). */
export interface VerdictAttrs {
  jurisdiction: string | null;
  indicator: string | null;
  period: string | null;
  status: string | null;
  gapPp: string | null;
}

/** A table as a reader sees it: cells' text without the screen-reader-only part. */
export interface ShownTable {
  /** The class of the figure holding it ("chart progress defer", "chart ranking defer" …). */
  figure: string;
  caption: string;
  headers: string[];
  /**
   * Body rows: their cells, the verdict a row carries, if any, and where each revision mark
   * (修 / r of a revised figure) links to.
   */
  rows: { cells: string[]; verdict: VerdictAttrs | null; revisions: string[] }[];
}

/** One part of a view, as the reader sees it. */
export interface ViewBlock {
  /** What the block is: its tag and class, and its figure id, map label or heading text. */
  key: string;
  /** Its markup with ids renumbered within the block (and every reference to them). */
  html: string;
}

export interface ShownView {
  /** The root's data-view-state (null before the script ran). */
  state: string | null;
  /** location.search without "?". */
  search: string;
  status: string;
  /** The whole `.view-body`, ids renumbered. */
  html: string;
  /** The top-level parts of `.view-body`, in order. */
  blocks: ViewBlock[];
  /** Per map: its label and every region as "code=value". */
  maps: { label: string; regions: string[] }[];
  /** Every verdict: "jurisdiction indicator period status gap: text". */
  verdicts: string[];
  tables: ShownTable[];
  /** Every chart or map SVG, ids renumbered. */
  svgs: string[];
  /** Headings and captions, in order. */
  headings: string[];
  /** The summary sentences (p.point), in order. */
  sentences: string[];
}

/** Reads the view (the first `[data-view]` of the page) in one round trip. */
export function readView(page: Page): Promise<ShownView> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) throw new Error(`no ${sel} on ${location.href}`);
    const body = root.querySelector('.view-body');
    if (!body) throw new Error(`no .view-body in ${sel} on ${location.href}`);

    // Ids renumbered in document order within `node`, with every reference to them: href="#…",
    // url(#…) in any attribute, and the id lists of aria-labelledby/-describedby, for, headers.
    const normalised = (node: Element, outer: boolean): string => {
      const copy = node.cloneNode(true) as Element;
      const all = [copy, ...copy.querySelectorAll('*')];
      const ids = new Map<string, string>();
      for (const e of all) if (e.id) ids.set(e.id, `id${ids.size + 1}`);
      const lists = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'for', 'headers']);
      for (const e of all) {
        for (const a of [...e.attributes]) {
          let v = a.value;
          if (a.name === 'id') v = ids.get(v) ?? v;
          else if (lists.has(a.name)) v = v.split(/\s+/).map((t) => ids.get(t) ?? t).join(' ');
          else v = v.replace(/#([^\s)"']+)/g, (m, id: string) => (ids.has(id) ? `#${ids.get(id)}` : m));
          if (v !== a.value) e.setAttribute(a.name, v);
        }
      }
      return outer ? copy.outerHTML : copy.innerHTML;
    };
    const text = (e: Element): string => {
      const copy = e.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const keyOf = (e: Element): string => {
      const what = `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
      const id = e.querySelector('figure[id]')?.id;
      const label = e.querySelector('svg[aria-label]')?.getAttribute('aria-label');
      return `${what} ${id ?? label ?? (e.textContent ?? '').trim().slice(0, 80)}`;
    };

    return {
      state: root.getAttribute('data-view-state'),
      search: location.search.replace(/^\?/, ''),
      status: (root.querySelector('.view-status')?.textContent ?? '').trim(),
      html: normalised(body, false),
      blocks: [...body.children].map((e) => ({ key: keyOf(e), html: normalised(e, true) })),
      maps: [...body.querySelectorAll('figure.choropleth')].map((f) => ({
        label: f.querySelector('svg')?.getAttribute('aria-label') ?? '',
        regions: [...f.querySelectorAll('[data-jurisdiction][data-value]')].map((r) => `${r.getAttribute('data-jurisdiction')}=${r.getAttribute('data-value')}`),
      })),
      verdicts: [...body.querySelectorAll('[data-status]')].map(
        (v) =>
          `${v.getAttribute('data-jurisdiction')} ${v.getAttribute('data-indicator')} ${v.getAttribute('data-period')} ${v.getAttribute('data-status')} ${v.getAttribute('data-gap-pp')}: ${text(v)}`,
      ),
      tables: [...body.querySelectorAll('table')].map((t) => ({
        figure: t.closest('figure')?.className ?? '',
        caption: t.caption ? text(t.caption) : '',
        headers: [...(t.tHead?.rows[0]?.cells ?? [])].map(text),
        rows: [...t.tBodies].flatMap((b) => [...b.rows]).map((r) => {
          const v = r.querySelector('[data-status]');
          const verdict = v && {
            jurisdiction: v.getAttribute('data-jurisdiction'),
            indicator: v.getAttribute('data-indicator'),
            period: v.getAttribute('data-period'),
            status: v.getAttribute('data-status'),
            gapPp: v.getAttribute('data-gap-pp'),
          };
          const revisions = [...r.querySelectorAll('sup.rev a')].map((a) => a.getAttribute('href') ?? '');
          return { cells: [...r.cells].map(text), verdict, revisions };
        }),
      })),
      svgs: [...body.querySelectorAll('figure svg')].filter((s) => !s.parentElement?.closest('svg') && s.getAttribute('aria-hidden') !== 'true').map((s) => normalised(s, true)),
      headings: [...body.querySelectorAll('h2, p.caption')].map(text),
      sentences: [...body.querySelectorAll('p.point')].map(text),
    };
  }, VIEW);
}


/**
 * Holds the page's requests for the engine's wasm until the returned function is called: the
 * view stays in its "updating" state as long as a test needs (a slow network, made certain).
 * Calling it again does nothing.
 */
export async function holdEngine(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const pattern = /\.wasm(\?|#|$)/i;
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  // Released, the handler lets every request through at once; it is not unrouted, because
  // unrouting while a held request is still being continued hands that request to the context's
  // route as well ("Route is already handled").
  return async () => release();
}
