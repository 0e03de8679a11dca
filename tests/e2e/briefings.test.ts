/**
 * Briefings in the browser, on each site and in both languages:
 *  - a period that is not pre-rendered is drawn on the jurisdiction's briefings page by DuckDB-WASM
 *    with the briefings' renderer: a section per indicator, the numbers table at that period, and
 *    the verdicts `npm run progress` gives for the unit at that period (the Node engine over the
 *    site's own public data);
 *  - the address of a briefing that is not pre-rendered (a link sent before a later release) leads
 *    to that period drawn there, through the site's 404 page;
 *  - a pre-rendered briefing carries its data version in its link, and opened from a link made
 *    at another version it says so (and that nothing it shows was revised since, when so); at its
 *    own version it says nothing; a pinned link whose period is no longer pre-rendered keeps its
 *    version through the 404 page, the drawn briefing says the same, and the address keeps the
 *    version once drawn and when another period is picked;
 *  - every number in a briefing's sentences (the lede, the line on who is on track on everything,
 *    each indicator's, the projects') is a cell of the table they are read from (every
 *    pre-rendered briefing, and the drawn ones);
 *  - a briefing drawn for a month of the projects ledger (the demo) has the projects section the
 *    build writes for it; the default site, without a ledger, never asks for projects.csv.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ReportRow } from '../../src/lib/progress-report.ts';
import { openNodeEngine } from '../../src/engine/node.ts';
import type { Unit } from '../../src/lib/schema.ts';
import { queries, runQuery } from '../../src/queries/index.ts';
import { revisionNotice, type PublicationFacts } from '../../src/views/briefing.ts';
import { ledgerMonth, projectSentences, projectsOfUnit } from '../../src/views/projects.ts';
import { briefingNumbers } from '../support/briefing-numbers.ts';
import { htmlPages, REPO, templateOf } from '../support/site.ts';
import { connectBrowser, isolatedContext, sites } from './helpers.ts';
import { changeControl, viewQuery, waitForViewState } from './view-driver.ts';

/** `code,parent` of every jurisdiction, from the site's own jurisdictions.csv (names never hold a comma before the third column). */
async function parents(distDir: string): Promise<Map<string, string>> {
  const csv = (await fs.readFile(join(distDir, 'data/jurisdictions.csv'), 'utf8')).replace(/^\uFEFF/, '');
  const [head, ...lines] = csv.trim().split('\n');
  expect(head!.startsWith('code,parent,')).toBe(true);
  return new Map(lines.map((l) => l.split(',')).map(([code, parent]) => [code!, parent!]));
}

