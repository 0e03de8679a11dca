/**
 * What a change to the data package publishes: the public observations built from it against
 * those published before, figure by figure (jurisdiction, indicator, period). Both sides are
 * public data directories (what buildData writes), so embargo, internal indicators and the
 * choice of the latest vintage are decided exactly as the site will decide them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** One figure as published: the texts of the public observations.csv (null for an empty field). */
export interface Figure {
  value: string | null;
  yoy_pct: string | null;
  flag: string | null;
  release: string;
}

export interface FigureChange {
  jurisdiction: string;
  jurisdiction_name: string;
  period: string;
  /** null when the figure is added. */
  old: Figure | null;
  /** null when the figure is removed. */
  new: Figure | null;
}

/** The changes of one indicator in one release: the new release for added and revised figures, the old one for removed. */
export interface ChangeGroup {
  release: string;
  release_title: string;
  indicator: string;
  indicator_name: string;
  unit: string;
  added: FigureChange[];
  revised: FigureChange[];
  removed: FigureChange[];
  /** Figures a later release published again with the same value, growth and flag. */
  restated: number;
}

export interface SideInfo {
  /** What the side was made from, as the user named it (a directory, or a git ref and path). */
  label: string;
  /** manifest.json's data_version and data_as_of; null for an empty side. */
  data_version: string | null;
  data_as_of: string | null;
}

export interface ChangeSummary {
  base: SideInfo;
  head: SideInfo;
  counts: { added: number; revised: number; removed: number; restated: number };
  groups: ChangeGroup[];
  /** Releases of the head package left out by the embargo at the build clock (figures not shown: they are not public). */
  embargoed: string[];
}

export interface Side {
  label: string;
  /** A public data directory, or null when nothing was published (a first commit of the data). */
  dir: string | null;
}

const OBSERVATION_COLUMNS = ['jurisdiction', 'indicator', 'period', 'value', 'yoy_pct', 'flag', 'release'] as const;

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

function readCsv(dir: string, file: string): string {
  return `read_csv(${sqlString(path.join(dir, file))}, header = true, all_varchar = true)`;
}

async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, string | null>[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, string | null>[];
}

async function loadSide(c: DuckDBConnection, name: 'base' | 'head', dir: string | null): Promise<void> {
  if (dir === null) {
    await c.run(`CREATE TABLE ${name} (${OBSERVATION_COLUMNS.map((col) => `${col} VARCHAR`).join(', ')})`);
  } else {
    await c.run(`CREATE TABLE ${name} AS SELECT ${OBSERVATION_COLUMNS.join(', ')} FROM ${readCsv(dir, 'observations.csv')}`);
  }
}

/** Names to print beside ids: the head's, else the base's (a removed figure's indicator may exist only there). */
async function names(c: DuckDBConnection, dirs: (string | null)[]) {
  const jurisdictions = new Map<string, string>();
  const indicators = new Map<string, { name: string; unit: string }>();
  const releases = new Map<string, { title: string; published_at: string }>();
  for (const dir of dirs) {
    if (dir === null) continue;
    // Ordered by valid_from, so the newest name of a code is the one kept.
    for (const r of await rows(c, `SELECT code, name_zh FROM ${readCsv(dir, 'jurisdictions.csv')} ORDER BY code, valid_from NULLS FIRST`)) {
      jurisdictions.set(r.code!, r.name_zh ?? '');
    }
    for (const r of await rows(c, `SELECT id, name_zh, unit FROM ${readCsv(dir, 'indicators.csv')}`)) {
      indicators.set(r.id!, { name: r.name_zh ?? '', unit: r.unit ?? '' });
    }
    for (const r of await rows(c, `SELECT id, title, published_at FROM ${readCsv(dir, 'releases.csv')}`)) {
      releases.set(r.id!, { title: r.title ?? '', published_at: r.published_at ?? '' });
    }
  }
  return { jurisdictions, indicators, releases };
}

async function sideInfo(side: Side): Promise<SideInfo> {
  if (side.dir === null) return { label: side.label, data_version: null, data_as_of: null };
  const manifest = JSON.parse(await readFile(path.join(side.dir, 'manifest.json'), 'utf8')) as { data_version?: string; data_as_of?: string | null };
  return { label: side.label, data_version: manifest.data_version ?? null, data_as_of: manifest.data_as_of ?? null };
}

/**
 * Compares two public data directories by observation key. A figure is revised when its value,
 * growth or flag differs (numbers compared as numbers); one published again unchanged by a
 * later release is only counted as restated. A changed note alone is not a revision.
 */
