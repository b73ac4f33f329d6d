import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvalPrefix, findApproval } from './approval';
import { GitHubClient } from './github-client';
import { type FakeGitHub, startFakeGitHub } from './test-support/fake-github';

/** The rules of a `/pbxctl approve` comment, each against the fake GitHub REST API. */

const CHECKSUM = 'ab12cd34ef56'.padEnd(64, '0');
const HEAD = '1'.repeat(40);
const PUSHED = '2026-03-02T10:00:00Z';
const AFTER = '2026-03-02T10:05:00Z';
const BEFORE = '2026-03-02T09:55:00Z';

let github: FakeGitHub;
let client: GitHubClient;
let pr: number;

beforeEach(async () => {
  github = await startFakeGitHub();
  github.roles.writer = 'write';
  github.roles.admin = 'admin';
  github.roles.triager = 'triage';
  github.commitDate = (sha) => (sha === HEAD ? PUSHED : undefined);
  client = new GitHubClient({ repository: `${github.owner}/${github.repo}`, token: github.token, baseUrl: github.url });
  pr = github.addPullRequest({ headSha: HEAD }).number;
});
afterEach(() => github.close());

const find = () => findApproval(client, { pr, checksum: CHECKSUM, headSha: HEAD, author: 'author' });

describe('findApproval', () => {
  it('reads the command on a line of its own, any case of hex', () => {
    expect(approvalPrefix('/pbxctl approve AB12CD34')).toBe('ab12cd34');
    expect(approvalPrefix('Thanks!\n\n/pbxctl approve ab12cd34ef\n')).toBe('ab12cd34ef');
    expect(approvalPrefix('please /pbxctl approve ab12cd34 later')).toBeUndefined();
    expect(approvalPrefix('/pbxctl approved ab12cd34')).toBeUndefined();
  });

  it('counts a writer or admin who commented after the push with a prefix of the checksum', async () => {
    github.addComment(pr, '/pbxctl approve ab12cd34', 'writer', AFTER);
    const result = await find();
    expect(result.approval).toMatchObject({ approver: 'writer', at: AFTER });
    expect(result.rejected).toEqual([]);
    // the permission was asked of GitHub, not assumed
    expect(github.requests.some((r) => r.path.endsWith('/collaborators/writer/permission'))).toBe(true);
  });

  it('refuses, with the reason, every approval that does not bind this plan to a writer after the push', async () => {
    github.addComment(pr, '/pbxctl approve ab12cd34', 'writer', BEFORE); // before the last push
    github.addComment(pr, '/pbxctl approve ab12cd35', 'admin', AFTER); // another plan
    github.addComment(pr, '/pbxctl approve ab12', 'admin', AFTER); // too short to bind anything
    github.addComment(pr, '/pbxctl approve ab12cd34', 'triager', AFTER); // read-level access
    github.addComment(pr, '/pbxctl approve ab12cd34', 'stranger', AFTER); // no access
    github.addComment(pr, '/pbxctl approve ab12cd34', 'author', AFTER); // the PR's author
    github.addComment(pr, '/pbxctl approve ab12cd34', 'github-actions[bot]', AFTER); // a bot
    const result = await find();
    expect(result.approval).toBeUndefined();
    expect(result.rejected.map((r) => [r.login, r.reason])).toEqual([
      ['writer', expect.stringContaining('a new push voids earlier approvals')],
      ['admin', expect.stringContaining('approves another plan')],
      ['admin', expect.stringContaining('shorter than 8 digits')],
      ['triager', expect.stringContaining('has triage access')],
      ['stranger', expect.stringContaining('has no access')],
      ['author', expect.stringContaining('cannot approve their own')],
      ['github-actions[bot]', expect.stringContaining('is a bot')],
    ]);
  });

  it('an approval edited after the push counts from its edit time; an unknown head commit is an error', async () => {
    const comment = github.addComment(pr, '/pbxctl approve ab12cd34', 'admin', BEFORE);
    comment.updated_at = AFTER;
    expect((await find()).approval?.approver).toBe('admin');
    await expect(findApproval(client, { pr, checksum: CHECKSUM, headSha: '9'.repeat(40) })).rejects.toThrow(/422/);
  });
});
