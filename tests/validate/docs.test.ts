/** docs/data-format.md must describe every column, unit and problem code there is. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLES, TARGET_QUALIFIERS, UNIT_NAMES } from '../../src/lib/schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = readFileSync(path.join(root, 'docs/data-format.md'), 'utf8');

describe('docs/data-format.md', () => {
  it('has a table row for every column of every table', () => {
    const missing = Object.values(TABLES).flatMap((t) => t.columns.filter((c) => !doc.includes(`| \`${c.name}\` |`)).map((c) => `${t.path}: ${c.name}`));
    expect(missing).toEqual([]);
  });

  it('names every unit and qualifier', () => {
    expect(UNIT_NAMES.filter((u) => !doc.includes(`\`${u}\``))).toEqual([]);
    expect(TARGET_QUALIFIERS.filter((q) => q !== '' && !doc.includes(`\`${q}\``))).toEqual([]);
  });

  it('has a row for every problem code the validator can report', () => {
    const dir = path.join(root, 'src/validate');
    const codes = new Set(readdirSync(dir).flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/'([EW]_[A-Z0-9_]+)'/g)].map((m) => m[1]!)));
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes].filter((c) => !doc.includes(`| ${c} |`))).toEqual([]);
  });
});
