/** The shapes of a workflow file and of a local run of it (see workflow-steps.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type ConfigRepo, git, REPO_ROOT } from './config-repo';

const WORKFLOWS = join(REPO_ROOT, '.github', 'workflows');

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

export interface YamlStep {
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

export interface YamlJob {
  needs?: string | string[];
  if?: unknown;
  env?: Record<string, unknown>;
  outputs?: Record<string, string>;
  strategy?: { matrix?: unknown };
  steps: YamlStep[];
}

export interface YamlWorkflow {
  env?: Record<string, unknown>;
  jobs: Record<string, YamlJob>;
}

/** This repository's copy of a workflow (what ConfigRepo.create puts into the config repository). */
export function loadWorkflow(name: string): YamlWorkflow {
  return parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as YamlWorkflow;
}

/** The workflow as GitHub runs it: the file in the config repository at the event's commit. */
export function loadWorkflowAt(repo: ConfigRepo, sha: string, name: string): YamlWorkflow {
  return parse(git(repo.dir, 'show', `${sha}:.github/workflows/${name}`)) as YamlWorkflow;
}

export function needsOf(job: YamlJob): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

export function matrixCombos(value: unknown): Record<string, unknown>[] {
  const matrix = value as { include?: Record<string, unknown>[] } & Record<string, unknown>;
  const axes = Object.entries(matrix).filter(([k]) => k !== 'include' && k !== 'exclude');
  let combos: Record<string, unknown>[] = [{}];
  for (const [key, values] of axes)
    combos = combos.flatMap((c) => (values as unknown[]).map((v) => ({ ...c, [key]: v })));
  if (axes.length === 0) combos = [];
  return [...combos, ...(matrix.include ?? [])];
}
