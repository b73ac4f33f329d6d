import { createHash } from 'node:crypto';

/**
 * Deterministic sharding of domains for a CI matrix (`--shard i/n`).
 *
 * Shards are numbered 1..n, like `--shard 1/4` in vitest/jest, so the CLI flag, the matrix value and the
 * function argument are the same number. A domain's shard depends only on its (normalised) name and the
 * shard count — never on its position in a directory listing — so adding or removing a domain never moves
 * another domain to a different shard, and the plan job and the apply job always agree.
 */

export interface ShardSpec {
  /** 1-based shard number, 1 <= index <= count. */
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

/** The 1-based shard (1..count) that `domain` belongs to. */
export function shardOf(domain: string, count: number): number {
  assertCount(count);
  const digest = createHash('sha256').update(normaliseDomainName(domain), 'utf8').digest();
  // 48 bits of the digest: modulo bias is far below anything a matrix of <= 256 jobs can notice.
  const value = digest.readUIntBE(0, 6);
  return (value % count) + 1;
}

/** The items whose key hashes to shard `index` of `count` (1-based). Order of `items` is preserved. */
export function selectShard<T>(items: readonly T[], key: (t: T) => string, index: number, count: number): T[] {
  assertCount(count);
  if (!Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`shard index must be between 1 and ${count}, got ${index}`);
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

/** The shard numbers (1-based, ascending) that hold at least one of `names`. */
export function nonEmptyShards(names: readonly string[], count: number): number[] {
  const used = new Set(names.map((name) => shardOf(name, count)));
  return [...used].sort((a, b) => a - b);
}