export async function diffPublicData(base: Side, head: Side & { dir: string }, embargoed: readonly string[] = []): Promise<ChangeSummary> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await loadSide(c, 'base', base.dir);
    await loadSide(c, 'head', head.dir);
    const changed = await rows(
      c,
      `SELECT * FROM (
        SELECT coalesce(h.jurisdiction, b.jurisdiction) AS jurisdiction, coalesce(h.indicator, b.indicator) AS indicator,
          coalesce(h.period, b.period) AS period,
          b.value AS old_value, b.yoy_pct AS old_yoy_pct, b.flag AS old_flag, b.release AS old_release,
          h.value AS new_value, h.yoy_pct AS new_yoy_pct, h.flag AS new_flag, h.release AS new_release,
          CASE
            WHEN b.jurisdiction IS NULL THEN 'added'
            WHEN h.jurisdiction IS NULL THEN 'removed'
            WHEN TRY_CAST(b.value AS DOUBLE) IS DISTINCT FROM TRY_CAST(h.value AS DOUBLE)
              OR TRY_CAST(b.yoy_pct AS DOUBLE) IS DISTINCT FROM TRY_CAST(h.yoy_pct AS DOUBLE)
              OR b.flag IS DISTINCT FROM h.flag THEN 'revised'
            WHEN b.release IS DISTINCT FROM h.release THEN 'restated'
          END AS kind
        FROM base b FULL OUTER JOIN head h
          ON b.jurisdiction = h.jurisdiction AND b.indicator = h.indicator AND b.period = h.period
      ) WHERE kind IS NOT NULL
      ORDER BY indicator, period, jurisdiction`,
    );
    const { jurisdictions, indicators, releases } = await names(c, [base.dir, head.dir]);

    const groups = new Map<string, ChangeGroup>();
    const counts = { added: 0, revised: 0, removed: 0, restated: 0 };
    for (const r of changed) {
      const kind = r.kind as 'added' | 'revised' | 'removed' | 'restated';
      counts[kind]++;
      const release = (kind === 'removed' ? r.old_release : r.new_release)!;
      const indicator = r.indicator!;
      const key = `${release}\u0000${indicator}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          release,
          release_title: releases.get(release)?.title ?? '',
          indicator,
          indicator_name: indicators.get(indicator)?.name ?? '',
          unit: indicators.get(indicator)?.unit ?? '',
          added: [],
          revised: [],
          removed: [],
          restated: 0,
        };
        groups.set(key, group);
      }
      if (kind === 'restated') {
        group.restated++;
        continue;
      }
      const figure = (side: 'old' | 'new'): Figure | null =>
        r[`${side}_release`] === null
          ? null
          : { value: r[`${side}_value`] ?? null, yoy_pct: r[`${side}_yoy_pct`] ?? null, flag: r[`${side}_flag`] ?? null, release: r[`${side}_release`]! };
      group[kind].push({
        jurisdiction: r.jurisdiction!,
        jurisdiction_name: jurisdictions.get(r.jurisdiction!) ?? '',
        period: r.period!,
        old: figure('old'),
        new: figure('new'),
      });
    }
    // Releases in the order they were published, then by id; indicators by id.
    const when = (id: string) => releases.get(id)?.published_at ?? '';
    const ordered = [...groups.values()].sort(
      (a, b) => when(a.release).localeCompare(when(b.release)) || a.release.localeCompare(b.release) || a.indicator.localeCompare(b.indicator),
    );
    return { base: await sideInfo(base), head: await sideInfo(head), counts, groups: ordered, embargoed: [...embargoed] };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/** A Markdown table cell: a | would end the cell, a line break the row. */
function cell(text: string | null | undefined): string {
  return (text ?? '').replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface MarkdownLimits {
  /** Rows listed per table; the rest are counted. */
  rowsPerTable: number;
  /** Rows listed in all; past it, groups give their counts only (a pull-request comment holds 65,536 characters). */
  rowsInAll: number;
}

/** The summary as Markdown, for a pull-request comment or a CI job summary. */
export function changesMarkdown(s: ChangeSummary, limits: MarkdownLimits = { rowsPerTable: 20, rowsInAll: 300 }): string {
  const out: string[] = ['## What this change publishes', ''];
  const version = (i: SideInfo) => (i.data_version === null ? 'nothing published' : `data version \`${i.data_version}\``);
  out.push(`Public data of **${cell(s.head.label)}** (${version(s.head)}) against **${cell(s.base.label)}** (${version(s.base)}).`, '');
  const { added, revised, removed, restated } = s.counts;
  if (added + revised + removed === 0) out.push('**No figure is added, revised or removed.**');
  else out.push(`**${plural(added, 'figure')} added, ${revised} revised, ${removed} removed.**`);
  if (restated > 0) out.push('', `${plural(restated, 'figure')} published again unchanged by a later release (not listed).`);
  if (s.embargoed.length > 0) {
    out.push('', `Not public yet (embargoed at the build clock, figures not shown): ${s.embargoed.map((id) => `\`${cell(id)}\``).join(', ')}.`);
  }
  let budget = limits.rowsInAll;
  const num = (f: Figure | null, key: 'value' | 'yoy_pct') => cell(f?.[key] ?? '');
  // Old → new where they differ, the one text where they do not; – for an empty field.
  const arrow = (a: string, b: string) => (a === b ? a : `${a || '–'} → ${b || '–'}`);
  const who = (c: FigureChange) => `${cell(c.jurisdiction)} ${cell(c.jurisdiction_name)}`.trim();
  const table = (title: string, list: FigureChange[], header: string, row: (c: FigureChange) => string) => {
    if (list.length === 0) return;
    const shown = Math.min(list.length, limits.rowsPerTable, budget);
    budget -= shown;
    out.push('', `${title} (${list.length}):`);
    if (shown === 0) return;
    out.push('', header, header.replace(/[^|]+/g, '---'), ...list.slice(0, shown).map(row));
    if (shown < list.length) out.push('', `… and ${list.length - shown} more (all are in the JSON summary).`);
  };
  for (const g of s.groups) {
    if (g.added.length + g.revised.length + g.removed.length === 0) continue;
    const unit = g.unit ? ` (${cell(g.unit)})` : '';
    out.push('', `### \`${cell(g.release)}\` ${cell(g.release_title)} · ${cell(g.indicator_name)} \`${cell(g.indicator)}\`${unit}`);
    table('Added', g.added, '| jurisdiction | period | value | yoy % | flag |', (c) =>
      `| ${who(c)} | ${cell(c.period)} | ${num(c.new, 'value')} | ${num(c.new, 'yoy_pct')} | ${cell(c.new?.flag)} |`,
    );
    table('Revised', g.revised, '| jurisdiction | period | value | yoy % | flag | was in |', (c) =>
      `| ${who(c)} | ${cell(c.period)} | ${arrow(num(c.old, 'value'), num(c.new, 'value'))} | ${arrow(num(c.old, 'yoy_pct'), num(c.new, 'yoy_pct'))} | ${arrow(cell(c.old?.flag), cell(c.new?.flag))} | ${cell(c.old?.release)} |`,
    );
    table('Removed', g.removed, '| jurisdiction | period | value | yoy % | flag |', (c) =>
      `| ${who(c)} | ${cell(c.period)} | ${num(c.old, 'value')} | ${num(c.old, 'yoy_pct')} | ${cell(c.old?.flag)} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** What is in a directory: public data (manifest.json beside observations.csv), a data package (releases.csv), or neither. */
export async function directoryKind(dir: string): Promise<'public' | 'package' | null> {
  const has = (name: string) => access(path.join(dir, name)).then(() => true, () => false);
  if ((await has('manifest.json')) && (await has('observations.csv'))) return 'public';
  if (await has('releases.csv')) return 'package';
  return null;
}

function git(repo: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
  return { ok: r.status === 0, out: (r.stdout ?? '').trim() };
}

/** The top of the git checkout holding `dir`, or null outside one. */
export function gitTopLevel(dir: string): string | null {
  const r = git(dir, ['rev-parse', '--show-toplevel']);
  return r.ok ? r.out : null;
}

/** The commit (or tree) `ref` names, abbreviated, or null when it names none. */
export function resolveGitRef(repo: string, ref: string): string | null {
  if (ref.startsWith('-')) return null; // it would be read as an option
  const r = git(repo, ['rev-parse', '--verify', '--quiet', '--short', `${ref}^{tree}`]);
  if (!r.ok) return null;
  const commit = git(repo, ['rev-parse', '--verify', '--quiet', '--short', `${ref}^{commit}`]);
  return commit.ok ? commit.out : r.out;
}

/**
 * Writes the directory `rel` (relative to the top of the checkout, '' for all of it) as it is
 * in `ref` under `dest`, and returns where it is; null when `ref` has no such directory (the
 * data was added after it). Uses git archive, so the checkout itself is never touched.
 */
export async function exportFromGit(repo: string, ref: string, rel: string, dest: string): Promise<string | null> {
  const spec = rel === '' ? `${ref}^{tree}` : `${ref}:${rel.split(path.sep).join('/')}`;
  if (!git(repo, ['cat-file', '-e', spec]).ok) return null;
  await mkdir(dest, { recursive: true });
  const archive = spawn('git', ['-C', repo, 'archive', '--format=tar', ref, ...(rel === '' ? [] : ['--', rel.split(path.sep).join('/')])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const untar = spawn('tar', ['-x', '-C', dest], { stdio: ['pipe', 'ignore', 'pipe'] });
  archive.stdout.pipe(untar.stdin);
  const stderr: string[] = [];
  archive.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
  untar.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exit = (p: ReturnType<typeof spawn>) => new Promise<number | null>((resolve, reject) => p.on('error', reject).on('close', resolve));
  const [a, t] = await Promise.all([exit(archive), exit(untar)]);
  if (a !== 0 || t !== 0) throw new Error(`git archive ${ref} ${rel} | tar -x failed: ${stderr.join('').trim()}`);
  return path.join(dest, rel);
}
