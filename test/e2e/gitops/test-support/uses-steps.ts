/** The local equivalents of the `uses:` steps (see the header comment of workflow-steps.ts). */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { git } from './config-repo';
import type { WorkflowEvent } from './workflow-model';

export interface UsesRunner {
  readonly workspace: string;
  readonly binDir: string;
  /** The config repository to clone. */
  readonly repoDir: string;
}

export function runUsesStep(
  runner: UsesRunner,
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
      rmSync(runner.workspace, { recursive: true, force: true });
      mkdirSync(dirname(runner.workspace), { recursive: true });
      git(dirname(runner.workspace), 'clone', '-q', '--no-checkout', runner.repoDir, runner.workspace);
      git(runner.workspace, 'fetch', '-q', 'origin', '+refs/pull/*:refs/remotes/pull/*');
      git(runner.workspace, 'checkout', '-q', '--detach', run.event.sha);
      return ok(`checked out ${run.event.sha}`);
    }
    case './.github/actions/setup-pbxctl': {
      if (!existsSync(join(runner.workspace, '.github', 'actions', 'setup-pbxctl', 'action.yml')))
        return fail('setup action not found (no checkout?)');
      extraPath.unshift(runner.binDir);
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
        .map((p) => resolve(runner.workspace, p))
        .filter((p) => existsSync(p));
      const files = paths.flatMap((p) => (statSync(p).isDirectory() ? listFiles(p) : [p]));
      if (files.length === 0) {
        const mode = input['if-no-files-found'] ?? 'warn';
        if (mode === 'error') return fail(`upload-artifact: no files were found with the provided path: ${input.path}`);
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
      const dest = resolve(runner.workspace, input.path ?? '.');
      if (input.name) {
        const dir = run.artifacts[input.name];
        if (!dir) return fail(`download-artifact: artifact ${input.name} not found`);
        copyContents(dir, dest);
        return ok(`downloaded ${input.name}`);
      }
      const pattern = globRegExp(input.pattern ?? '*');
      const names = Object.keys(run.artifacts).filter((n) => pattern.test(n));
      for (const n of names) copyContents(run.artifacts[n], input['merge-multiple'] === 'true' ? dest : join(dest, n));
      return ok(`downloaded ${names.length} artifact(s): ${names.join(', ')}`);
    }
    default:
      throw new Error(`the harness has no local equivalent for uses: ${uses}`);
  }
}

function copyContents(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) cpSync(join(from, entry), join(to, entry), { recursive: true });
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
