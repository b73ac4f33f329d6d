import { describe, expect, it } from 'vitest';
import { unzip, zip } from './zip';

describe('release zip writer and reader', () => {
  it('round-trips names, bytes and Unix modes, in order', () => {
    const entries = [
      { name: 'terraform-provider-x_v1', data: Buffer.from('#!/bin/sh\nexec true\n'), mode: 0o755 },
      { name: 'data.bin', data: Buffer.alloc(100_000, 7), mode: 0o644 },
      { name: 'empty', data: Buffer.alloc(0), mode: 0o600 },
    ];
    const back = unzip(zip(entries));
    expect(back.map((e) => [e.name, e.mode, e.data.length])).toEqual(
      entries.map((e) => [e.name, e.mode, e.data.length]),
    );
    for (const [i, e] of back.entries()) expect(e.data.equals(entries[i]!.data)).toBe(true);
  });

  it('refuses what is not such a zip: no directory, a flipped byte', () => {
    expect(() => unzip(Buffer.from('plain text'))).toThrow(/not a zip archive/);
    const archive = zip([{ name: 'a', data: Buffer.from('hello hello hello'), mode: 0o644 }]);
    const flipped = Buffer.from(archive);
    flipped[32] = (flipped[32] as number) ^ 0xff; // inside the deflated data of the only entry
    expect(() => unzip(flipped)).toThrow();
  });
});
