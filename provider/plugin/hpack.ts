/**
 * HPACK (RFC 7541), what the provider's HTTP/2 server needs: a full decoder for the request header blocks
 * a client sends (indexed fields, literals with and without indexing, never-indexed literals, dynamic table
 * size updates, Huffman-coded strings), and an encoder of literal fields without indexing for the response
 * header blocks (no Huffman, no dynamic table: the peer's table is never touched).
 */

export class HpackError extends Error {}

/** The static table (Appendix A), index 1..61. */
const STATIC_TABLE: readonly (readonly [string, string])[] = [
  ['', ''],
  [':authority', ''],
  [':method', 'GET'],
  [':method', 'POST'],
  [':path', '/'],
  [':path', '/index.html'],
  [':scheme', 'http'],
  [':scheme', 'https'],
  [':status', '200'],
  [':status', '204'],
  [':status', '206'],
  [':status', '304'],
  [':status', '400'],
  [':status', '404'],
  [':status', '500'],
  ['accept-charset', ''],
  ['accept-encoding', 'gzip, deflate'],
  ['accept-language', ''],
  ['accept-ranges', ''],
  ['accept', ''],
  ['access-control-allow-origin', ''],
  ['age', ''],
  ['allow', ''],
  ['authorization', ''],
  ['cache-control', ''],
  ['content-disposition', ''],
  ['content-encoding', ''],
  ['content-language', ''],
  ['content-length', ''],
  ['content-location', ''],
  ['content-range', ''],
  ['content-type', ''],
  ['cookie', ''],
  ['date', ''],
  ['etag', ''],
  ['expect', ''],
  ['expires', ''],
  ['from', ''],
  ['host', ''],
  ['if-match', ''],
  ['if-modified-since', ''],
  ['if-none-match', ''],
  ['if-range', ''],
  ['if-unmodified-since', ''],
  ['last-modified', ''],
  ['link', ''],
  ['location', ''],
  ['max-forwards', ''],
  ['proxy-authenticate', ''],
  ['proxy-authorization', ''],
  ['range', ''],
  ['referer', ''],
  ['refresh', ''],
  ['retry-after', ''],
  ['server', ''],
  ['set-cookie', ''],
  ['strict-transport-security', ''],
  ['transfer-encoding', ''],
  ['user-agent', ''],
  ['vary', ''],
  ['via', ''],
  ['www-authenticate', ''],
];
const STATIC_COUNT = STATIC_TABLE.length - 1;

/**
 * Code lengths of the Huffman code (Appendix B) by length: the code is canonical (codes of one length are
 * consecutive and ordered by symbol; each length's first code follows the previous length's last), so the
 * symbols of each length determine every code. Symbol 256 is EOS.
 */
const HUFFMAN_SYMBOLS_BY_LENGTH: Readonly<Record<number, string>> = {
  5: '48-50 97 99 101 105 111 115 116',
  6: '32 37 45-47 51-57 61 65 95 98 100 102-104 108-110 112 114 117',
  7: '58 66-87 89 106 107 113 118-122',
  8: '38 42 44 59 88 90',
  10: '33 34 40 41 63',
  11: '39 43 124',
  12: '35 62',
  13: '0 36 64 91 93 126',
  14: '94 125',
  15: '60 96 123',
  19: '92 195 208',
  20: '128 130 131 162 184 194 224 226',
  21: '153 161 167 172 176 177 179 209 216 217 227 229 230',
  22: '129 132-134 136 146 154 156 160 163 164 169 170 173 178 181 185-187 189 190 196 198 228 232 233',
  23: '1 135 137-141 143 147 149-152 155 157 158 165 166 168 174 175 180 182 183 188 191 197 231 239',
  24: '9 142 144 145 148 159 171 206 215 225 236 237',
  25: '199 207 234 235',
  26: '192 193 200-202 205 210 213 218 219 238 240 242 243 255',
  27: '203 204 211 212 214 221-223 241 244-248 250-254',
  28: '2-8 11 12 14-21 23-31 127 220 249',
  30: '10 13 22 256',
};

/** Per code length: first code, how many codes, the symbols in code order. */
interface HuffmanLength {
  readonly first: number;
  readonly symbols: readonly number[];
}

function buildHuffman(): { byLength: (HuffmanLength | undefined)[]; codes: Map<number, [number, number]> } {
  const byLength: (HuffmanLength | undefined)[] = [];
  const codes = new Map<number, [number, number]>();
  let code = 0;
  let prevLength = 0;
  for (let length = 1; length <= 30; length++) {
    const spec = HUFFMAN_SYMBOLS_BY_LENGTH[length];
    if (spec === undefined) continue;
    const symbols: number[] = [];
    for (const part of spec.split(' ')) {
      const [a, b] = part.split('-').map(Number) as [number, number | undefined];
      for (let s = a; s <= (b ?? a); s++) symbols.push(s);
    }
    code = prevLength === 0 ? 0 : code * 2 ** (length - prevLength);
    byLength[length] = { first: code, symbols };
    for (const s of symbols) codes.set(s, [code++, length]);
    prevLength = length;
  }
  return { byLength, codes };
}

const HUFFMAN = buildHuffman();

/** The Huffman code of each symbol (0..256) as [code, length]: for tests of the table. */
export function huffmanCodes(): ReadonlyMap<number, readonly [number, number]> {
  return HUFFMAN.codes;
}

