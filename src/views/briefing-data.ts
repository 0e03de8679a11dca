/**
 * What a briefing shows, gathered from the catalog's progress query: the unit among its peers,
 * its parent, its children and the monthly path of each level target. The same gathering runs at
 * build time (over the site's memoised queries) and in the browser (over DuckDB-WASM), so an
 * older period drawn by the browser is the page the build would have written.
 */
import type { Unit } from '../lib/schema.ts';
import type { ProgressRow } from '../queries/progress.ts';
import type { TrajectoryPoint } from '../render/trajectory.ts';
import type { BriefingIndicator, BriefingInput } from './briefing.ts';
import type { UnitProjects } from './projects.ts';

export interface BriefingAsk {
  /** The progress query: the children of `parent` at `period` for one indicator. */
  progress(parent: string | null, indicator: string, period: string): Promise<readonly ProgressRow[]>;
  /** The periods with figures of an indicator (the catalog's periods query). */
  periods(parent: string | null, indicator: string): Promise<readonly string[]>;
  /** A unit's investment projects at a period (null: none in the ledger then); absent: the briefing has no projects section. */
  projects?(code: string, period: string): Promise<UnitProjects | null>;
  /** The projects page that lists a unit's projects (src/site/model.ts projectsPageOf). */
  projectsPage?(code: string): Promise<string | null>;
}

export interface BriefingSubject {
  jurisdiction: BriefingInput['jurisdiction'] & { parent: string | null };
  parent: (NonNullable<BriefingInput['parent']> & { parent: string | null }) | null;
  hasChildren: boolean;
  indicators: readonly { id: string; name_zh: string; name_en: string; unit: Unit; decimals: number; source: string | null }[];
  period: string;
}

const monthPeriod = (year: number, m: number): string => `${year}-${String(m).padStart(2, '0')}`;

/** Completion of a level target month by month up to a month, and the seasonal expectation beside it. */
async function completionPath(ask: BriefingAsk, code: string, parent: string | null, indicator: string, year: number, upTo: number) {
  const published = new Set(await ask.periods(parent, indicator));
  const completion: TrajectoryPoint[] = [];
  const seasonal: TrajectoryPoint[] = [];
  for (let m = 1; m <= upTo; m++) {
    const period = published.has(monthPeriod(year, m)) ? monthPeriod(year, m) : m === 12 && published.has(String(year)) ? String(year) : null;
    if (!period) continue;
    const row = (await ask.progress(parent, indicator, period)).find((r) => r.jurisdiction === code);
    completion.push({ m, completion: row?.completion ?? null });
    seasonal.push({ m, completion: row?.seasonal_basis === 'last_year' ? row.seasonal_expected : null });
  }
  return { completion, seasonal };
}

/** The trajectory of a unit's level target up to a period: this year's path, last year's, and the seasonal expectation. */
export async function collectTrajectory(ask: BriefingAsk, code: string, parent: string | null, indicator: string, period: string): Promise<NonNullable<BriefingIndicator['trajectory']>> {
  const year = Number(period.slice(0, 4));
  const now = await completionPath(ask, code, parent, indicator, year, period.length === 7 ? Number(period.slice(5)) : 12);
  const before = await completionPath(ask, code, parent, indicator, year - 1, 12);
  return { thisYear: now.completion, lastYear: before.completion, seasonal: now.seasonal };
}

export async function collectBriefing(s: BriefingSubject, ask: BriefingAsk): Promise<Omit<BriefingInput, 'locale'>> {
  const { jurisdiction: j, parent, period } = s;
  const out: BriefingIndicator[] = [];
  for (const ind of s.indicators) {
    const peerRows = await ask.progress(j.parent, ind.id, period);
    const row = peerRows.find((r) => r.jurisdiction === j.code) ?? null;
    // an indicator the unit neither reports nor has a target for is left out
    if (!row || (row.state === 'missing' && row.yoy_pct === null && row.target_type === null)) continue;
    const parentRow = parent ? ((await ask.progress(parent.parent, ind.id, period)).find((r) => r.jurisdiction === parent.code) ?? null) : null;
    const children = s.hasChildren ? await ask.progress(j.code, ind.id, period) : [];
    let trajectory: BriefingIndicator['trajectory'] = null;
    if (row.verdict_kind === 'pace' && period.length === 7) trajectory = await collectTrajectory(ask, j.code, j.parent, ind.id, period);
    out.push({ indicator: ind, row, peers: peerRows.filter((r) => r.level === row.level), parentRow, children, trajectory });
  }
  const projects = ask.projects ? await ask.projects(j.code, period) : null;
  const page = projects && ask.projectsPage ? await ask.projectsPage(j.code) : null;
  return { jurisdiction: j, parent, period, indicators: out, projects: projects ? { unit: projects, page } : null };
}
