import { connect as netConnect, createServer, type Server } from 'node:net';
import { connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { H2Connection } from './h2-connection';
import { encodeHeaderBlock, HpackDecoder, HpackError, huffmanCodes, huffmanDecode } from './hpack';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('Huffman code (RFC 7541 Appendix B)', () => {
  it('has one code per byte value plus EOS, and the lengths fill the code space exactly (Kraft sum 1)', () => {
    const codes = huffmanCodes();
    expect(codes.size).toBe(257);
    for (let s = 0; s <= 256; s++) expect(codes.has(s)).toBe(true);
    let kraft = 0;
    for (const [, length] of codes.values()) kraft += 2 ** -length;
    expect(kraft).toBe(1);
    // Codes of the appendix, from each end of the table and its middle.
    const spot: [number, number, number][] = [
      [0, 0x1ff8, 13],
      [1, 0x7fffd8, 23],
      [10, 0x3ffffffc, 30],
      [32, 0x14, 6],
      [48, 0x0, 5],
      [97, 0x3, 5],
      [116, 0x9, 5],
      [38, 0xf8, 8],
      [126, 0x1ffd, 13],
      [127, 0xffffffc, 28],
      [128, 0xfffe6, 20],
      [255, 0x3ffffee, 26],
      [256, 0x3fffffff, 30],
    ];
    for (const [symbol, code, length] of spot) expect(codes.get(symbol)).toEqual([code, length]);
  });

  it('decodes every symbol, encoded with the table, and rejects EOS, bad padding and overlong codes', () => {
    const codes = huffmanCodes();
    const encode = (symbols: number[], pad = true): Buffer => {
      let bits = '';
      for (const s of symbols) {
        const [code, length] = codes.get(s) as [number, number];
        bits += code.toString(2).padStart(length, '0');
      }
      if (pad) while (bits.length % 8 !== 0) bits += '1';
      const out = Buffer.alloc(Math.ceil(bits.length / 8));
      for (let i = 0; i < bits.length; i++)
        if (bits[i] === '1') out[i >> 3] = (out[i >> 3] as number) | (0x80 >> (i & 7));
      return out;
    };
    const all = Array.from({ length: 256 }, (_, i) => i);
    const bytes = encode(all);
    expect(huffmanDecode(bytes, 0, bytes.length)).toBe(Buffer.from(all).toString('latin1'));
    const withEos = encode([97, 256]);
    expect(() => huffmanDecode(withEos, 0, withEos.length)).toThrow(HpackError);
    // 'a' (00011) padded with zeros instead of ones.
    expect(() => huffmanDecode(Buffer.from([0x18]), 0, 1)).toThrow(HpackError);
    // A whole byte of padding (8 ones after a complete symbol) is too long.
    expect(() => huffmanDecode(Buffer.from([0x1f, 0xff]), 0, 2)).toThrow(HpackError);
    // 32 one bits: no code is that long.
    expect(() => huffmanDecode(Buffer.from([0xff, 0xff, 0xff, 0xff]), 0, 4)).toThrow(HpackError);
  });
});

describe('HpackDecoder', () => {
  it('decodes the request examples of RFC 7541 C.3 (plain) and C.4 (Huffman), dynamic table included', () => {
    for (const blocks of [
      [
        '828684410f7777772e6578616d706c652e636f6d',
        '828684be58086e6f2d6361636865',
        '828785bf400a637573746f6d2d6b65790c637573746f6d2d76616c7565',
      ],
      [
        '828684418cf1e3c2e5f23a6ba0ab90f4ff',
        '828684be5886a8eb10649cbf',
        '828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf',
      ],
    ]) {
      const d = new HpackDecoder();
      expect(d.decode(hex(blocks[0] as string))).toEqual([
        [':method', 'GET'],
        [':scheme', 'http'],
        [':path', '/'],
        [':authority', 'www.example.com'],
      ]);
      expect(d.decode(hex(blocks[1] as string))).toEqual([
        [':method', 'GET'],
        [':scheme', 'http'],
        [':path', '/'],
        [':authority', 'www.example.com'],
        ['cache-control', 'no-cache'],
      ]);
      expect(d.decode(hex(blocks[2] as string))).toEqual([
        [':method', 'GET'],
        [':scheme', 'https'],
        [':path', '/index.html'],
        [':authority', 'www.example.com'],
        ['custom-key', 'custom-value'],
      ]);
      expect(d.dynamicEntries).toBe(3);
    }
  });

  it('evicts the oldest entries past the table size and follows size updates; rejects bad blocks', () => {
    const d = new HpackDecoder(100);
    // Literal with incremental indexing, new name: 'n1' = 40 chars (entry size 2 + 40 + 32 = 74).
    const literal = (name: string, value: string) =>
      Buffer.concat([
        Buffer.from([0x40, name.length]),
        Buffer.from(name),
        Buffer.from([value.length]),
        Buffer.from(value),
      ]);
    d.decode(literal('n1', 'x'.repeat(40)));
    expect(d.dynamicEntries).toBe(1);
    d.decode(literal('n2', 'y'.repeat(40)));
    expect(d.dynamicEntries).toBe(1);
    expect(d.decode(Buffer.from([0xbe]))).toEqual([['n2', 'y'.repeat(40)]]); // index 62: the newest
    expect(() => d.decode(Buffer.from([0xbf]))).toThrow(HpackError); // 63: none
    d.decode(Buffer.from([0x20])); // size update to 0 empties the table
    expect(d.dynamicEntries).toBe(0);
    expect(() => d.decode(Buffer.from([0x3f, 0x46]))).toThrow(/above the setting/); // 31 + 70 = 101 > 100
    expect(() => d.decode(Buffer.from([0x82, 0x20]))).toThrow(/after a field/);
    expect(() => d.decode(Buffer.from([0x80]))).toThrow(HpackError); // index 0
    expect(() => d.decode(Buffer.from([0x04, 0x05, 0x61]))).toThrow(/truncated/);
    expect(() => d.decode(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toThrow(HpackError);
  });

  it('reads back what encodeHeaderBlock writes: static entries, static names, new names, long values', () => {
    const fields: [string, string][] = [
      [':status', '200'],
      [':status', '415'],
      ['content-type', 'application/grpc'],
      ['grpc-status', '13'],
      ['grpc-message', `long ${'m'.repeat(5000)} %E2%9C%93`],
    ];
    const block = encodeHeaderBlock(fields);
    expect(block[0]).toBe(0x88);
    const d = new HpackDecoder();
    expect(d.decode(block)).toEqual(fields);
    expect(d.dynamicEntries).toBe(0);
  });
});

describe('HPACK against node:http2 (nghttp2) as the encoder', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });

  it('decodes 300 requests of Huffman-coded, indexed and evicted headers exactly as sent', async () => {
    const path = join(tmpdir(), `pbxctl-hpack-${process.pid}-${Date.now()}.sock`);
    const seen: [string, string][][] = [];
    const server = createServer((socket) => {
      new H2Connection(socket, {
        onStream: (stream, conn) => {
          seen.push(stream.headers.filter(([n]) => n.startsWith('x-') || n === ':path'));
          stream.onEnd = () => conn.respond(stream, encodeHeaderBlock([[':status', '200']]), true);
        },
      });
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(path, r));
    const session = connect('http://localhost', { createConnection: () => netConnect(path) });
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    const sent: [string, string][][] = [];
    try {
      for (let i = 0; i < 300; i++) {
        const value = Array.from({ length: 1 + Math.floor(rand() * 300) }, () =>
          printable.charAt(Math.floor(rand() * printable.length)),
        )
          .join('')
          .trim();
        const fields: [string, string][] = [
          [':path', `/svc/Method${i % 7}`],
          ['x-random', value === '' ? 'v' : value],
          ['x-repeated', `same-${i % 3}`],
          ['x-lower', 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(1 + (i % 4))],
        ];
        sent.push(fields);
        await new Promise<void>((resolve, reject) => {
          const req = session.request({ ':method': 'POST', ...Object.fromEntries(fields) }, { endStream: true });
          req.on('response', () => {});
          req.on('error', reject);
          req.on('close', resolve);
          req.resume();
        });
      }
    } finally {
      session.close();
    }
    expect(seen).toEqual(sent);
  });
});
