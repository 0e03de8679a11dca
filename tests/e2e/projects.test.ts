/**
 * The investment projects pages, read from each served site's static HTML. The demo keeps a
 * ledger: the province and each city with projects under it have a projects page in both
 * languages, linked from the home page and the jurisdiction pages; a page says its month, its
 * funnel adds up to its ledger, and it names its downloads. The default data keeps none: no
 * projects page, section or link anywhere. (No-JS, axe and phone checks of the template are in
 * no-js, page-view and phone tests, through the template list.)
 */
import { describe, expect, it } from 'vitest';
import { htmlPages, templateOf } from '../support/site.ts';
import { sites } from './helpers.ts';

async function html(origin: string, path: string): Promise<string> {
  const res = await fetch(`${origin}${path}`);
  expect(res.status, path).toBe(200);
  return res.text();
}

const projectsPages = (paths: readonly string[]) => paths.filter((p) => templateOf(p)?.template === 'projects').sort();

describe.each(sites.filter(([name]) => name === 'demo'))('%s site: projects pages', (_name, site) => {
  const paths = htmlPages(site.crawl).map((u) => u.path);
  const zh = projectsPages(paths).filter((p) => !p.startsWith('/en/'));

  it('has one for the province and each city with projects under it, in both languages', () => {
    expect(zh).toContain('/projects/410000/');
    expect(zh).toContain('/projects/410100/');
    expect(projectsPages(paths).filter((p) => p.startsWith('/en/'))).toEqual(zh.map((p) => `/en${p}`));
  });

  it('links them from the home page and the jurisdiction pages; a county links its city’s ledger', async () => {
    expect(await html(site.origin, '/')).toContain('href="/projects/410000/"');
    expect(await html(site.origin, '/en/')).toContain('href="/en/projects/410000/"');
    const city = await html(site.origin, '/jurisdictions/410100/');
    expect(city).toContain('<h2 id="projects">');
    expect(city).toContain('href="/projects/410100/"');
    expect(await html(site.origin, '/en/jurisdictions/410102/')).toContain('href="/en/projects/410100/#ledger"');
  });

  it('says its month, adds its funnel up to its ledger, links the rates’ pages and the downloads', async () => {
    for (const path of ['/projects/410000/', '/en/projects/410100/']) {
      const page = await html(site.origin, path);
      expect(page).toMatch(path.startsWith('/en/') ? /The ledger at the end of [A-Z][a-z]{2} \d{4}/ : /台账截至\d{4}年\d{1,2}月末/);
      const total = Number(/<tfoot><tr><th scope="row">(?:合计|Total)<\/th><td class="num">(\d+)<\/td>/.exec(page)?.[1]);
      expect(total, path).toBeGreaterThan(0);
      expect(page.match(/<tr data-project="/g)?.length, path).toBe(total);
      for (const id of ['project_fulfilment_rate', 'project_start_rate', 'project_funds_rate']) expect(page).toMatch(new RegExp(`href="(/en)?/indicators/${id}/`));
      expect(page).toContain('href="/data/projects.csv"');
    }
  });

  it('explains the rates on the methodology page', async () => {
    expect(await html(site.origin, '/methodology/')).toContain('<h2 id="projects">');
    expect(await html(site.origin, '/en/methodology/')).toContain('<h2 id="projects">');
  });
});

describe.each(sites.filter(([name]) => name === 'default'))('%s site, without a ledger: no projects anywhere', (_name, site) => {
  it('has no projects page, and no page links one', () => {
    expect(projectsPages(htmlPages(site.crawl).map((u) => u.path))).toEqual([]);
    expect(site.crawl.urls.filter((u) => /\/projects\//.test(u.path)).map((u) => u.path)).toEqual([]);
  });

  it('has no projects section on the home page, a jurisdiction page, its briefing or the methodology page', async () => {
    const briefing = htmlPages(site.crawl).find((u) => u.path.startsWith('/briefings/410000/') && templateOf(u.path)?.template === 'briefing')!.path;
    for (const path of ['/', '/en/', '/jurisdictions/410000/', '/en/jurisdictions/410000/', briefing, '/methodology/', '/en/methodology/']) {
      const page = await html(site.origin, path);
      expect(page, path).not.toContain('id="projects"');
      expect(page, path).not.toMatch(/招商项目|Investment projects/);
    }
  });
});
