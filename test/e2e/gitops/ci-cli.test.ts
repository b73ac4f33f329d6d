import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs only once the lead's CLI is built (`npm run build`) and registers `pbxctl ci`.
const main = resolve(__dirname, '..', '..', '..', 'dist', 'reconciler', 'cli', 'main.js');

describe.skipIf(!existsSync(main))('pbxctl ci through the built CLI', () => {
  it('is registered as `pbxctl ci` and shards a domains directory', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pbxctl-cli-'));
    mkdirSync(join(cwd, 'domains'));
    for (const name of ['acme', 'globex', 'initech']) {
      writeFileSync(join(cwd, 'domains', `${name}.yaml`), `version: 1\ndomain: ${name}.example.com\n`);
    }
    const out = execFileSync(process.execPath, [main, 'ci', 'shard', 'domains', '--count', '2'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' },
    });
    const parsed = JSON.parse(out) as { domains: { name: string }[] };
    expect(parsed.domains.map((d) => d.name)).toEqual([
      'acme.example.com',
      'globex.example.com',
      'initech.example.com',
    ]);
  });
});
