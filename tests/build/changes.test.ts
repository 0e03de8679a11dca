/** The change summary: figures added, revised and removed between two builds of a small package. */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';
import { changesMarkdown, diffPublicData, type ChangeSummary } from '../../src/build/changes.ts';
import { BASE, makeDataDir, removeDataDirs, withRows } from '../validate/fixture.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = '2026-01-01T00:00:00+08:00';
const OBS = 'observations/2025-06.csv';

/**
 * The commit under review, against BASE: release 2025-07 adds July, revises June of 410000
 * (value, growth and flag r) and publishes 410100's June again unchanged; 410308's FDI is
 * deleted from 2025-06; 410300's note changes; an internal figure and an embargoed release
 * change too, and neither may show.
 */
const HEAD_CHANGES: Record<string, string> = {
  ...withRows('releases.csv', '2025-07,2025-08-15T10:00:00+08:00,2025年1-7月,,', '2099-01,2099-02-15T10:00:00+08:00,未来发布,,'),
  'observations/2025-07.csv': [
    'jurisdiction,indicator,period,value,yoy_pct,flag,note',
    '410000,retail_sales,2025-07,14000.5,5,,',
    '410000,retail_sales,2025-06,12010.5,-0.4,r,',
    '410100,retail_sales,2025-06,3000,4.8,p,',
    '410000,population,2024,9790,,,',
  ].join('\n') + '\n',
  'observations/2099-01.csv': 'jurisdiction,indicator,period,value,yoy_pct,flag,note\n410000,retail_sales,2025-05,99999,,r,\n',
  [OBS]: BASE[OBS]!.replace('410308,fdi_actual,2025-06,1234,12,,\n', '').replace('410300,retail_sales,2025-06,,,c,', '410300,retail_sales,2025-06,,,c,withheld'),
};

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'changes-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await removeDataDirs();
});

async function build(changes: Record<string, string>, name: string) {
  const out = path.join(tmp, name);
  const r = await buildData({ dataDir: await makeDataDir(changes), outDir: out, now: new Date(NOW) });
  return { dir: out, embargoed: r.embargoedReleases };
}

