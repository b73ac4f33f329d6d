import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubClient } from './github-client';
import { driftMarker, NOT_CONVERGED_MARKER, PLAN_MARKER } from './markers';
import { type FakeGitHub, startFakeGitHub } from './test-support/fake-github';
import { type CiRun, runCi } from './test-support/run-ci';

const fixtures = join(__dirname, 'test-fixtures');
const HEAD = 'a1'.repeat(20);
const MERGE = 'b2'.repeat(20);

function results(shards: Record<string, Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-gh-results-'));
  for (const [name, files] of Object.entries(shards)) {
    mkdirSync(join(dir, name), { recursive: true });
    for (const [file, source] of Object.entries(files)) {
      if (source.startsWith('@')) cpSync(join(fixtures, source.slice(1)), join(dir, name, file));
      else writeFileSync(join(dir, name, file), source);
    }
  }
  return dir;
}

let github: FakeGitHub;
let cwd: string;
let env: NodeJS.ProcessEnv;
const ci = (...argv: string[]): Promise<CiRun> => runCi(argv, { cwd, env });

beforeEach(async () => {
  github = await startFakeGitHub();
  cwd = mkdtempSync(join(tmpdir(), 'pbxctl-gh-'));
  env = {
    GITHUB_TOKEN: github.token,
    GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '99',
    GITHUB_SHA: MERGE,
  };
});

afterEach(async () => {
  await github.close();
});

function expectNoTokenIn(...runs: CiRun[]): void {
  for (const run of runs) {
    expect(run.stdout).not.toContain(github.token);
    expect(run.stderr).not.toContain(github.token);
    expect(run.summary).not.toContain(github.token);
    expect(JSON.stringify(run.outputs)).not.toContain(github.token);
  }
}

describe('pbxctl ci against a fake GitHub API', () => {
  it('creates the plan comment once and then updates it in place on every push', async () => {
    const pr = github.addPullRequest({ headSha: HEAD });
    github.addComment(pr.number, 'LGTM, but let me quote: <!-- pbxctl:plan -->', 'octocat');
    // enough other comments to need a second page
    for (let i = 0; i < 120; i++) github.addComment(pr.number, `chatter ${i}`, 'octocat');

    const shard1 = results({
      'plan-shard-1-of-4': { 'plan.json': '@plan-acme.json', 'plan.md': '@plan-acme.md', 'exit-code': '2' },
    });
    const combine1 = await ci('combine-summaries', shard1, '--out', 'comment.md', '--head-sha', HEAD, '--shards', '4');
    const first = await ci('comment', '--pr', String(pr.number), '--body', 'comment.md');
    expect(first.code).toBe(0);
    expect(first.outputs.action).toBe('created');
    const status1 = await ci(
      'status',
      '--sha',
      HEAD,
      '--state',
      combine1.outputs.state,
      '--description',
      combine1.outputs.description,
    );
    expect(status1.code).toBe(0);

    const mine = () => github.comments.filter((c) => c.issue === pr.number && c.user.login === 'github-actions[bot]');
    expect(mine()).toHaveLength(1);
    expect(mine()[0].body.startsWith(PLAN_MARKER)).toBe(true);
    expect(mine()[0].body).toContain(`sha:${HEAD}`);

    // second push: the plan is now blocked
    const shard2 = results({
      'plan-shard-2-of-4': { 'plan.json': '@plan-blocked.json', 'plan.md': '@plan-blocked.md', 'exit-code': '3' },
    });
    const combine2 = await ci('combine-summaries', shard2, '--out', 'comment.md', '--head-sha', HEAD, '--shards', '4');
    const second = await ci('comment', '--pr', String(pr.number), '--body', 'comment.md');
    expect(second.outputs.action).toBe('updated');
    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
    expect(mine()).toHaveLength(1);
    expect(mine()[0].body).toContain('Blocked by policy');
    expect(github.comments.find((c) => c.user.login === 'octocat')?.body).toContain('let me quote');

    const third = await ci('comment', '--pr', String(pr.number), '--body', 'comment.md');
    expect(third.outputs.action).toBe('unchanged');

    await ci('status', '--sha', HEAD, '--state', combine2.outputs.state, '--description', combine2.outputs.description);
    expect(github.statuses.map((s) => [s.state, s.context])).toEqual([
      ['success', 'pbxctl/plan'],
      ['failure', 'pbxctl/plan'],
    ]);
    expect(github.statuses[1].description).toMatch(/^Blocked by policy: globex/);
    expect(github.statuses[1].target_url).toBe('https://github.example/acme/phone-config/actions/runs/99');
    // every request authenticated; the token never printed
    expect(github.requests.every((r) => r.authorization === `Bearer ${github.token}`)).toBe(true);
    expectNoTokenIn(first, second, third, status1, combine1, combine2);
  });
});

