/**
 * The shipped example (examples/small-office/acme.yaml) takes voicemail PINs from the environment
 * (`pin: { env: VM_PIN_1000 }`). The workflows pass only NS_API_URL/NS_API_KEY to pbxctl, so as shipped the PR
 * plan fails — legibly: the comment and the status say which variable is missing. With the recipe from
 * docs/gitops.md — one `PBXCTL_SECRETS` JSON secret, or single secrets mapped in the steps' `env:` and linted
 * with --allow-secret — it plans and applies.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { domainYaml, OFFICE, officeSeed, withoutDigests } from '../../test-support/helpers';
import { CLI_MAIN, REPO_ROOT, sh } from './test-support/workflow-steps';
import { startWorld, type World } from './test-support/world';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

beforeAll(() => {
  if (!existsSync(CLI_MAIN)) throw new Error(`build first (npx tsc -p tsconfig.json): ${CLI_MAIN} is missing`);
});

const GLOBEX = 'globex.example.com';
const EXAMPLE = readFileSync(join(REPO_ROOT, 'examples', 'small-office', 'acme.yaml'), 'utf8');
const PINS = { VM_PIN_1000: '4821', VM_PIN_1001: '7734' };

/** The docs/gitops.md recipe: every step that passes NS_API_KEY to pbxctl also passes the PIN secrets. */
function withPinSecrets(workflow: string): string {
  return workflow.replace(/^(\s+)NS_API_KEY: \$\{\{ secrets\.NS_API_KEY \}\}$/gm, (line, indent: string) =>
    [line, ...Object.keys(PINS).map((name) => `${indent}${name}: \${{ secrets.${name} }}`)].join('\n'),
  );
}

// Each test runs whole workflows (several CLI processes per job) on a shared 2-core machine.
describe('voicemail PINs from secrets (examples/small-office/acme.yaml)', { timeout: 240_000 }, () => {
  it('as shipped the plan fails naming the missing variable; with the documented recipe it plans, lints and applies', async () => {
    const seed = officeSeed(OFFICE, GLOBEX);
    seed.domains = {
      ...seed.domains,
      'acme.example.com': {
        domain: { description: 'Acme', reseller: 'acme-reseller', 'time-zone': 'America/New_York' },
      },
    };
    world = await startWorld(seed, { 'domains/globex.yaml': domainYaml({ domain: GLOBEX, users: OFFICE }) }, PINS);
    const w = world;

    const head = w.repo.commit('onboard-acme', { 'domains/acme.yaml': EXAMPLE }, 'Onboard Acme');
    const { pull, event } = w.openPullRequest('onboard-acme', head);
    const shipped = await w.plan(event);
    expect(shipped.jobs.report.result).toBe('failure');
    expect(w.github.statuses.at(-1)).toMatchObject({ state: 'failure' });
    expect(w.github.statuses.at(-1)?.description).toMatch(
      /^Plan failed: plan-shard-\d-of-4: no plan\.json \(exit code 1\)/,
    );
    expect(w.github.comments[0].body).toContain('environment variable VM_PIN_1000 is not set');

    // The recipe, committed to the PR: PIN secrets mapped into the pbxctl steps of the three workflows.
    const files: Record<string, string> = {};
    for (const name of ['plan.yml', 'apply.yml', 'drift.yml']) {
      const path = `.github/workflows/${name}`;
      const text = readFileSync(join(REPO_ROOT, path), 'utf8');
      files[path] = withPinSecrets(text);
      expect(files[path]).not.toBe(text);
    }
    const head2 = w.repo.commit('onboard-acme', files, 'Pass the voicemail PINs to pbxctl');
    const planned = await w.plan(w.pushToPullRequest(pull, head2));
    expect(planned.jobs.report.result, planned.log()).toBe('success');
    expect(w.github.comments).toHaveLength(1);
    expect(withoutDigests(w.github.comments[0].body)).not.toContain('4821');
    // The workspace now holds the PR's merge commit: its workflows pass the project rules with the PINs allowed.
    const lint = await sh(
      process.execPath,
      [
        CLI_MAIN,
        'ci',
        'lint-workflows',
        '.github/workflows',
        ...Object.keys(PINS).flatMap((n) => ['--allow-secret', n]),
      ],
      {
        cwd: w.runner.workspace,
        env: { PATH: process.env.PATH ?? '' },
      },
    );
    expect(lint.code, lint.stderr).toBe(0);
    const workflows = readdirSync(join(w.runner.workspace, '.github', 'workflows')).filter((f) => f.endsWith('.yml'));
    expect(lint.stdout).toMatch(new RegExp(`^${workflows.length} file\\(s\\) checked, 0 finding`));
    const strict = await sh(process.execPath, [CLI_MAIN, 'ci', 'lint-workflows', '.github/workflows'], {
      cwd: w.runner.workspace,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('secret VM_PIN_1000 is not in the allowed list');

    const applied = await w.apply(w.mergePullRequest(pull));
    expect(applied.jobs.report.result, applied.log()).toBe('success');
    const grace = w.emu.state().domains['acme.example.com']!.users.find((u) => u.user === '1000')!;
    expect(grace['voicemail-login-pin']).toBe('4821');
  });
});

describe('voicemail PINs from secrets (examples/small-office/acme.yaml) (2)', { timeout: 240_000 }, () => {
  it('with every PIN in the one PBXCTL_SECRETS secret, the shipped workflows plan and apply unchanged', async () => {
    const seed = officeSeed(OFFICE, GLOBEX);
    seed.domains = {
      ...seed.domains,
      'acme.example.com': {
        domain: { description: 'Acme', reseller: 'acme-reseller', 'time-zone': 'America/New_York' },
      },
    };
    world = await startWorld(
      seed,
      { 'domains/globex.yaml': domainYaml({ domain: GLOBEX, users: OFFICE }) },
      {
        PBXCTL_SECRETS: JSON.stringify(PINS),
      },
    );
    const w = world;
    const head = w.repo.commit('onboard-acme', { 'domains/acme.yaml': EXAMPLE }, 'Onboard Acme');
    const { pull, event } = w.openPullRequest('onboard-acme', head);
    const planned = await w.plan(event);
    expect(planned.jobs.report.result, planned.log()).toBe('success');
    expect(w.github.comments).toHaveLength(1);
    for (const pin of Object.values(PINS)) expect(w.github.comments[0].body).not.toContain(pin);
    const applied = await w.apply(w.mergePullRequest(pull));
    expect(applied.jobs.report.result, applied.log()).toBe('success');
    const users = w.emu.state().domains['acme.example.com']!.users;
    expect(users.find((u) => u.user === '1000')!['voicemail-login-pin']).toBe('4821');
    expect(users.find((u) => u.user === '1001')!['voicemail-login-pin']).toBe('7734');
  });
});
