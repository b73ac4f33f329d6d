/**
 * The "applied after" line of a change, in words: which change must happen first and to what, not the
 * internal id (`after: user:1101` → `applied after: create user 1101 (Ada Lovelace)`). PURE.
 */
import type { Change } from './compute-plan';
import { redactId, redactKey } from './redact';
import type { Registry } from '../kinds/registry';

/** The changes of a domain by id, to name what a change waits for. */
export type ChangeLookup = ReadonlyMap<string, Pick<Change, 'action' | 'kind' | 'key' | 'label'>>;

export function changeLookup(changes: readonly Change[]): ChangeLookup {
  return new Map(changes.map((c) => [c.id, c]));
}

/** `ring_group` → `ring group`. */
export function kindWords(kind: string): string {
  return kind.replace(/_/g, ' ');
}

function dependencyWords(id: string, redactPii: boolean, registry: Registry, lookup?: ChangeLookup): string {
  const c = lookup?.get(id);
  if (c) {
    const name = redactPii ? redactKey(c.kind, c.key, registry) : c.label;
    return `${c.action} ${kindWords(c.kind)} ${name}`;
  }
  const [kind = '', ...rest] = (redactPii ? redactId(id, registry) : id).split(':');
  return `the change to ${kindWords(kind)} ${rest.join(':')}`;
}

export function dependsOnLine(
  c: Pick<Change, 'dependsOn'>,
  redactPii: boolean,
  registry: Registry,
  lookup?: ChangeLookup,
): string | undefined {
  if (c.dependsOn.length === 0) return undefined;
  return `applied after: ${c.dependsOn.map((id) => dependencyWords(id, redactPii, registry, lookup)).join('; ')}`;
}
