/**
 * Revisions in the open, on the built sites: every release has a page in both languages,
 * linked from the release list on the data page; every later vintage of a figure is listed on
 * the page of the release that published it, with the figure it replaced and that figure's
 * release linked; the pages that show a revised figure link its mark there (the links test
 * checks that every such #fragment exists).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sites } from './helpers.ts';

async function csv(distDir: string, file: string): Promise<Record<string, string>[]> {
  const text = (await readFile(path.join(distDir, 'data', file), 'utf8')).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

const page = async (origin: string, p: string): Promise<string> => {
  const res = await fetch(origin + p);
  expect(res.status, p).toBe(200);
  return res.text();
};

describe.each(sites)('%s site: revisions in the open', (name, site) => {
  it('has a page for every release in both languages, linked from the release list', async () => {
    const releases = (await csv(site.distDir, 'releases.csv')).map((r) => r.id!);
    expect(releases.length).toBeGreaterThan(0);
    for (const [prefix, dataPage] of [['', '/data/'], ['/en', '/en/data/']] as const) {
      const list = await page(site.origin, dataPage);
      const missing = releases.filter((id) => !list.includes(`href="${prefix}/releases/${id}/"`));
      expect(missing, `${dataPage} does not link these releases`).toEqual([]);
      const notServed = releases.filter((id) => site.crawl.urls.find((u) => u.path === `${prefix}/releases/${id}/`)?.status !== 200);
      expect(notServed, 'release pages the crawl did not reach').toEqual([]);
    }
  });

  it('lists every later vintage on its release page, old figure beside the new, the earlier release linked', async () => {
    const vintages = await csv(site.distDir, 'observation_vintages.csv');
    const key = (r: Record<string, string>) => `${r.jurisdiction}-${r.indicator}-${r.period}`;
    const previous = new Map(vintages.map((r) => [`${key(r)} ${r.vintage}`, r]));
    const later = vintages.filter((r) => Number(r.vintage) > 1);
    if (name === 'default') expect(later.map(key)).toContain('410100-retail_sales-2023');
    const problems: string[] = [];
    for (const r of later) {
      const before = previous.get(`${key(r)} ${Number(r.vintage) - 1}`)!;
      for (const prefix of ['', '/en']) {
        const html = await page(site.origin, `${prefix}/releases/${r.release}/`);
        const row = new RegExp(`<tr id="rev-${key(r)}">([\\s\\S]*?)</tr>`).exec(html)?.[1];
        if (!row) problems.push(`${prefix}/releases/${r.release}/ has no row for ${key(r)}`);
        else if (!row.includes(`href="${prefix}/releases/${before.release}/"`)) problems.push(`${prefix}/releases/${r.release}/#rev-${key(r)} does not link ${before.release}`);
        else if (!row.includes('→')) problems.push(`${prefix}/releases/${r.release}/#rev-${key(r)} shows no old → new`);
      }
    }
    expect(problems).toEqual([]);
  });
});

// Zhengzhou's 2023 retail sales is revised in the default data only (the demo has other revisions, checked above).
describe.each(sites.filter(([name]) => name === 'default'))('%s site: a revised figure on its page', (_name, site) => {
  it("marks Zhengzhou's revised 2023 retail sales on its page, linked to the release that revised it", async () => {
    for (const prefix of ['', '/en']) {
      const html = await page(site.origin, `${prefix}/jurisdictions/410100/`);
      const mark = `<sup class="flag rev"><a href="${prefix}/releases/nbs-major-cities-retail-2015-2024/#rev-410100-retail_sales-2023"`;
      // Up to the end of each trend figure's table.
      const trendTables = html.split('<figure class="chart trend').slice(1).map((part) => part.split('</table>')[0]!);
      expect(trendTables.some((t) => t.includes(mark)), `${prefix}/jurisdictions/410100/: no revision mark in a trend table`).toBe(true);
    }
    const release = await page(site.origin, '/releases/nbs-major-cities-retail-2015-2024/');
    expect(release).toMatch(/<tr id="rev-410100-retail_sales-2023">.*5,623\.0亿元 → 5,623\.1亿元.*7\.7% → —.*href="\/releases\/zhengzhou-commerce-conference-2024\/"/s);
  });
});
