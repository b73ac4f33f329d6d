import { createHash } from 'node:crypto';

/**
 * Deterministic sharding of domains for a CI matrix (`--shard i/n`).
 *
 * On the command line shards are numbered 1..n, like `--shard 1/4` in vitest/jest; the functions take a
 * 0-based index (`--shard i/n` → `selectShard(items, key, i - 1, n)`). A domain's shard depends only on its
 * (normalised) name and the shard count — never on its position in a directory listing — so adding or
 * removing a domain never moves another domain to a different shard, and plan, apply and drift jobs agree.
 */

export interface ShardSpec {
  /** 1-based shard number as written on the command line, 1 <= index <= count. */
  readonly index: number;
  readonly count: number;
}

/** Lower-case, trim and drop a trailing dot so `Acme.Example.com.` and `acme.example.com` share a shard. */
export function normaliseDomainName(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.+$/, '');
}

function assertCount(count: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`shard count must be a positive integer, got ${count}`);
  }
}

/** The 0-based shard (0..count-1) that `domain` belongs to. */
export function shardOf(domain: string, count: number): number {
  assertCount(count);
  const digest = createHash('sha256').update(normaliseDomainName(domain), 'utf8').digest();
  // 48 bits of the digest: modulo bias is far below anything a matrix of <= 256 jobs can notice.
  const value = digest.readUIntBE(0, 6);
  return value % count;
}

/** The items whose key hashes to shard `index` (0-based) of `count`. Order of `items` is preserved. */
export function selectShard<T>(items: readonly T[], key: (t: T) => string, index: number, count: number): T[] {
  assertCount(count);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`shard index must be between 0 and ${count - 1}, got ${index}`);
  }
  return items.filter((item) => shardOf(key(item), count) === index);
}

/** Parse `i/n` (as in `--shard 2/8`). Throws a RangeError naming the expected form. */
export function parseShard(text: string): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new RangeError(`--shard expects i/n (for example 2/8), got "${text}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  assertCount(count);
  if (index < 1 || index > count) throw new RangeError(`--shard ${text}: i must be between 1 and ${count}`);
  return { index, count };
}

/** The command-line shard numbers (1-based, ascending) that hold at least one of `names`. */
export function nonEmptyShards(names: readonly string[], count: number): number[] {
  const used = new Set(names.map((name) => shardOf(name, count) + 1));
  return [...used].sort((a, b) => a - b);
}
