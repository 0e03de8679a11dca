/**
 * The leak scan: after every public build, every file it wrote (the public CSV, Parquet and
 * JSON, the manifest, the boundary files, and when the site step ran every file in dist: HTML,
 * JS chunks, the sitemap) is read for what the build withheld, and the build fails on a hit,
 * naming the file, the place and what leaked. Nothing is published then.
 *
 * What is withheld is decided again here from the validated package (indicators' visibility,
 * releases' published_at against the build clock) and the rows as read, not taken from the
 * build's own filters, which are what the scan checks. A withheld row is recognised by:
 * - its identifiers: an internal indicator id, or an embargoed release id, standing as a word
 *   (between quotes, slashes, commas, brackets, tags: not inside prose);
 * - its key: a row of a public table with the jurisdiction, indicator, period and release of a
 *   withheld row;
 * - its value as printed (as the CSV writes it, and as the pages print it in both languages,
 *   grouped or not, at each number of decimals the site may use), for values of at least five
 *   significant digits that no public figure prints the same way: shorter numbers are
 *   everywhere on a page (years, percentages, ranks) and prove nothing.
 * Rows of the projects ledger are withheld the same way (an internal project, or a row of an
 * embargoed release): its key (project, period, release) in a table, its id as a word (unless a
 * published row has it), its name anywhere in a file (unless a published project's name holds
 * it; at least 4 characters), its amount and funds as printed in their unit and in 亿元.
 * Numbers are looked for where figures are written: table cells, JSON values, the text and
 * descriptive attributes of HTML (not SVG geometry or boundary coordinates), and in JS only as
 * decimals (a bundled library is full of integer constants), and the text of Word files (the
 * circulars'), unzipped. Other binary files (the DuckDB-WASM module, images) are not read: they
 * come from packages, not from the data; the link previews, drawn from the data, are drawn after
 * the scan from the pages it read (src/build/previews.ts).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { strFromU8, unzipSync } from 'fflate';
import { formatAmount, publishedDecimals } from '../lib/format.ts';
import { LOCALES } from '../lib/i18n.ts';
import { PERIOD_RE, UNITS, type Unit } from '../lib/schema.ts';
import { PublishRefused } from './publish.ts';

export interface Withheld {
  /** A word that gives a leak away wherever it stands as one (internal ids, embargoed release ids) → what it is. */
  words: ReadonlyMap<string, string>;
  internalIndicators: ReadonlySet<string>;
  embargoedReleases: ReadonlySet<string>;
  /** jurisdiction|indicator|period|release of every withheld row → the row. */
  keys: ReadonlyMap<string, string>;
  /** A withheld value as printed → the row it is the value of. */
  figures: ReadonlyMap<string, string>;
  /** project|period|release of every withheld ledger row → the row. */
  projectKeys: ReadonlyMap<string, string>;
  /** A withheld project's name, found anywhere in a file → what it is. */
  phrases: ReadonlyMap<string, string>;
}

export interface Leak {
  /** Relative to the scanned directory. */
  file: string;
  /** "line 12", "row 3, column note", "key $.files[2].path". */
  where: string;
  what: string;
}

/** The scan found withheld data in the output: nothing was published. */
export class LeakFound extends PublishRefused {
  constructor(
    readonly leaks: Leak[],
    root: string,
  ) {
    super(
      `leak scan: ${leaks.length}${leaks.length >= MAX_LEAKS ? '+' : ''} withheld item(s) in ${root}, so nothing was published:\n` +
        leaks.map((l) => `  ${l.file} (${l.where}): ${l.what}`).join('\n') +
        '\nThe build let internal or embargoed data into a public file: find what wrote it there.',
    );
  }
}

/** Enough to see what leaked and where; a broken filter leaks thousands of rows. */
const MAX_LEAKS = 20;
/** Fewer significant digits than this prove nothing: such numbers are everywhere. */
const MIN_SIGNIFICANT_DIGITS = 5;
/** A shorter project name could be any word on a page. */
const MIN_NAME_CHARS = 4;
/** Decimals a page may print a project's amount with, in its unit or in 亿元. */
const AMOUNT_DECIMALS = 2;

/**
 * What a public build withholds, from the build's raw tables (observations_read,
 * indicators_all, targets_all, exchange_rates, projects_read: the package as read, before any
 * filter).
 */