describe('pbxctl ci against a fake GitHub API (2)', () => {
  it('finds the reviewed checksum of a merged PR; a matching re-plan passes, a different one is refused', async () => {
    const pr = github.addPullRequest({ headSha: HEAD, mergeCommitSha: MERGE });
    const reviewedResults = results({
      s1: { 'plan.json': '@plan-acme.json', 'plan.md': '@plan-acme.md', 'exit-code': '2' },
    });
    const combined = await ci(
      'combine-summaries',
      reviewedResults,
      '--out',
      'comment.md',
      '--head-sha',
      HEAD,
      '--shards',
      '4',
    );
    await ci('comment', '--pr', String(pr.number), '--body', 'comment.md');

    const reviewed = await ci('reviewed-plan', '--sha', MERGE, '--base-branch', 'main');
    expect(reviewed.code).toBe(0);
    expect(reviewed.outputs).toMatchObject({
      pr: String(pr.number),
      checksum: combined.outputs.checksum,
      shards: '4',
      'head-sha': HEAD,
    });

    // main re-planned to the same thing
    const same = await ci('combine-summaries', reviewedResults, '--json', 'main.json', '--out', 'main.md');
    const ok = await ci('verify-checksum', '--expected', reviewed.outputs.checksum, '--plan', 'main.json');
    expect(ok.code).toBe(0);
    expect(ok.outputs.match).toBe('true');
    expect(same.outputs.checksum).toBe(reviewed.outputs.checksum);

    // live state changed since review: the re-plan differs
    const drifted = results({ s1: { 'plan.json': '@plan-blocked.json', 'exit-code': '2' } });
    await ci('combine-summaries', drifted, '--json', 'main.json', '--out', 'main.md');
    const refused = await ci('verify-checksum', '--expected', reviewed.outputs.checksum, '--plan', 'main.json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('checksum mismatch');
    expect(refused.stderr).toContain('refusing to apply');
    expect(refused.summary).toContain('pbxctl apply refused');
    expect(refused.outputs.match).toBe('false');

    // report-apply turns the refusal into the not-converged issue
    const report = await ci('report-apply', '--results', join(cwd, 'none'), '--refused', 'checksum mismatch');
    expect(report.code).toBe(1);
    const issue = github.issues.find((i) => i.body?.includes(NOT_CONVERGED_MARKER));
    expect(issue?.state).toBe('open');
    expect(issue?.body).toContain('Apply was **refused**: checksum mismatch');
    expectNoTokenIn(reviewed, ok, refused, report);
  });
});

describe('pbxctl ci against a fake GitHub API (3)', () => {
  it('refuses when there is no merged PR, no plan comment, a forged comment, or a plan of an older push', async () => {
    const direct = await ci('reviewed-plan', '--sha', 'c3'.repeat(20));
    expect(direct.code).toBe(1);
    expect(direct.stderr).toContain('not the result of a merged pull request');

    const pr = github.addPullRequest({ headSha: HEAD, mergeCommitSha: MERGE });
    const none = await ci('reviewed-plan', '--sha', MERGE);
    expect(none.stderr).toContain('has no pbxctl plan comment');

    github.addComment(
      pr.number,
      `${PLAN_MARKER}\n<!-- pbxctl:checksum:${'e'.repeat(64)} sha:${HEAD} shards:4 -->`,
      'mallory',
    );
    const forged = await ci('reviewed-plan', '--sha', MERGE);
    expect(forged.code).toBe(1);

    github.addComment(
      pr.number,
      `${PLAN_MARKER}\n<!-- pbxctl:checksum:${'d'.repeat(64)} sha:${'f'.repeat(40)} shards:4 -->`,
    );
    const stale = await ci('reviewed-plan', '--sha', MERGE);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('the last push was never planned');

    const open = github.addPullRequest({ headSha: 'ab'.repeat(20) });
    expect(open.merged_at).toBeNull();
    const unmerged = await ci('reviewed-plan', '--sha', 'ab'.repeat(20));
    expect(unmerged.stderr).toContain('not the result of a merged pull request');
  });

  it('opens a drift issue per drifted domain, updates it, and closes it when the domain is clean', async () => {
    const drifted = results({ 'drift-shard-1-of-2': { 'drift.json': '@drift-mixed.json', 'exit-code': '2' } });
    const first = await ci('drift-issues', '--results', drifted, '--expected-jobs', '1');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ opened: ['acme.example.com'], clean: ['initech.example.com'] });
    expect(first.outputs.drifted).toBe('1');
    const issue = () => github.issues.find((i) => i.body?.includes(driftMarker('acme.example.com')));
    expect(issue()).toMatchObject({
      title: 'Drift: acme.example.com',
      state: 'open',
      labels: [{ name: 'pbxctl-drift' }],
    });
    expect(issue()?.body).toContain('| update | user | 1001 | spam | 2026-03-02T17:04:11.123Z |');

    const again = await ci('drift-issues', '--results', drifted);
    expect(JSON.parse(again.stdout).updated).toEqual(['acme.example.com']);
    expect(github.issues.filter((i) => i.title === 'Drift: acme.example.com')).toHaveLength(1);

    // a failed check is unknown: nothing is closed, the run fails
    const failed = results({ 'drift-shard-1-of-2': { 'exit-code': '1', 'drift.log': 'PlatformApiError: 503' } });
    const unknown = await ci('drift-issues', '--results', failed);
    expect(unknown.code).toBe(1);
    expect(issue()?.state).toBe('open');

    const clean = results({ 'drift-shard-1-of-2': { 'drift.json': '@drift-clean.json', 'exit-code': '0' } });
    const closed = await ci('drift-issues', '--results', clean);
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout).closed).toEqual(['acme.example.com']);
    expect(issue()?.state).toBe('closed');
    expect(github.comments.some((c) => c.issue === issue()?.number && c.body.includes('clean again'))).toBe(true);
    expect(closed.summary).toContain('no drift found');

    // drifting again opens a fresh issue rather than reopening silently
    await ci('drift-issues', '--plan', join(fixtures, 'drift-mixed.json'), '--exit-code', '2');
    expect(github.issues.filter((i) => i.title === 'Drift: acme.example.com').map((i) => i.state)).toEqual([
      'closed',
      'open',
    ]);
    expectNoTokenIn(first, again, unknown, closed);
  });
});

