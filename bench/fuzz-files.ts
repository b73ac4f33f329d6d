/**
 * Mutated desired-state files for the loader's fuzz test and `bench/fuzz-validate.ts`: a seeded PRNG turns
 * examples/small-office into broken variants (wrong types and shapes, YAML numbers, nulls, hex, aliases,
 * control characters, bad encodings, truncation…), plus every case issue 13 listed by hand. Then each file is
 * loaded; anything thrown other than a DesiredStateError, or an issue without a file:line, is counted.
 */
import { readFileSync } from 'node:fs';
import { DesiredStateError, envSecretResolver, loadDesiredBytes } from '../reconciler';

/** mulberry32: small, seeded, good enough to pick mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES = [
  '~',
  'null',
  '0x1F',
  '0110',
  '1001',
  '-1',
  '1e400',
  '.nan',
  '.inf',
  'true',
  '[]',
  '{}',
  '[~]',
  '[1, [2]]',
  '{ a: 1 }',
  '*nope',
  '!!binary aGk=',
  '!foo bar',
  '"x\\nacme.yaml:1:1: fake error"',
  '"\\e[31mred\\u202e"',
  '".."',
  '"../../x"',
  '"a/b"',
  '{ env: NS_API_KEY }',
  '{ env: PBXCTL_SECRETS }',
  '{ env: VM_PIN_1001 }',
  '"+1 900 555 0000"',
  'vendor',
  '"1000"',
  `"${'x'.repeat(5000)}"`,
  '2001-01-01',
  '12:30',
  '"\\u0000"',
  '{ protect: "1000" }',
  '[{ extension: ~ }]',
  '{ <<: *nope }',
  '&anc { a: 1 }',
  '|\n  multi\n  line',
  '>-',
  '? [a]',
  '"voicmail"',
  'Basic user',
  '{ voicemail: 1001, user: "1001" }',
  "'it''s'",
  '-',
  '- - x',
];

/** The cases listed in issue 13 (defect 2) and 14 (#7), written out. */
export const LISTED_CASES: readonly string[] = [
  'block_list: "+1 900 555 0000"',
  'shared_contacts:\n  - first_name: A\n    tags: vendor',
  'policy: { protect: "1000" }',
  'users:\n  - { extension: "1001", first_name: A, last_name: B, phone: ~ }',
  'ring_groups:\n  - { extension: "2000", name: G, members: "1001" }',
  'users:\n  - { extension: "1001", first_name: A, last_name: B, block: null }',
  'users:\n  - { extension: "1001", first_name: A, last_name: B, block: 0x1F }',
  'users:\n  - { extension: "1001", first_name: *missing, last_name: B }',
  'users:\n  - { extension: 0110, first_name: A, last_name: B }',
  'users:\n  - { extension: "1001", first_name: A, last_name: B, spam: voicmail }',
  'users:\n  - { extension: "1001", first_name: A, last_name: B, voicemail: { pin: { env: NS_API_KEY } } }',
].map((body) => `version: 1\ndomain: acme.example.com\n${body}\n`);

type Mutation = (lines: string[], r: () => number) => void;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const idx = (r: () => number, lines: readonly string[]) => Math.floor(r() * lines.length);

const MUTATIONS: readonly Mutation[] = [
  // a value replaced
  (l, r) => {
    const i = idx(r, l);
    l[i] = (l[i] ?? '').replace(/(:\s*)(.*)$/, (_, sep) => `${sep}${pick(r, VALUES)}`);
  },
  // an item of a flow list or mapping replaced
  (l, r) => {
    const i = idx(r, l);
    l[i] = (l[i] ?? '').replace(/([[{,]\s*)([^,\]}]+)/, (_, sep) => `${sep}${pick(r, VALUES)}`);
  },
  (l, r) => void l.splice(idx(r, l), 1),
  (l, r) => {
    const i = idx(r, l);
    l.splice(i, 0, l[i] ?? '');
  },
  (l, r) => {
    const i = idx(r, l);
    l[i] = r() < 0.5 ? `  ${l[i]}` : (l[i] ?? '').replace(/^ {2}/, '');
  },
  // a key typo'd
  (l, r) => {
    const i = idx(r, l);
    l[i] = (l[i] ?? '').replace(/([a-z_]+):/, (_, k: string) => `${k.slice(0, -1)}${pick(r, ['', 'x', '_'])}:`);
  },
  // an anchor on one value and aliases elsewhere
  (l, r) => {
    const i = idx(r, l);
    l[i] = (l[i] ?? '').replace(/:\s+(\S)/, ': &a $1');
    const j = idx(r, l);
    l[j] = (l[j] ?? '').replace(/(:\s*)(.*)$/, '$1*a');
  },
  (l, r) => void l.splice(idx(r, l), 0, pick(r, ['---', '%YAML 1.1', '? x', '<<: *a', '\t- tab', '...'])),
];

