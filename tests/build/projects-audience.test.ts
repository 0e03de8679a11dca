/**
 * The projects ledger in the two audiences, and the leak scan's watch over it: the public build
 * of tests/queries/fixtures/projects holds no internal project (PD, internal; PG, planned, so
 * internal by default) nor the row of the release embargoed until 2027 (PA at 2025-07, funds
 * 18765.4 万元), in any file; planted back into the public data or a page, each is found.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, type BuildResult } from '../../src/build/build-data.ts';
import { scanForLeaks } from '../../src/build/leak-scan.ts';

const PACKAGE = path.join(import.meta.dirname, '../queries/fixtures/projects');
const NOW = new Date('2026-01-01T00:00:00Z');
const WITHHELD = ['PD-2025-04', '老城内部新材料项目', 'Laocheng internal materials project', 'PG-2025-06', '郑州谋划数据中心', '18765.4', 'embargoed until its release'];
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'projects-audience-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Every text file of a directory (Parquet skipped: the leak scan reads it; CSV holds the same). */
async function texts(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && !e.name.endsWith('.parquet')) out[path.relative(dir, path.join(e.parentPath, e.name))] = await fs.readFile(path.join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

async function build(audience: 'public' | 'internal', name: string): Promise<{ r: BuildResult; out: string; files: Record<string, string> }> {
  const out = path.join(tmp, name);
  const r = await buildData({ dataDir: PACKAGE, outDir: out, now: NOW, audience });
  return { r, out, files: await texts(out) };
}

/** Each resource's description in datapackage.json, by resource name. */
function descriptions(files: Record<string, string>): Record<string, string> {
  const { resources } = JSON.parse(files['datapackage.json']!) as { resources: { name: string; description: string }[] };
  return Object.fromEntries(resources.map((r) => [r.name, r.description]));
}

describe('the projects ledger by audience', () => {
  it('the public data holds no internal or embargoed project, in any file', async () => {
    const { files } = await build('public', 'public');
    expect(files['projects.csv']).toContain('PA-2025-01,2025-06');
    for (const text of WITHHELD) expect(Object.keys(files).filter((f) => files[f]!.includes(text)), text).toEqual([]);
    // datapackage.json says what the files hold: the ledger as published, the public projects
    // only; the observations with the rates the build computed from it
    const described = descriptions(files);
    expect(described.projects).toMatch(/^The investment projects ledger \(招商项目台账\) as published: one row per project per month/);
    expect(described.projects).toMatch(/Typed .*year and month derived from period, visibility decided .* and the release whose file the row came from\. Public projects only\.$/);
    expect(described.observations).toContain('It includes the three rates of the projects ledger (project_fulfilment_rate, project_start_rate, project_funds_rate), which the build computes from the projects table');
    expect(described.observations).toMatch(/Internal indicators are left out\.$/);
  });

  it('the internal data holds the internal projects, not the embargoed row', async () => {
    const { files } = await build('internal', 'internal');
    for (const text of ['PD-2025-04', '老城内部新材料项目', 'PG-2025-06', '郑州谋划数据中心']) expect(files['projects.csv']).toContain(text);
    expect(files['projects.csv']).not.toContain('18765.4');
    const described = descriptions(files);
    expect(described.projects).toMatch(/Every project, public or internal: for the bureau’s own use, not for publication\.$/);
    expect(described.observations).toMatch(/Internal indicators included/);
  });

  it('a build without a ledger publishes an empty projects.csv and no rate indicator', async () => {
    const pkg = path.join(tmp, 'no-ledger');
    await fs.cp(PACKAGE, pkg, { recursive: true });
    await fs.rm(path.join(pkg, 'projects'), { recursive: true });
    await fs.rm(path.join(pkg, 'targets'), { recursive: true });
    const out = path.join(tmp, 'no-ledger-out');
    const r = await buildData({ dataDir: pkg, outDir: out, now: NOW });
    expect(r.rowCounts.projects).toBe(0);
    const files = await texts(out);
    expect(files['projects.csv']!.trim().split('\n')).toHaveLength(1);
    expect(files['indicators.csv']).not.toContain('project_');
    // the files stay (the engines read every table), and datapackage.json says they are empty
    const { resources } = JSON.parse(files['datapackage.json']!) as { resources: { name: string; rows: number; description: string }[] };
    const projects = resources.filter((x) => x.name.startsWith('projects'));
    expect(projects.map((x) => [x.name, x.rows])).toEqual([['projects', 0], ['projects_parquet', 0]]);
    for (const x of projects) expect(x.description).toMatch(/^The investment projects ledger.* EMPTY in this build: no rows of this table are published/);
    expect(resources.find((x) => x.name === 'observations')!.description).not.toContain('EMPTY');
  });
});

describe('the leak scan and the ledger', () => {
  it('finds a withheld row, its id, its name and its amount planted in the public data', async () => {
    const { r, out } = await build('public', 'planted');
    await fs.appendFile(
      path.join(out, 'projects.csv'),
      'PA-2025-01,2025-07,2025,7,中原智能装备产业园,,410102,,local,operating,20000.0,18765.4,万元,2025-02-10,,2025-05-20,public,,fixture,,2025-07\n' +
        'PD-2025-04,2025-06,2025,6,老城内部新材料项目,,410302,,local,started,8000.0,8000.0,万元,2025-02-20,,2025-04-10,public,,fixture,,2025-06\n',
    );
    const leaks = await scanForLeaks(out, r.withheld!);
    expect(leaks.filter((l) => l.file === 'projects.csv').map((l) => `${l.where}: ${l.what}`)).toEqual([
      'row 12: the withheld row project PA-2025-01 2025-07 of release 2025-07 (embargoed)',
      'row 12, column funds_arrived: funds arrived 18765.4 of project PA-2025-01 2025-07 of release 2025-07 (embargoed)',
      'row 12, column release: embargoed release 2025-07',
      'row 13: the withheld row project PD-2025-04 2025-06 of release 2025-06 (internal)',
      'row 13, column project: withheld project PD-2025-04',
      'row 13, column name_zh: name of withheld project PD-2025-04',
    ]);
  });

  it('finds them in a page and a script as printed, and takes public projects for what they are', async () => {
    const { r, out } = await build('public', 'pages');
    await fs.writeFile(
      path.join(out, 'ledger.html'),
      '<table><tr><td>中原智能装备产业园</td><td>2亿元</td></tr>' +
        '<tr><td><a href="/projects/PG-2025-06/">Zhengzhou planned data centre</a></td><td>1.88亿元</td><td>18,765.4万元</td></tr></table>',
    );
    await fs.writeFile(path.join(out, 'chunk.js'), 'const p={"name":"老城内部新材料项目"};');
    const leaks = await scanForLeaks(out, r.withheld!);
    expect(leaks.map((l) => `${l.file} ${l.where}: ${l.what}`)).toEqual([
      'chunk.js line 1: name of withheld project PD-2025-04',
      'ledger.html line 1: name of withheld project PG-2025-06',
      'ledger.html line 1: withheld project PG-2025-06',
      'ledger.html line 1: funds arrived 18,765.4 of project PA-2025-01 2025-07 of release 2025-07 (embargoed)',
    ]);
  });
});
