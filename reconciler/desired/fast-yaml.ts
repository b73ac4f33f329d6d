/**
 * A fast reader for the plain shape desired-state files have (block mappings and sequences, one-line flow
 * collections, plain and simply quoted scalars, comments), with the source offset of every value and key.
 * The `yaml` library stays the reference: anything outside that shape — anchors, aliases, tags, block
 * scalars, escapes, multi-line scalars or flow collections, empty values, duplicate keys, tabs, control
 * characters, document markers — makes `fastYaml` answer `undefined`, and the caller parses the text with
 * the library, which gives the value, the positions and the error messages. Plain scalars resolve with the
 * library's own YAML 1.2 core schema tags, so `007`, `true`, `1e3` and `~` read exactly as it reads them.
 * (issue 15: the library's parser cost 1.5 s of CPU for a 10,000-user file.)
 */
import { lazyYaml } from '../util/lazy-modules';

/**
 * Where a value starts (`o`) and, for a mapping's value, where its key starts (`k`); the children of a
 * collection (`c`), with their keys (`keys`, same order) for a mapping.
 */
export interface PosNode {
  readonly o: number;
  k?: number;
  readonly c?: PosNode[];
  readonly keys?: string[];
}

export interface FastDoc {
  readonly value: unknown;
  readonly root: PosNode;
}

class Bail {}
const BAIL = new Bail();
const bail = (): never => {
  throw BAIL;
};

/** Characters the fast path leaves to the library: tabs, CR, control characters, BOM, NEL/LS/PS. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSUPPORTED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|^(?:---|\.\.\.|%)/m;
const SP = 32;
const NL = 10;

type Tag = {
  test?: RegExp;
  default?: boolean | 'key';
  resolve: (s: string, onError: () => void, o: object) => unknown;
};
let coreTags: Tag[] | undefined;
const MAY_NOT_BE_STRING = new Set('~nNtTfF0123456789+-.'.split('').map((c) => c.charCodeAt(0)));
const RESOLVE_OPTIONS = { intAsBigInt: false };

/** A plain scalar's value as the library's core schema reads it (string when no tag's test matches). */
function resolvePlain(s: string): unknown {
  // Every core tag's test needs one of these first characters (or the empty string, null): a fast exit.
  if (s.length > 0 && !MAY_NOT_BE_STRING.has(s.charCodeAt(0))) return s;
  coreTags ??= (new (lazyYaml().Document)(null).schema.tags as unknown as Tag[]).filter(
    (t) => t.default === true && t.test,
  );
  for (const tag of coreTags) {
    if (!tag.test?.test(s)) continue;
    const v = tag.resolve(s, bail, RESOLVE_OPTIONS);
    const plain = lazyYaml().isScalar(v) ? (v as { value: unknown }).value : v; // a float comes as a Scalar (for its fraction digits)
    return plain !== null && typeof plain === 'object' ? bail() : plain;
  }
  return s;
}

const isFlowIndicator = (ch: number) => ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125; // , [ ] { }
/** Characters that may not start a plain scalar here (indicators), `-` aside (checked by the caller). */
const PLAIN_START_FORBIDDEN = new Set('?:,[]{}#&*!|>\'"%@`<'.split('').map((c) => c.charCodeAt(0)));

class FastParser {
  i = 0;
  /** Column of the current line's first content character; -1 at the end. */
  cc = -1;
  constructor(private readonly s: string) {}

  parse(): FastDoc {
    this.nextLine();
    if (this.cc < 0) bail();
    const [value, root] = this.block(this.cc);
    if (this.cc >= 0) bail();
    return { value, root };
  }

  /** From the start of a line: skips blank and comment lines, stops at the first content character. */
  nextLine(): void {
    const s = this.s;
    for (;;) {
      let j = this.i;
      while (s.charCodeAt(j) === SP) j++;
      if (j >= s.length) {
        this.i = j;
        this.cc = -1;
        return;
      }
      const ch = s.charCodeAt(j);
      if (ch === NL || ch === 35 /* # */) {
        const nl = s.indexOf('\n', j);
        this.i = nl < 0 ? s.length : nl + 1;
        continue;
      }
      this.cc = j - this.i;
      this.i = j;
      return;
    }
  }

