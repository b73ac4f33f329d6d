/**
 * The `call_queue` kind's content: YAML/Terraform shape ↔ platform records. PURE.
 *
 * A queue is three things on the platform (docs/reference/platform-evidence.md §1 "The queue alternative"):
 * a `system-queue` user record (its `ring-no-answer-timeout-seconds` is how long a call waits before the
 * overflow), the CallQueue record (name, dispatch type, agent timeout) and its Agent rows; the overflow is
 * the queue user's default (`*`) answer rule `forward-no-answer` [LIB].
 */
import { fromYesNo } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import type { Comparable, ComparableValue, EntryIssue } from '../kind';
import { str } from '../normalize';
import { type DestinationSpec, decodeForward, destinationContent, type ExtensionKinds } from './destination';
import { DISPATCH_TYPES, type Dispatch } from './fields';

export interface CallQueueSpec {
  extension: string;
  name: string;
  dispatch?: Dispatch;
  /** Extensions, in dispatch order. */
  agents?: Array<string | number>;
  agent_timeout?: number;
  overflow_after?: number;
  overflow?: DestinationSpec;
}

export interface CallQueuePlatform {
  readonly queue: PlatformRecord;
  /** The queue's user record (absent when the platform has none: the queue then has no overflow). */
  readonly user?: PlatformRecord;
  readonly agents: readonly PlatformRecord[];
  /** The queue user's default (`*`) answer rule. */
  readonly answerRule?: PlatformRecord;
  readonly phoneNumbers: readonly string[];
  /** What the extensions this queue points at are (export names ring groups and attendants). */
  readonly kinds: ExtensionKinds;
}

/** Service code and scope of a queue's user (NSEX, LOADGEN: `"service-code": "system-queue", "user-scope": "No Portal"`). */
export const QUEUE_SERVICE_CODE = 'system-queue';
export const QUEUE_SCOPE = 'No Portal';
/** NetSapiens' own example names queue users `<name> Call Queue` (platform-evidence §1). */
export const QUEUE_LAST_NAME = 'Call Queue';

export function normalizeAgents(agents: CallQueueSpec['agents']): string[] {
  return (agents ?? []).map((a) => String(a).trim());
}

export function toComparable(spec: CallQueueSpec): Comparable {
  const out: Record<string, ComparableValue> = {};
  if (spec.name !== undefined) out.name = str(spec.name).trim();
  if (spec.dispatch !== undefined) out.dispatch = spec.dispatch;
  if (spec.agents !== undefined) out.agents = normalizeAgents(spec.agents);
  if (spec.agent_timeout !== undefined) out.agent_timeout = Number(spec.agent_timeout);
  if (spec.overflow_after !== undefined) out.overflow_after = Number(spec.overflow_after);
  if (spec.overflow !== undefined) out.overflow = destinationContent(spec.overflow);
  return out;
}

/** `callqueue-dispatch-type` → the file's word; a value pbxctl does not know is kept verbatim. */
export function dispatchOf(value: unknown): string {
  const v = str(value);
  const hit = (Object.entries(DISPATCH_TYPES) as [Dispatch, string][]).find(([, p]) => p === v);
  return hit ? hit[0] : v;
}

/** Agent row → the extension (user agents, `1001@domain`); device agents (`sip:…`) verbatim. */
export function agentExtension(row: PlatformRecord): string {
  const id = str(row['callqueue-agent-id']);
  if (id.startsWith('sip:')) return id;
  return id.split('@')[0] ?? id;
}

/** Dispatch order: the write name, or the name a live GET shows (`ordinal-order`, platform-evidence §9). */
export function agentOrdinal(row: PlatformRecord): number {
  const n = Number(row['callqueue-agent-dispatch-order-ordinal'] ?? row['ordinal-order']);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

export function orderedAgents(rows: readonly PlatformRecord[]): PlatformRecord[] {
  return [...rows].sort((a, b) => agentOrdinal(a) - agentOrdinal(b));
}

function overflowOf(p: CallQueuePlatform, isQueue: (ext: string) => boolean): ComparableValue {
  const fna = p.answerRule?.['forward-no-answer'] as { enabled?: unknown; parameters?: unknown } | undefined;
  if (!fna || fromYesNo(fna.enabled) !== true || !Array.isArray(fna.parameters) || fna.parameters.length === 0)
    return null;
  return decodeForward(String(fna.parameters[0]), isQueue);
}

export function liveComparable(p: CallQueuePlatform): Comparable {
  const q = p.queue;
  const out: Record<string, ComparableValue> = {
    name: str(q.description).trim(),
    dispatch: dispatchOf(q['callqueue-dispatch-type']),
    agents: orderedAgents(p.agents).map(agentExtension),
  };
  const timeout = Number(q['callqueue-agent-dispatch-timeout-seconds']);
  if (q['callqueue-agent-dispatch-timeout-seconds'] !== undefined && Number.isFinite(timeout))
    out.agent_timeout = timeout;
  const after = Number(p.user?.['ring-no-answer-timeout-seconds']);
  if (p.user?.['ring-no-answer-timeout-seconds'] !== undefined && Number.isFinite(after)) out.overflow_after = after;
  out.overflow = overflowOf(p, (ext) => p.kinds[ext] === 'call_queue');
  // Not a YAML field (never compared): deleting the queue strands these numbers, so plans list them.
  out.phone_numbers = [...p.phoneNumbers].sort();
  return out;
}

/** An agent listed twice would be one row on the platform: refused at its line. */
export function checkQueue(spec: CallQueueSpec): EntryIssue[] {
  const seen = new Set<string>();
  const issues: EntryIssue[] = [];
  normalizeAgents(spec.agents).forEach((a, i) => {
    if (seen.has(a))
      issues.push({ path: ['agents', i], message: `agent ${a} is listed twice`, hint: 'list each agent once' });
    seen.add(a);
  });
  return issues;
}
