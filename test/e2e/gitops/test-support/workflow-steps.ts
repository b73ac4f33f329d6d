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
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseOutputs } from '../../../../gitops/actions-io';
import { CLI_MAIN } from './config-repo';
import { condition, type ExpressionContext, expand, stringify } from './expressions';
import { sh } from './step-process';
import { runUsesStep } from './uses-steps';
import {
  type JobRun,
  loadWorkflowAt,
  matrixCombos,
  needsOf,
  type RunnerOptions,
  type StepRun,
  type WorkflowEvent,
  type WorkflowRun,
  type YamlJob,
  type YamlStep,
  type YamlWorkflow,
} from './workflow-model';

export { CLI_MAIN, ConfigRepo, git, REPO_ROOT, tempRoot, writeFiles } from './config-repo';
export { sh } from './step-process';
export {
  type JobRun,
  loadWorkflow,
  type RunnerOptions,
  type StepRun,
  type WorkflowEvent,
  type WorkflowRun,
} from './workflow-model';

type Needs = Record<string, { result: string; outputs: Record<string, string> }>;
type StepsContext = Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }>;

/** What one run of a workflow shares between its jobs. */
interface RunState {
  readonly workflow: YamlWorkflow;
  readonly event: WorkflowEvent;
  readonly runId: number;
  readonly runDir: string;
  readonly eventPath: string;
  readonly artifactStore: string;
  readonly artifacts: Record<string, string>;
  readonly github: Record<string, unknown>;
  readonly jobs: WorkflowRun['jobs'];
  readonly steps: (StepRun & { job: string })[];
}

/** What one job (one matrix entry) of a run sees. */
interface JobState extends RunState {
  readonly baseContexts: Record<string, unknown>;
  readonly matrix?: Record<string, unknown>;
}

/** A step's process result. */
export type StepResult = { code: number; stdout: string; stderr: string };

