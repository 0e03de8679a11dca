/** The build scripts' command lines: strict flags, and a clock that is an instant. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../scripts/cli-args.ts';

const root = path.join(import.meta.dirname, '../..');
const fixture = path.join(import.meta.dirname, 'fixtures/minimal');
let tmp: string;

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, PORTAL_BUILD_NOW: '', PORTAL_DATA: '', PORTAL_AUDIENCE: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'build-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('parseCommandLine', () => {
  const known = { options: ['--out', '--now'], flags: ['--help'], positionals: 1 };

  it('reads --name value and --name=value alike', () => {
    const a = parseCommandLine(['data', '--now', '2025-07-15T10:00:00+08:00', '--out=x'], known);
    expect(Object.fromEntries(a.options)).toEqual({ '--now': '2025-07-15T10:00:00+08:00', '--out': 'x' });
    expect(a.positionals).toEqual(['data']);
  });

  it('refuses unknown options with the list of known ones, a missing value, a repeat and extra arguments', () => {
    expect(() => parseCommandLine(['--nwo', 'x'], known)).toThrow(new UsageError('unknown option --nwo; known options: --out VALUE, --now VALUE, --help'));
    expect(() => parseCommandLine(['--out'], known)).toThrow('--out needs a value');
    expect(() => parseCommandLine(['--out=a', '--out', 'b'], known)).toThrow('--out given twice');
    expect(() => parseCommandLine(['a', 'b'], known)).toThrow('at most 1 argument(s) expected, got 2: a b');
    expect(() => parseCommandLine(['--help=1'], known)).toThrow('--help takes no value');
  });
});

describe('npm run build:data', () => {
  it('accepts --now=… and builds with that clock', async () => {
    const out = path.join(tmp, 'eq');
    const r = run('scripts/build-data.ts', fixture, `--out=${out}`, '--now=2024-07-15T10:00:01+08:00');
    expect(r.stderr).toContain('(clock 2024-07-15T02:00:01.000Z, public audience)');
    expect(r.status).toBe(0);
    const releases = await fs.readFile(path.join(out, 'releases.csv'), 'utf8');
    expect(releases).toContain('2024-06,');
    expect(releases).not.toContain('2024-07,');
  });

  it('refuses --now without an offset, naming the fix, and writes nothing', async () => {
    const out = path.join(tmp, 'local');
    const r = run('scripts/build-data.ts', fixture, '--out', out, '--now', '2025-07-15T10:00:00');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--now "2025-07-15T10:00:00": a time without an offset names a different instant in every time zone');
    expect(r.stderr).toContain('write 2025-07-15T10:00:00+08:00');
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('refuses an unknown option with the list of known ones', () => {
    const r = run('scripts/build-data.ts', fixture, '--outdir', path.join(tmp, 'x'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option --outdir; known options: --out VALUE, --now VALUE');
  });
});

describe('--audience', () => {
  it('a public build refuses a clock in the future: previews are internal', () => {
    const r = run('scripts/build-data.ts', fixture, '--out', path.join(tmp, 'future'), '--now=2999-01-01T00:00:00Z');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--now 2999-01-01T00:00:00.000Z is in the future: a public build would publish releases still under embargo; preview them with --audience internal');
  });

  it('an internal build needs its own --out, outside public/', () => {
    for (const out of [[], ['--out', 'public/internal-data']]) {
      const r = run('scripts/build-data.ts', fixture, '--audience', 'internal', ...out);
      expect(r.status, out.join(' ')).toBe(2);
      expect(r.stderr).toContain('an internal build needs --out DIR outside public/');
    }
  });

  it('an internal preview with a later clock keeps the internal indicator and the embargoed release', async () => {
    const out = path.join(tmp, 'preview');
    const r = run('scripts/build-data.ts', fixture, '--audience=internal', '--out', out, '--now', '2999-01-01T00:00:00+08:00');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('internal audience');
    const observations = await fs.readFile(path.join(out, 'observations.csv'), 'utf8');
    expect(observations).toContain('99999');
    expect(observations).toContain('secret_metric');
  });

  it('PORTAL_AUDIENCE must name an audience', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-site.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, PORTAL_AUDIENCE: 'press' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--audience "press": use public or internal');
  });
});

describe('npm run build', () => {
  it('refuses an unknown option and a clock without offset before building anything', () => {
    const unknown = run('scripts/build-site.ts', '--data', fixture, '--dist', path.join(tmp, 'd'));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --dist; known options: --data VALUE, --out VALUE, --now VALUE');
    const local = run('scripts/build-site.ts', '--data', fixture, '--now=2025-07-15 10:00');
    expect(local.status).toBe(2);
    expect(local.stderr).toContain('--now "2025-07-15 10:00"');
    expect(local.stderr).not.toMatch(/\n\s+at /);
  });
});
