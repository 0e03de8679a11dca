/**
 * What the real default data promises a reader: retail sales mapped for all 31 provinces, ranks
 * among the 31 the statistics cover, growth published without a level still shown, and the 2025
 * targets of the work reports with their qualifiers, including those set in words or not at all.
 * Read from the served default site's static HTML.
 */
import { describe, expect, it } from 'vitest';
import { sites } from './helpers.ts';

const served = sites.filter(([name]) => name === 'default');

async function html(origin: string, path: string): Promise<string> {
  const res = await fetch(`${origin}${path}`);
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The regions of the page's first map with the value each is coloured by. */
function firstMapRegions(page: string): Map<string, string> {
  const start = page.indexOf('<figure class="choropleth"');
  expect(start, 'no map').toBeGreaterThan(0);
  const figure = page.slice(start, page.indexOf('</figure>', start));
  return new Map([...figure.matchAll(/data-jurisdiction="(\d+)" data-value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe.each(served)('%s site: the real data', (_name, site) => {
  it('maps retail sales for all 31 provinces', async () => {
    const page = await html(site.origin, '/indicators/retail_sales/');
    const withValue = [...firstMapRegions(page)].filter(([, v]) => v !== '');
    expect(withValue.map(([code]) => code)).toHaveLength(31);
    // the page names the revised database series
    expect(page).toContain('国家统计局分省年度数据库');
  });

  it("states Henan's rank among the 31 provinces, in both languages", async () => {
    expect(await html(site.origin, '/jurisdictions/410000/')).toMatch(/第\d+（按(总量|增速)，(\d+个地区有数据，)?共31个）/);
    expect(await html(site.origin, '/en/jurisdictions/410000/')).toMatch(/\d+(st|nd|rd|th) by (value|growth) of (\d+ reporting \(31 peers\)|31)/);
  });

  it('shows the 2025 targets as the work reports write them', async () => {
    // Fujian's GDP range, set for a year without figures yet
    expect(await html(site.origin, '/jurisdictions/350000/')).toMatch(/2025年目标：增长5\.0%—5\.5%（尚无2025年数据）/);
    expect(await html(site.origin, '/en/jurisdictions/350000/')).toContain('Target for 2025: between 5.0% and 5.5% growth (no figure for 2025 yet).');
    const page = await html(site.origin, '/progress/');
    expect(page).toMatch(/data-status="none_stated"/);
    expect(page).toMatch(/data-status="qualitative"/);
    expect(page).toMatch(/data-status="about"/); // 左右 within its band
  });

  it('offers no download of the projects ledger, which it does not keep, and its datapackage.json says the table is empty', async () => {
    for (const path of ['/data/', '/en/data/']) {
      const page = await html(site.origin, path);
      expect(page, path).toContain('href="/data/observations.csv"');
      expect(page, path).not.toMatch(/projects\.(csv|parquet)/);
    }
    const pkg = JSON.parse(await html(site.origin, '/data/datapackage.json')) as { resources: { name: string; rows: number; description: string }[] };
    const projects = pkg.resources.filter((r) => r.name.startsWith('projects'));
    expect(projects.map((r) => [r.name, r.rows])).toEqual([['projects', 0], ['projects_parquet', 0]]);
    for (const r of projects) expect(r.description).toMatch(/^The investment projects ledger.* EMPTY in this build/);
  });
});
