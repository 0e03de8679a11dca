/** releases.csv: one row per observations file. */
import { releases as table } from '../lib/schema.ts';
import { quote, type Problems } from './problems.ts';
import { RELEASE_ID_RE } from './refs.ts';
import { checkTable, columnIndex } from './table.ts';

export interface Release {
  id: string;
  /** ISO 8601 with offset, as written. */
  published_at: string;
  title: string;
  /** '' when not given: English pages then show the title. */
  title_en: string;
  source: string;
  notes: string;
}

const K = columnIndex(table, ['id', 'published_at', 'title', 'title_en', 'source', 'notes']);

/** Returns the valid rows and the line of every id (for "release without a file"). */
export function checkReleases(text: string, file: string, problems: Problems): { rows: Release[]; lineOf: Map<string, number> } | null {
  const rows: Release[] = [];
  const lineOf = new Map<string, number>();
  const columns = checkTable(text, file, table, problems, {
    onRow(r) {
      const v = r.values;
      const id = v[K.id]!;
      let ok = r.ok.every(Boolean);
      if (id !== '' && !RELEASE_ID_RE.test(id)) {
        ok = false;
        problems.error(file, {
          code: 'E_ID_FORMAT',
          line: r.lines[K.id]!,
          column: r.cols[K.id]!,
          found: id,
          expected: 'letters, digits, ., _ and -, starting with a letter or digit, e.g. 2025-06',
          fix: id.trim() !== id ? `write ${id.trim()} (no spaces around it)` : 'rename the release (and its observations file) using only letters, digits, ., _ and -',
          message: `release id ${quote(id)} cannot name a file`,
        });
      }
      if (id === '') return;
      const first = lineOf.get(id);
      if (first !== undefined) {
        problems.error(file, {
          code: 'E_DUPLICATE_KEY',
          line: r.lines[K.id]!,
          column: r.cols[K.id]!,
          found: id,
          expected: 'each release id once',
          fix: `remove this row or merge it with line ${first}`,
          message: `release ${id} is already listed on line ${first}`,
        });
        return;
      }
      lineOf.set(id, r.line);
      if (ok) rows.push({ id, published_at: v[K.published_at]!, title: v[K.title]!, title_en: v[K.title_en]!, source: v[K.source]!, notes: v[K.notes]! });
    },
  });
  // Without its key column a table defines nothing, and every reference into it would fail.
  return columns?.has('id') ? { rows, lineOf } : null;
}
