/** `pbxctl validate <path>`: checks the desired-state files without calling the platform. */
import { loadDesiredState } from '../../desired/load-desired-state';
import { EXIT } from '../exit-codes';
import type { CliIo, Flags } from '../io';
import { requirePath } from '../command-support';

export function validateCommand(positionals: readonly string[], _flags: Flags, io: CliIo): number {
  const path = requirePath(positionals, 'validate', io);
  const state = loadDesiredState(path, { cwd: io.cwd });
  const counts = state.domains.map(
    (d) => `${d.domain}: ${[...d.objects].map(([k, v]) => `${v.length} ${k}`).join(', ') || 'empty'}`,
  );
  io.stdout(
    `OK — ${state.domains.length} domain${state.domains.length === 1 ? '' : 's'} valid.\n${counts.map((c) => `  ${c}\n`).join('')}`,
  );
  return EXIT.ok;
}
