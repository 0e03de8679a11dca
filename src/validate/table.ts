/**
 * Reading one CSV file against its table definition: encoding, quoting, header, field counts
 * and the checks every column gets from its type (required, enum, date, integer, number).
 * Table rules then see each row through one reused `Row`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Table, Unit } from '../lib/schema.ts';
import { parseCsv } from './csv.ts';
import { decodeUtf8File } from './encoding.ts';
import { notAFile, reportNotAFile } from './files.ts';
import {
  DATE_EXPECTED,
  DATETIME_EXPECTED,
  dateFix,
  datetimeFix,
  enumExpected,
  enumSuggestion,
  isDatetime,
  parseDate,
  parseInteger,
} from './fields.ts';
import { parsePlainNumber } from './numbers.ts';
import { quote, type Problems } from './problems.ts';

/** One data row, reused from row to row; every array is indexed by the column's position in the table definition. */
export interface Row {
  /** Physical line the row starts on. */
  line: number;
  /** The field's text; '' when the column is absent from the file. */
  values: string[];
  /** False when the column's own check failed (so later rules skip it). */
  ok: boolean[];
  /** Parsed number, integer or date (YYYYMMDD); NaN when empty, absent or invalid. */
  nums: number[];
  /** 1-based field index in the file; 0 when the column is absent. */
  cols: number[];
  /** Physical line each field starts on (differs from `line` after a quoted line break). */
  lines: number[];
}

export interface TableRules {
  /** Unit a number column is written in for this row, to make number fixes exact. */
  numberUnit?: (row: Row, k: number) => Unit | undefined;
  /** Called for every row whose field count matches the header, after the column checks. */
  onRow?: (row: Row) => void;
}

/** Positions of the named columns in the table definition; throws on a name the table lacks. */
export function columnIndex<N extends string>(table: Table, names: readonly N[]): Record<N, number> {
  const out = {} as Record<N, number>;
  for (const name of names) {
    const k = table.columns.findIndex((c) => c.name === name);
    if (k < 0) throw new Error(`${table.path} has no column ${name}`);
    out[name] = k;
  }
  return out;
}

/** Reads and decodes a data file; reports and returns null when it is missing, not a regular file or not UTF-8. */
export async function readText(absPath: string, file: string, problems: Problems, required: boolean): Promise<string | null> {
  const what = await notAFile(absPath);
  if (what !== null) {
    reportNotAFile(problems, file, path.basename(file), what);
    return null;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absPath);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && !required) return null;
    problems.error(file, {
      code: missing ? 'E_FILE_MISSING' : 'E_FILE_READ',
      line: 0,
      column: 0,
      found: missing ? '' : String((e as Error).message),
      expected: missing ? 'this file in the data directory' : 'a readable file',
      fix: missing ? `create ${path.basename(file)} with its header row (see docs/data-format.md)` : 'check the file permissions',
      message: missing ? 'required file is missing' : 'the file cannot be read',
    });
    return null;
  }
  const decoded = decodeUtf8File(bytes, file);
  if (!decoded.ok) {
    problems.error(file, {
      code: 'E_ENCODING',
      line: decoded.line,
      column: decoded.column,
      found: decoded.found,
      expected: 'UTF-8 text (a BOM is fine)',
      fix: decoded.fix,
      message: decoded.message,
    });
    return null;
  }
  return decoded.text;
}

/**
 * The longest field accepted, in characters. A definition or a note fits many times over; the
 * data build's CSV reader refuses a line over 2 MB (about 700,000 Chinese characters), and a
 * row of the widest table (14 fields) at this bound stays far below it.
 */
export const MAX_CELL_CHARS = 10_000;

const QUOTE_MESSAGES = {
  unterminated: ['a quoted field is never closed: the rest of the file is read as one field', 'close the field with " (a " inside a field is written "")'],
  'after-quote': ['the quoted field that opens here is followed by text after its closing quote', 'put the whole field in quotes and double every " inside it: "say ""hi"" there"'],
  'bare-quote': ['a " inside an unquoted field', 'put the whole field in quotes and double every " inside it: "say ""hi"" there"'],
} as const;

/**
 * Checks `text` as one file of `table`. Returns the names of the columns the file has, or
 * null when it has no header (nothing else in it was checked).
 */
