/**
 * `pbxctl init [dir] [--domain D] [--action owner/repo@ref]`: argument handling and messages for the scaffold
 * that reconciler/init writes. The library never prints; this maps its typed errors to exit codes.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InitConflictError, InitUsageError, writeScaffold } from '../../init/init';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';

export const INIT_HELP = `Usage: pbxctl init [dir] [--domain D] [--action owner/repo@ref]

Scaffolds a config repository in dir (default: the current directory):
  domains/<D>.yaml                 the first domain (a commented example for example.com without --domain)
  .github/workflows/plan.yml       plan on pull requests, one PR comment updated in place
  .github/workflows/apply.yml      apply the reviewed plan when the pull request is merged
  .github/workflows/drift.yml      nightly drift check, one issue per drifted domain
  .gitignore                       keeps plan, state and audit files out of git
  README.md                        the secrets to set and how the workflows run

The workflows use the pbxctl GitHub Action (default pbxctl/pbxctl@v<this version>; --action to pin another).
Existing files are never overwritten: init writes nothing when any of these exists.
`;

export async function runInitCommand(args: readonly string[], io: CliIo): Promise<number> {
  let values: { help?: boolean; domain?: string; action?: string };
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { help: { type: 'boolean', short: 'h' }, domain: { type: 'string' }, action: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    values = parsed.values;
    positionals = parsed.positionals;
  } catch (err) {
    io.stderr(`pbxctl init: ${(err as Error).message.split('\n')[0]}\nRun \`pbxctl init --help\` for usage.\n`);
    return EXIT.error;
  }
  if (values.help) {
    io.stdout(INIT_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) {
    io.stderr(`pbxctl init: one directory at most (got ${positionals.length})\nRun \`pbxctl init --help\`.\n`);
    return EXIT.error;
  }
  const dir = resolve(io.cwd, positionals[0] ?? '.');
  try {
    const files = writeScaffold({ dir, domain: values.domain, action: values.action });
    io.stdout(`Created in ${dir}:\n${files.map((f) => `  ${f.path}\n`).join('')}`);
    io.stdout('Next: read README.md for the secrets to set, then commit and push.\n');
    return EXIT.ok;
  } catch (err) {
    if (err instanceof InitConflictError) {
      io.stderr(
        `pbxctl init: these files already exist in ${err.dir}:\n${err.existing.map((p) => `  ${p}\n`).join('')}` +
          'Nothing was written. Move them aside or choose another directory.\n',
      );
      return EXIT.error;
    }
    if (err instanceof InitUsageError) {
      io.stderr(`pbxctl init: ${err.message}\n    hint: ${err.hint}\n`);
      return EXIT.error;
    }
    const reason = err instanceof Error ? err.message : String(err);
    io.stderr(`pbxctl init: could not write the scaffold in ${dir}: ${reason}\n`);
    return EXIT.error;
  }
}
