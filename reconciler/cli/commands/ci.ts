/** `pbxctl ci …`: delegates to the GitOps helpers' own entry point (loaded only when asked for). */
import type { CliIo } from '../io';

export async function ciCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { runCiCommand } = await import('../../../gitops/ci-command');
  return runCiCommand([...argv], io);
}