  /** After a value: spaces, an optional comment, the end of the line. */
  endLine(): void {
    const s = this.s;
    let j = this.i;
    while (s.charCodeAt(j) === SP) j++;
    if (j < s.length && s.charCodeAt(j) !== NL && !(s.charCodeAt(j) === 35 && s.charCodeAt(j - 1) === SP)) bail();
    const nl = s.indexOf('\n', j);
    this.i = nl < 0 ? s.length : nl + 1;
    this.nextLine();
  }

  column(at: number): number {
    return at - (this.s.lastIndexOf('\n', at - 1) + 1);
  }

  isSeqItem(): boolean {
    const s = this.s;
    if (s.charCodeAt(this.i) !== 45 /* - */) return false;
    const next = s.charCodeAt(this.i + 1);
    return next === SP || next === NL || this.i + 1 >= s.length;
  }

  block(c: number): [unknown, PosNode] {
    return this.isSeqItem() ? this.seq(c) : this.map(c);
  }

  map(c: number): [unknown, PosNode] {
    const obj: Record<string, unknown> = {};
    const kids: PosNode[] = [];
    const keys: string[] = [];
    const node: PosNode = { o: this.i, c: kids, keys };
    while (this.cc === c) {
      const ko = this.i;
      const key = this.key();
      if (key === undefined || key in obj) bail();
      const [v, vn] = this.mapValue(c);
      vn.k = ko;
      obj[key as string] = v;
      kids.push(vn);
      keys.push(key as string);
    }
    if (this.cc > c) bail();
    return [obj, node];
  }

  /** The value after `key:` (the colon consumed): inline on the line, or a block on the next lines. */
  mapValue(c: number): [unknown, PosNode] {
    const s = this.s;
    while (s.charCodeAt(this.i) === SP) this.i++;
    const ch = s.charCodeAt(this.i);
    if (this.i >= s.length || ch === NL || ch === 35) {
      this.endLine();
      if (this.cc > c) return this.block(this.cc);
      if (this.cc === c && this.isSeqItem()) return this.seq(c);
      return bail();
    }
    const out = this.inline(false);
    this.endLine();
    if (this.cc > c) bail();
    return out;
  }

  seq(c: number): [unknown, PosNode] {
    const s = this.s;
    const arr: unknown[] = [];
    const kids: PosNode[] = [];
    const node: PosNode = { o: this.i, c: kids };
    while (this.cc === c && this.isSeqItem()) {
      this.i++;
      while (s.charCodeAt(this.i) === SP) this.i++;
      const ch = s.charCodeAt(this.i);
      let item: [unknown, PosNode];
      if (this.i >= s.length || ch === NL || ch === 35) {
        this.endLine();
        item = this.cc > c ? this.block(this.cc) : bail();
      } else if (this.isSeqItem() || this.keyAhead()) {
        this.cc = this.column(this.i);
        item = this.block(this.cc);
      } else {
        item = this.inline(false);
        this.endLine();
        if (this.cc > c) bail();
      }
      arr.push(item[0]);
      kids.push(item[1]);
    }
    if (this.cc > c) bail();
    return [arr, node];
  }

  /** Whether a `key:` starts here (nothing consumed). */
  keyAhead(): boolean {
    const i = this.i;
    const k = this.key();
    this.i = i;
    return k !== undefined;
  }

  /** A block mapping key and its colon, or undefined (nothing consumed) when the line holds none. */
  key(): string | undefined {
    const s = this.s;
    const start = this.i;
    const ch = s.charCodeAt(start);
    let key: string;
    let end: number;
    if (ch === 34 || ch === 39) {
      key = this.quoted();
      end = this.i;
    } else {
      if (PLAIN_START_FORBIDDEN.has(ch) || ch === 45) return undefined;
      end = start;
      for (;;) {
        const c = s.charCodeAt(end);
        if (end >= s.length || c === NL || (c === 35 && s.charCodeAt(end - 1) === SP)) return undefined;
        if (c === 58 /* : */ && this.colonEnds(end + 1, false)) break;
        end++;
      }
      key = s.slice(start, end).trimEnd();
      if (end - start > 1000 || key === '<<' || typeof resolvePlain(key) !== 'string') bail();
    }
    if (s.charCodeAt(end) !== 58 || !this.colonEnds(end + 1, false)) {
      this.i = start;
      return undefined;
    }
    this.i = end + 1;
    return key;
  }

  /** Whether a colon followed by the character at `at` is a mapping indicator (space, end of line or input). */
  colonEnds(at: number, flow: boolean): boolean {
    const c = this.s.charCodeAt(at);
    return at >= this.s.length || c === SP || c === NL || (flow && isFlowIndicator(c));
  }

