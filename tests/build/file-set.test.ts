/**
 * One file set: the validator and the data build read the same files of a package, so nothing
 * unvalidated is published, and only the maps maps.csv names are.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, ValidationFailed } from '../../src/build/build-data.ts';
import { parseGeoMaps } from '../../src/lib/geo-maps.ts';
import { validateDataDir } from '../../src/validate/index.ts';
import { BASE, makeDataDir, removeDataDirs } from '../validate/fixture.ts';

const now = new Date('2026-01-01T00:00:00Z');
const TARGET_HEADER = 'jurisdiction,indicator,year,type,value,qualifier,source,note';
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'file-set-'));
});
afterAll(async () => {
  await removeDataDirs();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function build(dir: string, name: string): Promise<string> {
  const out = path.join(tmp, name);
  await buildData({ dataDir: dir, outDir: out, now });
  return out;
}

const problemsOf = async (dir: string) =>
  (await validateDataDir(dir)).problems.map((p) => `${path.relative(dir, p.file)}:${p.line}:${p.column} ${p.code}`);

describe('hidden files', () => {
  it('a hidden draft of targets is read by neither the validator nor the build', async () => {
    const dir = await makeDataDir({ 'targets/.2026-draft.csv': `${TARGET_HEADER}\n410100,retail_sales,2026,growth,99.5,,DRAFT_CANARY,\n` });
    expect(await problemsOf(dir)).toEqual([]);
    const out = await build(dir, 'draft');
    expect(await fs.readFile(path.join(out, 'targets.csv'), 'utf8')).not.toContain('DRAFT_CANARY');
  });

  it("macOS's ._ files (binary AppleDouble) are ignored by both: the build does not crash on them", async () => {
    const appleDouble = Uint8Array.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00, 0x4d, 0x61, 0x63, 0x20, 0x4f, 0x53, 0x20, 0x58]);
    const dir = await makeDataDir({ 'observations/._2025-06.csv': appleDouble, 'targets/._2025.csv': appleDouble });
    expect(await problemsOf(dir)).toEqual([]);
    const out = await build(dir, 'apple');
    expect((await fs.readFile(path.join(out, 'observations.csv'), 'utf8')).split('\n').length).toBeGreaterThan(3);
  });
});

describe('links and folders', () => {
  it('E_FILE_KIND: a symbolic link in observations/ is refused, and so the build publishes nothing', async () => {
    const dir = await makeDataDir();
    const outside = path.join(tmp, 'outside.csv');
    await fs.writeFile(outside, `${BASE['observations/2025-06.csv']!.split('\n')[0]}\n410100,fdi_actual,2025-06,77777,,,LINKED\n`);
    await fs.symlink(outside, path.join(dir, 'observations/2025-07.csv'));
    await fs.appendFile(path.join(dir, 'releases.csv'), '2025-07,2025-08-15T10:00:00+08:00,x,,\n');
    const problems = await problemsOf(dir);
    expect(problems).toContain('observations/2025-07.csv:0:0 E_FILE_KIND');
    const error = await buildData({ dataDir: dir, outDir: path.join(tmp, 'linked'), now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).report.errors.find((p) => p.code === 'E_FILE_KIND')?.message).toBe(
      'observations/2025-07.csv is a symbolic link, not a file: it is not read',
    );
  });

  it('E_FILE_KIND: a folder named like a data file, and a linked required file', async () => {
    const dir = await makeDataDir();
    await fs.mkdir(path.join(dir, 'targets/2026.csv'));
    await fs.rename(path.join(dir, 'indicators.csv'), path.join(tmp, 'indicators-elsewhere.csv'));
    await fs.symlink(path.join(tmp, 'indicators-elsewhere.csv'), path.join(dir, 'indicators.csv'));
    const problems = await problemsOf(dir);
    expect(problems).toContain('targets/2026.csv:0:0 E_FILE_KIND');
    expect(problems).toContain('indicators.csv:0:0 E_FILE_KIND');
  });

  it('a sub-folder without the .csv name is not read, with a warning', async () => {
    const dir = await makeDataDir({ 'observations/old/2024-06.csv': BASE['observations/2025-06.csv']! });
    expect(await problemsOf(dir)).toEqual(['observations/old:0:0 W_IGNORED_FILE']);
  });
});

describe('maps', () => {
  const topology = BASE['geo/henan.topojson']!;

  it('publishes the .topojson files maps.csv names, and no other file of geo/', async () => {
    const dir = await makeDataDir({ 'geo/draft-unapproved.json': topology, 'geo/README.md': '# notes\n' });
    const out = await build(dir, 'maps');
    expect((await fs.readdir(path.join(out, 'geo'))).sort()).toEqual(['henan.topojson', 'maps.csv']);
    expect(await fs.readFile(path.join(out, 'geo/henan.topojson'), 'utf8')).toBe(topology);
  });

  it('E_FILE_KIND: a linked boundary file is refused at its row of maps.csv', async () => {
    const dir = await makeDataDir();
    await fs.rename(path.join(dir, 'geo/henan.topojson'), path.join(tmp, 'henan-elsewhere.topojson'));
    await fs.symlink(path.join(tmp, 'henan-elsewhere.topojson'), path.join(dir, 'geo/henan.topojson'));
    expect(await problemsOf(dir)).toEqual(['geo/maps.csv:2:2 E_FILE_KIND']);
  });

  it('a quoted line break in maps.csv keeps the approval number (parsed as CSV, not split by lines)', async () => {
    const maps = 'parent,file,attribution_zh,attribution_en,approval_number\n410000,henan.topojson,"示例边界\n（第二行）",Sample boundaries,GS(2024)1234号\n';
    const dir = await makeDataDir({ 'geo/maps.csv': maps });
    expect(await problemsOf(dir)).toEqual([]);
    const out = await build(dir, 'maps-break');
    const published = parseGeoMaps(await fs.readFile(path.join(out, 'geo/maps.csv'), 'utf8'));
    expect(published).toEqual([
      { parent: '410000', file: 'henan.topojson', attribution_zh: '示例边界\n（第二行）', attribution_en: 'Sample boundaries', approval_number: 'GS(2024)1234号' },
    ]);
  });
});