describe('diffPublicData', () => {
  let summary: ChangeSummary;
  beforeAll(async () => {
    const base = await build({}, 'base');
    const head = await build(HEAD_CHANGES, 'head');
    summary = await diffPublicData({ label: 'before', dir: base.dir }, { label: 'after', dir: head.dir }, head.embargoed);
  });

  it('counts the figures added, revised, removed and published again unchanged', () => {
    expect(summary.counts).toEqual({ added: 1, revised: 1, removed: 1, restated: 1 });
    expect(summary.embargoed).toEqual(['2099-01']);
    expect(summary.base).toMatchObject({ label: 'before', data_version: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it('groups them by release (the old one for a removal) and indicator, in publication order', () => {
    expect(summary.groups.map((g) => [g.release, g.indicator, g.added.length, g.revised.length, g.removed.length, g.restated])).toEqual([
      ['2025-06', 'fdi_actual', 0, 0, 1, 0],
      ['2025-07', 'retail_sales', 1, 1, 0, 1],
    ]);
    const july = summary.groups[1]!;
    expect(july).toMatchObject({ release_title: '2025年1-7月', indicator_name: '社会消费品零售总额', unit: '亿元' });
    expect(july.added).toEqual([
      { jurisdiction: '410000', jurisdiction_name: '河南省', period: '2025-07', old: null, new: { value: '14000.5', yoy_pct: '5.0', flag: null, release: '2025-07' } },
    ]);
    expect(july.revised).toEqual([
      {
        jurisdiction: '410000',
        jurisdiction_name: '河南省',
        period: '2025-06',
        old: { value: '12000.5', yoy_pct: '-0.5', flag: null, release: '2025-06' },
        new: { value: '12010.5', yoy_pct: '-0.4', flag: 'r', release: '2025-07' },
      },
    ]);
    expect(summary.groups[0]!.removed.map((c) => [c.jurisdiction, c.period, c.old?.value, c.new])).toEqual([['410308', '2025-06', '1234.0', null]]);
  });

  it('writes Markdown with old → new and the flag, and says when nothing changed', async () => {
    const md = changesMarkdown(summary);
    expect(md).toContain('**1 figure added, 1 revised, 1 removed.**');
    expect(md).toContain('1 figure published again unchanged by a later release (not listed).');
    expect(md).toContain('Not public yet (embargoed at the build clock, figures not shown): `2099-01`.');
    expect(md).toContain('### `2025-07` 2025年1-7月 · 社会消费品零售总额 `retail_sales` (亿元)');
    expect(md).toContain('| 410000 河南省 | 2025-06 | 12000.5 → 12010.5 | -0.5 → -0.4 | – → r | 2025-06 |');
    expect(md).toContain('| 410000 河南省 | 2025-07 | 14000.5 | 5.0 |  |');
    expect(md).not.toContain('99999');
    expect(md).not.toContain('population');

    const base = path.join(tmp, 'base');
    const same = await diffPublicData({ label: 'a', dir: base }, { label: 'b', dir: base });
    expect(same.counts).toEqual({ added: 0, revised: 0, removed: 0, restated: 0 });
    expect(changesMarkdown(same)).toContain('**No figure is added, revised or removed.**');
  });

  it('lists a bounded number of rows and counts the rest', async () => {
    const all = await diffPublicData({ label: 'nothing', dir: null }, { label: 'head', dir: path.join(tmp, 'head') });
    expect(all.counts.added).toBe(5);
    const md = changesMarkdown(all, { rowsPerTable: 1, rowsInAll: 2 });
    expect(md).toContain('against **nothing** (nothing published)');
    expect(md.match(/^\| 4\d+ /gm)).toHaveLength(2);
    expect(md).toContain('… and 1 more (all are in the JSON summary).');
    expect(md).toContain('Added (2):');
  });
});

describe('npm run changes', () => {
  function cli(...args: string[]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/changes.ts', ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  function git(repo: string, ...args: string[]) {
    const r = spawnSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }

  /** A data repository: a first commit without data, one with BASE in data/, then the head changes uncommitted. */
  async function repository(): Promise<string> {
    const repo = await mkdtemp(path.join(tmp, 'repo-'));
    git(repo, 'init', '-q');
    await writeFile(path.join(repo, 'README.md'), 'data repository\n');
    git(repo, 'add', 'README.md');
    git(repo, 'commit', '-q', '-m', 'start');
    const data = path.join(repo, 'data');
    for (const [rel, text] of Object.entries(BASE)) {
      await mkdir(path.dirname(path.join(data, rel)), { recursive: true });
      await writeFile(path.join(data, rel), text);
    }
    git(repo, 'add', 'data');
    git(repo, 'commit', '-q', '-m', 'data');
    for (const [rel, text] of Object.entries(HEAD_CHANGES)) await writeFile(path.join(data, rel), text);
    return repo;
  }

  it('compares the head directory with its copy in a git ref, as Markdown and JSON', async () => {
    const repo = await repository();
    const jsonFile = path.join(tmp, 'changes.json');
    const r = cli('--base', 'HEAD', '--head', path.join(repo, 'data'), '--now', NOW, '--json-file', jsonFile);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^## What this change publishes\n\nPublic data of \*\*.*\/data\*\* \(data version `[0-9a-f]{16}`\) against \*\*HEAD \([0-9a-f]+\) data\/\*\*/);
    expect(r.stdout).toContain('| 410000 河南省 | 2025-06 | 12000.5 → 12010.5 | -0.5 → -0.4 | – → r | 2025-06 |');
    const json = JSON.parse(await readFile(jsonFile, 'utf8')) as ChangeSummary;
    expect(json.counts).toEqual({ added: 1, revised: 1, removed: 1, restated: 1 });
    const printed = cli('--base=HEAD', `--head=${path.join(repo, 'data')}`, `--now=${NOW}`, '--json');
    expect(JSON.parse(printed.stdout)).toEqual(json);

    const first = cli('--base', 'HEAD~1', '--head', path.join(repo, 'data'), '--now', NOW, '--json');
    expect((JSON.parse(first.stdout) as ChangeSummary).counts).toEqual({ added: 5, revised: 0, removed: 0, restated: 0 });
  });

  it('takes a data package or a public data directory as the base', async () => {
    const head = await makeDataDir(HEAD_CHANGES);
    const fromPackage = cli('--base', await makeDataDir(), '--head', head, '--now', NOW, '--json');
    const fromPublic = cli('--base', path.join(tmp, 'base'), '--head', head, '--now', NOW, '--json');
    expect((JSON.parse(fromPackage.stdout) as ChangeSummary).counts).toEqual({ added: 1, revised: 1, removed: 1, restated: 1 });
    expect((JSON.parse(fromPublic.stdout) as ChangeSummary).groups).toEqual((JSON.parse(fromPackage.stdout) as ChangeSummary).groups);
  });

  it('exits 1 with the errors when a side does not build, 2 on a usage error', async () => {
    const broken = await makeDataDir({ [OBS]: `${BASE[OBS]}410000,retail_sales,2025-04,"1,5",,,\n` });
    const r = cli('--base', await makeDataDir(), '--head', broken, '--now', NOW);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${path.join(broken, OBS)}:9:4 error E_NUMBER_FORMAT`);
    expect(r.stderr).toContain(`changes: --head ${broken} does not build: nothing to compare`);

    const repo = await repository();
    const badRef = cli('--base', 'no-such-branch', '--head', path.join(repo, 'data'));
    expect(badRef.status).toBe(2);
    expect(badRef.stderr).toContain('--base no-such-branch: neither a directory with data nor a git ref of');
    expect(cli('--head', path.join(repo, 'data')).stderr).toContain('--base is required');
    expect(cli('--base', 'HEAD', '--now', '2026-01-01T00:00:00').stderr).toContain('not an ISO 8601 instant with an offset');
    expect(cli('--base', 'HEAD', '--since', 'x').stderr).toContain('unknown option --since; the options are --base, --head, --now, --json, --json-file, --help');
  });
});