  /** A value on the current line: a flow collection, a quoted or a plain scalar. */
  inline(flow: boolean): [unknown, PosNode] {
    const o = this.i;
    const ch = this.s.charCodeAt(o);
    if (ch === 123) return this.flowMap();
    if (ch === 91) return this.flowSeq();
    if (ch === 34 || ch === 39) return [this.quoted(), { o }];
    return [resolvePlain(this.plain(flow)), { o }];
  }

  plain(flow: boolean): string {
    const s = this.s;
    const start = this.i;
    const ch = s.charCodeAt(start);
    if (PLAIN_START_FORBIDDEN.has(ch)) bail();
    if (ch === 45 && !/[0-9A-Za-z.]/.test(s[start + 1] ?? '')) bail();
    let end = start;
    for (;;) {
      const c = s.charCodeAt(end);
      if (end >= s.length || c === NL || (c === 35 && s.charCodeAt(end - 1) === SP)) break;
      if (c === 58 && this.colonEnds(end + 1, flow)) break;
      if (flow && isFlowIndicator(c)) break;
      end++;
    }
    if (flow && (end >= s.length || s.charCodeAt(end) === NL)) bail();
    const text = s.slice(start, end).trimEnd();
    this.i = start + text.length;
    return text;
  }

  /** A one-line quoted scalar without escapes ('' in single quotes is the one escape read here). */
  quoted(): string {
    const s = this.s;
    const q = s[this.i] as string;
    let out = '';
    let from = this.i + 1;
    for (;;) {
      const end = s.indexOf(q, from);
      const nl = s.indexOf('\n', from);
      if (end < 0 || (nl >= 0 && nl < end)) bail();
      const part = s.slice(from, end);
      if (q === '"' && part.includes('\\')) bail();
      out += part;
      if (q === "'" && s[end + 1] === "'") {
        out += "'";
        from = end + 2;
        continue;
      }
      this.i = end + 1;
      return out;
    }
  }

  skipSpaces(): number {
    while (this.s.charCodeAt(this.i) === SP) this.i++;
    const ch = this.s.charCodeAt(this.i);
    if (this.i >= this.s.length || ch === NL || ch === 35) bail();
    return ch;
  }

  flowMap(): [unknown, PosNode] {
    const obj: Record<string, unknown> = {};
    const kids: PosNode[] = [];
    const keys: string[] = [];
    const node: PosNode = { o: this.i, c: kids, keys };
    this.i++;
    for (let ch = this.skipSpaces(); ch !== 125; ch = this.skipSpaces()) {
      const ko = this.i;
      const quotedKey = ch === 34 || ch === 39;
      const key = quotedKey ? this.quoted() : this.plain(true);
      if (key in obj || (!quotedKey && (key === '<<' || typeof resolvePlain(key) !== 'string'))) bail();
      if (this.skipSpaces() !== 58 || !(quotedKey || this.colonEnds(this.i + 1, true))) bail();
      this.i++;
      const v0 = this.skipSpaces();
      if (v0 === 44 || v0 === 93 || v0 === 125) bail();
      const [v, vn] = this.inline(true);
      vn.k = ko;
      obj[key] = v;
      kids.push(vn);
      keys.push(key);
      if (!this.flowNext(125)) break;
    }
    this.i++;
    return [obj, node];
  }

  flowSeq(): [unknown, PosNode] {
    const arr: unknown[] = [];
    const kids: PosNode[] = [];
    const node: PosNode = { o: this.i, c: kids };
    this.i++;
    for (let ch = this.skipSpaces(); ch !== 93; ch = this.skipSpaces()) {
      if (ch === 44) bail();
      const [v, vn] = this.inline(true);
      arr.push(v);
      kids.push(vn);
      if (!this.flowNext(93)) break;
    }
    this.i++;
    return [arr, node];
  }

  /** After a flow entry: a comma (true: more may follow) or the closing bracket (false, not consumed). */
  flowNext(close: number): boolean {
    const ch = this.skipSpaces();
    if (ch === 44) {
      this.i++;
      return true;
    }
    return ch === close ? false : bail();
  }
}

/** The value and positions of a plain desired-state file, or undefined: then ask the `yaml` library. */
export function fastYaml(text: string): FastDoc | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  try {
    return new FastParser(text).parse();
  } catch (err) {
    if (err === BAIL) return undefined;
    throw err;
  }
}
