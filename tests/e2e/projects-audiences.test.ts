/**
 * The projects pages in the two audiences' sites, built from the ledger fixture
 * (tests/queries/fixtures/projects): the internal site lists every project, the internal ones
 * (PD, marked internal; PG, planned, so internal by default) marked as such in both languages;
 * the public site lists the public ones and holds neither internal project's id, name or amount
 * in any file (the build's own leak scan passed too, or buildSite would have thrown).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';

const PACKAGE = path.join(import.meta.dirname, '../queries/fixtures/projects');
const NOW = new Date('2026-01-01T00:00:00Z');
const INTERNAL = [
  { id: 'PD-2025-04', names: ['老城内部新材料项目', 'Laocheng internal materials project'] },
  { id: 'PG-2025-06', names: ['郑州谋划数据中心', 'Zhengzhou planned data centre'] },
];
const PUBLIC_ID = 'PA-2025-01';

let tmp: string;
const dist = { public: '', internal: '' };

async function build(audience: 'public' | 'internal'): Promise<string> {
  const out = path.join(tmp, `dist-${audience}`);
  const publicDir = path.join(tmp, `public-${audience}`);
  await fs.mkdir(publicDir);
  await buildSite({ dataDir: PACKAGE, publicDir, outDir: out, audience, now: NOW });
  return out;
}

/** The projects page of a unit, its rows: project id → the row's class. */
async function ledgerRows(distDir: string, locale: '' | 'en', code: string): Promise<Map<string, string>> {
  const html = await fs.readFile(path.join(distDir, locale, 'projects', code, 'index.html'), 'utf8');
  const ledger = html.slice(html.indexOf('<table class="ledger"'));
  return new Map([...ledger.matchAll(/<tr data-project="([^"]+)"(?: class="([^"]*)")?/g)].map((m) => [m[1]!, m[2] ?? '']));
}

async function everyText(dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || /\.(br|gz|png|wasm|parquet|docx)$/.test(e.name)) continue;
    const file = path.join(e.parentPath, e.name);
    out.push({ file: path.relative(dir, file), text: await fs.readFile(file, 'utf8') });
  }
  return out;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'projects-audiences-'));
  dist.internal = await build('internal');
  dist.public = await build('public');
}, 600_000);

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('the projects ledger on the two sites', () => {
  it.each(['', 'en'] as const)('the internal site lists the internal projects, marked internal (%s)', async (locale) => {
    const rows = await ledgerRows(dist.internal, locale, '410000');
    for (const p of INTERNAL) expect(rows.get(p.id), p.id).toBe('project-internal');
    expect(rows.get(PUBLIC_ID)).toBe('');
  });

  it.each(['', 'en'] as const)('the public site lists the public projects only (%s)', async (locale) => {
    const rows = await ledgerRows(dist.public, locale, '410000');
    expect(rows.has(PUBLIC_ID)).toBe(true);
    for (const p of INTERNAL) expect(rows.has(p.id), p.id).toBe(false);
  });

  it('no file of the public site names an internal project', async () => {
    const found = (await everyText(dist.public)).flatMap(({ file, text }) =>
      INTERNAL.flatMap((p) => [p.id, ...p.names].filter((s) => text.includes(s)).map((s) => `${file}: ${s}`)),
    );
    expect(found).toEqual([]);
  });
});
