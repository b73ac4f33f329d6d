import { describe, expect, it } from 'vitest';
import { responseText, setDigest, summarize } from './rpc-record-preload';

describe('bench/rpc-record-preload', () => {
  it('spells bytes as hex whether a Buffer or a plain byte array, and tells different bytes apart', () => {
    const a = responseText({ new_state: { msgpack: Buffer.from([1, 2, 255]) }, diagnostics: [] });
    const b = responseText({ new_state: { msgpack: new Uint8Array([1, 2, 255]) }, diagnostics: [] });
    expect(a).toBe('{"new_state":{"msgpack":"bytes:0102ff"},"diagnostics":[]}');
    expect(b).toBe(a);
    // A view into a larger buffer: only its own bytes.
    const big = Buffer.from([9, 1, 2, 255, 9]);
    expect(responseText({ new_state: { msgpack: big.subarray(1, 4) }, diagnostics: [] })).toBe(a);
    expect(responseText({ new_state: { msgpack: Buffer.from([1, 2, 254]) }, diagnostics: [] })).not.toBe(a);
  });

  it('digests a set of responses whatever their order, and only that set', () => {
    expect(setDigest(['x 1', 'y 2'])).toBe(setDigest(['y 2', 'x 1']));
    expect(setDigest(['x 1', 'y 2'])).not.toBe(setDigest(['x 1', 'y 3']));
    expect(setDigest(['x 1'])).not.toBe(setDigest(['x 1', 'x 1']));
  });

  it('summarizes call times: total ms, median µs and the mean of each 200 calls', () => {
    const ms = [...Array(200).fill(0.3), ...Array(100).fill(0.1)] as number[];
    expect(summarize(ms)).toEqual({ calls: 300, totalMs: 70, medianUs: 300, meanUsPer200: [300, 100] });
    expect(summarize([])).toEqual({ calls: 0, totalMs: 0, medianUs: 0, meanUsPer200: [] });
  });
});