/** Decodes a Huffman-coded string (latin1: one char per byte). */
export function huffmanDecode(buf: Buffer, start: number, end: number): string {
  const byLength = HUFFMAN.byLength;
  let out = '';
  let code = 0;
  let length = 0;
  for (let i = start; i < end; i++) {
    const byte = buf[i] as number;
    for (let bit = 7; bit >= 0; bit--) {
      code = code * 2 + ((byte >> bit) & 1);
      length++;
      const l = byLength[length];
      if (l !== undefined) {
        const k = code - l.first;
        if (k >= 0 && k < l.symbols.length) {
          const symbol = l.symbols[k] as number;
          if (symbol === 256) throw new HpackError('EOS in a Huffman-coded string');
          out += String.fromCharCode(symbol);
          code = 0;
          length = 0;
          continue;
        }
      }
      if (length >= 30) throw new HpackError('invalid Huffman code');
    }
  }
  // Padding: fewer than 8 bits, all ones (a prefix of EOS).
  if (length > 7 || code !== 2 ** length - 1) throw new HpackError('invalid Huffman padding');
  return out;
}

export type HeaderList = [string, string][];

/** A decoder keeps the dynamic table of one connection's request direction. */
export class HpackDecoder {
  private readonly table: [string, string][] = []; // newest first
  private size = 0;
  private maxSize: number;

  /** `maxTableSize`: our SETTINGS_HEADER_TABLE_SIZE (the protocol's default 4096). */
  constructor(private readonly settingsMaxTableSize = 4096) {
    this.maxSize = settingsMaxTableSize;
  }

  /** Decodes one complete header block; throws HpackError (a connection error: COMPRESSION_ERROR). */
  decode(block: Buffer): HeaderList {
    const out: HeaderList = [];
    let at = 0;
    let fieldsSeen = false;
    const readInt = (prefixBits: number): number => {
      const mask = (1 << prefixBits) - 1;
      let value = (block[at++] as number) & mask;
      if (value < mask) return value;
      let shift = 0;
      for (;;) {
        if (at >= block.length) throw new HpackError('truncated integer');
        const b = block[at++] as number;
        value += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if ((b & 0x80) === 0) break;
        if (shift > 28) throw new HpackError('integer too large');
      }
      return value;
    };
    const readString = (): string => {
      if (at >= block.length) throw new HpackError('truncated string');
      const huffman = ((block[at] as number) & 0x80) !== 0;
      const length = readInt(7);
      if (at + length > block.length) throw new HpackError('truncated string');
      const s = huffman ? huffmanDecode(block, at, at + length) : block.toString('latin1', at, at + length);
      at += length;
      return s;
    };
    while (at < block.length) {
      const b = block[at] as number;
      if (b & 0x80) {
        const index = readInt(7);
        if (index === 0) throw new HpackError('index 0');
        const [name, value] = this.entry(index);
        out.push([name, value]);
        fieldsSeen = true;
      } else if ((b & 0xe0) === 0x20) {
        // Dynamic table size update: only at the start of a block.
        if (fieldsSeen) throw new HpackError('table size update after a field');
        const size = readInt(5);
        if (size > this.settingsMaxTableSize) throw new HpackError('table size update above the setting');
        this.maxSize = size;
        this.evict(0);
      } else {
        const incremental = (b & 0xc0) === 0x40;
        const index = readInt(incremental ? 6 : 4);
        const name = index === 0 ? readString() : (this.entry(index)[0] as string);
        const value = readString();
        out.push([name, value]);
        fieldsSeen = true;
        if (incremental) this.add(name, value);
      }
    }
    return out;
  }

  private entry(index: number): readonly [string, string] {
    if (index <= STATIC_COUNT) return STATIC_TABLE[index] as readonly [string, string];
    const e = this.table[index - STATIC_COUNT - 1];
    if (e === undefined) throw new HpackError(`index ${index} outside the tables`);
    return e;
  }

  private add(name: string, value: string): void {
    const size = name.length + value.length + 32;
    if (size > this.maxSize) {
      this.table.length = 0;
      this.size = 0;
      return;
    }
    this.evict(size);
    this.table.unshift([name, value]);
    this.size += size;
  }

  /** Drops the oldest entries until `room` more bytes fit. */
  private evict(room: number): void {
    while (this.size + room > this.maxSize && this.table.length > 0) {
      const [n, v] = this.table.pop() as [string, string];
      this.size -= n.length + v.length + 32;
    }
  }

  /** Entries in the dynamic table (tests). */
  get dynamicEntries(): number {
    return this.table.length;
  }
}

function encodeInt(out: number[], value: number, prefixBits: number, firstByte: number): void {
  const mask = (1 << prefixBits) - 1;
  if (value < mask) {
    out.push(firstByte | value);
    return;
  }
  out.push(firstByte | mask);
  let rest = value - mask;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

function encodeString(out: number[], s: string): void {
  const bytes = Buffer.from(s, 'latin1');
  encodeInt(out, bytes.length, 7, 0);
  for (const b of bytes) out.push(b);
}

/**
 * A header block of literal fields without indexing (new names or static-table names), in order.
 * Names and values are latin1 strings (HTTP/2 field values are bytes; ours are ASCII).
 */
export function encodeHeaderBlock(fields: readonly (readonly [string, string])[]): Buffer {
  const out: number[] = [];
  for (const [name, value] of fields) {
    let nameIndex = 0;
    for (let i = 1; i <= STATIC_COUNT; i++) {
      const e = STATIC_TABLE[i] as readonly [string, string];
      if (e[0] === name) {
        if (e[1] === value) {
          nameIndex = -i;
          break;
        }
        if (nameIndex === 0) nameIndex = i;
      }
    }
    if (nameIndex < 0) {
      encodeInt(out, -nameIndex, 7, 0x80); // fully indexed static entry
      continue;
    }
    encodeInt(out, nameIndex, 4, 0x00);
    if (nameIndex === 0) encodeString(out, name);
    encodeString(out, value);
  }
  return Buffer.from(out);
}