export async function collectWithheld(
  c: DuckDBConnection,
  internalIndicators: readonly string[],
  embargoedReleases: readonly string[],
): Promise<Withheld> {
  const words = new Map<string, string>();
  for (const id of internalIndicators) words.set(id, `internal indicator ${id}`);
  // A release id shaped like a period (2025-06) cannot be told from one in text.
  for (const id of embargoedReleases) if (!PERIOD_RE.test(id)) words.set(id, `embargoed release ${id}`);
  const keys = new Map<string, string>();
  const figures = new Map<string, string>();

  await c.run('CREATE OR REPLACE TEMP TABLE withheld_ids (kind VARCHAR, id VARCHAR)');
  const appender = await c.createAppender('withheld_ids');
  for (const [kind, ids] of [['indicator', internalIndicators], ['release', embargoedReleases]] as const) {
    for (const id of ids) {
      appender.appendVarchar(kind);
      appender.appendVarchar(id);
      appender.endRow();
    }
  }
  appender.closeSync();
  const isWithheld = `(o.indicator IN (SELECT id FROM withheld_ids WHERE kind = 'indicator') OR o.release IN (SELECT id FROM withheld_ids WHERE kind = 'release'))`;

  const rows = await c.runAndReadAll(`SELECT o.jurisdiction, o.indicator, o.period, o.release, o.value, i.unit, CAST(i.decimals AS INTEGER) AS decimals
    FROM observations_read o JOIN indicators_all i ON i.id = o.indicator WHERE ${isWithheld}`);
  for (const [j, i, p, release, value, unit, decimals] of rows.getRowsJS() as [string, string, string, string, number | null, Unit, number][]) {
    const why = internalIndicators.includes(i) ? 'internal' : 'embargoed';
    const row = `${j} ${i} ${p} of release ${release} (${why})`;
    keys.set(`${j}|${i}|${p}|${release}`, row);
    if (value === null) continue;
    for (const form of printedForms(value, unit, decimals)) if (significantDigits(form) >= MIN_SIGNIFICANT_DIGITS) figures.set(form, `figure ${form} of ${row}`);
  }

  const { projectKeys, phrases, publicAmounts } = await collectWithheldProjects(c, embargoedReleases, words, figures);

  if (figures.size > 0) {
    for (const [value, unit] of publicAmounts) for (const form of printedForms(value, unit, AMOUNT_DECIMALS)) figures.delete(form);
    // A value some public figure, growth rate, target or rate prints the same way proves nothing.
    const publicNumbers = await c.runAndReadAll(`
      SELECT DISTINCT o.value, i.unit, CAST(i.decimals AS INTEGER) FROM observations_read o JOIN indicators_all i ON i.id = o.indicator
        WHERE NOT ${isWithheld} AND o.value IS NOT NULL
      UNION SELECT DISTINCT o.yoy_pct, '%', 1 FROM observations_read o WHERE NOT ${isWithheld} AND o.yoy_pct IS NOT NULL
      UNION SELECT DISTINCT t.v, CASE WHEN t.type = 'growth' THEN '%' ELSE i.unit END, CAST(i.decimals AS INTEGER)
        FROM (SELECT indicator, type, value AS v FROM targets_all UNION ALL SELECT indicator, type, value_max FROM targets_all) t
        JOIN indicators_all i ON i.id = t.indicator WHERE i.visibility = 'public' AND t.v IS NOT NULL
      UNION SELECT DISTINCT cny_per_unit, '元', 4 FROM exchange_rates`);
    for (const [value, unit, decimals] of publicNumbers.getRowsJS() as [number, Unit, number][]) {
      for (const form of printedForms(value, unit, decimals)) figures.delete(form);
    }
  }
  return { words, internalIndicators: new Set(internalIndicators), embargoedReleases: new Set(embargoedReleases), keys, figures, projectKeys, phrases };
}

/**
 * The ledger rows withheld (internal, or of an embargoed release): their keys, their ids and
 * names unless a published row carries them, their amounts as printed (added to `words` and
 * `figures`); and the published amounts, which prove nothing.
 */