export function checkTable(text: string, file: string, table: Table, problems: Problems, rules: TableRules = {}): Set<string> | null {
  const defs = table.columns;
  const width = defs.length;
  const row: Row = {
    line: 0,
    values: new Array<string>(width).fill(''),
    ok: new Array<boolean>(width).fill(true),
    nums: new Array<number>(width).fill(NaN),
    cols: new Array<number>(width).fill(0),
    lines: new Array<number>(width).fill(0),
  };
  const enums = defs.map((c) => (c.enum ? new Set(c.enum) : null));
  const present: number[] = []; // table positions of the columns the file has
  let headerWidth = -1;
  let headerBroken = false;

  const syntax = parseCsv(text, (fields, count, line, fieldLines, broken) => {
    if (headerBroken) return;
    if (headerWidth < 0) {
      headerWidth = count;
      // Nothing below a header with broken quoting can be matched to columns.
      headerBroken = broken;
      if (broken) return;
      checkHeader(fields.slice(0, count), file, table, problems, row.cols);
      for (let k = 0; k < width; k++) if (row.cols[k]! > 0) present.push(k);
      return;
    }
    if (broken) return; // reported as E_CSV_QUOTE
    if (count !== headerWidth) {
      reportFieldCount(fields.slice(0, count), line, headerWidth, file, table, row.cols, problems);
      return;
    }
    row.line = line;
    for (const k of present) {
      const i = row.cols[k]! - 1;
      row.values[k] = fields[i]!;
      row.lines[k] = fieldLines[i]!;
    }
    for (const k of present) checkCell(row, k);
    rules.onRow?.(row);
  });

  for (const e of syntax) {
    const [message, fix] = QUOTE_MESSAGES[e.kind];
    problems.error(file, { code: 'E_CSV_QUOTE', line: e.line, column: e.column, found: '"', expected: 'RFC 4180 quoting', fix, message });
  }
  if (headerBroken || (headerWidth < 0 && syntax.length > 0)) return null;
  if (headerWidth < 0) {
    problems.error(file, {
      code: 'E_EMPTY_FILE',
      line: 0,
      column: 0,
      found: '',
      expected: `a header row: ${defs.filter((c) => c.required).map((c) => c.name).join(',')}`,
      fix: 'write the header row (column names) on the first line',
      message: 'the file has no header row',
    });
    return null;
  }
  return new Set(present.map((k) => defs[k]!.name));

  function checkCell(r: Row, k: number): void {
    const def = defs[k]!;
    const text = r.values[k]!;
    r.nums[k] = NaN;
    r.ok[k] = true;
    if (text.length > MAX_CELL_CHARS) {
      r.ok[k] = false;
      problems.error(file, {
        code: 'E_CELL_TOO_LONG',
        line: r.lines[k]!,
        column: r.cols[k]!,
        found: `${text.slice(0, 40)}… (${text.length} characters)`,
        expected: `at most ${MAX_CELL_CHARS} characters in one field`,
        fix: 'shorten the text, or check the quoting: an unclosed " makes the rest of the file one field',
        message: `${def.name} has ${text.length} characters, more than ${MAX_CELL_CHARS}`,
      });
      return;
    }
    if (text === '') {
      if (def.nonEmpty) {
        r.ok[k] = false;
        problems.error(file, {
          code: 'E_REQUIRED',
          line: r.lines[k]!,
          column: r.cols[k]!,
          found: '',
          expected: `a value in column ${def.name}`,
          fix: `fill in ${def.name}: ${def.description}`,
          message: `${def.name} is empty`,
        });
      }
      return;
    }
    const allowed = enums[k];
    if (allowed && !allowed.has(text)) {
      r.ok[k] = false;
      const hint = enumSuggestion(text, def.enum!, def.synonyms);
      problems.error(file, {
        code: 'E_ENUM',
        line: r.lines[k]!,
        column: r.cols[k]!,
        found: text,
        expected: enumExpected(def.enum!),
        fix: hint !== null ? `write ${hint}` : `use one of the listed values (${def.description})`,
        message: `${def.name} ${quote(text)} is not an allowed value`,
      });
      return;
    }
    switch (def.type) {
      case 'number': {
        const n = parsePlainNumber(text, rules.numberUnit?.(r, k));
        if (n.ok) r.nums[k] = n.value;
        else if (n.tooLarge) cellError(r, k, 'E_RANGE', `${def.name} ${quote(text)} is too large to be a figure`, n.expected, n.fix);
        else cellError(r, k, 'E_NUMBER_FORMAT', `${def.name} ${quote(text)} is not a plain number`, n.expected, n.fix);
        return;
      }
      case 'integer': {
        const n = parseInteger(text);
        if (n !== null && !Number.isSafeInteger(n)) {
          cellError(r, k, 'E_RANGE', `${def.name} ${quote(text)} is too large`, `a whole number below ${Number.MAX_SAFE_INTEGER}`, 'check the number');
        } else if (n !== null) r.nums[k] = n;
        else {
          const p = parsePlainNumber(text);
          const fix = p.ok ? `write a whole number, e.g. ${Math.round(p.value)}` : p.fix;
          cellError(r, k, 'E_INTEGER', `${def.name} ${quote(text)} is not a whole number`, 'a whole number, e.g. 2025', fix);
        }
        return;
      }
      case 'date': {
        const d = parseDate(text);
        if (d !== null) r.nums[k] = d;
        else cellError(r, k, 'E_DATE', `${def.name} ${quote(text)} is not a date`, DATE_EXPECTED, dateFix(text));
        return;
      }
      case 'datetime':
        if (!isDatetime(text)) {
          cellError(r, k, 'E_DATETIME', `${def.name} ${quote(text)} is not an ISO 8601 date and time with an offset`, DATETIME_EXPECTED, datetimeFix(text));
        }
        return;
      case 'string':
        if (startsLikeFormula(text)) {
          cellError(
            r,
            k,
            'E_FORMULA_TEXT',
            `${def.name} ${quote(text)} starts with ${quote(text[0]!)}: a spreadsheet opening the download would run it as a formula`,
            'a text that does not start with =, +, -, @, a tab or a carriage return',
            text[0] === '-' ? 'start it with another character, e.g. — or a word' : 'start it with another character, e.g. a word, or a full-width ＝ ＋ ＠',
          );
        }
        return;
      default:
        return;
    }
  }

  function cellError(r: Row, k: number, code: string, message: string, expected: string, fix: string): void {
    r.ok[k] = false;
    problems.error(file, { code, line: r.lines[k]!, column: r.cols[k]!, found: r.values[k]!, expected, fix, message });
  }
}

