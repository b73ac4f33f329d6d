/**
 * The result of applyPlanRun as text and an exit code. Every value that came from a file or the platform
 * (labels, keys, error text, paths) is printed through `escapeControl`, as the plan renderers do: a newline in
 * a name cannot fake a line of the report, an escape sequence cannot recolour or erase the terminal.
 */
import { UnsafePlanError } from '../../errors';
import { escapeControl as esc } from '../../util/escape';
import type { ApplyRunResult } from '../../operations/apply-run';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';

export function reportApplyResult(result: ApplyRunResult, io: CliIo): number {
  switch (result.status) {
    case 'no-changes':
      io.stdout('No changes. The platform matches the desired state.\n');
      return EXIT.ok;
    case 'blocked':
      throw new UnsafePlanError(result.violations);
    case 'outside-window':
      io.stderr(
        `Outside the change window — nothing was changed:\n${result.closedWindows.map((m) => `  - ${esc(m)}`).join('\n')}\nRe-run inside the window, or pass --ignore-change-window.\n`,
      );
      return EXIT.blocked;
    default:
      return reportWrites(result, io);
  }
}

function reportWrites(result: ApplyRunResult, io: CliIo): number {
  const all = result.results;
  const n = (r: string) => all.filter((x) => x.result === r).length;
  for (const r of all) {
    const mark = r.result === 'applied' ? '✓' : r.result === 'failed' ? '✗' : '–';
    io.stdout(`  ${mark} ${r.action} ${r.kind} ${esc(r.label ?? r.key)}${r.error ? `: ${esc(r.error)}` : ''}\n`);
  }
  for (const w of result.welcomes) {
    const mark = w.result === 'sent' ? '✓' : w.result === 'skipped' || w.result === 'dropped' ? '–' : '✗';
    const what =
      w.result === 'sent' ? 'sent' : w.result === 'unknown' ? 'may not have been sent (not re-sent)' : w.result;
    io.stdout(`  ${mark} ✉ welcome e-mail → ${esc(w.user)} ${what}${w.error ? `: ${esc(w.error)}` : ''}\n`);
  }
  const sent = result.welcomes.filter((w) => w.result === 'sent').length;
  if (result.welcomes.length > 0) io.stdout(`Welcome e-mails: ${sent} sent of ${result.welcomes.length}.\n`);
  io.stdout(
    `Apply: ${n('applied')} applied, ${n('failed')} failed, ${n('skipped')} skipped. Audit log: ${esc(result.auditPath)}\n`,
  );
  if (result.status === 'interrupted') {
    io.stderr(
      `Interrupted: stopped after the change in flight; ${n('skipped')} change${n('skipped') === 1 ? '' : 's'} not started. Every write is in ${esc(result.journalPath)}.\nRe-run \`pbxctl plan\` to see what is left; a rerun converges.\n`,
    );
    return EXIT.interrupted;
  }
  if (result.verifyErrors.length > 0) {
    io.stderr(
      `Read-back failed, so what was written is not confirmed:\n${result.verifyErrors.map((e) => `  - ${esc(e)}`).join('\n')}\nRe-run \`pbxctl plan\` to see what the platform has.\n`,
    );
    return EXIT.partial;
  }
  if (result.unverified.length > 0) {
    const u = result.unverified;
    io.stderr(
      `Read-back: the platform does not show ${u.length} applied change${u.length === 1 ? '' : 's'} yet: ${esc(u.join(', '))}\nRe-run \`pbxctl plan\` in a minute; if they persist the platform ignored a field.\n`,
    );
    return EXIT.partial;
  }
  if (result.status === 'partial') {
    io.stderr(`Partial apply: re-run \`pbxctl plan\` to see what is left; a rerun converges.\n`);
    return EXIT.partial;
  }
  return EXIT.ok;
}
