/**
 * applyPlan(plan, client) — executes exactly the changes of a plan (docs/design.md §4 Apply): ordered by
 * references, continuing past independent failures, skipping dependents of a failure, and reporting
 * applied / failed / skipped. A rerun converges, because a rerun re-plans from what the platform has.
 *
 * Concurrency (issue 15): the execution order is cut into segments, one per apply phase (creates and
 * updates kind by kind in `Kind.order`, then deletes in reverse), so everything one kind writes is done
 * before the next kind starts — users before the ring groups that ring them, a number released by a user
 * before a group takes it, groups deleted before the members they rang. Within a segment independent
 * changes run concurrently, up to the client's concurrency; a change waits for the changes it depends on
 * (`dependsOn`, from the kinds' ordering relations) and is skipped when one of them did not apply. One
 * change's own writes (user → device → answer rule) stay one after the other: a change is one task.
 * Results come back in execution order, whatever order the changes finished in.
 */
import { assertNever, PlatformApiError, UncertainWriteError } from '../errors';
import type { ApplyContext, ChangeTarget, DesiredObject, LiveObject } from '../kinds/kind';
import { kindByName } from '../kinds/registry';
import { inChange } from './change-scope';
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
  /** The failure was an unanswered write (UncertainWriteError): it may have landed; the next plan re-reads. */
  readonly uncertain?: boolean;
}

export interface ApplyDomainInput {
  readonly plan: DomainPlan;
  readonly desired: DomainDesiredState;
  readonly live: DomainLiveState;
  readonly client: NetSapiensClient;
  readonly sendWelcomeEmail?: boolean;
  /** Records a welcome e-mail as owed before the user is created (ApplyContext.requestWelcome). */
  readonly requestWelcome?: (user: string) => void;
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
  /** Changes in flight at once (default: the client's concurrency, PBXCTL_CONCURRENCY). */
  readonly concurrency?: number;
}

export async function applyDomainPlan(input: ApplyDomainInput): Promise<OperationResult[]> {
  const { plan, desired, live, client } = input;
  const order = executionOrder(plan.changes);
  const state: ApplyState = {
    input,
    now: input.now ?? Date.now,
    ctx: {
      client,
      domain: plan.domain,
      sendWelcomeEmail: input.sendWelcomeEmail ?? true,
      requestWelcome: input.requestWelcome,
      platform: desired.platform,
    },
    results: new Map(),
    done: 0,
    desired: byKey(desired.objects),
    live: byKey(live.objects),
  };
  const slots = new Slots(concurrencyOf(input));
  for (const segment of segments(order)) await runSegment(segment, state, slots);
  return order.map((c) => state.results.get(c.id) as OperationResult);
}

/** What every change of one domain's apply shares. */
interface ApplyState {
  readonly input: ApplyDomainInput;
  readonly now: () => number;
  readonly ctx: ApplyContext;
  /** Finished changes by id. */
  readonly results: Map<string, OperationResult>;
  done: number;
  readonly desired: ReadonlyMap<string, ReadonlyMap<string, DesiredObject>>;
  readonly live: ReadonlyMap<string, ReadonlyMap<string, LiveObject>>;
}

/** Changes in flight at once: the client's concurrency (its pacer bounds the requests themselves). */
function concurrencyOf(input: ApplyDomainInput): number {
  const configured = input.concurrency ?? input.client.settings?.concurrency ?? 8;
  return Math.max(1, Math.floor(configured));
}

/**
 * Runs one segment: every change starts as soon as the changes of the segment it depends on have finished
 * (earlier segments have all finished), at most `slots` at once.
 */
async function runSegment(segment: readonly Change[], state: ApplyState, slots: Slots): Promise<void> {
  const finished = new Map<string, Promise<void>>();
  for (const change of segment) {
    const before = change.dependsOn.map((d) => finished.get(d)).filter((p) => p !== undefined);
    finished.set(
      change.id,
      (async () => {
        await Promise.all(before);
        await slots.acquire();
        try {
          await runOne(change, state);
        } finally {
          slots.release();
        }
      })(),
    );
  }
  await Promise.all(finished.values());
}

async function runOne(change: Change, state: ApplyState): Promise<void> {
  const { input, results } = state;
  const base = {
    id: change.id,
    domain: input.plan.domain,
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
      desired: state.desired.get(change.kind)?.get(change.key),
      live: state.live.get(change.kind)?.get(change.key),
      changedFields: change.fields.map((f) => f.path),
    };
    const started = state.now();
    try {
      await inChange(change.id, () => runChange(change, state.ctx, target));
      result = { ...base, result: 'applied', durationMs: state.now() - started };
    } catch (err) {
      const api = err instanceof PlatformApiError ? err : undefined;
      result = {
        ...base,
        result: 'failed',
        error: err instanceof Error ? err.message : String(err),
        ...(api ? { status: api.status, requestId: api.requestId } : {}),
        ...(err instanceof UncertainWriteError ? { uncertain: true } : {}),
        durationMs: state.now() - started,
      };
    }
  }
  results.set(change.id, result);
  input.onProgress?.(++state.done, input.plan.changes.length, result);
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

/**
 * Cuts the execution order into runs of changes of the same apply phase (creates/updates of one kind
 * order, or deletes of one kind order); segments run one after the other.
 */
export function segments(order: readonly Change[]): Change[][] {
  const phase = (c: Change) => {
    const rank = kindByName(c.kind)?.order ?? 50;
    return c.action === 'delete' ? `delete ${rank}` : `write ${rank}`;
  };
  const out: Change[][] = [];
  let last: string | undefined;
  for (const c of order) {
    const p = phase(c);
    if (p !== last || out.length === 0) out.push([]);
    (out[out.length - 1] as Change[]).push(c);
    last = p;
  }
  return out;
}

/** A counting semaphore: first come, first served. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

function byKey<T extends { key: string }>(
  objects: ReadonlyMap<string, readonly T[]>,
): Map<string, ReadonlyMap<string, T>> {
  return new Map([...objects].map(([kind, list]) => [kind, new Map(list.map((o) => [o.key, o] as const))] as const));
}