/**
 * Text a spreadsheet would take for a formula when it opens the CSV downloads (OWASP, "CSV
 * injection"): =, +, -, @, tab or carriage return first. The downloads are the very files the
 * engines read, so such text is refused here rather than rewritten there; a plain negative
 * number is read as a number, not run.
 */
function startsLikeFormula(text: string): boolean {
  const c = text[0];
  if (c === '-') return parsePlainNumber(text).ok === false;
  return c === '=' || c === '+' || c === '@' || c === '\t' || c === '\r';
}

/** Maps header names to table columns (into `cols`) and reports missing, unknown and repeated ones. */
function checkHeader(header: string[], file: string, table: Table, problems: Problems, cols: number[]): void {
  const byName = new Map(table.columns.map((c, k) => [c.name, k]));
  const unknown: number[] = [];
  header.forEach((name, i) => {
    const k = byName.get(name);
    if (k === undefined) {
      unknown.push(i);
    } else if (cols[k]! > 0) {
      problems.error(file, {
        code: 'E_COLUMN_DUPLICATE',
        line: 1,
        column: i + 1,
        found: name,
        expected: 'each column once',
        fix: `remove this column or rename it; ${name} is already column ${cols[k]}`,
        message: `column ${name} appears twice`,
      });
    } else {
      cols[k] = i + 1;
    }
  });
  const missing = table.columns.filter((c, k) => cols[k] === 0);
  const allNames = table.columns.map((c) => c.name).join(', ');
  for (const i of unknown) {
    const name = header[i]!;
    const meant = missing.find((c) => normalizeName(c.name) === normalizeName(name));
    problems.error(file, {
      code: 'E_COLUMN_UNKNOWN',
      line: 1,
      column: i + 1,
      found: name,
      expected: `columns of ${table.path}: ${allNames}`,
      fix: meant ? `rename it to ${meant.name}` : 'remove the column, or move its content to a note',
      message: `unknown column ${quote(name)}`,
    });
  }
  for (const c of missing) {
    if (!c.required) continue;
    if (unknown.some((i) => normalizeName(header[i]!) === normalizeName(c.name))) continue; // reported as a misspelling above
    problems.error(file, {
      code: 'E_COLUMN_MISSING',
      line: 1,
      column: 0,
      found: header.join(','),
      expected: `a column named ${c.name}`,
      fix: `add the column ${c.name} to the header (${c.description})`,
      message: `required column ${c.name} is missing`,
    });
  }
}

function normalizeName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function reportFieldCount(
  fields: string[],
  line: number,
  expected: number,
  file: string,
  table: Table,
  cols: number[],
  problems: Problems,
): void {
  const extra = fields.length - expected;
  let fix = `every row needs ${expected} fields like the header; a field containing a comma must be in double quotes, e.g. "Zhengzhou, Henan"`;
  if (extra > 0) {
    // The usual cause: a number written with thousands separators and no quotes.
    table.columns.forEach((c, k) => {
      const i = cols[k]! - 1;
      if (c.type !== 'number' || i < 0) return;
      const joined = fields.slice(i, i + extra + 1).join(',');
      if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(joined)) {
        fix = `${c.name} ${joined} is split by its thousands separator: write ${joined.replaceAll(',', '')}`;
      }
    });
  }
  problems.error(file, {
    code: 'E_FIELD_COUNT',
    line,
    column: extra > 0 ? expected + 1 : fields.length,
    found: `${fields.length} fields`,
    expected: `${expected} fields, as in the header`,
    fix,
    message: `row has ${fields.length} fields, the header has ${expected}`,
  });
}
