/**
 * projects/<release>.csv: the investment projects ledger, one row per project per month. Each
 * row is checked as it is read (its id, period, jurisdiction, amounts, and its dates against its
 * stage); the rows are then kept, small, for the checks across months and files that need a
 * project's whole history: one row per project and month in the whole ledger, stages moving
 * forward unless a row says why, a signed date never dropped, and the project's identity
 * (jurisdiction, origin, name) unchanged or flagged.
 */
import { MONEY_UNITS, PROJECT_STAGES, projects as table, type ProjectStage, type Unit } from '../lib/schema.ts';
import { SIGNED_STAGES, STAGE_WORDS, STARTED_STAGES, stageRank } from '../lib/projects.ts';
import { ANNUAL, isPlausibleYear, lastYear, periodCode, periodEndDay, periodFix, periodMonth, periodYear, yearsExpected, type PeriodCode } from './fields.ts';
import { quote, type Problems } from './problems.ts';
import { describeValidity, unknownCodeFix, validOn, type JurisdictionIndex } from './refs.ts';
import { checkTable, columnIndex, type Row } from './table.ts';

/** A project id: a letter first (so that no id reads as a number), then letters, digits, _ and -. */
export const PROJECT_ID_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;

const K = columnIndex(table, [
  'project', 'period', 'name_zh', 'name_en', 'jurisdiction', 'sector', 'origin', 'stage', 'amount', 'funds_arrived', 'unit',
  'signed_on', 'planned_start_on', 'started_on', 'visibility', 'stage_note', 'source', 'note',
]);

export interface ProjectRefs {
  jurisdictions: JurisdictionIndex | null;
  /** Years with a USD rate in exchange_rates.csv; null when it could not be read (dollar amounts are then not checked). */
  usdRateYears: readonly number[] | null;
}

/** What the checks across months keep of a row. */
interface Kept {
  file: string;
  line: number;
  period: PeriodCode;
  /** -1 when the stage is not valid (reported on its own). */
  stage: number;
  stageNote: boolean;
  signed: boolean;
  jurisdiction: string;
  origin: string;
  name: string;
  /** Where each compared field is: [line, column]. */
  at: Record<'stage' | 'signed_on' | 'jurisdiction' | 'origin' | 'name_zh', [number, number]>;
}

/** The rows of every ledger file, for the checks that span months and files. */
export class ProjectLedger {
  readonly byProject = new Map<string, Kept[]>();
  readonly keyAt = new Map<string, { file: string; line: number }>();
  rows = 0;
}

const DAY = (d: number) => `${String(d).slice(0, 4)}-${String(d).slice(4, 6)}-${String(d).slice(6, 8)}`;
const stageWords = (stage: ProjectStage) => `${stage} (${STAGE_WORDS[stage].zh})`;
const SIGNED = new Set<string>(SIGNED_STAGES);
const STARTED = new Set<string>(STARTED_STAGES);
const MONEY = new Set<string>(MONEY_UNITS);

function at(r: Row, k: number): { line: number; column: number; found: string } {
  return { line: r.lines[k] || r.line, column: r.cols[k]!, found: r.values[k]! };
}

