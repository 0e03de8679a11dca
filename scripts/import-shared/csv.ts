/**
 * Reading the shared source CSVs and writing the data package's CSVs.
 * Writing is done by hand (not papaparse.unparse) so that quoting, number formatting and
 * line endings are fully under our control: same rows in, same bytes out.
 */
import Papa from 'papaparse';
import type { Table } from '../../src/lib/schema.ts';

export type Row = Record<string, string>;

/** Parses a CSV with a header line into string records; refuses malformed input. */
export function parseCsv(text: string, label: string): Row[] {
  const result = Papa.parse<Row>(stripBom(text), { header: true, skipEmptyLines: true });
  if (result.errors.length > 0) {
    const e = result.errors[0]!;
    throw new Error(`${label}: CSV error on row ${e.row ?? '?'}: ${e.message}`);
  }
  return result.data;
}

/** Parses a CSV without interpreting a header (for the NBS exports with title lines). */
export function parseCsvLines(text: string, label: string): string[][] {
  const result = Papa.parse<string[]>(stripBom(text), { header: false, skipEmptyLines: true });
  if (result.errors.length > 0) {
    const e = result.errors[0]!;
    throw new Error(`${label}: CSV error on row ${e.row ?? '?'}: ${e.message}`);
  }
  return result.data;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Quotes a field only when CSV requires it, so plain values stay readable in diffs. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The column names of a schema table, in the schema's order (optional columns included). */
export function columnNames(table: Table): string[] {
  return table.columns.map((c) => c.name);
}

/**
 * Serialises rows with exactly the table's columns in the schema's order, LF line endings and
 * a final newline. A row with a key the table does not know is a bug in the importer.
 */
export function toCsv(table: Table, rows: readonly Row[]): string {
  const names = columnNames(table);
  const known = new Set(names);
  const lines = [names.map(csvField).join(',')];
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!known.has(key)) throw new Error(`${table.path}: unknown column ${key}`);
    }
    lines.push(names.map((n) => csvField(row[n] ?? '')).join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * A source number as a plain decimal string ("37767.0" → "37767", " 5 " → "5").
 * Going through Number keeps the shortest round-trip form; the sources never carry more than
 * a few decimals, so no precision is lost.
 */
export function plainNumber(text: string, label: string): string {
  const t = text.trim();
  if (t === '') return '';
  if (!/^-?\d+(\.\d+)?$/.test(t)) throw new Error(`${label}: not a plain number: ${JSON.stringify(text)}`);
  return String(Number(t));
}

/** Sorts by several string keys, compared by code point so the order never depends on locale. */
export function sortRows<T>(rows: T[], ...keys: ((r: T) => string)[]): T[] {
  return rows.sort((a, b) => {
    for (const k of keys) {
      const x = k(a);
      const y = k(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}
