/**
 * children (against the parent) and consistency (children's sum against the parent), with
 * numbers worked out by hand from fixtures/basic.
 *   河南省 410000 retail sales: 2024-06 = 16000 (yoy 5.5), 2023-06 = 15000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import { queries, runQuery, type ChildrenRow } from '../../src/queries/index.ts';
import { only, openBasic } from './helpers.ts';

let engine: Engine;
let rows: ChildrenRow[];
beforeAll(async () => {
  engine = await openBasic();
  rows = await runQuery(engine, queries.children, { period: '2024-06', parent: '410000', indicator: 'retail_sales' });
});
afterAll(async () => {
  await engine.close();
});

describe('children against the parent', () => {
  it('repeats the parent figures on every row', () => {
    expect(new Set(rows.map((r) => JSON.stringify([r.parent, r.parent_value, r.parent_yoy_pct, r.parent_value_last_year, r.parent_state])))).toEqual(
      new Set([JSON.stringify(['410000', 16000, 5.5, 15000, 'ok'])]),
    );
  });

  it('郑州: growth difference, share of parent, contribution (拉动)', () => {
    const r = only(rows, { jurisdiction: '410100' });
    // growth difference = 5.0 − 5.5 = −0.5 pp (低于全省 0.5 个百分点)
    expect(r.growth_diff_pp).toBe(-0.5);
    // share = 2340 / 16000 = 0.14625
    expect(r.share_of_parent).toBe(0.14625);
    // contribution = (2340 − 1800) / 15000 × 100 = 540 / 150 = 3.6 pp (拉动全省增长 3.6 个百分点)
    expect(r.value_last_year).toBe(1800);
    expect(r.contribution_pp).toBe(3.6);
  });

  it('洛阳: contribution (2340 − 2100) / 15000 × 100 = 1.6 pp; growth +1.0 pp above the province', () => {
    const r = only(rows, { jurisdiction: '410300' });
    expect(r.contribution_pp).toBe(1.6);
    expect(r.growth_diff_pp).toBe(1);
    expect(r.share_of_parent).toBe(0.14625);
  });

  it('开封: no figure last year → no contribution, but a share (1100/16000 = 0.06875) and a difference (8.0 − 5.5 = 2.5)', () => {
    const r = only(rows, { jurisdiction: '410200' });
    expect([r.value_last_year, r.contribution_pp, r.share_of_parent, r.growth_diff_pp]).toEqual([null, null, 0.06875, 2.5]);
  });

  it('suppressed and missing children get no derived numbers', () => {
    expect(only(rows, { jurisdiction: '410400' })).toMatchObject({ state: 'suppressed', share_of_parent: null, contribution_pp: null, growth_diff_pp: null });
    expect(only(rows, { jurisdiction: '410500' })).toMatchObject({ state: 'missing', share_of_parent: null, contribution_pp: null, growth_diff_pp: null });
  });

  it('a non-additive indicator (a rate) has no share and no contribution', async () => {
    const share = await runQuery(engine, queries.children, { period: '2024-06', parent: '410000', indicator: 'online_share' });
    // 郑州 30% vs 河南 25%: a share of a share means nothing
    expect(only(share, { jurisdiction: '410100' })).toMatchObject({ additive: false, value: 30, parent_value: 25, share_of_parent: null, contribution_pp: null });
  });
});

describe('consistency: children sum against the parent, reported not forced', () => {
  it('retail sales 2024-06 under 河南省', async () => {
    const [r, ...rest] = await runQuery(engine, queries.consistency, { period: '2024-06', parent: '410000', indicator: 'retail_sales' });
    expect(rest).toEqual([]);
    // children valid at 2024-06 (not special): 郑州 开封 洛阳 平顶山 安阳 鹤壁 许昌 = 7 (旧市 410699 ended 2023)
    // with a value: 2340 + 1100 + 2340 + 1500 + 5200 = 12480 (5); suppressed 平顶山 (1); missing 安阳 (1)
    // difference = 12480 − 16000 = −3520; −3520 / 16000 × 100 = −22 %
    // 航空港区 (special, 800) is reported apart, not added: it lies inside 郑州
    expect(r).toEqual({
      indicator: 'retail_sales', period: '2024-06', parent: '410000', parent_obs_period: '2024-06', parent_value: 16000, parent_state: 'ok',
      children: 7, children_with_value: 5, children_suppressed: 1, children_missing: 1,
      children_sum: 12480, difference: -3520, difference_pct: -22, complete: false,
      special_units: 1, special_with_value: 1, special_sum: 800,
    });
  });

  it('lists only additive indicators, and a missing parent figure leaves the difference empty', async () => {
    const all = await runQuery(engine, queries.consistency, { period: '2024-06', parent: '410000', indicator: null });
    // at 2024-06: consumer_complaints, retail_sales (additive); online_share is not additive
    expect(all.map((r) => r.indicator)).toEqual(['consumer_complaints', 'retail_sales']);
    // complaints: 300 + 450 + 300 + 200 = 1250; no provincial figure
    expect(only(all, { indicator: 'consumer_complaints' })).toMatchObject({ children_sum: 1250, parent_value: null, parent_state: 'missing', difference: null, difference_pct: null });
  });
});
