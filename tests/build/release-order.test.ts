/**
 * Vintages follow the instant a release was published, not the text of its time: in UTC text
 * 2025-10-15T02:00:00.5Z sorts before 2025-10-15T02:00:00Z, half a second earlier.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/minimal');
let tmp: string;
let pkg: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'release-order-'));
  pkg = path.join(tmp, 'data');
  await fs.mkdir(path.join(pkg, 'observations'), { recursive: true });
  for (const f of ['jurisdictions.csv', 'indicators.csv']) await fs.copyFile(path.join(fixture, f), path.join(pkg, f));
  // The revision's id sorts first too, so neither the text nor the id can make it the latest.
  await fs.writeFile(
    path.join(pkg, 'releases.csv'),
    [
      'id,published_at,title,source,notes',
      'b-first,2025-10-15T02:00:00Z,2025年1-9月,test,',
      'a-revision,2025-10-15T10:00:00.5+08:00,2025年1-9月（修订）,test,',
    ].join('\n') + '\n',
  );
  const header = 'jurisdiction,indicator,period,value,yoy_pct,flag,note';
  await fs.writeFile(path.join(pkg, 'observations/b-first.csv'), `${header}\n110000,retail_sales,2025-09,100.5,,,\n`);
  await fs.writeFile(path.join(pkg, 'observations/a-revision.csv'), `${header}\n110000,retail_sales,2025-09,101.5,,r,\n`);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function build(name: string, now: string): Promise<{ out: string; latest: string; vintages: string; releases: string }> {
  const out = path.join(tmp, name);
  await buildData({ dataDir: pkg, outDir: out, now: new Date(now) });
  const read = (f: string) => fs.readFile(path.join(out, f), 'utf8');
  return { out, latest: await read('observations.csv'), vintages: await read('observation_vintages.csv'), releases: await read('releases.csv') };
}

describe('release order', () => {
  it('the release published half a second later is the latest vintage, and its time is published as written', async () => {
    const { out, latest, vintages, releases } = await build('later', '2026-01-01T00:00:00Z');
    expect(latest).toContain('110000,retail_sales,2025-09,2025,9,101.5,,r,,a-revision');
    expect(latest).not.toContain('100.5');
    expect(vintages).toContain('110000,retail_sales,2025-09,2025,9,100.5,,,,b-first,1,false');
    expect(vintages).toContain('110000,retail_sales,2025-09,2025,9,101.5,,r,,a-revision,2,true');
    // Releases listed in publication order, each time in UTC with its fraction of a second.
    expect(releases.split('\n').slice(1, 3).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'b-first,2025-10-15T02:00:00Z',
      'a-revision,2025-10-15T02:00:00.5Z',
    ]);
    const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.data_as_of).toBe('2025-10-15T02:00:00.5Z');
  });

  it('the embargo is decided on the instant too: at .4 s the revision is not out yet', async () => {
    const { latest, releases } = await build('embargo', '2025-10-15T02:00:00.400Z');
    expect(latest).toContain('110000,retail_sales,2025-09,2025,9,100.5,,,,b-first');
    expect(releases).not.toContain('a-revision');
  });
});
