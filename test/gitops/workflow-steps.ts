/**
 * A local runner for the pbxctl GitOps workflows: it reads `.github/workflows/<name>.yml` from the config
 * repository at the event's commit (a copy of this repository's files unless a test edits them), evaluates the jobs'
 * `needs`/`if:`/matrix/`outputs` and every step's `env:` and `if:` with a small expression evaluator, and runs
 * the `run:` scripts VERBATIM with bash in a runner workspace checked out from a temporary config repository.
 * `pbxctl` on PATH is a shim that execs the built CLI (`node dist/reconciler/cli/main.js`), so every step runs
 * exactly as GitHub would run it; the platform is the emulator and GitHub is the fake REST server.
 *
 * Substitutions for `uses:` steps (the only parts not taken from the YAML as written):
 *   actions/checkout           → empty the workspace, `git clone` the config repository into it and check out
 *                                 `github.sha` detached (full history, as `fetch-depth: 0`; never persists
 *                                 credentials). The workspace path is the same for every job, like
 *                                 /home/runner/work/<repo>/<repo> on hosted runners, so absolute paths in a
 *                                 plan.json stay valid from the plan job to the apply job.
 *   ./.github/actions/setup-pbxctl → put the `pbxctl` shim directory on PATH (the composite action runs
 *                                 setup-node and `npm ci`, which need the network; in a config repository it
 *                                 ends with `node_modules/.bin` on PATH, which is what the shim stands for).
 *   actions/upload-artifact    → copy `path` (a directory's contents, or several files relative to their
 *                                 common directory) into a per-run artifact store; honours `if-no-files-found`
 *                                 and refuses a duplicate name, like v4.
 *   actions/download-artifact  → `name:` copies one artifact into `path`; `pattern:` copies each matching
 *                                 artifact into `path/<artifact name>/` (v4 without merge-multiple).
 *
 * Runner behaviour reproduced: default shell `bash -e {0}`; a fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
 * GITHUB_ENV / GITHUB_PATH file per step; secrets reach a step only through its `env:`; GITHUB_TOKEN is not in
 * the environment unless a step maps `${{ github.token }}`; matrix jobs run once per `include` entry
 * (sequentially) and fail if any entry fails; a failed step skips later steps unless their `if:` uses a status
 * function. Not reproduced: concurrency groups, environments' protection rules, permissions (the fake GitHub
 * accepts the one token for everything), timeouts other than a generous per-step limit.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { parseOutputs } from '../../gitops/actions-io';
import { condition, type ExpressionContext, expand, stringify } from './expressions';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const CLI_MAIN = join(REPO_ROOT, 'dist', 'reconciler', 'cli', 'main.js');
const WORKFLOWS = join(REPO_ROOT, '.github', 'workflows');
const STEP_TIMEOUT_MS = 90_000;

// ---- git: the config repository ----------------------------------------------------------------------------

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Office Manager',
      GIT_AUTHOR_EMAIL: 'om@acme.example.com',
      GIT_COMMITTER_NAME: 'Office Manager',
      GIT_COMMITTER_EMAIL: 'om@acme.example.com',
    },
  }).trim();
}

/** Write (string) or delete (null) files relative to `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string | null>>): void {
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    if (text === null) rmSync(path, { recursive: true, force: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
}

/**
 * The config repository "on GitHub": a git repository with a `main` branch holding `domains/` and a copy of
 * this repository's `.github/` (so the workflows and the setup action are the ones under test).
 */
export class ConfigRepo {
  constructor(readonly dir: string) {}

