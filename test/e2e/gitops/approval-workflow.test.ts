/**
 * Issue 14 #4: approving the deletes of ONE reviewed plan from the PR conversation. The steps of plan.yml and
 * apply.yml run as written against the emulator and the fake GitHub: a `/pbxctl approve <checksum-prefix>`
 * comment by a user with write access, written after the last push, lets apply delete; the same approval
 * after a new push, or one by a read-only user, does not, and nothing is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOMAIN, domainYaml, OFFICE, officeSeed, type SeedUser } from '../../test-support/helpers';
import { CLI_MAIN } from './test-support/workflow-steps';
import { startWorld, type World } from './test-support/world';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

beforeAll(() => {
  if (!existsSync(CLI_MAIN)) throw new Error(`build first (npx tsc -p tsconfig.json): ${CLI_MAIN} is missing`);
});

const POLICY = 'prune: true';
/** Grace (1003) leaves: the PR deletes her user, which the default policy blocks (it destroys data). */
const WITHOUT_GRACE: SeedUser[] = OFFICE.filter((u) => u.ext !== '1003');

async function setUp(): Promise<World> {
  const w = await startWorld(officeSeed(), { 'domains/acme.yaml': domainYaml({ users: OFFICE, policy: POLICY }) });
  w.github.roles.reviewer = 'write';
  w.github.roles.maintainer = 'maintain';
  w.github.roles.reader = 'read';
  return w;
}

/** Open a PR deleting Grace and run plan.yml: blocked, with the approval hint and the reviewed checksum. */
async function blockedPullRequest(w: World, users: SeedUser[] = WITHOUT_GRACE) {
  const head = w.repo.commit(
    'grace-leaves',
    { 'domains/acme.yaml': domainYaml({ users, policy: POLICY }) },
    'Grace left',
  );
  const { pull, event } = w.openPullRequest('grace-leaves', head);
  const plan = await w.plan(event);
  expect(plan.jobs.report.result, plan.log()).toBe('failure');
  const checksum = JSON.parse(readFileSync(join(plan.artifacts['pbxctl-plan'], 'combined.json'), 'utf8'))
    .checksum as string;
  const comment = w.github.comments.find((c) => c.body.includes('<!-- pbxctl:plan -->'));
  expect(comment?.body).toContain(`/pbxctl approve ${checksum.slice(0, 12)}`);
  return { pull, checksum };
}

const graceExists = (w: World) => w.emu.state().domains[DOMAIN]!.users.some((u) => u.user === '1003');

// Each test runs whole workflows (several CLI processes per job) on a shared 2-core machine.
describe('apply.yml with a /pbxctl approve comment, against the emulator', { timeout: 240_000 }, () => {
  it('an approval by a writer, bound to the plan checksum, lets apply delete exactly that plan', {
    timeout: 240_000,
  }, async () => {
    world = await setUp();
    const w = world;
    const { pull, checksum } = await blockedPullRequest(w);
    w.github.addComment(pull.number, 'Looks right, she left on Friday.', 'reviewer');
    w.github.addComment(pull.number, `/pbxctl approve ${checksum.slice(0, 12)}`, 'reviewer');
    w.emu.requests.reset();

    const run = await w.apply(w.mergePullRequest(pull));
    for (const job of ['prepare', 'plan', 'verify', 'apply', 'report'])
      expect(run.jobs[job].result, `${job}\n${run.log()}`).toBe('success');
    expect(run.jobs.prepare.outputs).toMatchObject({ approver: 'reviewer', 'approved-checksum': checksum });
    expect(run.jobs.verify.outputs.approved).toBe('true');
    expect(graceExists(w)).toBe(false);
    const writes = w.writes();
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /domains/${DOMAIN}/users/1003`]);
  });

  it('the same approval after a new push does not count: apply refuses and deletes nothing', {
    timeout: 240_000,
  }, async () => {
    world = await setUp();
    const w = world;
    const { pull, checksum } = await blockedPullRequest(w);
    w.github.addComment(pull.number, `/pbxctl approve ${checksum.slice(0, 12)}`, 'maintainer');
    // A new push after the approval (Alan moves to Marketing as well): re-planned, so a new checksum.
    const users = WITHOUT_GRACE.map((u) => (u.ext === '1002' ? { ...u, department: 'Marketing' } : u));
    const head = w.repo.commit('grace-leaves', { 'domains/acme.yaml': domainYaml({ users, policy: POLICY }) }, 'Alan');
    const replan = await w.plan(w.pushToPullRequest(pull, head));
    expect(replan.jobs.report.result, replan.log()).toBe('failure');
    w.emu.requests.reset();

    const run = await w.apply(w.mergePullRequest(pull));
    expect(run.jobs.prepare.result, run.log()).toBe('success');
    expect(run.jobs.prepare.outputs.approver).toBe('');
    expect(run.step('prepare', 'Find an approval').stderr).toMatch(/not counted: .*@maintainer/);
    expect(run.jobs.verify.result).toBe('failure');
    expect(run.jobs.apply.result).toBe('skipped');
    expect(w.writes()).toEqual([]);
    expect(graceExists(w)).toBe(true);
  });

  it('an approval by a read-only user does not count', async () => {
    world = await setUp();
    const w = world;
    const { pull, checksum } = await blockedPullRequest(w);
    w.github.addComment(pull.number, `/pbxctl approve ${checksum.slice(0, 12)}`, 'reader');
    w.emu.requests.reset();

    const run = await w.apply(w.mergePullRequest(pull));
    expect(run.step('prepare', 'Find an approval').stderr).toContain('@reader has read access');
    expect(run.jobs.verify.result).toBe('failure');
    expect(run.jobs.apply.result).toBe('skipped');
    expect(w.writes()).toEqual([]);
    expect(graceExists(w)).toBe(true);
  });
});
