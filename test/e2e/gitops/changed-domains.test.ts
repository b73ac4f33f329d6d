import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  changedDomains,
  domainsFromChanges,
  globToRegExp,
  listDomainUnits,
  parseNameStatus,
  stageUnits,
} from '../../../gitops/changed-domains';
import { runCi } from '../../../gitops/test-support/run-ci';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();
}

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

const domainYaml = (domain: string, extra = '') => `version: 1\ndomain: ${domain}\n${extra}`;

let repo: string;
let base: string;
let head: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'pbxctl-changed-'));
  git(repo, 'init', '-q', '-b', 'main');
  write(repo, 'domains/acme.yaml', domainYaml('acme.example.com'));
  write(repo, 'domains/globex.yaml', domainYaml('globex.example.com'));
  write(repo, 'domains/initech/main.yaml', domainYaml('initech.example.com'));
  write(repo, 'domains/initech/users.yaml', domainYaml('initech.example.com', 'users: []\n'));
  write(repo, 'domains/umbrella.yaml', domainYaml('umbrella.example.com'));
  write(repo, 'README.md', '# config\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  base = git(repo, 'rev-parse', 'HEAD');
  write(repo, 'domains/acme.yaml', domainYaml('acme.example.com', 'block_list: ["+1 900 555 0000"]\n'));
  write(repo, 'domains/initech/users.yaml', domainYaml('initech.example.com', 'users: [{ extension: "1001" }]\n'));
  rmSync(join(repo, 'domains/umbrella.yaml'));
  write(repo, 'domains/wayne.yml', domainYaml('wayne.example.com'));
  write(repo, 'README.md', '# config, edited\n');
  write(repo, 'domains/notes.txt', 'not a domain\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'change');
  head = git(repo, 'rev-parse', 'HEAD');
});

describe('changed domains from a git diff', () => {
  it('finds changed, added and removed domain units and reads their domain names', () => {
    const result = changedDomains({ base, head, root: 'domains', cwd: repo });
    expect(result.all).toBe(false);
    expect(result.domains).toEqual([
      { unit: 'acme.yaml', path: 'domains/acme.yaml', name: 'acme.example.com' },
      { unit: 'initech', path: 'domains/initech', name: 'initech.example.com' },
      { unit: 'wayne.yml', path: 'domains/wayne.yml', name: 'wayne.example.com' },
    ]);
    expect(result.removed).toEqual(['umbrella.yaml']);
  });

  it('selects every domain when a shared file or an --all-on path changes, or there is no base', () => {
    const allOn = changedDomains({ base, head, root: 'domains', cwd: repo, allOn: ['README.md'] });
    expect(allOn.all).toBe(true);
    expect(allOn.reason).toContain('README.md');
    expect(allOn.domains.map((d) => d.name)).toEqual([
      'acme.example.com',
      'globex.example.com',
      'initech.example.com',
      'wayne.example.com',
    ]);
    const zero = changedDomains({ base: '0'.repeat(40), head, root: 'domains', cwd: repo });
    expect(zero.all).toBe(true);
    expect(zero.domains).toHaveLength(4);
  });

  it('treats a changed _shared file as touching every domain', () => {
    const files = parseNameStatus('M\0domains/_defaults.yaml\0');
    expect(files).toEqual([{ status: 'M', path: 'domains/_defaults.yaml' }]);
    const result = domainsFromChanges(files, { root: 'domains', cwd: repo });
    expect(result.all).toBe(true);
    expect(result.reason).toContain('_defaults.yaml');
    expect(result.domains).toHaveLength(4);
    const dotted = domainsFromChanges(parseNameStatus('M\0domains/.editorconfig\0M\0other/x.yaml\0'), {
      root: './domains/',
      cwd: repo,
    });
    expect(dotted).toEqual({ all: false, domains: [], removed: [] });
  });

  it('explains a missing base commit (shallow clone)', () => {
    expect(() => changedDomains({ base: 'f'.repeat(40), head, root: 'domains', cwd: repo })).toThrow(/fetch-depth: 0/);
  });

  it('globs', () => {
    expect(globToRegExp('package-lock.json').test('package-lock.json')).toBe(true);
    expect(globToRegExp('shared/').test('shared/a/b.yaml')).toBe(true);
    expect(globToRegExp('policies/*.yaml').test('policies/a.yaml')).toBe(true);
    expect(globToRegExp('policies/*.yaml').test('policies/x/a.yaml')).toBe(false);
    expect(globToRegExp('**/*.rego').test('a/b/c.rego')).toBe(true);
  });

  it('stages a shard into a directory and refuses to wipe the work tree', () => {
    const units = listDomainUnits('domains', repo);
    const stage = stageUnits(units, '.pbxctl/stage', repo);
    expect(readdirSync(stage).sort()).toEqual(['acme.yaml', 'globex.yaml', 'initech', 'wayne.yml']);
    expect(existsSync(join(stage, 'initech', 'users.yaml'))).toBe(true);
    expect(() => stageUnits(units, '.', repo)).toThrow(/refusing/);
    expect(() => stageUnits(units, '..', repo)).toThrow(/refusing/);
  });
});

describe('changed domains from a git diff (2)', () => {
  it('pbxctl ci changed-domains writes step outputs and a shard matrix; --shard stages one shard', async () => {
    const run = await runCi(['changed-domains', '--base', base, '--head', head, '--shards', '4'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.outputs.count).toBe('3');
    expect(JSON.parse(run.outputs.domains)).toEqual(['acme.example.com', 'initech.example.com', 'wayne.example.com']);
    expect(JSON.parse(run.outputs.removed)).toEqual(['umbrella.yaml']);
    const matrix = JSON.parse(run.outputs.matrix) as { include: { shard: string; id: string }[] };
    expect(matrix.include.length).toBe(Number(run.outputs.jobs));
    expect(run.stderr).toContain('umbrella.yaml');
    let staged = 0;
    for (const { shard } of matrix.include) {
      const one = await runCi(
        ['changed-domains', '--base', base, '--head', head, '--shard', shard, '--stage', '.pbxctl/stage'],
        { cwd: repo },
      );
      expect(one.code).toBe(0);
      expect(Number(one.outputs['shard-count'])).toBeGreaterThan(0);
      staged += readdirSync(one.outputs.stage).length;
    }
    expect(staged).toBe(3);
  });

  it('pbxctl ci shard lists all domains and stages one shard', async () => {
    const all = await runCi(['shard', 'domains', '--count', '2'], { cwd: repo });
    expect(all.outputs.count).toBe('4');
    const names: string[] = [];
    for (const index of ['1', '2']) {
      const one = await runCi(['shard', 'domains', '--shard', `${index}/2`, '--stage', '.pbxctl/s'], { cwd: repo });
      expect(one.code).toBe(0);
      names.push(...(JSON.parse(one.stdout) as { domains: { name: string }[] }).domains.map((d) => d.name));
    }
    expect(names.sort()).toEqual([
      'acme.example.com',
      'globex.example.com',
      'initech.example.com',
      'wayne.example.com',
    ]);
    const bad = await runCi(['shard', 'domains', '--shard', '3/2'], { cwd: repo });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('between 1 and 2');
  });
});
