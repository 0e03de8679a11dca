/**
 * The page model asks the catalog for all indicators of a parent and period at once and asks
 * the series ahead of the pages: pages must still get exactly the rows of the catalog query
 * they stand for.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';
import { queries, runQuery } from '../../src/queries/index.ts';
import type { Engine } from '../../src/engine/types.ts';

const demo = path.join(import.meta.dirname, '../../examples/henan-demo');
let tmp: string;
let m: typeof import('../../src/site/model.ts');
let engine: Engine;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'site-model-'));
  await buildData({ dataDir: demo, outDir: path.join(tmp, 'public', 'data'), now: new Date('2026-11-01T00:00:00Z') });
  // src/site/data.ts reads the public directory when it is first imported.
  process.env.PORTAL_PUBLIC_DIR = path.join(tmp, 'public');
  m = await import('../../src/site/model.ts');
  engine = await (await import('../../src/site/data.ts')).siteEngine();
});

afterAll(async () => {
  await engine?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/**
 * Each indicator at its children's latest period, as the indicator pages ask, for the root
 * (whose children have targets for some indicators) and one city (whose counties have none).
 */
async function pageQuestions(): Promise<{ parent: string; indicator: string; period: string }[]> {
  const out: { parent: string; indicator: string; period: string }[] = [];
  for (const ind of await m.indicators()) {
    for (const parent of ['410000', '410100']) {
      const period = await m.latestChildPeriod(parent, ind.id);
      if (period) out.push({ parent, indicator: ind.id, period });
    }
  }
  return out;
}

const NEWEST_FIRST = 'o.year DESC, coalesce(o.month, 12) DESC, (o.month IS NULL) DESC';

describe('site model', () => {
  it("answers each parent's children's periods as if asked for that parent and indicator alone", async () => {
    let asked = 0;
    for (const ind of await m.indicators()) {
      // The root and a few cities: every answer comes from the same all-parent query.
      for (const parent of (await m.parentsWithChildData(ind.id)).slice(0, 4)) {
        const params = { parent, indicator: ind.id };
        const all = await engine.query(
          `SELECT DISTINCT o.period, o.year, o.month FROM observations o JOIN jurisdictions j ON j.code = o.jurisdiction
           WHERE j.parent = $parent AND o.indicator = $indicator ORDER BY ${NEWEST_FIRST}`,
          params,
        );
        const latest = await engine.query(
          `SELECT o.period FROM observations o JOIN jurisdictions j ON j.code = o.jurisdiction
           WHERE j.parent = $parent AND o.indicator = $indicator AND o.value IS NOT NULL ORDER BY ${NEWEST_FIRST} LIMIT 1`,
          params,
        );
        expect(await m.childPeriods(parent, ind.id)).toEqual(all.map((r) => r.period));
        expect(await m.latestChildPeriod(parent, ind.id)).toEqual(latest[0]?.period ?? null);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(30);
    expect(await m.childPeriods('no-such-parent', 'retail_sales')).toEqual([]);
    expect(await m.latestChildPeriod('no-such-parent', 'retail_sales')).toBeNull();
  });

  it('gives each indicator the progress rows of the catalog query for that indicator alone', async () => {
    const asked = await pageQuestions();
    expect(asked.length).toBeGreaterThan(10);
    // No figure in January (it is published with February): the all-indicator query leaves
    // every indicator out, so each is asked on its own.
    const january = asked.map((q) => ({ ...q, period: '2025-01' }));
    for (const { parent, indicator, period } of [...asked, ...january]) {
      const alone = await runQuery(engine, queries.progress, { parent, indicator, period });
      expect(await m.progress(parent, indicator, period), `${parent} ${indicator} ${period}`).toEqual(alone);
    }
    expect(await runQuery(engine, queries.progress, { parent: '410000', indicator: null, period: '2025-01' })).toEqual([]);
    expect((await m.progress('410000', 'retail_sales', '2025-01')).length).toBeGreaterThan(0);
  });

  it('gives each indicator and basis the ranking rows of the catalog query for that indicator alone', async () => {
    const asked = await pageQuestions();
    for (const { parent, indicator, period } of [...asked, ...asked.map((q) => ({ ...q, period: '2025-01' }))]) {
      for (const basis of ['value', 'yoy'] as const) {
        const alone = await runQuery(engine, queries.ranking, { parent, indicator, period, basis });
        expect(await m.ranking(parent, indicator, period, basis), `${parent} ${indicator} ${period} ${basis}`).toEqual(alone);
      }
    }
  });

  it('answers series and trends asked ahead with the rows of the catalog queries', async () => {
    const codes = (await m.jurisdictions()).map((j) => j.code);
    const sample = [codes[0]!, codes[Math.floor(codes.length / 2)]!, codes.at(-1)!];
    for (const code of sample) {
      for (const ind of await m.indicators()) {
        const period = await m.latestPeriodOf(code, ind.id);
        if (!period) continue;
        const year = Number(period.slice(0, 4));
        expect(await m.series(code, ind.id)).toEqual(await runQuery(engine, queries.series, { jurisdiction: code, indicator: ind.id }));
        expect(await m.trend(code, ind.id, year)).toEqual(await runQuery(engine, queries.trend, { jurisdiction: code, indicator: ind.id, year }));
      }
    }
  });
});