function skippedStep(step: YamlStep, name: string): StepRun {
  return {
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
}

function runResult(workflowFile: string, state: RunState): WorkflowRun {
  const { steps } = state;
  return {
    workflow: workflowFile,
    runId: state.runId,
    jobs: state.jobs,
    artifacts: state.artifacts,
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

function expandEnv(
  env: Record<string, unknown> | undefined,
  ctx: ExpressionContext,
  into: Record<string, string>,
): Record<string, string> {
  const out = { ...into };
  for (const [name, value] of Object.entries(env ?? {}))
    out[name] = stringify(expand(value, { ...ctx, contexts: { ...ctx.contexts, env: out } }));
  return out;
}

/** The GITHUB_* file commands of one step: fresh empty files. */
function stepFiles(
  dir: string,
): Record<'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_ENV' | 'GITHUB_PATH', string> {
  mkdirSync(dir, { recursive: true });
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  return files;
}

export class WorkflowRunner {
  readonly workspace: string;
  readonly binDir: string;
  /**
   * Runs a `uses:` step in place of the harness's own substitute when it returns a result (for example the
   * pbxctl action, answered by a pbxctl installed from the packed tarball); `undefined` falls through.
   */
  usesOverride?: (uses: string, input: Record<string, string>, extraPath: string[]) => StepResult | undefined;
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
    const state = this.startRun(workflowFile, event);
    const { workflow, jobs } = state;
    const pending = Object.keys(workflow.jobs).filter((id) => !options.only || options.only.includes(id));
    while (pending.length > 0) {
      const index = pending.findIndex((id) =>
        needsOf(workflow.jobs[id]).every((n) => jobs[n] !== undefined || !pending.includes(n)),
      );
      if (index < 0) throw new Error(`${workflowFile}: cyclic or unsatisfiable needs among ${pending.join(', ')}`);
      const [id] = pending.splice(index, 1);
      jobs[id] = await this.runWorkflowJob(id, state, options.beforeJob);
    }
    return runResult(workflowFile, state);
  }

  private startRun(workflowFile: string, event: WorkflowEvent): RunState {
    const workflow = loadWorkflowAt(this.options.repo, event.sha, workflowFile);
    const runId = this.nextRunId++;
    const runDir = mkdtempSync(join(this.options.root, `run-${runId}-`));
    const artifactStore = join(runDir, 'artifacts');
    mkdirSync(artifactStore);
    const eventPath = join(runDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(event.payload, null, 2));
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
    return { workflow, event, runId, runDir, eventPath, artifactStore, artifacts: {}, github, jobs: {}, steps: [] };
  }

  /** One job of the run: its `if:` against its needs, then once per matrix entry (sequentially). */
  private async runWorkflowJob(
    id: string,
    state: RunState,
    beforeJob?: (job: string) => void | Promise<void>,
  ): Promise<WorkflowRun['jobs'][string]> {
    const job = state.workflow.jobs[id];
    const needs: Needs = {};
    for (const n of needsOf(job)) needs[n] = state.jobs[n] ?? { result: 'skipped', outputs: {} };
    const jobStatus = {
      success: () => Object.values(needs).every((n) => n.result === 'success'),
      failure: () => Object.values(needs).some((n) => n.result === 'failure'),
      cancelled: () => false,
    };
    const baseContexts = {
      github: state.github,
      needs,
      secrets: this.options.secrets,
      inputs: {},
      vars: {},
      env: {},
      runner: { os: 'Linux', temp: state.runDir },
    };
    const workflowEnv = expandEnv(state.workflow.env, { contexts: baseContexts, status: jobStatus }, {});
    const jobCtx: ExpressionContext = { contexts: { ...baseContexts, env: workflowEnv }, status: jobStatus };
    if (!condition(job.if, jobCtx)) return { result: 'skipped', outputs: {}, runs: [] };
    await beforeJob?.(id);
    const matrixValue = job.strategy?.matrix === undefined ? undefined : expand(job.strategy.matrix, jobCtx);
    const combos = matrixValue === undefined ? [undefined] : matrixCombos(matrixValue);
    const runs: JobRun[] = [];
    for (const matrix of combos) {
      const jobRun = await this.runJob(id, job, {
        ...state,
        baseContexts: { ...baseContexts, matrix: matrix ?? {}, strategy: {} },
        matrix,
      });
      runs.push(jobRun);
      state.steps.push(...jobRun.steps.map((s) => ({ ...s, job: id })));
    }
    const result = runs.length === 0 ? 'skipped' : runs.some((r) => r.result === 'failure') ? 'failure' : 'success';
    return { result, outputs: runs[runs.length - 1]?.outputs ?? {}, runs };
  }

  private async runJob(id: string, job: YamlJob, run: JobState): Promise<JobRun> {
    // A fresh runner: empty workspace, no pbxctl on PATH until the setup action ran.
    rmSync(this.workspace, { recursive: true, force: true });
    mkdirSync(this.workspace, { recursive: true });
    const stepsCtx: StepsContext = {};
    const done: StepRun[] = [];
    let failed = false;
    const status = { success: () => !failed, failure: () => failed, cancelled: () => false };
    const contexts = () => ({ ...run.baseContexts, steps: stepsCtx, job: { status: failed ? 'failure' : 'success' } });
    let env = expandEnv(run.workflow.env, { contexts: { ...contexts(), env: {} }, status }, {});
    env = expandEnv(job.env, { contexts: { ...contexts(), env }, status }, env);
    const extraPath: string[] = [];
    for (const [index, step] of job.steps.entries()) {
      const name = step.name ?? (step.uses ? `uses ${step.uses}` : `run ${(step.run ?? '').split('\n')[0]}`);
      const ctx: ExpressionContext = { contexts: { ...contexts(), env }, status };
      if (!condition(step.if, ctx)) {
        done.push(skippedStep(step, name));
        if (step.id) stepsCtx[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
        continue;
      }
      const stepRun = await this.runStep(id, index, step, name, { ctx, env, run, extraPath });
      if (stepRun.outcome === 'failure') failed = true;
      if (step.id)
        stepsCtx[step.id] = { outputs: stepRun.outputs, outcome: stepRun.outcome, conclusion: stepRun.outcome };
      done.push(stepRun);
    }
    const outputs: Record<string, string> = {};
    const finalCtx: ExpressionContext = { contexts: { ...contexts(), env }, status };
    for (const [name, value] of Object.entries(job.outputs ?? {})) outputs[name] = stringify(expand(value, finalCtx));
    const summary = done.map((s) => s.summary).join('');
    return { id, matrix: run.matrix, result: failed ? 'failure' : 'success', steps: done, outputs, summary };
  }

  /** One step that passed its `if:`: run it, then apply its GITHUB_ENV / GITHUB_PATH to `env` / `extraPath`. */
  private async runStep(
    id: string,
    index: number,
    step: YamlStep,
    name: string,
    at: { ctx: ExpressionContext; env: Record<string, string>; run: JobState; extraPath: string[] },
  ): Promise<StepRun> {
    const { ctx, env, run, extraPath } = at;
    const stepEnv = expandEnv(step.env, ctx, env);
    const dir = join(run.runDir, `${id}-${Object.values(run.matrix ?? {}).join('-')}-step-${index}`);
    const fileCommands = stepFiles(dir);
    let result: StepResult;
    if (step.uses) {
      const withValues: Record<string, string> = {};
      for (const [k, v] of Object.entries(step.with ?? {})) withValues[k] = stringify(expand(v, ctx));
      const runner = { workspace: this.workspace, binDir: this.binDir, repoDir: this.options.repo.dir };
      result =
        this.usesOverride?.(step.uses, withValues, extraPath) ??
        runUsesStep(runner, step.uses, withValues, run, extraPath);
    } else if (typeof step.run === 'string') {
      if (step.shell !== undefined && step.shell !== 'bash')
        throw new Error(`${id}: shell ${step.shell} is not supported by the harness`);
      const script = join(dir, 'script.sh');
      writeFileSync(script, step.run);
      const processEnv = { ...this.runnerEnv(id, run, extraPath), ...fileCommands, ...stepEnv };
      const cwd = step['working-directory'] ? resolve(this.workspace, step['working-directory']) : this.workspace;
      // The runner's default for `run:` without `shell:` on Linux is `bash -e {0}`.
      result = await sh('bash', ['--noprofile', '--norc', '-e', script], { cwd, env: processEnv });
    } else throw new Error(`${id}: step ${index + 1} has neither run nor uses`);
    const outputs = parseOutputs(readFileSync(fileCommands.GITHUB_OUTPUT, 'utf8'));
    const summary = readFileSync(fileCommands.GITHUB_STEP_SUMMARY, 'utf8');
    for (const line of readFileSync(fileCommands.GITHUB_PATH, 'utf8').split('\n').filter(Boolean))
      extraPath.unshift(line);
    Object.assign(env, parseOutputs(readFileSync(fileCommands.GITHUB_ENV, 'utf8')));
    const outcome = result.code === 0 ? 'success' : 'failure';
    const exitCode = step.uses ? undefined : result.code;
    const { stdout, stderr } = result;
    return {
      name,
      id: step.id,
      kind: step.uses ? 'uses' : 'run',
      run: step.run,
      env: stepEnv,
      outcome,
      exitCode,
      stdout,
      stderr,
      outputs,
      summary,
    };
  }

  /** The environment the runner gives every `run:` step (before the step's own `env:`). */
  private runnerEnv(id: string, run: JobState, extraPath: readonly string[]): Record<string, string> {
    return {
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
    };
  }
}