/** Checks one ledger file and keeps its rows in `ledger`; returns the number of data rows. */
export function checkProjects(text: string, file: string, refs: ProjectRefs, ledger: ProjectLedger, problems: Problems): number {
  let rows = 0;
  const last = lastYear();
  const firstUsdYear = refs.usdRateYears === null ? -Infinity : Math.min(Infinity, ...refs.usdRateYears);
  checkTable(text, file, table, problems, {
    numberUnit: (r) => (MONEY.has(r.values[K.unit]!) ? (r.values[K.unit] as Unit) : undefined),
    onRow(r) {
      rows++;
      const v = r.values;
      const id = v[K.project]!;
      if (id !== '' && !PROJECT_ID_RE.test(id)) {
        problems.error(file, {
          ...at(r, K.project),
          code: 'E_ID_FORMAT',
          expected: 'a letter, then letters, digits, _ and -, e.g. ZZ-2025-001',
          fix: id.trim() !== id ? `write ${id.trim()} (no spaces around it)` : 'start the id with a letter and use only letters, digits, _ and -, e.g. ZZ-2025-001',
          message: `project id ${quote(id)} is not a valid id`,
        });
      }

      const p = v[K.period]!;
      let period = p === '' ? null : periodCode(p);
      if (p !== '' && period === null) {
        problems.error(file, { ...at(r, K.period), code: 'E_PERIOD', expected: 'YYYY-MM, the month whose end the row describes', fix: periodFix(p), message: `period ${quote(p)} is not YYYY-MM` });
      } else if (period !== null && periodMonth(period) === ANNUAL) {
        problems.error(file, {
          ...at(r, K.period),
          code: 'E_PERIOD',
          expected: 'YYYY-MM: a ledger row describes a project at the end of a month',
          fix: `write ${p}-12 for the ledger at the end of the year`,
          message: `period ${quote(p)} is a year, not a month`,
        });
        period = null;
      } else if (period !== null && !isPlausibleYear(periodYear(period), last)) {
        problems.error(file, { ...at(r, K.period), code: 'E_PERIOD', expected: yearsExpected(last), fix: 'check the year of the period', message: `period ${quote(p)} is not a plausible year` });
        period = null;
      }
      const end = period === null ? NaN : periodEndDay(period);

      const j = v[K.jurisdiction]!;
      const validity = j === '' ? undefined : refs.jurisdictions?.get(j);
      if (refs.jurisdictions && j !== '' && validity === undefined) {
        problems.error(file, {
          ...at(r, K.jurisdiction),
          code: 'E_UNKNOWN_JURISDICTION',
          expected: 'a code from jurisdictions.csv',
          fix: unknownCodeFix(j, refs.jurisdictions, 'jurisdictions.csv'),
          message: `jurisdiction ${quote(j)} is not in jurisdictions.csv`,
        });
      } else if (validity !== undefined && period !== null && !validOn(validity, end)) {
        problems.error(file, {
          ...at(r, K.jurisdiction),
          code: 'E_JURISDICTION_VALIDITY',
          expected: `a jurisdiction valid at the end of ${p} (${j} is valid ${describeValidity(validity)})`,
          fix: `use the code valid at the end of ${p}, or correct valid_from/valid_to in jurisdictions.csv`,
          message: `jurisdiction ${j} is not valid at the end of period ${p}`,
        });
      }

      const stage = r.ok[K.stage] && v[K.stage] !== '' ? (v[K.stage] as ProjectStage) : null;
      const wentBack = v[K.stage_note] !== '';
      if (stage !== null && period !== null) checkDates(r, file, stage, p, end, wentBack, problems);
      checkAmounts(r, file, stage, period === null ? null : periodYear(period), firstUsdYear, problems);

      if (id === '' || period === null) return;
      const key = `${id}\u0000${period}`;
      const first = ledger.keyAt.get(key);
      if (first !== undefined) {
        problems.error(file, {
          ...at(r, K.project),
          found: `${id}, ${p}`,
          code: 'E_DUPLICATE_KEY',
          expected: 'one row per project and month in the whole ledger',
          fix: `keep one of this row and ${first.file === file ? `line ${first.line}` : `${first.file}:${first.line}`}; correct the row where it is`,
          message: `project ${id} at ${p} is already on ${first.file === file ? `line ${first.line}` : `${first.file}:${first.line}`}`,
        });
        return;
      }
      ledger.keyAt.set(key, { file, line: r.line });
      ledger.rows++;
      const where = (k: number): [number, number] => [r.lines[k] || r.line, r.cols[k]!];
      let history = ledger.byProject.get(id);
      if (!history) ledger.byProject.set(id, (history = []));
      history.push({
        file,
        line: r.line,
        period,
        stage: stage === null ? -1 : stageRank(stage),
        stageNote: wentBack,
        signed: v[K.signed_on] !== '',
        jurisdiction: j,
        origin: r.ok[K.origin] ? v[K.origin]! : '',
        name: v[K.name_zh]!,
        at: { stage: where(K.stage), signed_on: where(K.signed_on), jurisdiction: where(K.jurisdiction), origin: where(K.origin), name_zh: where(K.name_zh) },
      });
    },
  });
  return rows;
}

