/**
 * Must-show 1: the packed tarball, installed in an empty directory outside the repository, is a working pbxctl:
 * --version, validate, and plan → apply → plan = 0 against `npx pbxctl emulator`. The tarball holds the runtime
 * and its documents only (plus the demo's example domain and seed): no test, fixture, state or plan file.
 * `npx pbxctl demo` works from the installed package (it reads the shipped examples/, not a checkout).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, emptyDomainSeed, npmInstall, onPath, packTarball, run, Scratch, show } from './install-helpers';
import { withoutDigests } from '../../test-support/helpers';

const HAVE_NPM = onPath('npm') && onPath('npx');
if (!HAVE_NPM) console.warn('\n*** install E2E SKIPPED: npm/npx not on PATH ***\n');

const scratch = new Scratch();
let files: string[] = [];
let project = '';
afterAll(() => scratch.cleanup(), 60_000);

describe.skipIf(!HAVE_NPM)('npm install <packed tarball> outside the repository', () => {
  beforeAll(async () => {
    const packed = await packTarball(scratch.dir('pack'));
    files = packed.files;
    project = scratch.dir('user');
    const r = await npmInstall(project, packed.tarball);
    expect(r.code, show(r)).toBe(0);
  }, 600_000);

  it('packs dist/, the schema, the templates, the demo example, README and licence, and nothing else', () => {
    expect(files).toContain('dist/reconciler/cli/main.js');
    expect(files).toContain('schemas/desired-state.schema.json');
    expect(files).toContain('templates/workflows/plan.yml');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('examples/small-office/acme.yaml');
    expect(files).toContain('examples/demo/seed.yaml');
    const allowed =
      /^(package\.json|README\.md|LICENSE|dist\/.+\.js|schemas\/[^/]+\.json|templates\/.+|examples\/(small-office\/[^/]+\.yaml|demo\/seed\.yaml)|vendor\/(README\.md|netsapiens\/openapi-v45\.0\.json))$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    const forbidden =
      /(\.test\.|test-helpers|test-fixtures|test-harness|test-support|fixture|\.tfstate|tfstate\.backup|(^|\/)plan\.json$|\.pbxctl\/|audit\.jsonl|\.map$|\.ts$)/;
    expect(files.filter((f) => forbidden.test(f))).toEqual([]);
    // No secret-bearing state: nothing named like a state file, a saved plan or an audit log.
    const stateLike = /(^|\/)[^/]*(\.tfstate[^/]*|state\.(json|ya?ml)|plan\.(json|md)|\.jsonl)$/i;
    expect(files.filter((f) => stateLike.test(f))).toEqual([]);
  });

  it('npx pbxctl --version prints the package version', async () => {
    const r = await run('npx', ['--no-install', 'pbxctl', '--version'], { cwd: project, timeoutMs: 60_000 });
    const { version } = JSON.parse(readFileSync(join(project, 'node_modules', 'pbxctl', 'package.json'), 'utf8'));
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout.trim()).toBe(`pbxctl ${version}`);
  });

  it('npx pbxctl demo runs plan → apply → plan = 0 from the installed package', async () => {
    const r = await run('npx', ['--no-install', 'pbxctl', 'demo'], {
      cwd: project,
      env: cleanEnv(),
      timeoutMs: 120_000,
    });
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('3. plan again');
    expect(r.stdout).toMatch(/Requests served by the emulator: \d+/);
  });

  it('init → validate → plan → apply → plan = 0 against npx pbxctl emulator', async () => {
    const npx = (args: string[], env: Record<string, string> = {}) =>
      run('npx', ['--no-install', 'pbxctl', ...args], { cwd: project, env: cleanEnv(env), timeoutMs: 120_000 });
    const init = await npx(['init', '--domain', 'acme.example.com']);
    expect(init.code, show(init)).toBe(0);
    const valid = await npx(['validate', 'domains']);
    expect(valid.code, show(valid)).toBe(0);
    const bad = await npx(['validate', 'templates-do-not-exist-here']);
    expect(bad.code).not.toBe(0);

    writeFileSync(join(project, 'seed.yaml'), emptyDomainSeed('acme.example.com'));
    const emu = await scratch.emulator(
      'npx',
      ['--no-install', 'pbxctl', 'emulator', '--port', '0', '--seed', 'seed.yaml'],
      project,
      cleanEnv(),
    );
    const env = { ...emu.env, VM_PIN_1000: '4821' };
    const first = await npx(['plan', 'domains', '--detailed-exitcode', '--format', 'json'], env);
    expect(first.code, show(first)).toBe(2);
    expect(JSON.parse(first.stdout).summary).toMatchObject({ create: 1 });
    const apply = await npx(['apply', 'domains', '--auto-approve', '--audit-log', 'audit.jsonl'], env);
    expect(apply.code, show(apply)).toBe(0);
    const again = await npx(['plan', 'domains', '--detailed-exitcode'], env);
    expect(again.code, show(again)).toBe(0);
    expect(withoutDigests(`${apply.stdout}${apply.stderr}${again.stdout}`)).not.toContain('4821');
  });
});
