/**
 * applyPlan(plan, client) — executes exactly the changes of a plan (design.md §4 Apply): ordered by
 * references, continuing past independent failures, skipping dependents of a failure, and reporting
 * applied / failed / skipped. A rerun converges, because a rerun re-plans from what the platform has.
 */
import { assertNever, PlatformApiError } from '../errors';
import type { ApplyContext, ChangeTarget, DesiredObject, LiveObject } from '../kinds/kind';
import { kindByName } from '../kinds/registry';
import type { DomainDesiredState } from '../desired/load-desired-state';
import type { DomainLiveState } from '../live/read-live-state';
import type { NetSapiensClient } from '../platform/client';
import type { Change, DomainPlan } from '../plan/compute-plan';

export interface OperationResult {
  readonly id: string;
  readonly domain: string;
  readonly kind: string;
  readonly key: string;
  /** Human label of the object (`1001 (Ada Lovelace)`). */
  readonly label?: string;
  readonly action: Change['action'];
  readonly class: Change['class'];
  readonly result: 'applied' | 'failed' | 'skipped';
  readonly error?: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly durationMs?: number;
}

export interface ApplyDomainInput {
  readonly plan: DomainPlan;
  readonly desired: DomainDesiredState;
  readonly live: DomainLiveState;
  readonly client: NetSapiensClient;
  readonly sendWelcomeEmail?: boolean;
  /** Called before each change is started (the write journal names the change it is about). */
  readonly onChangeStart?: (change: Change) => void;
  /**
   * Aborted (SIGINT/SIGTERM): the change in flight is finished (its writes — e.g. a user, its phone and its
   * answer rule — are not cut in half), every later change is reported as skipped and not started.
   */
  readonly signal?: AbortSignal;
  /** Called after each change (progress display). */
  readonly onProgress?: (done: number, total: number, result: OperationResult) => void;
  /** Injected clock for durations (default Date.now). */
  readonly now?: () => number;
}

export async function applyDomainPlan(input: ApplyDomainInput): Promise<OperationResult[]> {
  const { plan, desired, live, client } = input;
  const now = input.now ?? Date.now;
  const results = new Map<string, OperationResult>();
  const out: OperationResult[] = [];
  const ctx = {
    client,
    domain: plan.domain,
    sendWelcomeEmail: input.sendWelcomeEmail ?? true,
    platform: desired.platform,
  };
  let done = 0;
  for (const change of executionOrder(plan.changes)) {
    const base = {
      id: change.id,
      domain: plan.domain,
      kind: change.kind,
      key: change.key,
      label: change.label,
      action: change.action,
      class: change.class,
    };
    const blocker = change.dependsOn.find((d) => results.has(d) && results.get(d)?.result !== 'applied');
    let result: OperationResult;
    if (input.signal?.aborted) {
      result = { ...base, result: 'skipped', error: 'skipped: the apply was interrupted before this change' };
    } else if (blocker) {
      result = {
        ...base,
        result: 'skipped',
        error: `skipped: depends on ${blocker}, which ${results.get(blocker)?.result}`,
      };
    } else {
      input.onChangeStart?.(change);
      const target: ChangeTarget = {
        key: change.key,
        desired: find<DesiredObject>(desired.objects.get(change.kind), change.key),
        live: find<LiveObject>(live.objects.get(change.kind), change.key),
        changedFields: change.fields.map((f) => f.path),
      };
      const started = now();
      try {
        await runChange(change, ctx, target);
        result = { ...base, result: 'applied', durationMs: now() - started };
      } catch (err) {
        const api = err instanceof PlatformApiError ? err : undefined;
        result = {
          ...base,
          result: 'failed',
          error: err instanceof Error ? err.message : String(err),
          ...(api ? { status: api.status, requestId: api.requestId } : {}),
          durationMs: now() - started,
        };
      }
    }
    results.set(change.id, result);
    out.push(result);
    input.onProgress?.(++done, plan.changes.length, result);
  }
  return out;
}

async function runChange(change: Change, ctx: ApplyContext, target: ChangeTarget): Promise<void> {
  const kind = kindByName(change.kind);
  if (!kind) throw new Error(`unknown kind ${change.kind}`);
  switch (change.action) {
    case 'create':
      return kind.create(ctx, target);
    case 'update':
      return kind.update(ctx, target);
    case 'delete':
      return kind.delete(ctx, target);
    case 'recycle':
      if (kind.recycle) return kind.recycle(ctx, target);
      await kind.delete(ctx, target);
      return kind.create(ctx, target);
    default:
      assertNever(change.action);
  }
}

/**
 * Plan order, except that no change runs before a change of the same plan it depends on. The plan's own
 * order (kind order, then key) does not guarantee that, e.g. for two ring groups that fall back to each
 * other's extensions. Stable; a dependency cycle keeps plan order for what is left.
 */
export function executionOrder(changes: readonly Change[]): Change[] {
  const ids = new Set(changes.map((c) => c.id));
  const placed = new Set<string>();
  const out: Change[] = [];
  let pending = [...changes];
  while (pending.length > 0) {
    const waiting: Change[] = [];
    for (const c of pending) {
      if (c.dependsOn.every((d) => !ids.has(d) || placed.has(d))) {
        out.push(c);
        placed.add(c.id);
      } else waiting.push(c);
    }
    if (waiting.length === pending.length) {
      out.push(...waiting);
      break;
    }
    pending = waiting;
  }
  return out;
}

function find<T extends { key: string }>(list: readonly T[] | undefined, key: string): T | undefined {
  return list?.find((x) => x.key === key);
}
