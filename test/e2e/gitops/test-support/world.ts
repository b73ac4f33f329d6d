/**
 * One GitOps "world" per test: the emulator (the platform), the fake GitHub REST server, a config repository
 * in git, and the workflow runner. Helpers play the parts GitHub plays between runs: opening a PR, pushing to
 * it, merging it, and building the event payloads.
 */
import { rmSync } from 'node:fs';
import { type EmulatorSeed, type RunningEmulator, startEmulator } from '../../../../emulator';
import { type FakeGitHub, type FakePull, startFakeGitHub } from '../../../../gitops/test-support/fake-github';
import { API_KEY } from '../../../test-support/helpers';
import { ConfigRepo, git, tempRoot, type WorkflowEvent, type WorkflowRun, WorkflowRunner } from './workflow-steps';

export interface World {
  readonly root: string;
  readonly emu: RunningEmulator;
  readonly github: FakeGitHub;
  readonly repo: ConfigRepo;
  readonly runner: WorkflowRunner;
  /** Open a PR from `branch` (its commit `head`); returns the fake PR and the pull_request event. */
  openPullRequest(branch: string, head: string): { pull: FakePull; event: WorkflowEvent };
  /** A new push to an open PR: the synchronize event for the new head. */
  pushToPullRequest(pull: FakePull, head: string): WorkflowEvent;
  /** Merge the PR into main (merge commit) and return the push event the merge triggers. */
  mergePullRequest(pull: FakePull): WorkflowEvent;
  /** A push straight to main (no PR). */
  pushToMain(files: Record<string, string | null>, message: string): WorkflowEvent;
  scheduleEvent(): WorkflowEvent;
  plan(event: WorkflowEvent): Promise<WorkflowRun>;
  apply(event: WorkflowEvent, beforeJob?: (job: string) => void): Promise<WorkflowRun>;
  drift(): Promise<WorkflowRun>;
  /** Non-GET requests the emulator received since the last `emu.requests.reset()`. */
  writes(): ReturnType<RunningEmulator['requests']['list']>;
  close(): Promise<void>;
}

export async function startWorld(
  seed: EmulatorSeed,
  files: Record<string, string>,
  extraSecrets: Record<string, string> = {},
): Promise<World> {
  const root = tempRoot();
  const emu = await startEmulator({ seed, apiKeys: [API_KEY] });
  const github = await startFakeGitHub();
  const repo = ConfigRepo.create(root, files);
  // GET /commits/{sha} answers with the real committer date of the config repository's commit.
  github.commitDate = (sha) => git(repo.dir, 'show', '-s', '--format=%cI', sha).trim() || undefined;
  const repository = `${github.owner}/${github.repo}`;
  const runner = new WorkflowRunner({
    repo,
    repository,
    githubApiUrl: github.url,
    githubToken: github.token,
    secrets: { NS_API_URL: emu.url, NS_API_KEY: API_KEY, ...extraSecrets },
    root,
  });
  const events = eventMaker(repo, { full_name: repository, name: github.repo, owner: { login: github.owner } });
  const { prEvent, pushEvent, scheduleEvent } = events;

  return {
    root,
    emu,
    github,
    repo,
    runner,
    openPullRequest(branch, head) {
      const pull = github.addPullRequest({ headSha: head, title: `Change from ${branch}` });
      pull.head.ref = branch;
      return { pull, event: prEvent(pull, 'opened') };
    },
    pushToPullRequest(pull, head) {
      pull.head.sha = head;
      pull.commits.push(head);
      return prEvent(pull, 'synchronize');
    },
    mergePullRequest(pull) {
      const before = repo.sha('main');
      const after = repo.merge(pull.head.sha, `Merge pull request #${pull.number} from ${pull.head.ref}`);
      pull.state = 'closed';
      pull.merged_at = new Date().toISOString();
      pull.merge_commit_sha = after;
      pull.commits.push(after);
      const issue = github.issues.find((i) => i.number === pull.number);
      if (issue) issue.state = 'closed';
      return pushEvent(before, after);
    },
    pushToMain(files, message) {
      const before = repo.sha('main');
      const after = repo.commit('main', files, message);
      return pushEvent(before, after);
    },
    scheduleEvent,
    plan: (event) => runner.run('plan.yml', event),
    apply: (event, beforeJob) => runner.run('apply.yml', event, { beforeJob }),
    drift: () => runner.run('drift.yml', scheduleEvent()),
    writes: () => emu.requests.list().filter((r) => r.method !== 'GET'),
    async close() {
      await Promise.allSettled([emu.close(), github.close()]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The event payloads GitHub would send, for the config repository `repo`. */
function eventMaker(repo: ConfigRepo, repoPayload: Record<string, unknown>) {
  function prEvent(pull: FakePull, action: string): WorkflowEvent {
    const base = repo.sha('main');
    const merge = repo.testMergeCommit(pull.head.sha);
    return {
      name: 'pull_request',
      sha: merge,
      ref: `refs/pull/${pull.number}/merge`,
      payload: {
        action,
        number: pull.number,
        pull_request: {
          number: pull.number,
          head: { sha: pull.head.sha, ref: pull.head.ref },
          base: { sha: base, ref: 'main' },
          merged: false,
        },
        repository: repoPayload,
      },
    };
  }

  function pushEvent(before: string, after: string): WorkflowEvent {
    return {
      name: 'push',
      sha: after,
      ref: 'refs/heads/main',
      payload: { ref: 'refs/heads/main', before, after, repository: repoPayload },
    };
  }

  function scheduleEvent(): WorkflowEvent {
    return {
      name: 'schedule',
      sha: repo.sha('main'),
      ref: 'refs/heads/main',
      payload: { schedule: '17 5 * * *', repository: repoPayload },
    };
  }

  return { prEvent, pushEvent, scheduleEvent };
}
