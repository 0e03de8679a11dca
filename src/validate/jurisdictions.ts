/** jurisdictions.csv: codes, the parent tree, validity periods. */
import { jurisdictions as table, type Level } from '../lib/schema.ts';
import { quote, type Problems } from './problems.ts';
import { describeValidity, JURISDICTION_CODE_RE, OPEN_FROM, OPEN_TO, type JurisdictionIndex, type Validity } from './refs.ts';
import { checkTable, columnIndex } from './table.ts';

export interface Jurisdiction {
  code: string;
  parent: string;
  level: Level;
  name_zh: string;
  name_en: string;
  valid_from: string;
  valid_to: string;
}

interface Seen {
  line: number;
  parent: string;
  parentLine: number;
  parentCol: number;
  from: number;
  to: number;
  /** Where valid_from and valid_to are, for a child valid beyond its parent. */
  fromAt: { line: number; column: number; found: string };
  toAt: { line: number; column: number; found: string };
}

const K = columnIndex(table, ['code', 'parent', 'level', 'name_zh', 'name_en', 'valid_from', 'valid_to']);

export function checkJurisdictions(
  text: string,
  file: string,
  problems: Problems,
): { rows: Jurisdiction[]; index: JurisdictionIndex } | null {
  const rows: Jurisdiction[] = [];
  const byCode = new Map<string, Seen[]>();

  const columns = checkTable(text, file, table, problems, {
    onRow(r) {
      const code = r.values[K.code]!;
      const codeLine = r.lines[K.code]!;
      const codeCol = r.cols[K.code]!;
      let ok = r.ok.every(Boolean);
      if (code !== '' && !JURISDICTION_CODE_RE.test(code)) {
        ok = false;
        problems.error(file, {
          code: 'E_ID_FORMAT',
          line: codeLine,
          column: codeCol,
          found: code,
          expected: 'letters, digits, _ and - (a GB/T 2260 code such as 410100, or a code of your own)',
          fix: code.trim() !== code ? `write ${code.trim()} (no spaces around it)` : 'use only letters, digits, _ and -',
          message: `jurisdiction code ${quote(code)} has characters a code may not have`,
        });
      }
      const from = r.ok[K.valid_from] && r.values[K.valid_from] !== '' ? r.nums[K.valid_from]! : OPEN_FROM;
      const to = r.ok[K.valid_to] && r.values[K.valid_to] !== '' ? r.nums[K.valid_to]! : OPEN_TO;
      if (from > to) {
        ok = false;
        problems.error(file, {
          code: 'E_VALIDITY_RANGE',
          line: r.lines[K.valid_to]!,
          column: r.cols[K.valid_to]!,
          found: r.values[K.valid_to]!,
          expected: `valid_to on or after valid_from ${r.values[K.valid_from]}`,
          fix: 'swap valid_from and valid_to, or correct the dates',
          message: `${code} ends (${r.values[K.valid_to]}) before it begins (${r.values[K.valid_from]})`,
        });
      }
      if (code !== '') {
        const same = byCode.get(code) ?? [];
        const clash = same.find((s) => s.from <= to && from <= s.to);
        if (clash && clash.from === from) {
          ok = false;
          problems.error(file, {
            code: 'E_DUPLICATE_KEY',
            line: codeLine,
            column: codeCol,
            found: `${code},${r.values[K.valid_from]}`,
            expected: 'each code and valid_from once',
            fix: `remove this row or merge it with line ${clash.line}`,
            message: `jurisdiction ${code} with valid_from ${quote(r.values[K.valid_from]!)} is already defined on line ${clash.line}`,
          });
        } else if (clash) {
          ok = false;
          problems.error(file, {
            code: 'E_VALIDITY_OVERLAP',
            line: r.lines[K.valid_from]!,
            column: r.cols[K.valid_from]!,
            found: r.values[K.valid_from]!,
            expected: `a validity period that does not overlap the one on line ${clash.line}`,
            fix: `end the earlier row (valid_to) the day before the later one starts (valid_from)`,
            message: `two rows of ${code} are valid on the same days (this one and line ${clash.line})`,
          });
        }
        same.push({
          line: r.line,
          parent: r.values[K.parent]!,
          parentLine: r.lines[K.parent]!,
          parentCol: r.cols[K.parent]!,
          from,
          to,
          fromAt: { line: r.lines[K.valid_from]!, column: r.cols[K.valid_from]!, found: r.values[K.valid_from]! },
          toAt: { line: r.lines[K.valid_to]!, column: r.cols[K.valid_to]!, found: r.values[K.valid_to]! },
        });
        byCode.set(code, same);
      }
      if (ok) {
        rows.push({
          code,
          parent: r.values[K.parent]!,
          level: r.values[K.level] as Level,
          name_zh: r.values[K.name_zh]!,
          name_en: r.values[K.name_en]!,
          valid_from: r.values[K.valid_from]!,
          valid_to: r.values[K.valid_to]!,
        });
      }
    },
  });
  // Without its key column a table defines nothing, and every reference into it would fail.
  if (!columns?.has('code')) return null;
  checkTree(byCode, file, problems);
  const index: JurisdictionIndex = new Map();
  for (const [code, seen] of byCode) index.set(code, seen.map((s) => ({ from: s.from, to: s.to })));
  return { rows, index };
}

