/**
 * Must-show 4: what `pbxctl init` writes is a working config repository. pbxctl comes from the packed tarball
 * (npm install in a directory outside the repository — no shim, no build of this checkout on PATH); the `uses:`
 * of the pbxctl action puts that installation's bin directory on PATH, which is what action.yml does on GitHub.
 * The plan workflow's `run:` steps then run as written against the emulator and the local fake GitHub: one PR
 * comment, updated in place on the next push.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { domainYaml, OFFICE, officeSeed, withoutDigests } from '../../test-support/helpers';
import { startWorld, type World } from '../gitops/test-support/world';
import { cleanEnv, npmInstall, onPath, packTarball, run, Scratch, show } from './install-helpers';

const HAVE_TOOLS = onPath('npm') && onPath('git');
if (!HAVE_TOOLS) console.warn('\n*** init → plan workflow E2E SKIPPED: npm or git not on PATH ***\n');

const scratch = new Scratch();
let installedBin = '';
let scaffold: Record<string, string> = {};
let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});
afterAll(() => scratch.cleanup(), 60_000);

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), base) : [relative(base, join(dir, e.name))],
  );
}

/** The pbxctl action, locally: the tarball installation's bin on PATH. Every other `uses:` as the runner has it. */
function useInstalledPbxctl(w: World): void {
  w.runner.usesOverride = (uses, _input, extraPath) => {
    if (!uses.startsWith('pbxctl/pbxctl@')) return undefined;
    extraPath.unshift(installedBin);
    return { code: 0, stdout: `pbxctl from the packed tarball: ${installedBin}`, stderr: '' };
  };
}

describe.skipIf(!HAVE_TOOLS)('pbxctl init → the plan workflow, pbxctl installed from the packed tarball', () => {
  beforeAll(async () => {
    const packed = await packTarball(scratch.dir('pack'));
    const tools = scratch.dir('tools');
    const r = await npmInstall(tools, packed.tarball);
    expect(r.code, show(r)).toBe(0);
    installedBin = join(tools, 'node_modules', '.bin');
    const target = scratch.dir('config-repo');
    const init = await run(join(installedBin, 'pbxctl'), ['init', target, '--domain', 'acme.example.com'], {
      cwd: tools,
      env: cleanEnv(),
      timeoutMs: 60_000,
    });
    expect(init.code, show(init)).toBe(0);
    scaffold = Object.fromEntries(listFiles(target).map((f) => [f, readFileSync(join(target, f), 'utf8')]));
  }, 600_000);

  it('scaffolds the domain, the three workflows wired to the action, .gitignore and README', () => {
    expect(Object.keys(scaffold).sort()).toEqual([
      '.github/workflows/apply.yml',
      '.github/workflows/drift.yml',
      '.github/workflows/plan.yml',
      '.gitignore',
      'README.md',
      'domains/acme.example.com.yaml',
    ]);
    for (const wf of ['plan', 'apply', 'drift'])
      expect(scaffold[`.github/workflows/${wf}.yml`]).toMatch(/uses: pbxctl\/pbxctl@v\d+\.\d+\.\d+\n/);
    expect(scaffold['README.md']).toContain('NS_API_KEY');
    expect(scaffold['.gitignore']).toMatch(/\.tfstate/);
  });

  it('plan.yml as scaffolded: one PR comment, then the same comment updated on the next push', async () => {
    world = await startWorld(officeSeed(), scaffold, { PBXCTL_SECRETS: JSON.stringify({ VM_PIN_1000: '4821' }) });
    useInstalledPbxctl(world);
    const w = world;
    const domainFile = 'domains/acme.example.com.yaml';
    const edit = (department: string) =>
      domainYaml({ users: OFFICE.map((u) => (u.ext === '1002' ? { ...u, department } : u)) });
    const head1 = w.repo.commit('move-alan', { [domainFile]: edit('Marketing') }, 'Alan moves to Marketing');
    const { pull, event } = w.openPullRequest('move-alan', head1);
    w.emu.requests.reset();

    const first = await w.plan(event);
    expect(first.jobs.report.result, first.log()).toBe('success');
    expect(first.step('prepare', 'uses pbxctl/pbxctl').stdout).toContain('packed tarball');
    expect(first.step('report', 'Create or update the PR comment').outputs.action).toBe('created');
    expect(w.github.comments).toHaveLength(1);
    expect(w.github.comments[0].body).toContain('update user 1002');
    expect(w.writes()).toEqual([]);

    const head2 = w.repo.commit('move-alan', { [domainFile]: edit('Legal') }, 'Legal, not Marketing');
    const second = await w.plan(w.pushToPullRequest(pull, head2));
    expect(second.jobs.report.result, second.log()).toBe('success');
    expect(second.step('report', 'Create or update the PR comment').outputs.action).toBe('updated');
    expect(w.github.comments).toHaveLength(1);
    expect(w.github.comments[0].body).toContain(`sha:${head2}`);
    expect(w.github.comments[0].body).toContain('"Legal"');
    expect(withoutDigests(JSON.stringify(w.github.comments))).not.toContain('4821');
  });
});
