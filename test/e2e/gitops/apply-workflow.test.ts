/**
 * Must-show 2 and the apply happy path: the steps of .github/workflows/apply.yml, run as written against the
 * emulator after the PR's plan.yml run. A reviewed plan is applied (audit log uploaded, re-plan is empty); an
 * out-of-band edit between review and merge makes the apply refuse before any write, and the not-converged
 * issue is opened, then closed by the next complete apply.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NOT_CONVERGED_MARKER } from '../../../gitops/markers';
import { API_KEY, DOMAIN, domainYaml, OFFICE, officeSeed, type SeedUser } from '../../test-support/helpers';
import { CLI_MAIN, git, sh } from './test-support/workflow-steps';
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

function twoDomains(): Parameters<typeof startWorld> {
  const seed = officeSeed();
  seed.domains = { ...seed.domains, ...officeSeed(OFFICE, GLOBEX).domains };
  return [
    seed,
    {
      'domains/acme.yaml': domainYaml({ users: OFFICE }),
      'domains/globex.yaml': domainYaml({ domain: GLOBEX, users: OFFICE }),
    },
  ];
}

const withDepartment = (ext: string, department: string): SeedUser[] =>
  OFFICE.map((u) => (u.ext === ext ? { ...u, department } : u));

/** Open a PR changing acme, run plan.yml for it, and return the PR. */
async function reviewedPullRequest(w: World, branch: string, users: SeedUser[]) {
  const head = w.repo.commit(branch, { 'domains/acme.yaml': domainYaml({ users }) }, `Change acme (${branch})`);
  const { pull, event } = w.openPullRequest(branch, head);
  const plan = await w.plan(event);
  expect(plan.jobs.report.result, plan.log()).toBe('success');
  return { pull, plan };
}

/** `pbxctl plan domains --detailed-exitcode` on main, as an operator would run it after the apply. */
function replanMain(w: World) {
  git(w.repo.dir, 'checkout', '-q', 'main');
  return sh(process.execPath, [CLI_MAIN, 'plan', 'domains', '--detailed-exitcode'], {
    cwd: w.repo.dir,
    env: { PATH: process.env.PATH ?? '', NS_API_URL: w.emu.url, NS_API_KEY: API_KEY, NO_COLOR: '1', CI: 'true' },
  });
}

// Each test runs whole workflows (several CLI processes per job) on a shared 2-core machine.
describe('apply.yml, step by step, against the emulator', { timeout: 240_000 }, () => {
  it('applies exactly the reviewed plan: checksum matches, apply writes, audit log uploaded, not-converged issue closed, re-plan is empty', async () => {
    world = await startWorld(...twoDomains());
    const w = world;
    const { pull, plan } = await reviewedPullRequest(w, 'move-alan', withDepartment('1002', 'Marketing'));
    const reviewed = JSON.parse(readFileSync(join(plan.artifacts['pbxctl-plan'], 'combined.json'), 'utf8'))
      .checksum as string;
    // An earlier apply left main not converged: a complete apply comments on that issue and closes it.
    w.github.issues.push({
      number: 99,
      title: 'pbxctl: main is not converged',
      body: `${NOT_CONVERGED_MARKER}\n**main is not converged** (an earlier partial apply)`,
      state: 'open',
      labels: [{ name: 'pbxctl-not-converged' }],
      html_url: 'https://github.example/acme/phone-config/issues/99',
    });
    w.emu.requests.reset();

    const push = w.mergePullRequest(pull);
    const run = await w.apply(push);
    for (const job of ['prepare', 'plan', 'verify', 'apply', 'report'])
      expect(run.jobs[job].result, `${job}\n${run.log()}`).toBe('success');
    expect(run.jobs.prepare.outputs).toMatchObject({
      checksum: reviewed,
      pr: String(pull.number),
      count: '1',
      shards: '4',
    });
    expect(run.step('verify', 'Refuse a plan that differs').stdout).toContain(
      `checksum ${reviewed} matches the reviewed plan`,
    );

    // Only acme changed in the merge: only acme was written, and only user 1002.
    const writes = w.writes();
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((r) => r.path.startsWith(`/domains/${DOMAIN}/users/1002`))).toBe(true);
    expect(w.emu.state().domains[DOMAIN]!.users.find((u) => u.user === '1002')!.department).toBe('Marketing');

    // The audit log of the run, merged by the report job and uploaded as pbxctl-audit-<sha>.
    const auditDir = run.artifacts[`pbxctl-audit-${push.sha}`];
    expect(auditDir).toBeDefined();
    const auditPath = join(auditDir, 'audit.jsonl');
    expect(existsSync(auditPath)).toBe(true);
    const records = readFileSync(auditPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      domain: DOMAIN,
      commit: push.sha,
      summary: { applied: 1, failed: 0, skipped: 0 },
    });
    expect(records[0].operations).toEqual([
      expect.objectContaining({ kind: 'user', key: '1002', action: 'update', result: 'applied' }),
    ]);
    expect(run.step('report', 'not-converged').outputs).toMatchObject({
      converged: 'true',
      applied: '1',
      failed: '0',
      issue: '99',
    });
    expect(w.github.issues.find((i) => i.number === 99)?.state).toBe('closed');
    expect(
      w.github.comments.some((c) => c.issue === 99 && c.body.startsWith(`Converged at ${push.sha.slice(0, 12)}`)),
    ).toBe(true);

    // Re-planning main against the platform: nothing left to do.
    const replan = await replanMain(w);
    expect(replan.code, replan.stdout + replan.stderr).toBe(0);
    expect(replan.stdout).toMatch(/No changes/i);
  });
});