describe.each(sites)('%s site: briefings in the browser', (name, site) => {
  let browser: Browser;
  let context: BrowserContext;
  let version: string;
  let dataAsOf: string | null;
  /** The pre-rendered briefings of the site's largest pre-rendered briefing's unit among those with a parent (a city with counties on the demo site). */
  let unit: { code: string; parent: string; builtPaths: string[] };

  beforeAll(async () => {
    browser = await connectBrowser();
    context = (await isolatedContext(browser, site.origin)).context;
    const manifest = JSON.parse(await fs.readFile(join(site.distDir, 'data/manifest.json'), 'utf8')) as { data_version: string; data_as_of: string | null };
    version = manifest.data_version;
    dataAsOf = manifest.data_as_of;
    const parentOf = await parents(site.distDir);
    const built = htmlPages(site.crawl).filter((u) => templateOf(u.path)?.template === 'briefing' && templateOf(u.path)?.lang === 'zh');
    const sized = await Promise.all(built.map(async (u) => ({ path: u.path, code: u.path.split('/')[2]!, bytes: (await fs.stat(join(site.distDir, u.path, 'index.html'))).size })));
    const largest = sized.filter((b) => parentOf.get(b.code)).sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1))[0];
    expect(largest, 'a pre-rendered briefing of a unit with a parent').toBeDefined();
    unit = { code: largest!.code, parent: parentOf.get(largest!.code)!, builtPaths: sized.filter((b) => b.code === largest!.code).map((b) => b.path) };
  });

  /** A new page on the unit's briefings page, and the newest period it offers that is not pre-rendered (the month before the latest, usually). */
  async function earlierPeriod(prefix: string): Promise<{ page: Page; option: { value: string; text: string } }> {
    const page = await context.newPage();
    await page.goto(`${site.origin}${prefix}/briefings/${unit.code}/`, { waitUntil: 'load' });
    const option = await page.evaluate(() => {
      const o = [...document.querySelectorAll<HTMLOptionElement>('[data-view="briefing"] select[name="period"] option')].find((x) => x.value !== '');
      return o ? { value: o.value, text: o.textContent ?? '' } : null;
    });
    expect(option, 'an earlier period to pick').not.toBeNull();
    return { page, option: option! };
  }
  afterAll(async () => {
    await browser?.close();
  });

  it('every number in a pre-rendered briefing\'s sentences is a cell of its tables, in both languages', async () => {
    const briefings = htmlPages(site.crawl).filter((u) => templateOf(u.path)?.template === 'briefing');
    expect(briefings.length).toBeGreaterThan(0);
    let checked = 0;
    let projectNumbers = 0;
    const missing: string[] = [];
    for (const u of briefings) {
      const period = u.path.split('/').at(-2)!;
      const html = await fs.readFile(join(site.distDir, u.path, 'index.html'), 'utf8');
      const check = briefingNumbers(html, period, templateOf(u.path)!.lang === 'en' ? 'en' : 'zh-CN');
      checked += check.checked;
      projectNumbers += check.projectNumbers;
      missing.push(...check.missing.map((m) => `${u.path}: ${m}`));
    }
    expect(checked, 'numbers in the sentences').toBeGreaterThan(briefings.length);
    if (name === 'demo') expect(projectNumbers, 'numbers in the projects sentences (the demo keeps a ledger)').toBeGreaterThan(0);
    expect(missing.slice(0, 20)).toEqual([]);
  });

  it.each(['zh', 'en'] as const)('%s: an earlier period is drawn by the browser, with the verdicts npm run progress gives', async (lang) => {
    const prefix = lang === 'en' ? '/en' : '';
    const { page, option } = await earlierPeriod(prefix);
    const period = option!.value;
    expect(unit.builtPaths, 'the period picked is not pre-rendered').not.toContain(`/briefings/${unit.code}/${period}/`);
    // The report runs while the browser draws the briefing.
    const reported = promisify(execFile)(
      'npm',
      ['run', '--silent', 'progress', '--', '--period', period, '--parent', unit.parent, '--public-data', join(site.distDir, 'data'), '--format', 'json'],
      { cwd: REPO, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
    );
    reported.catch(() => {}); // awaited below
    await changeControl(page, 'period', period, viewQuery({ period }));

    const shown = await page.evaluate(() => {
      const body = document.querySelector('[data-view="briefing"] .view-body')!;
      const table = body.querySelector('table.briefing-numbers')!;
      return {
        sections: [...body.querySelectorAll('section.briefing-indicator')].map((s) => s.id),
        sentences: [...body.querySelectorAll('p.verdict-sentences')].map((p) => p.textContent ?? ''),
        rows: table.querySelectorAll('tbody tr').length,
        caption: table.querySelector('caption')?.textContent ?? '',
        html: body.innerHTML,
        verdicts: [...body.querySelectorAll('section.briefing-indicator [data-status]')].map(
          (v) => `${v.getAttribute('data-jurisdiction')} ${v.getAttribute('data-indicator')} ${v.getAttribute('data-period')} ${v.getAttribute('data-status')} ${v.getAttribute('data-gap-pp') ?? ''}`,
        ),
      };
    });
    expect(shown.sections.length, 'a section per indicator').toBeGreaterThan(0);
    expect(shown.rows).toBe(shown.sections.length);
    expect(shown.caption, 'the numbers table is at the period picked').toContain(option!.text.trim());
    expect(shown.sentences.every((s) => s.length > 0)).toBe(true);
    expect(briefingNumbers(shown.html, period, lang === 'en' ? 'en' : 'zh-CN').missing, 'every number of the drawn sentences is a cell of its table').toEqual([]);

    const { stdout } = await reported;
    const report = (JSON.parse(stdout) as (ReportRow & { indicator: string })[]).filter((r) => r.jurisdiction === unit.code && r.target_type !== null);
    expect(report.length, `targets of ${unit.code} at ${period} in the report`).toBeGreaterThan(0);
    const expected = report.map((r) => `${unit.code} ${r.indicator} ${period} ${r.status} ${r.verdict_gap_pp === null ? '' : r.verdict_gap_pp.toFixed(1)}`);
    expect([...shown.verdicts].sort()).toEqual(expected.sort());
    await page.close();
  });

  it.each(['zh', 'en'] as const)('%s: the address of a briefing that is not pre-rendered leads to it drawn by the browser', async (lang) => {
    const prefix = lang === 'en' ? '/en' : '';
    const { page, option } = await earlierPeriod(prefix);
    // The address a briefing of that period had when it was the latest.
    const res = await page.goto(`${site.origin}${prefix}/briefings/${unit.code}/${option!.value}/`, { waitUntil: 'load' });
    expect(res?.status()).toBe(404);
    await page.waitForURL(`${site.origin}${prefix}/briefings/${unit.code}/?${viewQuery({ period: option!.value })}`);
    await waitForViewState(page, viewQuery({ period: option!.value }));
    const caption = await page.evaluate(() => document.querySelector('[data-view="briefing"] .view-body table.briefing-numbers caption')?.textContent ?? '');
    expect(caption).toContain(option!.text.trim());
    await page.close();
  });

  it.each(['zh', 'en'] as const)('%s: a pinned link (?v=…&asof=…) to a briefing that is not pre-rendered keeps its version through the 404 page, and the drawn briefing says what changed since', async (lang) => {
    const prefix = lang === 'en' ? '/en' : '';
    const locale = lang === 'en' ? 'en' : 'zh-CN';
    const page = await context.newPage();
    await page.goto(`${site.origin}${prefix}/briefings/${unit.code}/`, { waitUntil: 'load' });
    const cfg = await page.evaluate(() => JSON.parse(document.querySelector<HTMLElement>('[data-view="briefing"]')!.dataset.viewConfig!) as {
      version: string; periods: string[]; publications: Record<string, PublicationFacts[]>; indicators: { id: string; name_zh: string; name_en: string; unit: Unit; decimals: number }[];
    });
    expect(cfg.version).toBe(version);
    // A period with a revised figure where the site has one (the link then predates the revision), else the newest offered.
    const period = cfg.periods.find((p) => cfg.publications[p]?.length) ?? cfg.periods[0]!;
    const pubs = cfg.publications[period] ?? [];
    const asof = pubs.length ? pubs.map((p) => p.published_at).sort()[0]! : (dataAsOf ?? '2000-01-01T00:00:00Z');
    const expected = revisionNotice(pubs, asof, cfg.indicators, locale);
    const pinned = new URLSearchParams({ v: '0123456789abcdef', asof });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const res = await page.goto(`${site.origin}${prefix}/briefings/${unit.code}/${period}/?${pinned}`, { waitUntil: 'load' });
    expect(res?.status()).toBe(404);
    await waitForViewState(page, viewQuery({ period }));
    const kept = requested.map((u) => new URL(u)).find((u) => u.pathname === `${prefix}/briefings/${unit.code}/`);
    expect(kept?.searchParams.get('v'), 'the redirect keeps the version').toBe('0123456789abcdef');
    expect(kept?.searchParams.get('asof')).toBe(asof);
    // Drawn, the address is the view's own with the link's version after it: copied from the bar, it is still pinned.
    const pinnedAt = (p: string) => `?${new URLSearchParams({ period: p, v: '0123456789abcdef', asof })}`;
    expect(await page.evaluate(() => location.search), 'the view keeps the version in its address').toBe(pinnedAt(period));
    const box = page.locator('[data-view="briefing"] .briefing-changes');
    await box.waitFor({ state: 'visible' });
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('0123456789abcdef');
    expect(text).toContain(version);
    if (expected.length) for (const line of expected) expect(text).toContain(line);
    else expect(text).toContain(lang === 'en' ? 'None of the figures shown here has been revised since.' : '本页所列数据此后未经修订。');
    // Another period picked: the address pushed keeps the version; the notice was about the link's period, and goes.
    const other = cfg.periods.find((p) => p !== period);
    if (other) {
      await page.locator('[data-view="briefing"] .view-controls select[name="period"]').selectOption(other);
      await page.waitForURL((u) => u.search === pinnedAt(other), { timeout: 30_000 });
      await waitForViewState(page, viewQuery({ period: other }));
      expect(await box.isHidden()).toBe(true);
    }
    await page.close();
  });

  it.each(['zh', 'en'] as const)('%s: a pre-rendered briefing links its data version, and says when a link was made at another', async (lang) => {
    const path = (lang === 'en' ? '/en' : '') + unit.builtPaths[0]!;
    const page = await context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    const pinned = new URL(await page.locator('.briefing-version a').first().getAttribute('href') ?? '', site.origin);
    expect(pinned.pathname).toBe(path);
    expect(pinned.searchParams.get('v')).toBe(version);
    expect(pinned.searchParams.get('asof')).toBe(dataAsOf ?? '');

    // At its own version: nothing to say (the script has run by the load event: it is a module, run before DOMContentLoaded).
    await page.goto(pinned.href, { waitUntil: 'load' });
    expect(await page.locator('.briefing-changes').isHidden()).toBe(true);

    // Made at another version, after every figure it shows was published: says so, and that none has been revised since.
    const other = new URL(pinned.href);
    other.searchParams.set('v', '0123456789abcdef');
    await page.goto(other.href, { waitUntil: 'load' });
    const box = page.locator('.briefing-changes');
    await box.waitFor({ state: 'visible' });
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('0123456789abcdef');
    expect(text).toContain(version);
    expect(text).toContain(lang === 'en' ? 'None of the figures shown here has been revised since.' : '本页所列数据此后未经修订。');
    await page.close();
  });

  it.each(['zh', 'en'] as const)('%s: a briefing drawn for a month of the projects ledger has the projects section the build would write; without a ledger none is asked for', async (lang) => {
    const prefix = lang === 'en' ? '/en' : '';
    const locale = lang === 'en' ? 'en' : 'zh-CN';
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${site.origin}${prefix}/briefings/${unit.code}/`, { waitUntil: 'load' });
    const cfg = await page.evaluate(() => JSON.parse(document.querySelector<HTMLElement>('[data-view="briefing"]')!.dataset.viewConfig!) as { periods: string[]; ledgerPeriods: string[] });
    if (name === 'default') {
      expect(cfg.ledgerPeriods, 'the default data keeps no ledger').toEqual([]);
      const period = cfg.periods[0]!;
      await changeControl(page, 'period', period, viewQuery({ period }));
      expect(await page.locator('[data-view="briefing"] .view-body section.briefing-indicator').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-view="briefing"] .view-body section.briefing-projects').count()).toBe(0);
      expect(requested.filter((u) => /projects\.csv/.test(u)), 'projects.csv is not requested').toEqual([]);
      await page.close();
      return;
    }
    const period = cfg.periods.find((p) => cfg.ledgerPeriods.includes(ledgerMonth(p)));
    expect(period, 'an earlier period that is a month of the ledger').toBeDefined();
    await changeControl(page, 'period', period!, viewQuery({ period: period! }));
    const drawn = await page.evaluate(() => document.querySelector('[data-view="briefing"] .view-body section.briefing-projects > p')?.textContent ?? null);
    expect(drawn, 'the drawn briefing has its projects section').not.toBeNull();
    // What the build writes for that month (src/site/model.ts projectsOf), from the site's own public data by the Node engine.
    const engine = await openNodeEngine(join(site.distDir, 'data'));
    try {
      const month = ledgerMonth(period!);
      const [funnel, rates] = await Promise.all([
        runQuery(engine, queries.projectFunnel, { period: month, parent: null }),
        runQuery(engine, queries.projectRates, { period: month, parent: null }),
      ]);
      const u = projectsOfUnit(unit.code, month, funnel, rates);
      expect(u, `${unit.code} has projects at ${month}`).not.toBeNull();
      expect(drawn).toBe(projectSentences(u!, locale).join(lang === 'en' ? ' ' : ''));
    } finally {
      await engine.close();
    }
    await page.close();
  });
});
