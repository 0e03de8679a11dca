/**
 * Writing CSV the way the data package expects it: UTF-8 without BOM, LF line ends, a header
 * in the schema's column order, RFC 4180 quoting only where a field needs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Table } from '../../src/lib/schema.ts';

/** Quotes a field only when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\n';
}

/** The header of a table, exactly the schema's column names in the schema's order. */
export function headerOf(table: Table): string[] {
  return table.columns.map((c) => c.name);
}

/** One row as an object → values in the table's column order (missing = empty). */
export function rowValues(table: Table, row: Readonly<Record<string, string>>): string[] {
  return table.columns.map((c) => row[c.name] ?? '');
}

/**
 * A plain decimal number with at most `decimals` decimals and no trailing zeros:
 * 1234.5, 12, -0.3. Never exponent notation, never "-0".
 */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  let s = value.toFixed(decimals);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** Writes a whole small table at once. */
export function writeTable(file: string, table: Table, rows: readonly Readonly<Record<string, string>>[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let text = csvLine(headerOf(table));
  for (const row of rows) text += csvLine(rowValues(table, row));
  fs.writeFileSync(file, text);
}

/**
 * Appends text to a file in chunks of about `chunkSize` characters, so that a file of a
 * million rows never exists as one string in memory. Synchronous writes keep it simple and,
 * with large chunks, as fast as a stream.
 */
export class ChunkedWriter {
  private fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(
    file: string,
    private readonly chunkSize = 1 << 20,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunkSize) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    fs.writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}
