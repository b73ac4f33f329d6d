import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSeed } from './seed-files';
import { startEmulator } from './start-emulator';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'emu-seed-'));
  dirs.push(d);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

describe('seed directories (what pbxctl doctor --record writes)', () => {
  it('merges the domains of every *.seed.json / *.seed.yaml file and ignores other files', async () => {
    const d = dir({
      'a.example.com.seed.json': JSON.stringify({ domains: { 'a.example.com': { users: [{ user: '1000' }] } } }),
      'b.example.com.seed.yaml': 'domains:\n  b.example.com:\n    users: [{ user: "2000" }]\n',
      'notes.json': '{"not": "a seed"}',
    });
    expect(Object.keys(readSeed(d).domains ?? {})).toEqual(['a.example.com', 'b.example.com']);
    const emu = await startEmulator({ seed: d });
    try {
      expect(emu.state().domains['b.example.com']?.users.map((u) => u.user)).toEqual(['2000']);
    } finally {
      await emu.close();
    }
  });

  it('refuses a domain seeded twice, a directory without seeds, a missing path and an unparsable file', () => {
    const twice = dir({
      'one.seed.json': '{"domains":{"x.example.com":{}}}',
      'two.seed.json': '{"domains":{"x.example.com":{}}}',
    });
    expect(() => readSeed(twice)).toThrow(/domain x\.example\.com is in both one\.seed\.json and two\.seed\.json/);
    expect(() => readSeed(dir({ 'x.json': '{}' }))).toThrow(/holds no \*\.seed\.json/);
    expect(() => readSeed(join(twice, 'nope'))).toThrow(/does not exist/);
    expect(() => readSeed(dir({ 'bad.seed.json': '{' }))).toThrow(/bad\.seed\.json cannot be parsed/);
  });
});