/** One mutated file as bytes (some mutations work on bytes: encodings, control characters, truncation). */
export function mutate(base: string, r: () => number): Buffer {
  const lines = base.split('\n');
  const n = 1 + Math.floor(r() * 3);
  for (let k = 0; k < n; k++) pick(r, MUTATIONS)(lines, r);
  let bytes = Buffer.from(lines.join('\n'), 'utf8');
  const roll = r();
  if (roll < 0.03) bytes = bytes.subarray(0, Math.floor(r() * bytes.length));
  else if (roll < 0.05) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  else if (roll < 0.07) bytes = Buffer.from(lines.join('\n').replace('Hopper', 'Höpper'), 'latin1');
  else if (roll < 0.08) bytes = Buffer.from(lines.join('\n'), 'utf16le');
  else if (roll < 0.1) {
    const at = Math.floor(r() * bytes.length);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([Math.floor(r() * 32)]), bytes.subarray(at)]);
  }
  return bytes;
}

export interface FuzzReport {
  readonly files: number;
  readonly loaded: number;
  readonly refused: number;
  /** Anything thrown that is not a DesiredStateError. */
  readonly internal: { readonly error: string; readonly sample: string }[];
  /** Issues without a position or a path, or with an unescaped control character or a PIN in the text. */
  readonly badIssues: { readonly issue: string; readonly sample: string }[];
}

/** Placed in the file, with a path, no raw control character, no PIN and no API key in its text. */
function issueOk(issue: DesiredStateError['issues'][number], pin: string): boolean {
  const text = `${issue.path} ${issue.message} ${issue.hint ?? ''}`;
  const leaked = pin !== '4821' && pin.trim().length > 3 && text.includes(pin.trim());
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them
  const raw = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/.test(text);
  const placed = !!issue.position && issue.position.line >= 1 && issue.position.file === 'acme.yaml';
  return placed && typeof issue.path === 'string' && !raw && !leaked && !text.includes('nskey-SECRET');
}

const PINS = ['4821', '12', '4821\n', ' 4821', '48 21', '４８２１', 'abcd', '12345678901'];

/** Loads `count` mutated files (the listed cases first) and reports what went wrong. */
export function fuzzValidate(count: number, seed: number, baseFile: string): FuzzReport {
  const base = readFileSync(baseFile, 'utf8');
  const r = prng(seed);
  const internal: FuzzReport['internal'][number][] = [];
  const badIssues: FuzzReport['badIssues'][number][] = [];
  let loaded = 0;
  for (let i = 0; i < count; i++) {
    const bytes = i < LISTED_CASES.length ? Buffer.from(LISTED_CASES[i] as string) : mutate(base, r);
    const pin = pick(r, PINS);
    const secrets = envSecretResolver({ VM_PIN_1000: pin, VM_PIN_1001: '2468', NS_API_KEY: 'nskey-SECRET' });
    try {
      loadDesiredBytes([{ name: 'acme.yaml', bytes }], { secrets });
      loaded++;
    } catch (err) {
      const sample = bytes.toString('utf8').slice(0, 4000);
      if (!(err instanceof DesiredStateError)) {
        internal.push({ error: String((err as Error)?.stack ?? err), sample });
        continue;
      }
      for (const issue of err.issues)
        if (!issueOk(issue, pin)) badIssues.push({ issue: JSON.stringify(issue), sample });
    }
  }
  return { files: count, loaded, refused: count - loaded - internal.length, internal, badIssues };
}
