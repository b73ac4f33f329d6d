/**
 * The fast reader against the `yaml` library, the reference: whenever the fast reader answers, its value
 * and every position (`at`, value and key) are the library's; whenever the library reports an error or a
 * warning, the fast reader must have declined.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { fastYaml } from './fast-yaml';
import { at } from './positions';
import type { ParsedFile } from './types';

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => void paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

const base = { file: 'f.yaml', displayName: 'f.yaml', rootRelative: 'f.yaml', invalid: new Set<string>() };

/** 'declined' | 'same' — or throws with the difference. */
function compare(text: string, every = 1): 'declined' | 'same' {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, merge: true });
  const fast = fastYaml(text);
  if (!fast) return 'declined';
  if (doc.errors.length || doc.warnings.length)
    throw new Error(`fast reader accepted what the library refuses: ${JSON.stringify(text)}`);
  const value = doc.toJS({ maxAliasCount: 1_000_000 });
  expect(fast.value, JSON.stringify(text)).toStrictEqual(value);
  const lib = { ...base, text, doc, lines, value } as ParsedFile;
  const mine = { ...base, text, value, tree: fast.root } as unknown as ParsedFile;
  const differ: string[] = [];
  const same = (p: Path, key = false) => {
    const a = at(mine, p, key);
    const b = at(lib, p, key);
    if (a.line !== b.line || a.column !== b.column)
      differ.push(`${p.join('.')} key=${key}: ${a.line}:${a.column} ≠ ${b.line}:${b.column}`);
  };
  for (const p of paths(value).filter((_, i) => i % every === 0)) {
    same(p);
    same(p, true);
    same([...p, 'missing', 0]);
    const last = p[p.length - 1];
    if (typeof last === 'number') same([...p.slice(0, -1), String(last)]);
  }
  expect(differ, JSON.stringify(text)).toEqual([]);
  return 'same';
}

const ACCEPTED = [
  'version: 1\ndomain: a.example.com\n',
  '# c\n\nversion: 1 # one\nusers:\n  - extension: "1001"\n    name: Ann  Lee\n    block: [ "+1 800", x ]\n',
  'users:\n- extension: 1001\n  phone: { mac: "00:04", model: t54w }\n- { extension: "1002", tags: [] }\nnext: x\n',
  "a: 'it''s'\nb: \"#not a comment\"\nc: a#b\nd: http://x.example/y?z=1\ne: -5\nf: .5\ng: 0x1F\nh: 0o17\n",
  'a: ~\nb: null\nc: true\nd: False\ne: 1e3\nf: .inf\ng: -.Inf\nh: .nan\ni: 007\nj: +12\nk: 1_000\nl: 12:30\n',
  'a:\n  b:\n    - - x\n      - y\n    - c: d\n      e: [1, [2, {f: g}]]\n',
  '  indented: root\n  second: 2\n',
  '- a\n- b: c\n-   d: e\n    f: g\n',
  'a: {"q":1, \'r\': 2, s: {}, t: [], }\nb: [x, y, ]\n',
  'a: b, c\nb: x]y\nc: x}y\nd: [ a:b ]\ne: Company, Inc.\n',
];

const DECLINED = [
  '',
  '# only a comment\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a: |\n  text\n',
  'a: "esc\\n"\n',
  'a: plain\n  continued\n',
  'a: [1,\n 2]\n',
  'a:\nb: 1\n',
  'a: 1\na: 2\n',
  'a: 1\r\nb: 2\r\n',
  'a:\t1\n',
  '---\na: 1\n',
  'a: 1\n---\nb: 2\n',
  '? a\n: b\n',
  '<<: {a: 1}\n',
  'a: {b}\n',
  'a: [b: c]\n',
  'a: b: c\n',
  '__proto__: 1\n',
  'a: {x: 1, x: 2}\n',
  '1: x\n',
  'true: x\n',
  'a: 1\n  b: 2\n',
  'a:\n    b: 1\n  c: 2\n',
  'a: "x"y\n',
  'a: @x\n',
  'a: `x`\n',
  'a: -\n',
  '- \n',
];

describe('fastYaml against the yaml library', () => {
  it('reads the plain shapes exactly as the library does (values and positions)', () => {
    for (const text of ACCEPTED) expect(compare(text), JSON.stringify(text)).toBe('same');
  });

  it('declines what it does not read (the library then parses, with its messages)', () => {
    for (const text of DECLINED) expect(compare(text), JSON.stringify(text)).toBe('declined');
  });

  it('reads the example files as the library does', () => {
    const text = readFileSync(join(__dirname, '../../examples/small-office/acme.yaml'), 'utf8');
    expect(compare(text)).toBe('same');
  });

  it('300 seeded mutations: never accepts what the library refuses, never reads differently', () => {
    const text = readFileSync(join(__dirname, 'test-support/mutation-corpus.yaml'), 'utf8');
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = [
      ' ',
      '  ',
      '\n',
      '-',
      '- ',
      ':',
      ': ',
      '#',
      ' #',
      ',',
      '[',
      ']',
      '{',
      '}',
      '"',
      "'",
      '~',
      '0',
      '1.',
      'x',
    ];
    const counts = { same: 0, declined: 0 };
    for (let n = 0; n < 300; n++) {
      let t = text;
      for (let k = 1 + rnd(3); k > 0; k--) {
        const i = rnd(t.length);
        t = rnd(2) ? t.slice(0, i) + pieces[rnd(pieces.length)] + t.slice(i) : t.slice(0, i) + t.slice(i + 1 + rnd(3));
      }
      counts[compare(t, 3)]++;
    }
    // Both sides are exercised: most mutations stay readable, many are declined.
    expect(counts.same).toBeGreaterThan(50);
    expect(counts.declined).toBeGreaterThan(50);
  });
});