describe('apply.yml, step by step, against the emulator (2)', { timeout: 240_000 }, () => {
  it('refuses when the live domain changed after the reviewed plan: no write reaches the platform, the not-converged issue is opened', async () => {
    world = await startWorld(...twoDomains());
    const w = world;
    const { pull } = await reviewedPullRequest(w, 'move-alan', withDepartment('1002', 'Marketing'));

    // Somebody edits acme in the portal after the plan was reviewed, before the merge.
    w.emu.mutate((s) => {
      s.domains[DOMAIN]!.users.find((u) => u.user === '1001')!['name-last-name'] = 'Byron';
    });
    const before = w.emu.state();
    w.emu.requests.reset();

    const push = w.mergePullRequest(pull);
    const run = await w.apply(push);
    expect(run.jobs.prepare.result, run.log()).toBe('success');
    expect(run.jobs.plan.result, run.log()).toBe('success');
    expect(run.jobs.verify.result, run.log()).toBe('failure');
    expect(run.jobs.apply.result).toBe('skipped');
    const verify = run.step('verify', 'Refuse a plan that differs');
    expect(verify.outcome).toBe('failure');
    expect(verify.stderr).toContain('checksum mismatch');
    expect(verify.stderr).toContain('refusing to apply');
    expect(verify.summary).toContain('pbxctl apply refused');

    // Not a single write request reached the platform; its state is untouched.
    expect(w.writes()).toEqual([]);
    expect(w.emu.state()).toEqual(before);

    // The report job runs anyway, opens the one not-converged issue naming the refusal, and fails the run.
    expect(run.jobs.report.result).toBe('failure');
    const report = run.step('report', 'not-converged');
    expect(report.outputs).toMatchObject({ converged: 'false' });
    const issues = w.github.issues.filter((i) => i.body?.includes(NOT_CONVERGED_MARKER));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      state: 'open',
      title: 'pbxctl: main is not converged',
      labels: [{ name: 'pbxctl-not-converged' }],
    });
    expect(issues[0].body).toContain('Apply was **refused**');
    expect(issues[0].body).toContain('checksum mismatch');
    expect(issues[0].body).toContain(push.sha.slice(0, 12));
  });
});

describe('apply.yml, step by step, against the emulator (3)', { timeout: 240_000 }, () => {
  it('a portal edit between the checksum check and the apply job: pbxctl apply itself refuses the stale plan, nothing is written, the issue lists the shard', async () => {
    world = await startWorld(...twoDomains());
    const w = world;
    const { pull } = await reviewedPullRequest(w, 'move-alan', withDepartment('1002', 'Marketing'));
    let lastModified = '';
    const run = await w.apply(w.mergePullRequest(pull), (job) => {
      if (job !== 'apply') return;
      w.emu.mutate((s) => {
        s.domains[DOMAIN]!.users.find((u) => u.user === '1002')!.department = 'Finance';
      });
      lastModified = String(
        w.emu.state().domains[DOMAIN]!.users.find((u) => u.user === '1002')!['last-modified-datetime'],
      );
      w.emu.requests.reset();
    });
    expect(run.jobs.verify.result, run.log()).toBe('success');
    expect(run.jobs.apply.result).toBe('failure');
    const apply = run.step('apply', /^Apply$/);
    expect(apply.exitCode).toBe(1);
    expect(apply.stdout).toContain('stale');
    expect(apply.stdout).toContain('user 1002 was changed on the platform');
    expect(apply.stdout).toContain(lastModified);
    expect(apply.stdout).toContain('Nothing was changed');
    expect(w.writes()).toEqual([]);
    expect(w.emu.state().domains[DOMAIN]!.users.find((u) => u.user === '1002')!.department).toBe('Finance');

    expect(run.jobs.report.result).toBe('failure');
    const issue = w.github.issues.find((i) => i.body?.includes(NOT_CONVERGED_MARKER));
    expect(issue?.state).toBe('open');
    expect(issue?.body).toMatch(/\| apply-result-\d-of-4 \| 1 \| 0 \| 0 \| 0 \|/);
    // …and says why: the end of the shard's apply log.
    expect(issue?.body).toContain('end of apply.log');
    expect(issue?.body).toContain('user 1002 was changed on the platform');
  });

  it('refuses a direct push to main (nothing was reviewed) without touching the platform', async () => {
    world = await startWorld(...twoDomains());
    const w = world;
    w.emu.requests.reset();
    const run = await w.apply(
      w.pushToMain({ 'domains/acme.yaml': domainYaml({ users: withDepartment('1001', 'Legal') }) }, 'Direct push'),
    );
    expect(run.jobs.prepare.result).toBe('failure');
    expect(run.step('prepare', 'Find the plan reviewed').stderr).toContain(
      'is not the result of a merged pull request',
    );
    expect(run.jobs.apply.result).toBe('skipped');
    expect(run.jobs.report.result).toBe('failure');
    expect(w.emu.requests.list()).toEqual([]);
    const issue = w.github.issues.find((i) => i.body?.includes(NOT_CONVERGED_MARKER));
    expect(issue?.body).toContain('no reviewed plan was found for this commit');
  });
});
