/**
 * What a plan can work out about each live object as soon as it is read, while the rest of the domain is
 * still being read (issue 15: at 10,000 users the digests and the diffs were most of the work after the last
 * answer): its digest (the plan's inputs) and its differences from the desired object of the same kind and
 * key. `domainInputs` and `computePlan` take them from there; the same call on other content computes afresh.
 * PURE: the pipeline (`readForPlan`) runs it on each object `readLiveState` hands over, in slices between the
 * read's I/O (`util/background.ts`).
 */
import type { DesiredObject, LiveObject } from '../kinds/kind';
import { DEFAULT_REGISTRY, type Registry } from '../kinds/registry';
import type { DomainDesiredState } from '../desired/load-desired-state';
import { diffAhead } from './diff-fields';
import { objectDigest } from './plan-document';

export function planAhead(
  desired: DomainDesiredState,
  registry: Registry = DEFAULT_REGISTRY,
): (live: LiveObject) => void {
  const byKind = new Map<string, ReadonlyMap<string, DesiredObject>>();
  const wanted = (kind: string, key: string): DesiredObject | undefined => {
    let byKey = byKind.get(kind);
    if (!byKey) {
      // The last object a list gives for a key, as the plan's join takes it.
      byKey = new Map((desired.objects.get(kind) ?? []).map((d) => [d.key, d] as const));
      byKind.set(kind, byKey);
    }
    return byKey.get(key);
  };
  return (live) => {
    objectDigest(live);
    const d = wanted(live.kind, live.key);
    if (d && registry.get(live.kind)) diffAhead(live.kind, d.comparable, live.comparable, registry);
  };
}