/**
 * A signed (or later) row needs its signed date, a started (or later) one its start date, both
 * on or before the end of the month described, and construction cannot start before signing.
 * A date of a stage the row has not reached is allowed only on a row that went back (stage_note).
 */
function checkDates(r: Row, file: string, stage: ProjectStage, p: string, end: number, wentBack: boolean, problems: Problems): void {
  const signedOn = r.ok[K.signed_on] ? r.nums[K.signed_on]! : NaN;
  const startedOn = r.ok[K.started_on] ? r.nums[K.started_on]! : NaN;
  const error = (k: number, expected: string, fix: string, message: string) =>
    problems.error(file, { ...at(r, k), code: 'E_PROJECT_DATE', expected, fix, message });
  for (const [k, need, word] of [[K.signed_on, SIGNED, 'signed'], [K.started_on, STARTED, 'started']] as const) {
    const day = k === K.signed_on ? signedOn : startedOn;
    if (need.has(stage) && r.values[k] === '' && r.cols[k]) {
      error(k, `the day the project ${word} (YYYY-MM-DD)`, `write the ${k === K.signed_on ? 'contract' : 'construction start'} date in ${table.columns[k]!.name}`, `a project at stage ${stageWords(stage)} needs its ${table.columns[k]!.name}`);
    } else if (!Number.isNaN(day) && day > end) {
      error(k, `a day on or before ${DAY(end)}, the end of ${p}`, `check the date; a plan goes in planned_start_on, and a row for ${p} describes the project at the end of ${p}`, `${table.columns[k]!.name} ${DAY(day)} is after the end of ${p}`);
    } else if (!Number.isNaN(day) && !need.has(stage) && !wentBack) {
      error(
        k,
        `an empty ${table.columns[k]!.name} at stage ${stageWords(stage)}, or a stage_note saying why the stage went back`,
        `set the stage the date belongs to (${k === K.signed_on ? 'signed' : 'started'} or later), or empty the date, or say in stage_note why the project went back`,
        `${table.columns[k]!.name} ${DAY(day)} on a project at stage ${stageWords(stage)}`,
      );
    }
  }
  if (!Number.isNaN(signedOn) && !Number.isNaN(startedOn) && startedOn < signedOn) {
    error(K.started_on, `a day on or after the signed date ${DAY(signedOn)}`, 'check both dates: construction starts after the contract is signed', `started_on ${DAY(startedOn)} is before signed_on ${DAY(signedOn)}`);
  }
}

/**
 * Amounts are not negative and state their unit; a project with a signed date states the amount
 * signed; dollars need a dollar rate (the year's, or an earlier one) to be counted in yuan; funds
 * above the amount signed are allowed, with a warning.
 */
