/**
 * Advisory per-domain lock for local applies (issue 13 #4). Two applies of the same domain on one machine
 * must never write at the same time: the second one is refused with a message naming the holder.
 *
 * A lock is a file `<dir>/<sha256(platform URL + domain)>.lock` created with O_EXCL, holding
 * `{pid, host, time, domain}`. Default dir: `$PBXCTL_LOCK_DIR`, else `<os tmpdir>/pbxctl-locks`.
 * Stale-lock rule: a lock is taken over when its holder ran on this host and its pid is no longer alive,
 * or when it is older than `staleMinutes` (default 60; `PBXCTL_LOCK_STALE_MINUTES`). CI uses the
 * workflows' concurrency groups instead (one runner cannot see another's files).
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainLockedError } from '../errors';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly time: string;
  readonly domain: string;
}

export interface LockOptions {
  readonly dir?: string;
  /** Identifies the platform, so the same domain name on two platforms does not collide. */
  readonly platform?: string;
  readonly staleMinutes?: number;
  readonly now?: () => Date;
}

export interface DomainLocks {
  release(): void;
}

export function defaultLockDir(env: NodeJS.ProcessEnv): string {
  return env.PBXCTL_LOCK_DIR || join(tmpdir(), 'pbxctl-locks');
}

/** Takes the lock of every domain (sorted, so two runs cannot deadlock), or none: throws DomainLockedError. */
export function acquireDomainLocks(domains: readonly string[], options: LockOptions = {}): DomainLocks {
  const dir = options.dir ?? join(tmpdir(), 'pbxctl-locks');
  mkdirSync(dir, { recursive: true });
  const held: string[] = [];
  const release = () => {
    for (const f of held.splice(0)) rmSync(f, { force: true });
  };
  try {
    for (const domain of [...new Set(domains)].sort()) {
      const file = join(
        dir,
        `${createHash('sha256')
          .update(`${options.platform ?? ''}\n${domain}`)
          .digest('hex')
          .slice(0, 32)}.lock`,
      );
      takeLock(file, domain, options);
      held.push(file);
    }
  } catch (err) {
    release();
    throw err;
  }
  return { release };
}

function takeLock(file: string, domain: string, options: LockOptions): void {
  const now = options.now?.() ?? new Date();
  const me: LockHolder = { pid: process.pid, host: hostname(), time: now.toISOString(), domain };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(file);
    if (holder && !isStale(holder, now, options.staleMinutes ?? 60)) throw new DomainLockedError(domain, holder, file);
    // Stale (or unreadable, i.e. being written this very moment by a crashed run): take it over once.
    rmSync(file, { force: true });
  }
  const holder = readHolder(file);
  throw new DomainLockedError(domain, holder ?? { pid: 0, host: 'unknown', time: 'unknown', domain }, file);
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

export function isStale(holder: LockHolder, now: Date, staleMinutes: number): boolean {
  const age = now.getTime() - Date.parse(holder.time);
  if (!Number.isFinite(age) || age > staleMinutes * 60_000) return true;
  if (holder.host !== hostname()) return false;
  return !pidAlive(holder.pid);
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
