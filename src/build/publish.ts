/**
 * Publishing a directory (the public data, the site) so that readers only ever see a complete
 * build: each build writes into a fresh directory of its own and swaps it in by renaming once
 * every step succeeded; one build at a time per published directory, under a lock file that
 * says who holds it.
 *
 * Beside a published directory `x` only these names appear, each ending in the pid of the build
 * that made it: `x.lock`, `x.staging-<pid>` and `x.build-<pid>` (a build's own work), and
 * `x.old-<pid>` (the previous `x` for the instant of the swap). A build killed at any point
 * leaves `x` as it was, or its previous version in `x.old-<pid>`; the next build to take the
 * lock removes the leftovers and puts `x.old-<pid>` back if `x` is missing. Nothing reads them:
 * the site is built from a directory the build assembles itself (src/build/build-site.ts).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
/**
 * The build ran but refused to publish (nothing to publish, another build holds the output, a
 * leak): nothing was replaced. The message says why and what to do.
 */
export class PublishRefused extends Error {}

/** Another build holds the lock of a directory this build would replace. */
export class BuildLocked extends PublishRefused {}

interface LockInfo {
  pid: number;
  host: string;
  command: string;
  started: string;
}

export interface Lock {
  release(): Promise<void>;
}

const LEFTOVER = /^\.(staging|build|old)-(\d+)$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * Takes `<target>.lock`, or refuses with who holds it. A lock left by a build of this machine
 * that is no longer running is taken over (and said so through `log`). The lock file is written
 * whole, then linked into place: linking fails when the name exists, so two builds never both
 * take it, and a reader never sees it half written.
 */
export async function acquireLock(target: string, log: (line: string) => void): Promise<Lock> {
  const file = `${target}.lock`;
  const me: LockInfo = { pid: process.pid, host: os.hostname(), command: process.argv.slice(1).join(' '), started: new Date().toISOString() };
  await fs.mkdir(path.dirname(target), { recursive: true });
  const draft = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  await fs.writeFile(draft, `${JSON.stringify(me)}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.link(draft, file);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      }
      const holder = await readLock(file);
      if (holder && (holder.host !== me.host || alive(holder.pid))) {
        throw new BuildLocked(
          `${target} is being built by pid ${holder.pid} on ${holder.host} (${holder.command}, started ${holder.started}): ` +
            `wait for that build to finish and run this one again; if that build is gone, remove ${file}`,
        );
      }
      log(`  ${file}: taking over the lock of a build that is no longer running (${holder ? `pid ${holder.pid}, started ${holder.started}` : 'unreadable'})`);
      await fs.rm(file, { force: true });
    }
  } finally {
    await fs.rm(draft, { force: true });
  }
  return {
    async release() {
      const holder = await readLock(file);
      if (holder?.pid === me.pid && holder.started === me.started) await fs.rm(file, { force: true });
    },
  };
}

/**
 * With the lock held: removes what killed builds left beside `target`, after putting a previous
 * version back where a build died between the two renames of its swap.
 */
export async function removeLeftovers(target: string, log: (line: string) => void): Promise<void> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names.sort()) {
    if (!name.startsWith(base)) continue;
    const m = LEFTOVER.exec(name.slice(base.length));
    if (!m || Number(m[2]) === process.pid) continue;
    const full = path.join(dir, name);
    if (m[1] === 'old' && !(await exists(target))) {
      await fs.rename(full, target);
      log(`  ${target}: put back the version a killed build had moved to ${name}`);
      continue;
    }
    // An orphaned child of a killed build may still be writing in it: best effort.
    await fs.rm(full, { recursive: true, force: true }).catch(() => {});
    log(`  removed ${full}, left by a build that did not finish`);
  }
}

/** Replaces `target` by `fresh` (a sibling of it): two renames, the old version removed after. */
export async function swapIn(fresh: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  await fs.rm(old, { recursive: true, force: true });
  const had = await exists(target);
  if (had) await fs.rename(target, old);
  await fs.rename(fresh, target);
  if (had) await fs.rm(old, { recursive: true, force: true });
}

export async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}