async function collectWithheldProjects(
  c: DuckDBConnection,
  embargoedReleases: readonly string[],
  words: Map<string, string>,
  figures: Map<string, string>,
): Promise<{ projectKeys: Map<string, string>; phrases: Map<string, string>; publicAmounts: [number, Unit][] }> {
  const embargoed = new Set(embargoedReleases);
  const rows = (await c.runAndReadAll(`SELECT p.project, p.period, p.release, p.visibility, p.name_zh, p.name_en, p.amount, p.funds_arrived, p.unit,
      (SELECT arg_max(x.cny_per_unit, x.year) FROM exchange_rates x WHERE x.currency = 'USD' AND x.year <= p.year) AS cny_per_usd
    FROM projects_read p`)).getRowObjectsJS() as {
    project: string; period: string; release: string; visibility: string; name_zh: string; name_en: string | null;
    amount: number | null; funds_arrived: number | null; unit: Unit | null; cny_per_usd: number | null;
  }[];
  const isWithheld = (r: (typeof rows)[number]) => r.visibility === 'internal' || embargoed.has(r.release);
  const published = rows.filter((r) => !isWithheld(r));
  const publishedIds = new Set(published.map((r) => r.project));
  const publishedNames = published.flatMap((r) => [r.name_zh, r.name_en ?? '']);
  const projectKeys = new Map<string, string>();
  const phrases = new Map<string, string>();
  for (const r of rows.filter(isWithheld)) {
    const row = `project ${r.project} ${r.period} of release ${r.release} (${r.visibility === 'internal' ? 'internal' : 'embargoed'})`;
    projectKeys.set(`${r.project}|${r.period}|${r.release}`, row);
    if (!publishedIds.has(r.project)) words.set(r.project, `withheld project ${r.project}`);
    for (const name of [r.name_zh, r.name_en ?? '']) {
      if (name.length >= MIN_NAME_CHARS && !publishedNames.some((n) => n.includes(name))) phrases.set(name, `name of withheld project ${r.project}`);
    }
    for (const [value, what] of [[r.amount, 'amount'], [r.funds_arrived, 'funds arrived']] as const) {
      if (value === null || r.unit === null) continue;
      for (const form of amountForms(value, r.unit, r.cny_per_usd)) if (significantDigits(form) >= MIN_SIGNIFICANT_DIGITS) figures.set(form, `${what} ${form} of ${row}`);
    }
  }
  const publicAmounts: [number, Unit][] = [];
  for (const r of published) {
    for (const value of [r.amount, r.funds_arrived]) {
      if (value === null || r.unit === null) continue;
      publicAmounts.push([value, r.unit]);
      const yi = inYi(value, r.unit, r.cny_per_usd);
      if (yi !== null) publicAmounts.push([yi, '亿元']);
    }
  }
  return { projectKeys, phrases, publicAmounts };
}

/** An amount of money in 亿元: dollars at the given rate (null without one). */
function inYi(value: number, unit: Unit, cnyPerUsd: number | null): number | null {
  const u = UNITS[unit];
  if (u.currency === 'USD') return cnyPerUsd === null ? null : (value * u.scale * cnyPerUsd) / 1e8;
  return (value * u.scale) / 1e8;
}

/** A project's amount as a page may print it: in its own unit, and in 亿元. */
function amountForms(value: number, unit: Unit, cnyPerUsd: number | null): Set<string> {
  const forms = printedForms(value, unit, AMOUNT_DECIMALS);
  const yi = inYi(value, unit, cnyPerUsd);
  if (yi !== null) for (const form of printedForms(yi, '亿元', AMOUNT_DECIMALS)) forms.add(form);
  return forms;
}

