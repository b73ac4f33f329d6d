/**
 * The steps of .github/workflows/drift.yml, run as written against the emulator: clean → no issue; an
 * out-of-band edit → one issue per drifted domain naming the object and its platform last-modified time;
 * re-applied through a reviewed PR → that domain's issue is closed; a failed check leaves issues alone.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { driftMarker } from '../../../gitops/markers';
import { DOMAIN, domainYaml, OFFICE, officeSeed } from '../../test-support/helpers';
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

const GLOBEX = 'globex.example.com';
const INITECH = 'initech.example.com';

// Each test runs whole workflows (several CLI processes per job) on a shared 2-core machine.
/** A drift run over clean domains: green, nothing drifted, no issue. */
async function expectCleanRun(w: World): Promise<void> {
  const clean = await w.drift();
  expect(clean.jobs.prepare.outputs.count).toBe('3');
  expect(clean.jobs.drift.result, clean.log()).toBe('success');
  expect(clean.jobs.issues.result, clean.log()).toBe('success');
  expect(clean.step('issues', 'Sync drift issues').outputs).toMatchObject({
    drifted: '0',
    unknown: '0',
    closed: '0',
  });
  expect(w.github.issues.filter((i) => i.labels.some((l) => l.name === 'pbxctl-drift'))).toEqual([]);
}

/** Re-apply acme through a reviewed PR: its plan shows the corrective update, the merge applies it. */
async function reapplyAcme(w: World): Promise<void> {
  const head = w.repo.commit(
    'reapply-acme',
    { 'domains/acme.yaml': `# re-applied after drift\n${domainYaml({ users: OFFICE })}` },
    'Re-apply acme',
  );
  const { pull, event } = w.openPullRequest('reapply-acme', head);
  const plan = await w.plan(event);
  expect(plan.jobs.report.result, plan.log()).toBe('success');
  expect(w.github.comments.find((c) => c.issue === pull.number)?.body).toMatch(/\| acme\.example\.com \| 0 \| 1 \|/);
  const apply = await w.apply(w.mergePullRequest(pull));
  expect(apply.jobs.report.result, apply.log()).toBe('success');
}

describe('drift.yml, step by step, against the emulator', { timeout: 240_000 }, () => {
  it('clean → no issue; portal edits → one issue per drifted domain; re-applied → closed; failed check → unknown, issue left open', async () => {
    const seed = officeSeed();
    seed.domains = { ...seed.domains, ...officeSeed(OFFICE, GLOBEX).domains, ...officeSeed(OFFICE, INITECH).domains };
    world = await startWorld(seed, {
      'domains/acme.yaml': domainYaml({ users: OFFICE }),
      'domains/globex.yaml': domainYaml({ domain: GLOBEX, users: OFFICE }),
      'domains/initech.yaml': domainYaml({ domain: INITECH, users: OFFICE }),
    });
    const w = world;
    const driftIssues = () => w.github.issues.filter((i) => i.labels.some((l) => l.name === 'pbxctl-drift'));

    // 1. Clean: no issue, green run.
    await expectCleanRun(w);

    // 2. Out-of-band edits in two domains.
    w.emu.mutate((s) => {
      s.domains[DOMAIN]!.users.find((u) => u.user === '1001')!.department = 'Support';
      s.domains[GLOBEX]!.users.find((u) => u.user === '1003')!['name-last-name'] = 'Brewster';
    });
    const state = w.emu.state();
    const acmeModified = String(state.domains[DOMAIN]!.users.find((u) => u.user === '1001')!['last-modified-datetime']);
    const globexModified = String(
      state.domains[GLOBEX]!.users.find((u) => u.user === '1003')!['last-modified-datetime'],
    );
    w.emu.requests.reset();

    const drifted = await w.drift();
    expect(drifted.jobs.issues.result, drifted.log()).toBe('success');
    expect(drifted.step('issues', 'Sync drift issues').outputs).toMatchObject({ drifted: '2', unknown: '0' });
    expect(w.writes()).toEqual([]);
    const opened = driftIssues();
    expect(opened.map((i) => i.title).sort()).toEqual([`Drift: ${DOMAIN}`, `Drift: ${GLOBEX}`]);
    const acmeIssue = opened.find((i) => i.body?.includes(driftMarker(DOMAIN)))!;
    const globexIssue = opened.find((i) => i.body?.includes(driftMarker(GLOBEX)))!;
    expect(acmeIssue.state).toBe('open');
    expect(acmeIssue.body).toMatch(/\| update \| user \| 1001 \|/);
    expect(acmeIssue.body).toContain('department');
    expect(acmeIssue.body).toContain(acmeModified);
    expect(globexIssue.body).toMatch(/\| update \| user \| 1003 \|/);
    expect(globexIssue.body).toContain('last_name');
    expect(globexIssue.body).toContain(globexModified);

    // 3. acme is re-applied through a reviewed PR (a change to its file re-plans it against the platform).
    await reapplyAcme(w);

    const after = await w.drift();
    expect(after.jobs.issues.result, after.log()).toBe('success');
    expect(after.step('issues', 'Sync drift issues').outputs).toMatchObject({ drifted: '1', closed: '1' });
    expect(acmeIssue.state).toBe('closed');
    expect(
      w.github.comments.some((c) => c.issue === acmeIssue.number && c.body.includes(`${DOMAIN} is clean again`)),
    ).toBe(true);
    expect(globexIssue.state).toBe('open');
    // globex, still drifted, kept its one issue (updated, not duplicated).
    expect(driftIssues()).toHaveLength(2);

    // 4. A failed check is unknown, never clean: globex's issue stays open and the run fails.
    w.emu.faults.add({ method: 'GET', path: `/domains/${GLOBEX}/**`, status: 403 });
    const failing = await w.drift();
    expect(failing.jobs.issues.result).toBe('failure');
    expect(Number(failing.step('issues', 'Sync drift issues').outputs.unknown)).toBeGreaterThan(0);
    expect(globexIssue.state).toBe('open');
    expect(driftIssues().filter((i) => i.state === 'open')).toEqual([globexIssue]);
  });
});
