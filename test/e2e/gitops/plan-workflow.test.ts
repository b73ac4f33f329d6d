/**
 * Must-show 1: the steps of .github/workflows/plan.yml, run as written against the emulator, produce the PR
 * comment and plan.json; a second run (a new push to the PR) edits the same comment in place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_MARKER } from '../../../gitops/markers';
import { domainYaml, OFFICE, officeSeed } from '../../test-support/helpers';
import { startWorld, type World } from './test-support/world';
import { CLI_MAIN } from './test-support/workflow-steps';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

beforeAll(() => {
  if (!existsSync(CLI_MAIN)) throw new Error(`build first (npx tsc -p tsconfig.json): ${CLI_MAIN} is missing`);
});

// Each test runs whole workflows (several CLI processes per job) on a shared 2-core machine.
describe('plan.yml, step by step, against the emulator', { timeout: 240_000 }, () => {
  it('plans the changed domain, posts one comment with the checksum marker, sets pbxctl/plan; a new push edits that comment', async () => {
    world = await startWorld(officeSeed(), { 'domains/acme.yaml': domainYaml({ users: OFFICE }) });
    const w = world;
    const head1 = w.repo.commit(
      'move-alan',
      {
        'domains/acme.yaml': domainYaml({
          users: OFFICE.map((u) => (u.ext === '1002' ? { ...u, department: 'Marketing' } : u)),
        }),
      },
      'Alan moves to Marketing',
    );
    const { pull, event } = w.openPullRequest('move-alan', head1);
    w.emu.requests.reset();

    const first = await w.plan(event);
    expect(first.jobs.prepare.result, first.log()).toBe('success');
    expect(first.jobs.plan.result, first.log()).toBe('success');
    expect(first.jobs.report.result, first.log()).toBe('success');
    // Planning never writes to the platform.
    expect(w.writes()).toEqual([]);

    // plan.json (and plan.md, exit-code) of the shard that holds acme, as uploaded by the plan job.
    expect(first.jobs.prepare.outputs.count).toBe('1');
    const shardArtifacts = Object.keys(first.artifacts).filter((n) => n.startsWith('plan-shard-'));
    expect(shardArtifacts).toHaveLength(1);
    const shardDir = first.artifacts[shardArtifacts[0]];
    const planJson = JSON.parse(readFileSync(join(shardDir, 'plan.json'), 'utf8'));
    expect(planJson.domains.map((d: { domain: string }) => d.domain)).toEqual(['acme.example.com']);
    expect(planJson.summary).toMatchObject({ changes: 1, update: 1 });
    expect(readFileSync(join(shardDir, 'exit-code'), 'utf8').trim()).toBe('2');
    expect(readFileSync(join(shardDir, 'plan.md'), 'utf8')).toContain('update user 1002');

    // The one comment: markers, the table, the shard's plan; recorded checksum = combined.json's.
    expect(w.github.comments).toHaveLength(1);
    const comment = w.github.comments[0];
    expect(comment.issue).toBe(pull.number);
    const combined = JSON.parse(readFileSync(join(first.artifacts['pbxctl-plan'], 'combined.json'), 'utf8'));
    expect(comment.body.startsWith(PLAN_MARKER)).toBe(true);
    expect(comment.body).toContain(`<!-- pbxctl:checksum:${combined.checksum} sha:${head1} shards:4 -->`);
    expect(comment.body).toMatch(/\| acme\.example\.com \| 0 \| 1 \| 0 \| ok \|/);
    expect(comment.body).toContain('update user 1002');
    expect(comment.body).toBe(readFileSync(join(first.artifacts['pbxctl-plan'], 'comment.md'), 'utf8'));
    expect(first.step('report', 'Create or update the PR comment').outputs.action).toBe('created');
    // pbxctl/plan: pending first, then success with the summary line.
    expect(w.github.statuses.map((s) => [s.sha, s.state, s.context])).toEqual([
      [head1, 'pending', 'pbxctl/plan'],
      [head1, 'success', 'pbxctl/plan'],
    ]);
    expect(w.github.statuses[1].description).toBe('1 domain(s): 0 to create, 1 to update, 0 to delete, 0 to recycle');

    // Second push to the PR: the same comment is edited, not a second one posted.
    const head2 = w.repo.commit(
      'move-alan',
      {
        'domains/acme.yaml': domainYaml({
          users: OFFICE.map((u) => (u.ext === '1002' ? { ...u, department: 'Legal' } : u)),
        }),
      },
      'Legal, not Marketing',
    );
    const second = await w.plan(w.pushToPullRequest(pull, head2));
    expect(second.jobs.report.result, second.log()).toBe('success');
    expect(second.step('report', 'Create or update the PR comment').outputs.action).toBe('updated');
    expect(w.github.comments).toHaveLength(1);
    expect(w.github.comments[0].id).toBe(comment.id);
    expect(w.github.comments[0].body).toContain(`sha:${head2}`);
    expect(w.github.comments[0].body).toContain('"Legal"');
    const commentWrites = w.github.requests.filter((r) => r.method !== 'GET' && r.path.includes('/comments'));
    expect(commentWrites.map((r) => r.method)).toEqual(['POST', 'PATCH']);
    expect(w.writes()).toEqual([]);
  });
});

describe('plan.yml, step by step, against the emulator (2)', { timeout: 240_000 }, () => {
  it('a plan blocked by policy fails pbxctl/plan with the policy reason and the flag that would allow it', async () => {
    world = await startWorld(officeSeed(), { 'domains/acme.yaml': domainYaml({ users: OFFICE }) });
    const head = world.repo.commit(
      'shrink',
      { 'domains/acme.yaml': domainYaml({ users: OFFICE.slice(0, 1), policy: 'prune: true\nmax_deletes: 1' }) },
      'Remove two users',
    );
    const run = await world.plan(world.openPullRequest('shrink', head).event);
    expect(run.jobs.plan.result, run.log()).toBe('success');
    expect(run.jobs.report.result).toBe('failure');
    expect(run.step('report', 'Fail when the plan is blocked').outcome).toBe('failure');
    const status = world.github.statuses.at(-1);
    expect(status).toMatchObject({ sha: head, state: 'failure', context: 'pbxctl/plan' });
    // The reason pbxctl plan wrote into plan.json (its `violations`), not a generic "blocked".
    expect(status?.description).toMatch(
      /^Blocked by policy: acme\.example\.com: 2 deletes exceed policy\.max_deletes = 1/,
    );
    const body = world.github.comments[0].body;
    expect(body).toContain('**Blocked by policy.**');
    expect(body).toContain('re-run with --allow-deletes to proceed (max_deletes)');
    expect(body).toMatch(/\| acme\.example\.com \| 0 \| 0 \| \*\*2 \/ 0\*\* \| ⛔ max_deletes/);
    // Both deletes are listed in full above the table, outside every collapsed block.
    expect((body.slice(0, body.indexOf('| Domain')).match(/^- 🗑 \*\*DELETE\*\* user /gm) ?? []).length).toBe(2);
  });

  it('a PR that touches no domain file plans nothing and still reports success', async () => {
    world = await startWorld(officeSeed(), { 'domains/acme.yaml': domainYaml({ users: OFFICE }) });
    const head = world.repo.commit('readme', { 'README.md': '# phone config\n' }, 'Add a README');
    const run = await world.plan(world.openPullRequest('readme', head).event);
    expect(run.jobs.prepare.outputs.count).toBe('0');
    expect(run.jobs.plan.result).toBe('skipped');
    expect(run.jobs.report.result, run.log()).toBe('success');
    expect(world.github.comments[0].body).toContain('No domain changes');
    expect(world.github.statuses.at(-1)).toMatchObject({ state: 'success', description: 'No domain changes' });
  });
});