/** A value as the CSV writes it and as the pages may print it: without sign, grouped or not, per language and decimals. */
export function printedForms(value: number, unit: Unit, decimals: number): Set<string> {
  const abs = Math.abs(value);
  const forms = new Set<string>([String(abs)]);
  if (Number.isInteger(abs)) forms.add(`${abs}.0`); // DuckDB writes a whole double so
  for (let d = publishedDecimals(abs, decimals); d <= decimals; d++) {
    for (const locale of LOCALES) {
      const printed = formatAmount(abs, { unit, decimals: d, locale });
      for (const form of [printed, printed.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')]) {
        forms.add(form);
        forms.add(form.replaceAll(',', ''));
      }
    }
  }
  return forms;
}

function significantDigits(form: string): number {
  return form.replace(/[^0-9]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/** Scans every file under `root`; returns what leaked (at most MAX_LEAKS). */
export async function scanForLeaks(root: string, withheld: Withheld): Promise<Leak[]> {
  const leaks: Leak[] = [];
  const seen = new Set<string>();
  if (withheld.words.size === 0 && withheld.keys.size === 0 && withheld.figures.size === 0 && withheld.projectKeys.size === 0 && withheld.phrases.size === 0) {
    return leaks;
  }
  const phrase = phraseFinder(withheld.phrases);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    for (const file of await filesUnder(root)) {
      if (leaks.length >= MAX_LEAKS) break;
      const rel = path.relative(root, file).split(path.sep).join('/');
      const report = (where: string, what: string) => {
        const key = `${rel}\u0000${where}\u0000${what}`;
        if (leaks.length < MAX_LEAKS && !seen.has(key)) leaks.push({ file: rel, where, what });
        seen.add(key);
      };
      const ext = path.extname(file).toLowerCase();
      if (ext === '.csv' || ext === '.parquet') {
        await scanTable(c, file, ext, withheld, phrase, report);
        continue;
      }
      const bytes = await fs.readFile(file);
      if (ext === '.docx') {
        scanDocx(bytes, withheld, phrase, report);
        continue;
      }
      if (bytes.subarray(0, 8192).includes(0)) continue; // binary
      const text = bytes.toString('utf8');
      // A withheld name is a leak wherever it stands: in text, an attribute, a script.
      if (phrase) for (const m of text.matchAll(phrase)) report(`line ${text.slice(0, m.index).split('\n').length}`, withheld.phrases.get(m[0])!);
      if (ext === '.html' || ext === '.htm') scanHtml(text, withheld, report);
      else if (ext === '.json' || ext === '.webmanifest') scanJson(text, withheld, report);
      else scanText(text, 0, text, { decimalsOnly: true }, withheld, report);
    }
  } finally {
    c.closeSync();
    db.closeSync();
  }
  return leaks;
}

type Report = (where: string, what: string) => void;

/**
 * A Word file (the circulars', src/site/circular-docx.ts) is a ZIP of XML parts: the document,
 * its headers and footers, its properties. Each part is read as its text, a paragraph (or, outside
 * the document's own markup, an element) a line, so that a figure Word splits into several runs
 * is read whole, and a cell or a paragraph holding only an id stands as an identifier.
 */
function scanDocx(bytes: Uint8Array, w: Withheld, phrase: RegExp | null, report: Report): void {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') });
  } catch (e) {
    report('the file', `not a readable Word file, so it could not be scanned (${(e as Error).message})`);
    return;
  }
  for (const part of Object.keys(parts).sort()) {
    const text = strFromU8(parts[part]!)
      .replace(/<\/(?:w:p|(?!w:)[^>]*)>/g, '\n')
      .replace(/<[^>]*>/g, '');
    const partReport: Report = (where, what) => report(`${part} ${where.replace(/^line/, 'paragraph')}`, what);
    if (phrase) for (const m of text.matchAll(phrase)) partReport(`line ${text.slice(0, m.index).split('\n').length}`, w.phrases.get(m[0])!);
    scanText(text, 0, text, {}, w, partReport);
  }
}

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

/** One pattern finding every withheld name (longest first, so a name inside another is reported as the longer); null when there is none. */
function phraseFinder(phrases: ReadonlyMap<string, string>): RegExp | null {
  if (phrases.size === 0) return null;
  const alternatives = [...phrases.keys()].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(alternatives.join('|'), 'g');
}

/** Every cell of a public table, with the meaning its column gives it. */
async function scanTable(c: DuckDBConnection, file: string, ext: string, w: Withheld, phrase: RegExp | null, report: Report): Promise<void> {
  const source = ext === '.csv' ? `read_csv('${file.replaceAll("'", "''")}', all_varchar = true, header = true)` : `read_parquet('${file.replaceAll("'", "''")}')`;
  const result = await c.stream(`SELECT COLUMNS(*)::VARCHAR FROM ${source}`);
  const names = result.columnNames();
  const col = (n: string) => names.indexOf(n);
  const [j, i, p, r] = [col('jurisdiction'), col('indicator'), col('period'), col('release')];
  const keyed = j >= 0 && i >= 0 && p >= 0 && r >= 0;
  const project = col('project');
  const projectKeyed = project >= 0 && p >= 0 && r >= 0;
  const isReleases = path.basename(file).startsWith('releases.');
  let rowNumber = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const row of chunk.getRows() as (string | null)[][]) {
      rowNumber++;
      const at = (k: number) => `row ${rowNumber}, column ${names[k]}`;
      if (keyed) {
        const hit = w.keys.get(`${row[j]}|${row[i]}|${row[p]}|${row[r]}`);
        if (hit) report(`row ${rowNumber}`, `the withheld row ${hit}`);
      }
      if (projectKeyed) {
        const hit = w.projectKeys.get(`${row[project]}|${row[p]}|${row[r]}`);
        if (hit) report(`row ${rowNumber}`, `the withheld row ${hit}`);
      }
      row.forEach((cell, k) => {
        if (cell === null) return;
        if (w.internalIndicators.has(cell) && (names[k] === 'indicator' || names[k] === 'id')) report(at(k), `internal indicator ${cell}`);
        else if (w.embargoedReleases.has(cell) && (names[k] === 'release' || (isReleases && names[k] === 'id'))) report(at(k), `embargoed release ${cell}`);
        else if (w.words.has(cell)) report(at(k), w.words.get(cell)!);
        else {
          const figure = w.figures.get(cell.replace(/^-/, ''));
          if (figure) report(at(k), figure);
        }
        if (phrase) for (const m of cell.matchAll(phrase)) report(at(k), w.phrases.get(m[0])!);
      });
    }
  }
}

