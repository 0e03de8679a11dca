/**
 * Atomic publish: a build replaces dist and the public data only when every step succeeded,
 * leaves nothing a later build could pick up, and two builds of one output cannot mix. The site
 * step here stands in for astro build (it copies the public directory into dist as Astro does,
 * and can fail); the data build is the real one.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, type SiteDirs } from '../../src/build/build-site.ts';
import { BuildLocked } from '../../src/build/publish.ts';

const root = path.join(import.meta.dirname, '../..');
const fixture = path.join(import.meta.dirname, 'fixtures/minimal');
const now = new Date('2026-01-01T00:00:00Z');
const made: string[] = [];
let tmp: string;
let publicDir: string;
let dist: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'publish-'));
  made.push(tmp);
  publicDir = path.join(tmp, 'public');
  dist = path.join(tmp, 'dist');
  await fs.mkdir(publicDir);
  await fs.writeFile(path.join(publicDir, 'robots.txt'), 'User-agent: *\n');
});
afterAll(async () => {
  for (const d of made) await fs.rm(d, { recursive: true, force: true });
});

/** What astro build does with the directories, in short; `fail` makes it fail after writing. */
function site(options: { fail?: boolean; delayMs?: number } = {}) {
  return async (dirs: SiteDirs) => {
    await fs.cp(dirs.publicDir, dirs.outDir, { recursive: true });
    const manifest = JSON.parse(await fs.readFile(path.join(dirs.publicDir, 'data/manifest.json'), 'utf8'));
    await fs.writeFile(path.join(dirs.outDir, 'index.html'), `<p>data ${manifest.data_version}</p>\n`);
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (options.fail) throw new Error('the site step failed');
  };
}

const build = (siteStep = site(), at = now) => buildSite({ dataDir: fixture, publicDir, outDir: dist, now: at, siteStep });

/** Every file under dir, relative, with its text. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = await fs.readFile(path.join(e.parentPath, e.name), 'latin1');
  }
  return out;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('a build publishes everything or nothing', () => {
  it('publishes dist and the public data together, with the static assets', async () => {
    const r = await build();
    const files = await snapshot(dist);
    expect(files['index.html']).toBe(`<p>data ${r.data.dataVersion}</p>\n`);
    expect(files['robots.txt']).toBe('User-agent: *\n');
    expect(files['data/manifest.json']).toBe(await fs.readFile(path.join(publicDir, 'data/manifest.json'), 'latin1'));
    expect((await fs.readdir(tmp)).sort()).toEqual(['dist', 'public']);
  });

  it('a stale staging directory left in public/ by a killed preview build is never published', async () => {
    const pid = deadPid();
    const stale = path.join(publicDir, `data.staging-${pid}`);
    await fs.mkdir(stale);
    await fs.writeFile(path.join(stale, 'releases.csv'), 'id,published_at\n2099-01,EMBARGO_CANARY\n');
    await fs.writeFile(path.join(publicDir, 'data.lock'), JSON.stringify({ pid, host: os.hostname(), command: 'killed', started: '2026-01-01T00:00:00Z' }));
    const lines: string[] = [];
    await buildSite({ dataDir: fixture, publicDir, outDir: dist, now, siteStep: site(), log: (l) => lines.push(l) });
    const published = await snapshot(dist);
    expect(Object.keys(published).filter((f) => f.includes('staging'))).toEqual([]);
    expect(Object.values(published).some((text) => text.includes('EMBARGO_CANARY'))).toBe(false);
    expect((await fs.readdir(publicDir)).sort()).toEqual(['data', 'robots.txt']);
    expect(lines.join('\n')).toContain(`taking over the lock of a build that is no longer running (pid ${pid}`);
  });

  it('a failing site step keeps the old dist and the old public data, and leaves nothing behind', async () => {
    await build();
    const before = { dist: await snapshot(dist), data: await snapshot(path.join(publicDir, 'data')) };
    // Valid data (a later clock publishes the embargoed release) that the site step cannot render.
    await expect(build(site({ fail: true }), new Date('2100-01-01T00:00:00Z'))).rejects.toThrow('the site step failed');
    expect(await snapshot(dist)).toEqual(before.dist);
    expect(await snapshot(path.join(publicDir, 'data'))).toEqual(before.data);
    expect((await fs.readdir(tmp)).sort()).toEqual(['dist', 'public']);
    expect((await fs.readdir(publicDir)).sort()).toEqual(['data', 'robots.txt']);
  });

  it('a build killed between the two renames of its swap: the next build puts the last good dist back', async () => {
    await build();
    const good = await snapshot(dist);
    const pid = deadPid();
    await fs.rename(dist, `${dist}.old-${pid}`);
    await fs.mkdir(`${dist}.build-${pid}/dist`, { recursive: true });
    await expect(build(site({ fail: true }))).rejects.toThrow('the site step failed');
    expect(await snapshot(dist)).toEqual(good);
    expect((await fs.readdir(tmp)).sort()).toEqual(['dist', 'public']);
  });
});

describe('two builds at once', () => {
  it('of one dist: one runs, the other is refused with who holds it', async () => {
    const results = await Promise.allSettled([build(site({ delayMs: 300 })), build(site({ delayMs: 300 }))]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected')!.reason as Error;
    expect(refused).toBeInstanceOf(BuildLocked);
    expect(refused.message).toMatch(new RegExp(`^${dist.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')} is being built by pid ${process.pid} on `));
    expect(refused.message).toContain(`if that build is gone, remove ${dist}.lock`);
    const winner = results.find((r) => r.status === 'fulfilled')! as PromiseFulfilledResult<Awaited<ReturnType<typeof build>>>;
    expect((await snapshot(dist))['index.html']).toBe(`<p>data ${winner.value.data.dataVersion}</p>\n`);
  });

  it('npm run build:data refuses while another process builds the same directory, then runs once it is gone', async () => {
    const out = path.join(tmp, 'data');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    await fs.writeFile(`${out}.lock`, JSON.stringify({ pid: holder.pid, host: os.hostname(), command: 'npm run build:data', started: '2026-12-06T10:00:00Z' }));
    const cli = () => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', fixture, '--out', out, '--now', '2026-01-01T00:00:00Z'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const refused = cli();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`build:data refused to publish: ${out} is being built by pid ${holder.pid} on ${os.hostname()} (npm run build:data, started 2026-12-06T10:00:00Z)`);
    await expect(fs.stat(out)).rejects.toThrow();
    holder.kill();
    await new Promise((r) => holder.once('exit', r));
    const ran = cli();
    expect(ran.status).toBe(0);
    expect(ran.stderr).toContain('taking over the lock of a build that is no longer running');
    expect((await fs.readdir(tmp)).sort()).toEqual(['data', 'public']);
  });
});
