import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../test/test-support/helpers';
import { EXIT } from './exit-codes';

const ENV = { NS_API_URL: 'http://127.0.0.1:1/ns-api/v2', NS_API_KEY: 'nskey-not-used' };

describe('bad input at the CLI', () => {
  it.each([
    [['welcome', '--domain', '..', '1001'], /domain "\.\." has an empty label/],
    [['welcome', '--domain', 'acme.example.com', '..'], /extension "\.\." is not an extension/],
    [['welcome', '--domain', 'a/b', '1001'], /domain "a\/b" is not a domain name/],
  ])('%j is refused before any request', async (argv, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-cli-'));
    const run = await runInProcess(argv, ENV, dir);
    expect(run.code).toBe(EXIT.error);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/ECONNREFUSED|internal error/);
  });

  it('validate: one line per problem, a newline in a value cannot fake a location, secret refs checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-cli-'));
    writeFileSync(
      join(dir, 'acme.yaml'),
      'version: 1\ndomain: acme.example.com\nusers:\n  - extension: 0110\n    first_name: A\n    last_name: B\n    email: "x\\nacme.yaml:1:1: looks fine \\e[2K"\n    voicemail: { pin: { env: NS_API_KEY } }\n',
    );
    const run = await runInProcess(['validate', 'acme.yaml'], ENV, dir);
    expect(run.code).toBe(EXIT.error);
    const lines = run.stderr.split('\n');
    expect(lines.filter((l) => /^acme\.yaml:\d+:\d+: /.test(l))).toEqual([
      'acme.yaml:4:16: users[0].extension: is written as a number, not a string (YAML reads 0110 as the number 110)',
      'acme.yaml:7:12: users[0].email: "x\\nacme.yaml:1:1: looks fine \\x1b[2K" is not a valid e-mail address',
      'acme.yaml:8:23: users[0].voicemail.pin: "NS_API_KEY" is one of pbxctl\'s platform credentials (NS_*); a secret reference may not name it',
    ]);
    expect(run.stderr).toContain('hint: quote it: extension: "0110"');
    expect(run.stderr).not.toContain('nskey-not-used');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for it
    expect(run.stderr).not.toMatch(/\x1b/);
  });
});