/** Characters around a word that make it an identifier, not a piece of prose. */
const BEFORE = new Set(['"', "'", '`', '/', '=', ',', '?', '&', '#', '(', '[', '{', ':', '>', '\n']);
const AFTER = new Set(['"', "'", '`', '/', ',', '?', '&', '#', ')', ']', '}', ':', '<', '\n', '\r', '.']);
const WORD_RE = /[A-Za-z0-9_][A-Za-z0-9_.-]*/g;
const NUMBER_RE = /\d[\d,]*(?:\.\d+)?/g;

/**
 * Words and numbers in `text`, a part of `whole` starting at `offset` (for line numbers).
 * `numbers: false` looks for words only; `decimalsOnly` ignores whole numbers.
 */
function scanText(
  whole: string,
  offset: number,
  text: string,
  options: { numbers?: boolean; decimalsOnly?: boolean },
  w: Withheld,
  report: Report,
): void {
  const lineAt = (i: number) => `line ${whole.slice(0, offset + i).split('\n').length}`;
  if (w.words.size > 0) {
    for (const m of text.matchAll(WORD_RE)) {
      const word = m[0].replace(/[.-]+$/, '');
      const what = w.words.get(word);
      if (what === undefined) continue;
      const before = m.index === 0 ? '\n' : text[m.index - 1]!;
      const after = text[m.index + word.length] ?? '\n';
      if (BEFORE.has(before) && AFTER.has(after)) report(lineAt(m.index), what);
    }
  }
  if (options.numbers === false || w.figures.size === 0) return;
  for (const m of text.matchAll(NUMBER_RE)) {
    const token = m[0].replace(/,+$/, '');
    if (options.decimalsOnly && !token.includes('.')) continue;
    for (const form of token.includes(',') ? [token, ...token.split(',')] : [token]) {
      const figure = w.figures.get(form);
      if (figure && (!options.decimalsOnly || form.includes('.'))) {
        report(lineAt(m.index), figure);
        break;
      }
    }
  }
}

/** Attributes whose values are read as text: the rest of an HTML tag is markup and SVG geometry. */
const TEXT_ATTRIBUTE = /^(?:title|alt|aria-[a-z-]+|content|value|label|placeholder|data-[a-z0-9-]+)$/i;
const HTML_RE = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>([\s\S]*?)<\/\1\s*>|<[^>]*>/gi;
const ATTR_RE = /([^\s"'=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

function scanHtml(html: string, w: Withheld, report: Report): void {
  let last = 0;
  for (const m of html.matchAll(HTML_RE)) {
    scanText(html, last, html.slice(last, m.index), {}, w, report);
    last = m.index + m[0].length;
    if (m[1]) {
      // Inline script and style: words, and decimals as in a JS file.
      const body = m[2] ?? '';
      scanText(html, m.index + m[0].indexOf(body), body, { decimalsOnly: true }, w, report);
      continue;
    }
    scanText(html, m.index, m[0], { numbers: false }, w, report);
    for (const a of m[0].matchAll(ATTR_RE)) {
      if (!TEXT_ATTRIBUTE.test(a[1]!)) continue;
      const value = a[2] ?? a[3] ?? a[4] ?? '';
      scanText(html, m.index + a.index, value, {}, w, report);
    }
  }
  scanText(html, last, html.slice(last), {}, w, report);
}

/** Keys whose numbers are geometry or file metadata, never figures. */
const NOT_FIGURES = new Set(['arcs', 'coordinates', 'bbox', 'transform', 'bytes', 'row_counts', 'rows']);

function scanJson(text: string, w: Withheld, report: Report): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    scanText(text, 0, text, { decimalsOnly: true }, w, report);
    return;
  }
  const walk = (v: unknown, where: string, figures: boolean): void => {
    if (typeof v === 'string') {
      const what = w.words.get(v) ?? (w.internalIndicators.has(v) ? `internal indicator ${v}` : undefined);
      if (what) report(`key ${where}`, what);
      else scanText(v, 0, v, { numbers: figures }, w, (_, found) => report(`key ${where}`, found));
    } else if (typeof v === 'number') {
      const figure = figures ? w.figures.get(String(Math.abs(v))) : undefined;
      if (figure) report(`key ${where}`, figure);
    } else if (Array.isArray(v)) {
      v.forEach((x, k) => walk(x, `${where}[${k}]`, figures));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`, figures && !NOT_FIGURES.has(k));
    }
  };
  walk(json, '$', true);
}
