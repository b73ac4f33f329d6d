import { describe, expect, it } from 'vitest';
import { nonEmptyShards, parseShard, selectShard, shardOf } from './shard';

const domains = Array.from({ length: 100 }, (_, i) => `tenant-${String(i).padStart(3, '0')}.example.com`);

describe('shard', () => {
  it('splits 100 domains into disjoint shards that cover all of them', () => {
    for (const count of [1, 2, 3, 4, 7, 10]) {
      const shards = Array.from({ length: count }, (_, i) => selectShard(domains, (d) => d, i, count));
      const all = shards.flat();
      expect(all).toHaveLength(100);
      expect(new Set(all).size).toBe(100);
      expect([...all].sort()).toEqual([...domains].sort());
      if (count === 4) {
        // a stable hash spreads them: no shard is empty or holds more than half
        for (const shard of shards) expect(shard.length).toBeGreaterThan(10);
        for (const shard of shards) expect(shard.length).toBeLessThan(50);
      }
    }
  });

  it('depends on the domain name, not on its position', () => {
    const reversed = [...domains].reverse();
    const shuffled = [...domains].sort((a, b) => (a.slice(-15) < b.slice(-15) ? 1 : -1));
    for (let i = 0; i < 4; i++) {
      const a = selectShard(domains, (d) => d, i, 4).sort();
      expect(selectShard(reversed, (d) => d, i, 4).sort()).toEqual(a);
      expect(selectShard(shuffled, (d) => d, i, 4).sort()).toEqual(a);
    }
    // adding a domain never moves another one
    const before = new Map(domains.map((d) => [d, shardOf(d, 8)]));
    const withNew = [...domains, 'new-tenant.example.com'];
    for (const d of domains) expect(shardOf(d, 8)).toBe(before.get(d));
    expect(withNew.filter((d) => shardOf(d, 8) === shardOf('new-tenant.example.com', 8))).toContain(
      'new-tenant.example.com',
    );
  });

  it('normalises case and a trailing dot, and is stable across runs', () => {
    expect(shardOf('Acme.Example.com.', 16)).toBe(shardOf('acme.example.com', 16));
    // pinned values: a change to the hash would reshuffle every fleet's matrix
    expect([
      shardOf('acme.example.com', 4),
      shardOf('globex.example.com', 4),
      shardOf('initech.example.com', 4),
    ]).toEqual([3, 3, 3]);
    expect([shardOf('acme.example.com', 10), shardOf('globex.example.com', 10)]).toEqual([9, 3]);
    expect(shardOf('anything', 1)).toBe(0);
  });

  it('parses i/n and rejects nonsense', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(() => parseShard('0/8')).toThrow(/between 1 and 8/);
    expect(() => parseShard('9/8')).toThrow(/between 1 and 8/);
    expect(() => parseShard('2-8')).toThrow(/i\/n/);
    expect(() => selectShard(domains, (d) => d, 0, 0)).toThrow(RangeError);
    expect(() => selectShard(domains, (d) => d, 4, 4)).toThrow(RangeError);
  });

  it('lists only the shards that hold a domain', () => {
    const used = nonEmptyShards(['acme.example.com'], 10);
    expect(used).toEqual([shardOf('acme.example.com', 10) + 1]);
    expect(nonEmptyShards(domains, 4)).toEqual([1, 2, 3, 4]);
    expect(nonEmptyShards([], 4)).toEqual([]);
  });
});
