import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CiIo, parse } from './args';

/** `lint-workflows`: the project's workflow rules (see workflow-lint.ts). */

export async function lintWorkflowsCommand(argv: string[], io: CiIo): Promise<number> {
  const { values, positionals } = parse(argv, { 'allow-secret': { type: 'string', multiple: true } });
  const extra = (values['allow-secret'] as string[] | undefined) ?? [];
  const allowedSecrets = extra.length
    ? ['GITHUB_TOKEN', 'NS_API_URL', 'NS_API_KEY', 'PBXCTL_SECRETS', ...extra]
    : undefined;
  const dirs = positionals.length ? positionals : ['.github/workflows', '.github/actions'];
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) files.push(path);
    }
  };
  for (const dir of dirs) walk(resolve(io.cwd, dir));
  // Loaded on demand: compiling its schemas costs ~70 ms, which every other `pbxctl ci` step would pay.
  const { lintWorkflowText } = await import('../workflow-lint');
  let count = 0;
  for (const file of files.sort()) {
    for (const finding of lintWorkflowText(readFileSync(file, 'utf8'), file, { allowedSecrets })) {
      io.stderr(`${finding.file}:${finding.line}: [${finding.rule}] ${finding.message}\n`);
      count++;
    }
  }
  io.stdout(`${files.length} file(s) checked, ${count} finding(s)\n`);
  return count > 0 ? 1 : 0;
}
