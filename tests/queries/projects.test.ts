/**
 * The three rates (三率), the funnel and the ledger, against numbers worked out by hand from
 * fixtures/projects (a data package, built here for each audience with the project's data
 * build). The engine parity test builds the same package and checks that DuckDB-WASM in
 * Chromium returns exactly these rows.
 *
 * The ledger at 2025-06 (amounts in 亿元; 1 万元 = 0.0001 亿元, dollars at 2025's 7.2):
 *   PA 中原区 410102  signed 2025-02-10, started 2025-05-20   amount 2     funds 0.5   (2025-03: signed, funds 0)
 *   PB 金水区 410105  signed 2025-01-15, foreign, 3000 万美元  amount 2.16  funds 0.864 (2025-03: 0.36); to start 2025-05-01
 *   PC 郑州市 410100  signed 2025-03-01, operating            amount 1     funds 1.5   (above the amount; 2025-03: started)
 *   PD 老城区 410302  signed 2025-02-20, started, INTERNAL    amount 0.8   funds 0.8   (2025-03: signed)
 *   PE 老城区 410302  signed 2025-03-05, went back to negotiating (public, with its reason)  amount 0.5  funds 0
 *   PF 金水区 410105  signed 2024-06-01, operating, 1000 万美元: 2024's cohort, not 2025's
 *   PG 郑州市 410100  planned, internal by default (no visibility written)
 *   PA at 2025-07 is in a release embargoed until 2027.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, type Audience } from '../../src/build/build-data.ts';
import { openNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import { PROJECT_RATES } from '../../src/lib/projects.ts';
import { queries, runQuery, type ProjectRatesRow } from '../../src/queries/index.ts';
import { only } from './helpers.ts';

const PACKAGE = path.join(import.meta.dirname, 'fixtures', 'projects');
const NOW = new Date('2026-01-01T00:00:00Z');
let tmp: string;
const engines = {} as Record<Audience, Engine>;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'projects-'));
  for (const audience of ['public', 'internal'] as const) {
    const outDir = path.join(tmp, audience);
    await buildData({ dataDir: PACKAGE, outDir, now: NOW, audience });
    engines[audience] = await openNodeEngine(outDir);
  }
});
afterAll(async () => {
  for (const e of Object.values(engines)) await e.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const rates = (audience: Audience, period: string | null, parent: string | null) => runQuery(engines[audience], queries.projectRates, { period, parent });
const triple = (r: ProjectRatesRow) => [r.cohort, r.honoured, r.started, r.fulfilment_rate, r.start_rate, r.funds_rate];

describe('projectRates: the three rates by hand', () => {
  it('the province at 2025-06 (public): 4 signed this year, 3 honoured, 2 started, funds 2.864 of 5.66', async () => {
    const r = only(await rates('public', '2025-06', '410000'), { jurisdiction: '410000' });
    // honoured: PA (started), PB (funds, not started), PC (operating); not PE (went back, no funds)
    // funds: (0.5 + 0.864 + 1.5 + 0) / (2 + 2.16 + 1 + 0.5) = 2.864 / 5.66 = 50.60…%
    expect(triple(r)).toEqual([4, 3, 2, 75, 50, 50.6]);
    expect(r.amount_cny_yi).toBeCloseTo(5.66, 12);
    expect(r.funds_cny_yi).toBeCloseTo(2.864, 12);
  });

  it('an internal project counts on the internal site only', async () => {
    // + PD (started, 0.8 of 0.8): 5 signed, 4 honoured, 3 started, 3.664 / 6.46 = 56.72…%
    const r = only(await rates('internal', '2025-06', '410000'), { jurisdiction: '410000' });
    expect(triple(r)).toEqual([5, 4, 3, 80, 60, 56.7]);
    // 洛阳: PE alone in public (0 %); with PD: 1 of 2 honoured and started, 0.8 / 1.3 = 61.53…%
    expect(triple(only(await rates('public', '2025-06', '410000'), { jurisdiction: '410300' }))).toEqual([1, 0, 0, 0, 0, 0]);
    expect(triple(only(await rates('internal', '2025-06', '410000'), { jurisdiction: '410300' }))).toEqual([2, 1, 1, 50, 50, 61.5]);
  });

  it('a project signed in one month and started in a later one', async () => {
    // 中原区 has PA alone: at 2025-03 signed without funds, at 2025-06 started with 0.5 of 2.
    expect(triple(only(await rates('public', '2025-03', '410100'), { jurisdiction: '410102' }))).toEqual([1, 0, 0, 0, 0, 0]);
    expect(triple(only(await rates('public', '2025-06', '410100'), { jurisdiction: '410102' }))).toEqual([1, 1, 1, 100, 100, 25]);
  });

  it('a foreign-currency project: honoured by its funds alone, its rate the same in any currency', async () => {
    // 金水区 at 2025-06: PB (PF was signed in 2024); funds 1200 of 3000 万美元 = 40 %, not started.
    const r = only(await rates('public', '2025-06', '410100'), { jurisdiction: '410105' });
    expect(triple(r)).toEqual([1, 1, 0, 100, 0, 40]);
    expect(r.amount_cny_yi).toBeCloseTo(2.16, 12); // 3000 万美元 × 7.2 = 21600 万元
  });

  it('funds above the amount signed count in full: the rate is not capped', async () => {
    // 郑州 at 2025-03: PA 0 + PB 0.36 + PC 1.5 over 2 + 2.16 + 1: 1.86 / 5.16 = 36.0 %
    // (capped at its amount, PC would give 1.36 / 5.16 = 26.4 %)
    const r = only(await rates('public', '2025-03', '410000'), { jurisdiction: '410100' });
    expect(triple(r)).toEqual([3, 2, 1, 66.7, 33.3, 36]);
  });

  it('a project whose stage went back keeps its place in the cohort, at its new stage', async () => {
    // PE: signed at 2025-03 (in the cohort, not honoured), negotiating at 2025-06 with its reason: still counted.
    expect(triple(only(await rates('public', '2025-03', '410300'), { jurisdiction: '410302' }))).toEqual([1, 0, 0, 0, 0, 0]);
    expect(only(await rates('public', '2025-06', '410000'), { jurisdiction: '410000' }).cohort).toBe(4);
  });

  it("each year has its own cohort: 2024's project counts at 2024-12 and not in 2025", async () => {
    // PF at 2024-12: started, 300 of 1000 万美元 → 100 %, 100 %, 30 %
    const dec = await rates('public', '2024-12', null);
    expect(dec.map((r) => r.jurisdiction)).toEqual(['410000', '410100', '410105']);
    for (const r of dec) expect(triple(r)).toEqual([1, 1, 1, 100, 100, 30]);
  });

  it('a unit without a project signed this year has no rate (not 0 %), and the parent comes before its children', async () => {
    const rows = await rates('public', '2025-06', '410100');
    expect(rows.map((r) => r.jurisdiction)).toEqual(['410100', '410102', '410105']);
    const all = await rates('public', null, null);
    expect(new Set(all.map((r) => r.period))).toEqual(new Set(['2024-12', '2025-03', '2025-06']));
  });
});

describe('the rates are published as observations, so ranks, targets and verdicts treat them as any indicator', () => {
  it('the data build publishes exactly the query rows, as three indicators in %', async () => {
    const e = engines.public;
    const all = await runQuery(e, queries.projectRates, { period: null, parent: null });
    const observations = await e.query(
      `SELECT indicator, jurisdiction, period, value, release FROM observations WHERE indicator LIKE 'project_%' ORDER BY indicator, period, jurisdiction`,
    );
    const expected = PROJECT_RATES.flatMap((rate) =>
      all.filter((r) => r[rate.column] !== null).map((r) => ({ indicator: rate.id, jurisdiction: r.jurisdiction, period: r.period, value: r[rate.column], release: r.period })),
    ).sort((a, b) => (a.indicator + a.period + a.jurisdiction < b.indicator + b.period + b.jurisdiction ? -1 : 1));
    expect(observations).toEqual(expected);
    const indicators = await e.query(`SELECT id, unit, kind, higher_is_better, additive, decimals FROM indicators WHERE id LIKE 'project_%' ORDER BY id`);
    expect(indicators).toEqual(
      ['project_fulfilment_rate', 'project_funds_rate', 'project_start_rate'].map((id) => ({ id, unit: '%', kind: 'rate', higher_is_better: true, additive: false, decimals: 1 })),
    );
  });

  it('a start-rate target of 60 % gives verdicts, ranks and 标兵/追兵 as for any indicator', async () => {
    const rows = await runQuery(engines.public, queries.progress, { period: '2025-06', parent: '410000', indicator: 'project_start_rate' });
    const zz = only(rows, { jurisdiction: '410100' });
    const ly = only(rows, { jurisdiction: '410300' });
    // a rate against a rate, in points: 郑州 66.7 against 60 is 6.7 points above (not (66.7 − 60) / 60 = 11.2 %
    // of the target); 洛阳 0: 60 points below; no completion or pace for a rate
    expect([zz.value, zz.target_value, zz.verdict_kind, zz.verdict_gap_pp, zz.status, zz.rank]).toEqual([66.7, 60, 'level', 6.7, 'ahead', 1]);
    expect([ly.value, ly.verdict_gap_pp, ly.status, ly.rank, ly.ahead_code]).toEqual([0, -60, 'behind', 2, '410100']);
    expect([zz.completion, zz.pace_gap_pp]).toEqual([null, null]);
  });
});

describe('projectFunnel', () => {
  it('counts and amounts at every stage, the internal stages only on the internal site', async () => {
    const stages = async (audience: Audience) =>
      (await runQuery(engines[audience], queries.projectFunnel, { period: '2025-06', parent: '410000' }))
        .filter((r) => r.jurisdiction === '410000')
        .map((r) => [r.stage, r.projects, r.amount_cny_yi === null ? null : Math.round(r.amount_cny_yi * 1e6) / 1e6, r.signed_this_year]);
    // operating: PC 1 + PF 1000 万美元 × 7.2 = 0.72
    expect(await stages('public')).toEqual([
      ['planned', 0, null, 0],
      ['negotiating', 1, 0.5, 1],
      ['signed', 1, 2.16, 1],
      ['started', 1, 2, 1],
      ['operating', 2, 1.72, 1],
    ]);
    expect(await stages('internal')).toEqual([
      ['planned', 1, 3, 0],
      ['negotiating', 1, 0.5, 1],
      ['signed', 1, 2.16, 1],
      ['started', 2, 2.8, 2],
      ['operating', 2, 1.72, 1],
    ]);
  });
});

describe('projectLedger', () => {
  it('the rows of a unit and every unit under it, amounts also in 亿元, latest stage first', async () => {
    const rows = await runQuery(engines.public, queries.projectLedger, { period: '2025-06', jurisdiction: '410100' });
    expect(rows.map((r) => [r.project, r.stage, r.in_cohort, r.honoured, r.started])).toEqual([
      ['PC-2025-03', 'operating', true, true, true],
      ['PF-2024-01', 'operating', false, true, true],
      ['PA-2025-01', 'started', true, true, true],
      ['PB-2025-02', 'signed', true, true, false],
    ]);
    const pb = only(rows, { project: 'PB-2025-02' });
    expect([pb.amount, pb.unit, pb.cny_per_usd, pb.rate_year, pb.funds_pct]).toEqual([3000, '万美元', 7.2, 2025, 40]);
    expect(pb.amount_cny_yi).toBeCloseTo(2.16, 12);
    expect(only(rows, { project: 'PC-2025-03' }).funds_pct).toBe(150);
  });

  it('keeps internal and embargoed rows off the public site', async () => {
    const pub = await runQuery(engines.public, queries.projectLedger, { period: null, jurisdiction: null });
    const internal = await runQuery(engines.internal, queries.projectLedger, { period: null, jurisdiction: null });
    expect(pub.some((r) => r.project === 'PD-2025-04' || r.project === 'PG-2025-06')).toBe(false);
    expect(internal.filter((r) => r.visibility === 'internal').map((r) => `${r.project} ${r.period}`).sort()).toEqual([
      'PD-2025-04 2025-03', 'PD-2025-04 2025-06', 'PG-2025-06 2025-06',
    ]);
    for (const rows of [pub, internal]) expect(rows.some((r) => r.period === '2025-07')).toBe(false);
    const went = only(pub, { project: 'PE-2025-05', period: '2025-06' });
    expect([went.stage, went.in_cohort, went.stage_note, went.visibility]).toEqual(['negotiating', true, '合同解除，重新洽谈', 'public']);
  });

  it('flags a signed project past its planned start', async () => {
    // PB: signed, planned to start 2025-05-01: not yet due at 2025-03, overdue at 2025-06.
    const pb = async (period: string) =>
      only(await runQuery(engines.public, queries.projectLedger, { period, jurisdiction: '410105' }), { project: 'PB-2025-02' });
    expect([(await pb('2025-03')).start_overdue, (await pb('2025-06')).start_overdue]).toEqual([false, true]);
    // Started, or gone back to negotiating: not overdue.
    const june = await runQuery(engines.public, queries.projectLedger, { period: '2025-06', jurisdiction: null });
    expect(june.filter((r) => r.start_overdue).map((r) => r.project)).toEqual(['PB-2025-02']);
  });
});