function checkAmounts(r: Row, file: string, stage: ProjectStage | null, year: number | null, firstUsdYear: number, problems: Problems): void {
  const v = r.values;
  const amount = r.nums[K.amount]!;
  const funds = r.nums[K.funds_arrived]!;
  const error = (k: number, code: string, expected: string, fix: string, message: string) => problems.error(file, { ...at(r, k), code, expected, fix, message });
  for (const [k, value] of [[K.amount, amount], [K.funds_arrived, funds]] as const) {
    if (value < 0) error(k, 'E_PROJECT_AMOUNT', '0 or more', 'correct the sign: an amount of money is never negative', `${table.columns[k]!.name} ${v[k]} is negative`);
  }
  const anyAmount = v[K.amount] !== '' || v[K.funds_arrived] !== '';
  if (anyAmount && v[K.unit] === '' && r.cols[K.unit]) {
    error(K.unit, 'E_PROJECT_AMOUNT', `the unit of amount and funds_arrived: one of ${MONEY_UNITS.join(', ')}`, 'write the unit the amounts are in, e.g. 万元', 'amounts without a unit');
  }
  const signed = (r.ok[K.signed_on] && v[K.signed_on] !== '') || (stage !== null && SIGNED.has(stage));
  if (signed && v[K.amount] === '' && r.ok[K.amount] && r.cols[K.amount]) {
    error(K.amount, 'E_PROJECT_AMOUNT', 'the amount signed, in unit', 'write the investment the contract states (签约金额), in the unit of the row', 'a signed project without its amount');
  }
  const unit = v[K.unit]!;
  if (anyAmount && year !== null && MONEY.has(unit) && unit.includes('美元') && year < firstUsdYear) {
    error(
      K.unit,
      'E_PROJECT_NO_RATE',
      `a USD rate in exchange_rates.csv for ${year} or an earlier year`,
      `add the ${year} annual average rate (or the latest published one) to exchange_rates.csv`,
      `amounts in ${unit} at ${year} cannot be counted in yuan: exchange_rates.csv has no USD rate for ${year} or before`,
    );
  }
  if (r.ok[K.amount] && r.ok[K.funds_arrived] && funds > amount) {
    problems.warning(file, {
      ...at(r, K.funds_arrived),
      code: 'W_FUNDS_EXCEED',
      expected: `funds arrived up to the amount signed (${v[K.amount]} ${unit})`,
      fix: 'check both figures and their unit; funds above the amount signed are counted as they are (the rate is not capped)',
      message: `funds arrived ${v[K.funds_arrived]} exceed the amount signed ${v[K.amount]}`,
    });
  }
}

/** The checks across months: each project's rows in period order, each against the one before. */
export function checkProjectLedger(ledger: ProjectLedger, problems: Problems): void {
  for (const [id, history] of ledger.byProject) {
    history.sort((a, b) => a.period - b.period);
    for (let i = 1; i < history.length; i++) {
      const prev = history[i - 1]!;
      const cur = history[i]!;
      const p = periodText(cur.period);
      const before = periodText(prev.period);
      const here = (field: keyof Kept['at']) => ({ line: cur.at[field][0], column: cur.at[field][1] });
      if (cur.stage >= 0 && prev.stage >= 0 && cur.stage < prev.stage && !cur.stageNote) {
        const [from, to] = [PROJECT_STAGES[prev.stage]!, PROJECT_STAGES[cur.stage]!];
        problems.error(cur.file, {
          ...here('stage'),
          found: to,
          code: 'E_PROJECT_STAGE',
          expected: `stage ${stageWords(from)} or later (as at ${before}), or a stage_note saying why it went back`,
          fix: 'correct the stage, or write in stage_note why the project went back (e.g. 合同解除，重新洽谈)',
          message: `project ${id} went back from ${stageWords(from)} at ${before} to ${stageWords(to)} at ${p} without a stage_note`,
        });
      }
      // (A row at signed or later without its date has its own error.)
      if (prev.signed && !cur.signed && cur.stage >= 0 && cur.stage < stageRank('signed')) {
        problems.error(cur.file, {
          ...here('signed_on'),
          found: '',
          code: 'E_PROJECT_DATE',
          expected: `the signed date given at ${before}`,
          fix: 'keep signed_on on every later row (a project that went back keeps its place among the projects signed that year)',
          message: `project ${id} has a signed date at ${before} but none at ${p}`,
        });
      }
      for (const [field, now, was] of [['jurisdiction', cur.jurisdiction, prev.jurisdiction], ['origin', cur.origin, prev.origin], ['name_zh', cur.name, prev.name]] as const) {
        if (now === was || now === '' || was === '') continue;
        problems.warning(cur.file, {
          ...here(field),
          found: now,
          code: 'W_PROJECT_IDENTITY',
          expected: `${field} ${quote(was)} as at ${before}`,
          fix: `check the project id: a different project needs an id of its own; if ${field} really changed (a code change, a renamed project), this warning is expected`,
          message: `project ${id} changed its ${field} from ${quote(was)} at ${before} to ${quote(now)} at ${p}`,
        });
      }
    }
  }
}

function periodText(p: PeriodCode): string {
  return `${periodYear(p)}-${String(periodMonth(p)).padStart(2, '0')}`;
}

