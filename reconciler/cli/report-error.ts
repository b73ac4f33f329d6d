/** Typed errors → message + exit code. Never a stack trace. */
import {
  ApplyError,
  DesiredStateError,
  DomainLockedError,
  PlatformApiError,
  StalePlanError,
  TamperedPlanError,
  UnsafePlanError,
  UsageError,
} from '../errors';
import { escapeControl } from '../util/escape';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';

export function reportError(err: unknown, io: CliIo): number {
  if (err instanceof DesiredStateError) {
    for (const i of err.issues) {
      const where = i.position ? `${escapeControl(i.position.file)}:${i.position.line}:${i.position.column}` : '';
      // One issue, one line (and its hint): a value holding a newline or an escape sequence cannot fake another.
      io.stderr(
        `${where ? `${where}: ` : ''}${i.path ? `${escapeControl(i.path)}: ` : ''}${escapeControl(i.message)}${i.hint ? `\n    hint: ${escapeControl(i.hint)}` : ''}\n`,
      );
    }
    io.stderr(`${err.issues.length} error${err.issues.length === 1 ? '' : 's'}; nothing was changed.\n`);
    return EXIT.error;
  }
  if (err instanceof UnsafePlanError) {
    io.stderr(
      `Blocked by safety policy:\n${err.violations.map((v) => `  - ${escapeControl(v.message)}`).join('\n')}\nNothing was changed.\n`,
    );
    return EXIT.blocked;
  }
  if (err instanceof StalePlanError) {
    io.stderr(
      `pbxctl: ${escapeControl(err.reason)}\n${err.details.map((d) => `  - ${escapeControl(d)}`).join('\n')}\nNothing was changed.\n`,
    );
    return EXIT.error;
  }
  if (err instanceof TamperedPlanError) {
    io.stderr(
      `pbxctl: refusing ${err.file}: ${err.reason}.\nNothing was changed. Make a new plan with \`pbxctl plan <path> --out ${err.file}\` and review it.\n`,
    );
    return EXIT.error;
  }
  if (err instanceof DomainLockedError) {
    io.stderr(`pbxctl: ${err.message}.\nNothing was changed.\n`);
    return EXIT.error;
  }
  // Platform client errors that carry a host render as one line with a hint (reconciler/platform).
  if (err instanceof PlatformApiError && 'host' in err) {
    io.stderr(`pbxctl: ${escapeControl(err.message)}\n`);
    return EXIT.error;
  }
  if (err instanceof PlatformApiError) {
    io.stderr(
      `pbxctl: platform error: ${escapeControl(err.message)}${err.requestId ? ` (request id ${err.requestId})` : ''}\n${err.status === 401 ? 'hint: check NS_API_KEY\n' : ''}`,
    );
    return EXIT.error;
  }
  if (err instanceof ApplyError) return EXIT.partial;
  if (err instanceof UsageError) {
    io.stderr(`pbxctl: ${escapeControl(err.message)}\n`);
    return EXIT.error;
  }
  throw err;
}
