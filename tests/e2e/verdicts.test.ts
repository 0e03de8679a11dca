/**
 * One truth: every verdict printed anywhere on a site (pages, the board, both languages) carries
 * data-jurisdiction, -indicator, -period, -status and -gap-pp, and no two of them for the same
 * (jurisdiction, indicator, period) disagree. Read from every crawled page's static HTML.
 */
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/lib/verdict.ts';
import { htmlPages, verdictDisagreements } from '../support/site.ts';
import { sites } from './helpers.ts';

const list = (lines: string[], max = 30) => (lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more`] : lines).join('\n');

describe('the disagreement check itself', () => {
  const v = { jurisdiction: '410300', indicator: 'loss_making_share', period: '2025-09', status: 'within', gapPp: '3.8' };
  it('finds a planted disagreement and names both pages', () => {
    const found = verdictDisagreements([
      { path: '/jurisdictions/410300/', verdicts: [v] },
      { path: '/progress/410000/', verdicts: [{ ...v, status: 'behind', gapPp: '-30.3' }] },
    ]);
    expect(found).toEqual(['410300 loss_making_share 2025-09: "within 3.8" on /jurisdictions/410300/, "behind -30.3" on /progress/410000/']);
  });
  it('is quiet when the pages agree', () => {
    expect(verdictDisagreements([{ path: '/a/', verdicts: [v] }, { path: '/en/a/', verdicts: [{ ...v }] }])).toEqual([]);
  });
});

describe.each(sites)('%s site: verdicts', (name, site) => {
  const pages = htmlPages(site.crawl).map((u) => ({ path: u.path, verdicts: u.html!.verdicts }));

  it('shows verdicts, each with its jurisdiction, indicator, period, a known status and its gap', () => {
    const all = pages.flatMap((p) => p.verdicts.map((v) => ({ ...v, path: p.path })));
    expect(all.length, `no verdict on any page of the ${name} site`).toBeGreaterThan(100);
    const statuses = new Set<string>(STATUSES);
    const bad = all
      .filter((v) => !v.jurisdiction || !v.indicator || !v.period || v.status === null || !statuses.has(v.status) || v.gapPp === null || (v.gapPp !== '' && !/^-?\d+\.\d$/.test(v.gapPp)))
      .map((v) => `${v.path}: ${JSON.stringify(v)}`);
    expect(bad, `verdicts without their data attributes in the ${name} site:\n${list(bad)}`).toEqual([]);
  });

  it('never says two things of one figure', () => {
    const found = verdictDisagreements(pages);
    expect(found, `contradicting verdicts in the ${name} site:\n${list(found)}`).toEqual([]);
  });
});
