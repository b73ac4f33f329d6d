/**
 * `pbxctl apply <plan.json | path>`: a saved plan (sealed, re-checked against the files and the platform,
 * refused when edited or stale) or a path (planned now). The plan is always printed before the first
 * write (`--quiet` prints only the result); the domains are locked for the whole run (operations/domain-lock.ts);
 * the apply itself is the library's applyPlanRun.
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { auditEnvironment } from '../../apply/audit-log';
import { UnsafePlanError, UsageError } from '../../errors';
import { applyPlanRun } from '../../operations/apply-run';
import { closedWindows } from '../../operations/change-windows';
import { acquireDomainLocks, defaultLockDir } from '../../operations/domain-lock';
import { readSavedPlan, type SavedPlan } from '../../operations/saved-plan';
import { assertNotStale, type PlanRun } from '../../pipeline';
import type { NetSapiensClient } from '../../platform/client';
import { renderText } from '../../plan/render';
import { EXIT } from '../exit-codes';
import type { CliIo, Flags } from '../io';
import { Progress } from '../progress';
import {
  auditLogPath,
  clientFromEnv,
  loadForPlan,
  planState,
  readVersion,
  rejectExtra,
  useColor,
} from '../command-support';
import { welcomeCount } from '../../plan/welcome-lines';
import { reportApplyResult } from './apply-report';

export async function applyCommand(positionals: readonly string[], flags: Flags, io: CliIo): Promise<number> {
  const target = positionals[0];
  if (!target) throw new UsageError('apply needs a saved plan (plan.json) or a path to the desired state');
  rejectExtra(positionals, 1, 'apply');
  const saved = /\.json$/i.test(target) ? readSavedPlan(resolve(io.cwd, target), target) : undefined;
  if (saved) refuseBlockedSavedPlan(saved, flags);
  const effective: Flags = saved
    ? {
        ...flags,
        'allow-deletes': flags['allow-deletes'] === true || saved.flags?.allow_deletes === true,
        'allow-recycle': flags['allow-recycle'] === true || saved.flags?.allow_recycle === true,
      }
    : flags;
  const state = loadForPlan(saved ? saved.source.path : resolve(io.cwd, target), effective, io);
  const client = clientFromEnv(io.env, effective);
  // A saved plan's checksum is known before the re-read, so even the reads line up in platform logs.
  if (saved) client.setLogTag(`pbxctl-${String(saved.checksum).slice(0, 12)}`);
  let locks: { release(): void } | undefined;
  try {
    // Locked before the platform is read: a plan made while another apply writes would be stale at once.
    locks = acquireDomainLocks(
      state.domains.map((d) => d.domain),
      {
        dir: defaultLockDir(io.env),
        platform: io.env.NS_API_URL,
        staleMinutes: io.env.PBXCTL_LOCK_STALE_MINUTES ? Number(io.env.PBXCTL_LOCK_STALE_MINUTES) : undefined,
      },
    );
    const run = await planState(state, client, effective, io);
    if (saved) assertNotStale(saved, run);
    return await applyRun(run, saved !== undefined, flags, io, client);
  } finally {
    locks?.release();
    await client.close();
  }
}

/** A plan that was blocked when it was made stays blocked unless the override is given on this command line. */
function refuseBlockedSavedPlan(saved: SavedPlan, flags: Flags): void {
  if (!saved.summary?.blocked || flags['allow-deletes'] === true || flags['allow-recycle'] === true) return;
  throw new UnsafePlanError(saved.domains.flatMap((d) => d.violations ?? []));
}

async function applyRun(
  run: PlanRun,
  isSaved: boolean,
  flags: Flags,
  io: CliIo,
  client: NetSapiensClient,
): Promise<number> {
  const doc = run.document;
  if (doc.summary.blocked) {
    io.stdout(renderText(doc, {}));
    throw new UnsafePlanError(run.domains.flatMap((d) => d.plan.violations));
  }
  // Owed welcome e-mails (issue 13 #3) are work too, even when no object changes.
  if (doc.summary.changes === 0 && welcomeCount(doc) === 0) {
    io.stdout('No changes. The platform matches the desired state.\n');
    return EXIT.ok;
  }
  const closed = closedWindows(run, io.now?.() ?? new Date());
  if (closed.length > 0 && flags['ignore-change-window'] !== true) {
    io.stderr(
      `Outside the change window — nothing was changed:\n${closed.map((m) => `  - ${m}`).join('\n')}\nRe-run inside the window, or pass --ignore-change-window.\n`,
    );
    return EXIT.blocked;
  }
  const asking = !isSaved && flags['auto-approve'] !== true;
  // Issue 14 #1: what is about to be applied is shown before the first write, approved or not.
  if (flags.quiet !== true || asking) io.stdout(renderText(doc, { color: useColor(flags, io) }));
  if (asking && !(await approved(doc.summary.changes, io))) return EXIT.error;
  if (io.signal?.aborted) {
    io.stderr('Interrupted before the first write; nothing was changed.\n');
    return EXIT.interrupted;
  }
  const progress = new Progress(io, flags);
  const result = await applyPlanRun({
    client,
    run,
    auditPath: auditLogPath(flags, io),
    context: { tool: `pbxctl ${readVersion()}`, ...auditEnvironment(io.env, io.gitCommit?.(io.cwd)) },
    now: io.now,
    ignoreChangeWindow: flags['ignore-change-window'] === true,
    sendWelcomeEmail: flags['no-welcome-email'] !== true,
    verify: flags['no-verify'] !== true,
    signal: io.signal,
    onProgress: (p) =>
      p.phase === 'verify'
        ? progress.say(`verify ${p.domain}: reading back what was written…`)
        : progress.step(
            'apply',
            p.done,
            p.total,
            p.failed,
            p.last ? `${p.last.result} ${p.last.kind} ${p.last.key}` : '',
          ),
  });
  progress.end();
  return reportApplyResult(result, io);
}

async function approved(changes: number, io: CliIo): Promise<boolean> {
  if (!io.stdinIsTty && !io.ask)
    throw new UsageError('apply without a saved plan needs --auto-approve (no terminal to ask for confirmation)');
  const question = `Apply ${changes} change${changes === 1 ? '' : 's'}? Only 'yes' will be accepted: `;
  let answer: string;
  if (io.ask) answer = await io.ask(question);
  else {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      answer = await new Promise<string>((res) => rl.question(question, res));
    } finally {
      rl.close();
    }
  }
  if (answer.trim() === 'yes') return true;
  io.stderr('Apply cancelled; nothing was changed.\n');
  return false;
}
