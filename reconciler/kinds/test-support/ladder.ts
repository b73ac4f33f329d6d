/**
 * The idempotence ladder (docs/design.md §6.7) with nothing but the kinds themselves: read live state with each
 * kind's `read`, plan with `computePlan`, apply each change with the kind's `create`/`update`/`delete`
 * in plan order, then read and plan again. A kind is idempotent when that second plan is empty.
 * Deliberately independent of `reconciler/apply/`, so a kind can be proven before apply exists.
 */
import type { DomainDesiredState } from '../../desired/load-desired-state';
import { createLiveCache, type DomainLiveState } from '../../live/read-live-state';
import { computePlan, type DomainPlan } from '../../plan/compute-plan';
import type { NetSapiensClient } from '../../platform/client';
import { compareKeys } from '../../util/compare-keys';
import type { AnyKind, ApplyContext, LiveObject } from '../kind';
import { KINDS, kindByName } from '../registry';
import { domainUsers } from '../domain-reads';

/** Reads live state with each kind's own `read` (all registered kinds unless `kinds` is given). */
export async function readKinds(
  client: NetSapiensClient,
  desired: DomainDesiredState,
  options: { kinds?: readonly AnyKind[]; full?: boolean } = {},
): Promise<DomainLiveState> {
  const domain = desired.domain;
  const cache = createLiveCache();
  const objects = new Map<string, readonly LiveObject[]>();
  for (const kind of options.kinds ?? KINDS) {
    const want = new Map((desired.objects.get(kind.name) ?? []).map((d) => [d.key, d] as const));
    const live = await kind.read({
      client,
      domain,
      cache,
      concurrency: 4,
      desired: want,
      full: options.full,
      platform: desired.platform,
    });
    objects.set(
      kind.name,
      [...live].sort((a, b) => compareKeys(a.key, b.key)),
    );
  }
  const extensions = new Set((await domainUsers({ client, domain, cache })).map((u) => String(u.user)));
  return { domain, objects, extensions };
}

export function planOf(desired: DomainDesiredState, live: DomainLiveState): DomainPlan {
  return computePlan({ desired, live });
}

/** Applies a plan's changes in order through the kinds (recycle = the kind's recycle, or delete + create). */
export async function applyWithKinds(
  client: NetSapiensClient,
  plan: DomainPlan,
  desired: DomainDesiredState,
  live: DomainLiveState,
  options: { sendWelcomeEmail?: boolean } = {},
): Promise<void> {
  const ctx: ApplyContext = {
    client,
    domain: plan.domain,
    sendWelcomeEmail: options.sendWelcomeEmail ?? false,
    platform: desired.platform,
  };
  for (const change of plan.changes) {
    const kind = kindByName(change.kind);
    if (!kind) throw new Error(`no kind ${change.kind}`);
    const target = {
      key: change.key,
      desired: desired.objects.get(change.kind)?.find((d) => d.key === change.key),
      live: live.objects.get(change.kind)?.find((l) => l.key === change.key),
      changedFields: change.fields.map((f) => f.path),
    };
    switch (change.action) {
      case 'create':
        await kind.create(ctx, target);
        break;
      case 'update':
        await kind.update(ctx, target);
        break;
      case 'delete':
        await kind.delete(ctx, target);
        break;
      case 'recycle':
        if (kind.recycle) await kind.recycle(ctx, target);
        else {
          await kind.delete(ctx, target);
          await kind.create(ctx, target);
        }
        break;
    }
  }
}

export interface LadderStep {
  /** The plan that was applied. */
  readonly plan: DomainPlan;
  /** The plan computed after applying it (zero changes when the kinds are idempotent). */
  readonly replan: DomainPlan;
  /** Live state after applying. */
  readonly live: DomainLiveState;
}

/** One rung: read → plan → apply → read → plan. */
export async function ladderStep(
  client: NetSapiensClient,
  desired: DomainDesiredState,
  kinds?: readonly AnyKind[],
): Promise<LadderStep> {
  const before = await readKinds(client, desired, { kinds });
  const plan = planOf(desired, before);
  await applyWithKinds(client, plan, desired, before);
  const live = await readKinds(client, desired, { kinds });
  return { plan, replan: planOf(desired, live), live };
}

/** `kind:key action [fields]` lines: readable assertion messages when a re-plan is not empty. */
export function describeChanges(plan: DomainPlan): string[] {
  return plan.changes.map(
    (c) => `${c.id} ${c.action}${c.fields.length ? ` [${c.fields.map((f) => f.path).join(', ')}]` : ''}`,
  );
}