/** Every parent exists, one root, no cycles. */
function checkTree(byCode: Map<string, Seen[]>, file: string, problems: Problems): void {
  let root: string | null = null;
  for (const [code, seen] of byCode) {
    for (const s of seen) {
      if (s.parentCol === 0) continue; // column missing, reported already
      if (s.parent === '') {
        if (root === null || root === code) root = code;
        else {
          problems.error(file, {
            code: 'E_ROOT',
            line: s.parentLine,
            column: s.parentCol,
            found: '',
            expected: `a parent code (${root} is already the root)`,
            fix: `give ${code} the code of the unit it reports to`,
            message: `${code} has no parent, but only the root (${root}) may have none`,
          });
        }
      } else if (s.parent === code) {
        problems.error(file, parentProblem(s, code, 'is its own parent', 'the code of the unit it reports to'));
      } else if (!byCode.has(s.parent)) {
        problems.error(file, parentProblem(s, code, `has parent ${s.parent}, which is not in jurisdictions.csv`, 'an existing jurisdiction code'));
      } else {
        checkWithinParent(code, s, byCode.get(s.parent)!, file, problems);
      }
    }
  }
  // Cycles: walk up from every code; a walk longer than the number of codes went round.
  const settled = new Set<string>();
  for (const start of byCode.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let code: string | undefined = start;
    while (code !== undefined && !settled.has(code)) {
      if (onPath.has(code)) {
        const s = byCode.get(code)![0]!;
        const loop = path.slice(path.indexOf(code)).concat(code).join(' → ');
        problems.error(file, parentProblem(s, code, `is its own ancestor (${loop})`, 'a parent chain that ends at the root'));
        break;
      }
      onPath.add(code);
      path.push(code);
      const parent: string | undefined = byCode.get(code)?.[0]?.parent;
      code = parent && parent !== path[path.length - 1] && byCode.has(parent) ? parent : undefined;
    }
    for (const c of path) settled.add(c);
  }
}

/**
 * A unit exists only while the unit it reports to does: a county valid after its city was
 * abolished would have figures no parent page can show. The parent's rows together (a renamed
 * parent has several) must cover every day of the child's row.
 */
function checkWithinParent(code: string, child: Seen, parentRows: readonly Seen[], file: string, problems: Problems): void {
  const gap = firstUncoveredDay(child, parentRows);
  if (gap === null) return;
  const early = gap === dayNumber(child.from);
  const at = early ? child.fromAt : child.toAt;
  const parentValidity = describeValidity([...parentRows].sort((a, b) => a.from - b.from));
  problems.error(file, {
    code: 'E_VALIDITY_PARENT',
    line: at.line,
    column: at.column,
    found: at.found,
    expected: `a validity within its parent's: ${child.parent} is valid ${parentValidity}`,
    fix: early
      ? `start ${code} on or after the day ${child.parent} starts, or correct ${child.parent}'s valid_from`
      : `end ${code} when ${child.parent} ends, and add a row for it under its new parent from the next day`,
    message: `${code} is valid ${describeValidity([child])}, beyond its parent ${child.parent} (valid ${parentValidity})`,
  });
}

/** Days since the epoch; the open bounds are infinite. */
function dayNumber(d: number): number {
  if (d === OPEN_FROM) return -Infinity;
  if (d === OPEN_TO) return Infinity;
  return Date.UTC(Math.floor(d / 10000), (Math.floor(d / 100) % 100) - 1, d % 100) / 86_400_000;
}

/** The first day of `v` that none of `cover` includes, as a day number, or null. */
function firstUncoveredDay(v: Validity, cover: readonly Validity[]): number | null {
  let day = dayNumber(v.from);
  const end = dayNumber(v.to);
  for (const c of [...cover].sort((a, b) => a.from - b.from)) {
    if (dayNumber(c.from) > day) break;
    if (dayNumber(c.to) >= end) return null;
    day = Math.max(day, dayNumber(c.to) + 1);
  }
  return day;
}

function parentProblem(s: Seen, code: string, what: string, expected: string) {
  return {
    code: 'E_PARENT',
    line: s.parentLine,
    column: s.parentCol,
    found: s.parent,
    expected,
    fix: `set parent of ${code} to the code of the unit it reports to (add that unit first if it is missing)`,
    message: `${code} ${what}`,
  };
}