describe('pbxctl ci against a fake GitHub API (4)', () => {
  it('opens the not-converged issue on a partial apply, updates it, and closes it after a clean apply', async () => {
    const partial = results({
      'apply-result-1-of-2': { 'audit.jsonl': '@audit-partial.jsonl', 'exit-code': '4', 'apply.log': 'partial' },
      'apply-result-2-of-2': { 'audit.jsonl': '@audit-ok.jsonl', 'exit-code': '0' },
    });
    const opened = await ci('report-apply', '--results', partial, '--expected-jobs', '2', '--audit-out', 'audit.jsonl');
    expect(opened.code).toBe(1);
    expect(opened.outputs).toMatchObject({ converged: 'false', applied: '2', failed: '1' });
    const issue = () => github.issues.find((i) => i.body?.includes(NOT_CONVERGED_MARKER));
    expect(issue()).toMatchObject({
      state: 'open',
      title: 'pbxctl: main is not converged',
      labels: [{ name: 'pbxctl-not-converged' }],
    });
    expect(issue()?.body).toContain(
      '| acme.example.com | update | ring_group | 2000 | PUT /domains/acme.example.com/ring-groups/2000 failed with 503',
    );
    expect(readFileSync(join(cwd, 'audit.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);

    // one shard never reported (cancelled): still not converged, same issue updated
    const missing = results({ 'apply-result-1-of-2': { 'audit.jsonl': '@audit-ok.jsonl', 'exit-code': '0' } });
    const updated = await ci('report-apply', '--results', missing, '--expected-jobs', '2');
    expect(updated.code).toBe(1);
    expect(github.issues.filter((i) => i.body?.includes(NOT_CONVERGED_MARKER))).toHaveLength(1);
    expect(issue()?.body).toContain('Only 1 of 2 apply job(s) reported a result');
    expect(github.comments.some((c) => c.body.startsWith('Still not converged'))).toBe(true);

    const ok = await ci('report-apply', '--audit', join(fixtures, 'audit-ok.jsonl'), '--exit-code', '0');
    expect(ok.code).toBe(0);
    expect(ok.outputs.converged).toBe('true');
    expect(issue()?.state).toBe('closed');
    expect(ok.summary).toContain('converged');

    // converged with nothing open: no issue traffic at all
    const before = github.requests.filter((r) => r.method !== 'GET').length;
    expect((await ci('report-apply', '--audit', join(fixtures, 'audit-ok.jsonl'), '--exit-code', '0')).code).toBe(0);
    expect(github.requests.filter((r) => r.method !== 'GET').length).toBe(before);
    expectNoTokenIn(opened, updated, ok);
  });
});

describe('pbxctl ci against a fake GitHub API (5)', () => {
  it('reports API errors without the token and validates its inputs', async () => {
    const bad = await runCi(['status', '--sha', HEAD, '--state', 'success'], {
      cwd,
      env: { ...env, GITHUB_TOKEN: 'ghs_wrong_token_value' },
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('401');
    expect(bad.stderr).toContain('Bad credentials');
    expect(bad.stderr).not.toContain('ghs_wrong_token_value');

    const noToken = await runCi(['status', '--sha', HEAD, '--state', 'success'], {
      cwd,
      env: { ...env, GITHUB_TOKEN: '' },
    });
    expect(noToken.stderr).toContain('GITHUB_TOKEN is not set');

    const state = await ci('status', '--sha', HEAD, '--state', 'green');
    expect(state.code).toBe(1);
    expect(state.stderr).toContain('--state must be one of');

    const unknown = await ci('frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown ci subcommand');
    const flag = await ci('comment', '--nope');
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('Usage: pbxctl ci');

    const long = await ci('status', '--sha', HEAD, '--state', 'failure', '--description', 'x'.repeat(300));
    expect(long.code).toBe(0);
    expect(github.statuses.at(-1)?.description?.length).toBe(140);
    expectNoTokenIn(bad, noToken, state, unknown, flag, long);
  });

  it('the client pages through Link headers and honours a custom base URL', async () => {
    const pr = github.addPullRequest({ headSha: HEAD });
    for (let i = 0; i < 250; i++) github.addComment(pr.number, `c${i}`, 'octocat');
    const client = new GitHubClient({
      token: github.token,
      repository: 'acme/phone-config',
      baseUrl: `${github.url}/`,
    });
    const comments = await client.listIssueComments(pr.number);
    expect(comments).toHaveLength(250);
    expect(github.requests.filter((r) => r.path.includes('/comments')).length).toBe(3);
    expect(() => new GitHubClient({ token: 't', repository: 'nope' })).toThrow(/owner\/name/);
  });
});