  static create(parent: string, files: Readonly<Record<string, string | null>>): ConfigRepo {
    const dir = join(parent, 'origin');
    mkdirSync(dir, { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    cpSync(join(REPO_ROOT, '.github'), join(dir, '.github'), { recursive: true });
    writeFiles(dir, {
      'package.json': `${JSON.stringify({ private: true, devDependencies: { pbxctl: '0.1.0' } }, null, 2)}\n`,
      ...files,
    });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Initial desired state');
    return new ConfigRepo(dir);
  }

  sha(ref = 'HEAD'): string {
    return git(this.dir, 'rev-parse', ref);
  }

  /** Commit `files` on `branch` (created from `from` when new); returns the commit sha. */
  commit(branch: string, files: Readonly<Record<string, string | null>>, message: string, from = 'main'): string {
    const exists = git(this.dir, 'branch', '--list', branch) !== '';
    git(this.dir, 'checkout', '-q', exists ? branch : '-b', ...(exists ? [] : [branch, from]));
    writeFiles(this.dir, files);
    git(this.dir, 'add', '-A');
    git(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
    const sha = this.sha();
    git(this.dir, 'checkout', '-q', 'main');
    return sha;
  }

  /**
   * The commit GitHub builds for `refs/pull/N/merge` (the PR head merged into the base tip); it is what a
   * pull_request workflow checks out and what `github.sha` is. Kept reachable under refs/pull/merge-<head>.
   */
  testMergeCommit(head: string, base = 'main'): string {
    git(this.dir, 'checkout', '-q', '--detach', base);
    git(this.dir, 'merge', '-q', '--no-ff', '-m', `Merge ${head.slice(0, 7)} into ${base}`, head);
    const sha = this.sha();
    git(this.dir, 'update-ref', `refs/pull/merge-${head}`, sha);
    git(this.dir, 'checkout', '-q', 'main');
    return sha;
  }

  /** Merge `head` into main with a merge commit (the "Merge pull request" button); returns the new main sha. */
  merge(head: string, message = 'Merge pull request'): string {
    git(this.dir, 'checkout', '-q', 'main');
    git(this.dir, 'merge', '-q', '--no-ff', '-m', message, head);
    return this.sha();
  }
}

// ---- the runner -------------------------------------------------------------------------------------------

export interface RunnerOptions {
  readonly repo: ConfigRepo;
  /** owner/name */
  readonly repository: string;
  readonly githubApiUrl: string;
  readonly githubToken: string;
  /** `secrets.*` as the repository (and the production environment) would provide them. */
  readonly secrets: Readonly<Record<string, string>>;
  /** Scratch space: workspace, artifact stores, event files, the shim. */
  readonly root: string;
}

export interface WorkflowEvent {
  readonly name: 'pull_request' | 'push' | 'schedule' | 'workflow_dispatch';
  readonly payload: Record<string, unknown>;
  readonly sha: string;
  readonly ref: string;
}

export interface StepRun {
  readonly name: string;
  readonly id?: string;
  readonly kind: 'run' | 'uses';
  readonly run?: string;
  readonly env: Record<string, string>;
  readonly outcome: 'success' | 'failure' | 'skipped';
  readonly exitCode?: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

export interface JobRun {
  readonly id: string;
  readonly matrix?: Record<string, unknown>;
  readonly result: 'success' | 'failure' | 'skipped';
  readonly steps: StepRun[];
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

export interface WorkflowRun {
  readonly workflow: string;
  readonly runId: number;
  readonly jobs: Record<
    string,
    { result: 'success' | 'failure' | 'skipped'; outputs: Record<string, string>; runs: JobRun[] }
  >;
  /** Uploaded artifacts: name → directory. */
  readonly artifacts: Record<string, string>;
  /** Every step of every job, in execution order. */
  readonly steps: (StepRun & { job: string })[];
  /** Find a step by job id and (part of) its name or its `run:` text. */
  step(job: string, match: string | RegExp): StepRun & { job: string };
  /** Everything the steps printed, for failure messages. */
  log(): string;
}

interface YamlStep {
  name?: string;
  id?: string;
  if?: unknown;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'working-directory'?: string;
}

interface YamlJob {
  needs?: string | string[];
  if?: unknown;
  env?: Record<string, unknown>;
  outputs?: Record<string, string>;
  strategy?: { matrix?: unknown };
  steps: YamlStep[];
}

interface YamlWorkflow {
  env?: Record<string, unknown>;
  jobs: Record<string, YamlJob>;
}

/** This repository's copy of a workflow (what ConfigRepo.create puts into the config repository). */
export function loadWorkflow(name: string): YamlWorkflow {
  return parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as YamlWorkflow;
}

/** The workflow as GitHub runs it: the file in the config repository at the event's commit. */
function loadWorkflowAt(repo: ConfigRepo, sha: string, name: string): YamlWorkflow {
  return parse(git(repo.dir, 'show', `${sha}:.github/workflows/${name}`)) as YamlWorkflow;
}

function needsOf(job: YamlJob): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** Run a process asynchronously (never execFileSync: the emulator and the fake GitHub share this event loop). */
export function sh(command: string, args: string[], options: { cwd: string; env: Record<string, string> }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
    // Asynchronous on purpose: the emulator and the fake GitHub live in this process's event loop.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

function copyContents(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) cpSync(join(from, entry), join(to, entry), { recursive: true });
}

export class WorkflowRunner {
  readonly workspace: string;
  readonly binDir: string;
  private nextRunId = 1000;

  constructor(readonly options: RunnerOptions) {
    // One fixed workspace path for every job, like a hosted runner's /home/runner/work/<repo>/<repo>.
    const [, name] = options.repository.split('/');
    this.workspace = join(options.root, 'runner', 'work', name, name);
    this.binDir = join(options.root, 'runner', 'bin');
    mkdirSync(this.binDir, { recursive: true });
    const shim = join(this.binDir, 'pbxctl');
    writeFileSync(
      shim,
      `#!/usr/bin/env bash\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_MAIN)} "$@"\n`,
    );
    chmodSync(shim, 0o755);
  }

  async run(
    workflowFile: string,
    event: WorkflowEvent,
    options: {
      only?: readonly string[];
      /** Called before each job that runs (after its `if:` passed): lets a test act "between jobs". */
      beforeJob?: (job: string) => void | Promise<void>;
    } = {},
  ): Promise<WorkflowRun> {
    const workflow = loadWorkflowAt(this.options.repo, event.sha, workflowFile);
    const runId = this.nextRunId++;
    const runDir = mkdtempSync(join(this.options.root, `run-${runId}-`));
    const artifactStore = join(runDir, 'artifacts');
    mkdirSync(artifactStore);
    const eventPath = join(runDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(event.payload, null, 2));
    const artifacts: Record<string, string> = {};
    const jobs: WorkflowRun['jobs'] = {};
    const steps: (StepRun & { job: string })[] = [];
    const github = {
      event_name: event.name,
      event: event.payload,
      sha: event.sha,
      ref: event.ref,
      repository: this.options.repository,
      repository_owner: this.options.repository.split('/')[0],
      token: this.options.githubToken,
      run_id: String(runId),
      run_attempt: '1',
      actor: 'office-manager',
      workspace: this.workspace,
      api_url: this.options.githubApiUrl,
      server_url: 'https://github.example',
    };
    const workflowEnv = (ctx: ExpressionContext) => this.expandEnv(workflow.env, ctx, {});

    const pending = Object.keys(workflow.jobs).filter((id) => !options.only || options.only.includes(id));
    while (pending.length > 0) {
      const index = pending.findIndex((id) =>
        needsOf(workflow.jobs[id]).every((n) => jobs[n] !== undefined || !pending.includes(n)),
      );
      if (index < 0) throw new Error(`${workflowFile}: cyclic or unsatisfiable needs among ${pending.join(', ')}`);
      const [id] = pending.splice(index, 1);
      const job = workflow.jobs[id];
      const needs: Record<string, { result: string; outputs: Record<string, string> }> = {};
      for (const n of needsOf(job)) needs[n] = jobs[n] ?? { result: 'skipped', outputs: {} };
      const jobStatus = {
        success: () => Object.values(needs).every((n) => n.result === 'success'),
        failure: () => Object.values(needs).some((n) => n.result === 'failure'),
        cancelled: () => false,
      };
      const baseContexts = {
        github,
        needs,
        secrets: this.options.secrets,
        inputs: {},
        vars: {},
        env: {},
        runner: { os: 'Linux', temp: runDir },
      };
      const jobCtx: ExpressionContext = {
        contexts: { ...baseContexts, env: workflowEnv({ contexts: baseContexts, status: jobStatus }) },
        status: jobStatus,
      };
      if (!condition(job.if, jobCtx)) {
        jobs[id] = { result: 'skipped', outputs: {}, runs: [] };
        continue;
      }
      await options.beforeJob?.(id);
      const matrixValue = job.strategy?.matrix === undefined ? undefined : expand(job.strategy.matrix, jobCtx);
      const combos = matrixValue === undefined ? [undefined] : matrixCombos(matrixValue);
      const runs: JobRun[] = [];
      for (const matrix of combos) {
        const jobRun = await this.runJob(id, job, {
          workflowEnv: workflow.env,
          baseContexts: { ...baseContexts, matrix: matrix ?? {}, strategy: {} },
          matrix,
          eventPath,
          event,
          runId,
          runDir,
          artifactStore,
          artifacts,
        });
        runs.push(jobRun);
        steps.push(...jobRun.steps.map((s) => ({ ...s, job: id })));
      }
      const result = runs.length === 0 ? 'skipped' : runs.some((r) => r.result === 'failure') ? 'failure' : 'success';
      jobs[id] = { result, outputs: runs[runs.length - 1]?.outputs ?? {}, runs };
    }
    return {
      workflow: workflowFile,
      runId,
      jobs,
      artifacts,
      steps,
      step(job, match) {
        const found = steps.find(
          (s) =>
            s.job === job &&
            (typeof match === 'string'
              ? s.name.includes(match) || (s.run ?? '').includes(match)
              : match.test(s.name) || match.test(s.run ?? '')),
        );
        if (!found) throw new Error(`no step ${String(match)} ran in job ${job}`);
        return found;
      },
      log: () =>
        steps
          .map(
            (s) =>
              `--- ${s.job} / ${s.name}: ${s.outcome}${s.exitCode !== undefined ? ` (exit ${s.exitCode})` : ''}\n${s.stdout}${s.stderr}`,
          )
          .join('\n'),
    };
  }

  private expandEnv(
    env: Record<string, unknown> | undefined,
    ctx: ExpressionContext,
    into: Record<string, string>,
  ): Record<string, string> {
    const out = { ...into };
    for (const [name, value] of Object.entries(env ?? {}))
      out[name] = stringify(expand(value, { ...ctx, contexts: { ...ctx.contexts, env: out } }));
    return out;
  }

  private async runJob(
    id: string,
    job: YamlJob,
    run: {
      workflowEnv?: Record<string, unknown>;
      baseContexts: Record<string, unknown>;
      matrix?: Record<string, unknown>;
      eventPath: string;
      event: WorkflowEvent;
      runId: number;
      runDir: string;
      artifactStore: string;
      artifacts: Record<string, string>;
    },
  ): Promise<JobRun> {
    // A fresh runner: empty workspace, no pbxctl on PATH until the setup action ran.
    rmSync(this.workspace, { recursive: true, force: true });
    mkdirSync(this.workspace, { recursive: true });
    const stepsCtx: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
    const done: StepRun[] = [];
    let failed = false;
    const status = { success: () => !failed, failure: () => failed, cancelled: () => false };
    const contexts = () => ({ ...run.baseContexts, steps: stepsCtx, job: { status: failed ? 'failure' : 'success' } });
    let env = this.expandEnv(run.workflowEnv, { contexts: { ...contexts(), env: {} }, status }, {});
    env = this.expandEnv(job.env, { contexts: { ...contexts(), env }, status }, env);
    const extraPath: string[] = [];
    const jobSummary: string[] = [];
    for (const [index, step] of job.steps.entries()) {
      const name = step.name ?? (step.uses ? `uses ${step.uses}` : `run ${(step.run ?? '').split('\n')[0]}`);
      const ctx: ExpressionContext = { contexts: { ...contexts(), env }, status };
      if (!condition(step.if, ctx)) {
        const skipped: StepRun = {
          name,
          id: step.id,
          kind: step.uses ? 'uses' : 'run',
          run: step.run,
          env: {},
          outcome: 'skipped',
          stdout: '',
          stderr: '',
          outputs: {},
          summary: '',
        };
        done.push(skipped);
        if (step.id) stepsCtx[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
        continue;
      }
      const stepEnv = this.expandEnv(step.env, ctx, env);
      const files = join(run.runDir, `${id}-${Object.values(run.matrix ?? {}).join('-')}-step-${index}`);
      mkdirSync(files, { recursive: true });
      const fileCommands = {
        GITHUB_OUTPUT: join(files, 'output'),
        GITHUB_STEP_SUMMARY: join(files, 'summary'),
        GITHUB_ENV: join(files, 'env'),
        GITHUB_PATH: join(files, 'path'),
      };
      for (const file of Object.values(fileCommands)) writeFileSync(file, '');
      let result: { code: number; stdout: string; stderr: string };
      if (step.uses) {
        const withValues: Record<string, string> = {};
        for (const [k, v] of Object.entries(step.with ?? {})) withValues[k] = stringify(expand(v, ctx));
        result = this.uses(step.uses, withValues, run, extraPath);
      } else if (typeof step.run === 'string') {
        if (step.shell !== undefined && step.shell !== 'bash')
          throw new Error(`${id}: shell ${step.shell} is not supported by the harness`);
        const script = join(files, 'script.sh');
        writeFileSync(script, step.run);
        const processEnv: Record<string, string> = {
          HOME: join(this.options.root, 'runner', 'home'),
          PATH: [...extraPath, ...(process.env.PATH ?? '').split(':')].join(':'),
          LANG: 'C.UTF-8',
          CI: 'true',
          GITHUB_ACTIONS: 'true',
          GITHUB_WORKSPACE: this.workspace,
          GITHUB_REPOSITORY: this.options.repository,
          GITHUB_REPOSITORY_OWNER: this.options.repository.split('/')[0],
          GITHUB_API_URL: this.options.githubApiUrl,
          GITHUB_SERVER_URL: 'https://github.example',
          GITHUB_RUN_ID: String(run.runId),
          GITHUB_RUN_ATTEMPT: '1',
          GITHUB_SHA: run.event.sha,
          GITHUB_REF: run.event.ref,
          GITHUB_EVENT_NAME: run.event.name,
          GITHUB_EVENT_PATH: run.eventPath,
          GITHUB_ACTOR: 'office-manager',
          GITHUB_JOB: id,
          RUNNER_TEMP: run.runDir,
          ...fileCommands,
          ...stepEnv,
        };
        const cwd = step['working-directory'] ? resolve(this.workspace, step['working-directory']) : this.workspace;
        // The runner's default for `run:` without `shell:` on Linux is `bash -e {0}`.
        result = await sh('bash', ['--noprofile', '--norc', '-e', script], { cwd, env: processEnv });
      } else throw new Error(`${id}: step ${index + 1} has neither run nor uses`);
      const outputs = parseOutputs(readFileSync(fileCommands.GITHUB_OUTPUT, 'utf8'));
      const summary = readFileSync(fileCommands.GITHUB_STEP_SUMMARY, 'utf8');
      jobSummary.push(summary);
      for (const line of readFileSync(fileCommands.GITHUB_PATH, 'utf8').split('\n').filter(Boolean))
        extraPath.unshift(line);
      Object.assign(env, parseOutputs(readFileSync(fileCommands.GITHUB_ENV, 'utf8')));
      const outcome = result.code === 0 ? 'success' : 'failure';
      if (outcome === 'failure') failed = true;
      if (step.id) stepsCtx[step.id] = { outputs, outcome, conclusion: outcome };
      done.push({
        name,
        id: step.id,
        kind: step.uses ? 'uses' : 'run',
        run: step.run,
        env: stepEnv,
        outcome,
        exitCode: step.uses ? undefined : result.code,
        stdout: result.stdout,
        stderr: result.stderr,
        outputs,
        summary,
      });
    }
    const outputs: Record<string, string> = {};
    const finalCtx: ExpressionContext = { contexts: { ...contexts(), env }, status };
    for (const [name, value] of Object.entries(job.outputs ?? {})) outputs[name] = stringify(expand(value, finalCtx));
    return {
      id,
      matrix: run.matrix,
      result: failed ? 'failure' : 'success',
      steps: done,
      outputs,
      summary: jobSummary.join(''),
    };
  }

  /** The local equivalents of the `uses:` steps (see the header comment). */
  private uses(
    uses: string,
    input: Record<string, string>,
    run: { event: WorkflowEvent; artifactStore: string; artifacts: Record<string, string> },
    extraPath: string[],
  ): { code: number; stdout: string; stderr: string } {
    const action = uses.replace(/@.*$/, '');
    const ok = (stdout: string) => ({ code: 0, stdout, stderr: '' });
    const fail = (stderr: string) => ({ code: 1, stdout: '', stderr });
    switch (action) {
      case 'actions/checkout': {
        if (input['persist-credentials'] !== 'false') return fail('checkout without persist-credentials: false');
        rmSync(this.workspace, { recursive: true, force: true });
        mkdirSync(dirname(this.workspace), { recursive: true });
        git(dirname(this.workspace), 'clone', '-q', '--no-checkout', this.options.repo.dir, this.workspace);
        git(this.workspace, 'fetch', '-q', 'origin', '+refs/pull/*:refs/remotes/pull/*');
        git(this.workspace, 'checkout', '-q', '--detach', run.event.sha);
        return ok(`checked out ${run.event.sha}`);
      }
      case './.github/actions/setup-pbxctl': {
        if (!existsSync(join(this.workspace, '.github', 'actions', 'setup-pbxctl', 'action.yml')))
          return fail('setup action not found (no checkout?)');
        extraPath.unshift(this.binDir);
        return ok('pbxctl shim on PATH');
      }
      case 'actions/upload-artifact': {
        const name = input.name;
        if (!name) return fail('upload-artifact: name is required');
        if (run.artifacts[name]) return fail(`upload-artifact: an artifact named ${name} already exists in this run`);
        const paths = input.path
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => resolve(this.workspace, p))
          .filter((p) => existsSync(p));
        const files = paths.flatMap((p) => (statSync(p).isDirectory() ? listFiles(p) : [p]));
        if (files.length === 0) {
          const mode = input['if-no-files-found'] ?? 'warn';
          if (mode === 'error')
            return fail(`upload-artifact: no files were found with the provided path: ${input.path}`);
          return ok(`no files for ${name} (${mode})`);
        }
        const target = join(run.artifactStore, name);
        if (paths.length === 1 && statSync(paths[0]).isDirectory()) copyContents(paths[0], target);
        else {
          const base = commonDir(paths);
          for (const file of files) cpSync(file, join(target, relative(base, file)), { recursive: true });
        }
        run.artifacts[name] = target;
        return ok(`uploaded ${name}: ${files.length} file(s)`);
      }
      case 'actions/download-artifact': {
        const dest = resolve(this.workspace, input.path ?? '.');
        if (input.name) {
          const dir = run.artifacts[input.name];
          if (!dir) return fail(`download-artifact: artifact ${input.name} not found`);
          copyContents(dir, dest);
          return ok(`downloaded ${input.name}`);
        }
        const pattern = globRegExp(input.pattern ?? '*');
        const names = Object.keys(run.artifacts).filter((n) => pattern.test(n));
        for (const n of names)
          copyContents(run.artifacts[n], input['merge-multiple'] === 'true' ? dest : join(dest, n));
        return ok(`downloaded ${names.length} artifact(s): ${names.join(', ')}`);
      }
      default:
        throw new Error(`the harness has no local equivalent for uses: ${uses}`);
    }
  }
}

function matrixCombos(value: unknown): Record<string, unknown>[] {
  const matrix = value as { include?: Record<string, unknown>[] } & Record<string, unknown>;
  const axes = Object.entries(matrix).filter(([k]) => k !== 'include' && k !== 'exclude');
  let combos: Record<string, unknown>[] = [{}];
  for (const [key, values] of axes)
    combos = combos.flatMap((c) => (values as unknown[]).map((v) => ({ ...c, [key]: v })));
  if (axes.length === 0) combos = [];
  return [...combos, ...(matrix.include ?? [])];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function commonDir(paths: readonly string[]): string {
  const parts = paths.map((p) => dirname(p).split(sep));
  const first = parts[0];
  let n = first.length;
  for (const p of parts) {
    let i = 0;
    while (i < n && p[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

function globRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
}

export function tempRoot(prefix = 'pbxctl-gitops-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
