/**
 * The root composite action (action.yml), its `run:` steps executed as written with bash (setup-node and
 * actions/cache are GitHub's; here Node is this one and the cache misses): it builds pbxctl from the action's own
 * checkout, installs it into the cache prefix and puts it on PATH. With nothing installed, the last step fails
 * with an error annotation instead of passing.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { condition, expand } from '../gitops/test-support/expressions';
import { cleanEnv, onPath, REPO_ROOT, run, Scratch, show } from './install-helpers';

const HAVE_TOOLS = onPath('npm') && onPath('git') && onPath('bash');
if (!HAVE_TOOLS) console.warn('\n*** action.yml E2E SKIPPED: npm, git or bash not on PATH ***\n');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}

const scratch = new Scratch();
afterAll(() => scratch.cleanup(), 60_000);

/** Run the action's `run:` steps; returns each step's result and the PATH additions. */
async function runAction(actionPath: string, toolCache: string, temp: string) {
  const steps = (parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } }).runs.steps;
  const outputs: Record<string, { outputs: Record<string, string> }> = { cache: { outputs: { 'cache-hit': 'false' } } };
  const paths: string[] = [];
  const results: Record<string, { code: number; stdout: string; stderr: string }> = {};
  for (const [index, step] of steps.entries()) {
    if (step.uses) continue;
    const ctx = {
      contexts: {
        github: { action_path: actionPath },
        runner: { tool_cache: toolCache, os: 'Linux', temp },
        inputs: { 'node-version': '20' },
        steps: outputs,
      },
      status: { success: () => true, failure: () => false, cancelled: () => false },
    };
    if (step.if !== undefined && !condition(step.if, ctx)) continue;
    const files = { out: join(temp, `out-${index}`), path: join(temp, `path-${index}`) };
    writeFileSync(files.out, '');
    writeFileSync(files.path, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, String(expand(v, ctx))]));
    const r = await run('bash', ['-e', '-c', step.run ?? ''], {
      cwd: temp,
      env: cleanEnv({
        ...env,
        RUNNER_OS: 'Linux',
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: files.out,
        GITHUB_PATH: files.path,
      }),
      timeoutMs: 900_000,
    });
    results[step.id ?? String(index)] = r;
    if (r.code !== 0) break;
    const out = Object.fromEntries(
      readFileSync(files.out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    if (step.id) outputs[step.id] = { outputs: out };
    paths.push(...readFileSync(files.path, 'utf8').split('\n').filter(Boolean));
  }
  return { results, outputs, paths };
}

describe.skipIf(!HAVE_TOOLS)('action.yml (composite) run as written', () => {
  it('builds pbxctl at the action ref, installs it in the tool cache and puts it on PATH', async () => {
    const actionPath = join(scratch.dir('action'), 'pbxctl');
    const cloned = await run('git', ['clone', '-q', REPO_ROOT, actionPath], { cwd: REPO_ROOT, timeoutMs: 120_000 });
    expect(cloned.code, show(cloned)).toBe(0);
    const toolCache = scratch.dir('tool-cache');
    const { results, outputs, paths } = await runAction(actionPath, toolCache, scratch.dir('runner-temp'));
    for (const [id, r] of Object.entries(results)) expect(r.code, `${id}\n${show(r)}`).toBe(0);
    const prefix = outputs.locate.outputs.prefix;
    expect(prefix.startsWith(join(toolCache, 'pbxctl'))).toBe(true);
    expect(paths).toEqual([join(prefix, 'bin')]);
    const { version } = JSON.parse(readFileSync(join(actionPath, 'package.json'), 'utf8'));
    expect(outputs.check.outputs.version).toBe(version);
    const direct = await run(join(prefix, 'bin', 'pbxctl'), ['--version'], { cwd: toolCache });
    expect(direct.stdout.trim()).toBe(`pbxctl ${version}`);
  }, 1_200_000);

  it('fails loudly, with an error annotation, when pbxctl is not installed', async () => {
    const temp = scratch.dir('runner-temp');
    const steps = (parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } }).runs
      .steps;
    const check = steps.find((s) => s.id === 'check') as Step;
    const out = join(temp, 'out');
    const path = join(temp, 'path');
    appendFileSync(out, '');
    appendFileSync(path, '');
    const r = await run('bash', ['-e', '-c', check.run ?? ''], {
      cwd: temp,
      env: cleanEnv({ PREFIX: join(temp, 'nothing-here'), RUNNER_OS: 'Linux', GITHUB_OUTPUT: out, GITHUB_PATH: path }),
    });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('::error title=pbxctl::pbxctl is not installed');
    expect(readFileSync(path, 'utf8')).toBe('');
  });
});
