/**
 * On the built sites, every ranking, progress table and board links the CSV downloads it comes
 * from (the rows they name are checked against the tables in tests/site/table-downloads.test.ts),
 * and the files answer as downloads.
 */
import { describe, expect, it } from 'vitest';
import { pagesToCheck, sites } from './helpers.ts';

const TABLE_PAGES = new Set(['indicator', 'indicator-parent', 'progress', 'progress-parent']);

describe.each(sites)('%s site: a download under each table', (_name, site) => {
  const pages = pagesToCheck(site).filter((p) => TABLE_PAGES.has(p.template));

  it.each(pages.map((p) => [p.label, p] as const))('%s', async (_label, p) => {
    const html = await (await fetch(site.origin + p.path)).text();
    // Each ranking or progress figure up to the next one, and the board.
    const tables = [
      ...html.split(/(?=<figure class="chart (?:ranking|progress))/).filter((f) => /^<figure class="chart (ranking|progress)/.test(f)),
      // A long board is cut into parts; its download follows the last.
      ...(html.includes('<table class="board"') ? [html.slice(html.indexOf('<table class="board"'))] : []),
    ];
    expect(tables.length, 'no ranking, progress table or board on the page').toBeGreaterThan(0);
    const missing = tables.filter((t) => !/<p class="caption downloads"[^>]*>[^]*?href="\/data\/observations\.csv" download=""/.test(t));
    expect(missing.map((t) => t.slice(0, 80)), 'tables without their download').toEqual([]);
  });

  it('serves the files the tables link', async () => {
    for (const file of ['observations.csv', 'jurisdictions.csv', 'targets.csv']) {
      const res = await fetch(`${site.origin}/data/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toMatch(/^text\/csv/);
      expect(new Uint8Array(await res.arrayBuffer()).slice(0, 3), `${file} starts with a byte-order mark`).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    }
  });
});
