/**
 * `pbxctl trace <path> <number | extension> [--at <ISO time>] [--state live|desired] [--time-zone Z]
 *  [--from <caller> [--spam]]`:
 * where a call goes, step by step, in the domain of the file at <path>. `--state live` (default) walks
 * the platform's routing, `--state desired` what an apply of the file would leave (the platform with the
 * file laid over it). Time frames are evaluated in the domain's time
 * zone (the platform's domain record, or --time-zone). Exit 0 when the call reaches someone or a
 * mailbox, 2 for a loop or a dead end. With `--from`, the domain block list and the default rule's allow/block
 * lists apply to that caller; `--spam` says the platform flags the call as spam (the rule's `spam` handling).
 */
import { resolve } from 'node:path';
import { beforeAndAfter, describeOutcome, type Trace, type TraceCaller, traceCall } from '../../callflow';
import { computePlan } from '../../plan/compute-plan';
import { UsageError } from '../../errors';
import { readLiveState } from '../../live/read-live-state';
import { EXIT } from '../exit-codes';
import type { CliIo, Flags } from '../io';
import { clientFromEnv, loadForPlan, rejectExtra } from '../command-support';

export async function traceCommand(positionals: readonly string[], flags: Flags, io: CliIo): Promise<number> {
  const [path, start] = positionals;
  if (!path || !start)
    throw new UsageError('trace needs a path and a number or extension (pbxctl trace <path> <number>)');
  rejectExtra(positionals, 2, 'trace');
  const which = (flags.state as string | undefined) ?? 'live';
  if (which !== 'live' && which !== 'desired') throw new UsageError(`--state takes live or desired (got "${which}")`);
  const at = flags.at === undefined ? new Date() : new Date(String(flags.at));
  if (Number.isNaN(at.getTime()))
    throw new UsageError(`--at takes an ISO time, e.g. 2026-12-07T10:00:00-05:00 (got "${flags.at}")`);
  const state = loadForPlan(resolve(io.cwd, path), {}, io);
  if (state.domains.length !== 1) throw new UsageError('trace: the path must hold exactly one domain file');
  const desired = state.domains[0]!;
  const client = clientFromEnv(io.env, flags);
  try {
    const live = await readLiveState(client, desired.domain, { desired: desired.objects, platform: desired.platform });
    const timeZone = typeof flags['time-zone'] === 'string' ? flags['time-zone'] : (live.timeZone ?? 'UTC');
    checkZone(timeZone);
    // Desired = what an apply leaves: the platform with the file laid over it and the planned deletes gone.
    const removed = new Set(
      computePlan({ desired, live })
        .changes.filter((c) => c.action === 'delete')
        .map((c) => c.id),
    );
    const states = beforeAndAfter({
      live: live.objects,
      desired: desired.objects,
      extensions: live.extensions,
      removed,
      timeZone,
    });
    const caller = callerOf(flags);
    const trace = traceCall(which === 'desired' ? states.after : states.before, start, at, undefined, caller);
    io.stdout(renderTrace(trace, desired.domain, which, timeZone));
    return trace.outcome.type === 'loop' || trace.outcome.type === 'dead_end' ? EXIT.changes : EXIT.ok;
  } finally {
    await client.close();
  }
}

/** `--from <number|anonymous|unknown>` and `--spam`: who calls (block/allow lists and spam handling apply). */
function callerOf(flags: Flags): TraceCaller | undefined {
  if (flags.spam && flags.from === undefined)
    throw new UsageError('--spam needs --from <number> (or --from anonymous): the caller the platform flags as spam');
  if (flags.from === undefined) return undefined;
  const from = String(flags.from).trim();
  if (!/^(anonymous|unknown|\+?[\d\s().-]{3,})$/i.test(from))
    throw new UsageError(`--from takes a phone number, anonymous or unknown (got "${from}")`);
  return { from, spam: flags.spam === true };
}

function checkZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new UsageError(
      `unknown time zone "${timeZone}" (use --time-zone with an IANA name such as America/New_York)`,
    );
  }
}

export function renderTrace(t: Trace, domain: string, which: string, timeZone: string): string {
  const lines = [
    `${t.start} in ${domain} (${which} state), ${t.local.weekday} ${t.local.date} ${t.local.time} ${timeZone}:`,
    ...t.steps.map((s) => `  ${s}`),
  ];
  lines.push(`→ ${describeOutcome(t.outcome)}`);
  return `${lines.join('\n')}\n`;
}
