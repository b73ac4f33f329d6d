/**
 * THE kind registry. `DEFAULT_REGISTRY` holds the production kinds, one line each; every consumer (JSON
 * Schema, loader, planner, renderers, export, Terraform resources, CDKTF construct) iterates a registry
 * and takes one as a parameter that defaults to it, so a test can register an extra kind without editing
 * any other file. Order here is display order; apply order comes from `Kind.order`.
 */
import type { AnyKind } from './kind';
import { autoAttendantKind } from './auto-attendant';
import { blockListKind } from './block-list';
import { callQueueKind } from './call-queue';
import { emergencyAddressKind } from './emergency-address';
import { phoneNumberKind } from './phone-number';
import { ringGroupKind } from './ring-group';
import { sharedContactKind } from './shared-contact';
import { siteKind } from './site';
import { timeFrameKind } from './time-frame';
import { userKind } from './user';

export interface Registry {
  /** Every kind, in display order. */
  readonly kinds: readonly AnyKind[];
  get(name: string): AnyKind | undefined;
  /** The kind whose desired-state section this is. */
  bySection(section: string): AnyKind | undefined;
  /** Kinds in apply order (lower `order` first). */
  inApplyOrder(): readonly AnyKind[];
  /** Terraform resource type name of a kind. */
  terraformType(kind: AnyKind): string;
}

export class RegistryError extends Error {}

export function createRegistry(kinds: readonly AnyKind[]): Registry {
  const names = new Set<string>();
  const sections = new Set<string>();
  for (const k of kinds) {
    if (names.has(k.name)) throw new RegistryError(`kind ${k.name} is registered twice`);
    if (sections.has(k.section)) throw new RegistryError(`section ${k.section} is used by two kinds`);
    if (!/^[a-z][a-z0-9_]*$/.test(k.name)) throw new RegistryError(`kind name ${k.name} is not snake_case`);
    names.add(k.name);
    sections.add(k.section);
  }
  const list = [...kinds];
  const byName = new Map(list.map((k) => [k.name, k] as const));
  const bySection = new Map(list.map((k) => [k.section, k] as const));
  const ordered = [...list].sort((a, b) => a.order - b.order);
  return {
    kinds: list,
    get: (name) => byName.get(name),
    bySection: (section) => bySection.get(section),
    inApplyOrder: () => ordered,
    terraformType: (kind) => kind.terraform?.typeName ?? `netsapiens_${kind.name}`,
  };
}

/** The production kinds. */
export const DEFAULT_REGISTRY: Registry = createRegistry([
  userKind,
  ringGroupKind,
  sharedContactKind,
  blockListKind,
  timeFrameKind,
  callQueueKind,
  autoAttendantKind,
  phoneNumberKind,
  siteKind,
  emergencyAddressKind,
]);

/** The production kinds (the same list as `DEFAULT_REGISTRY.kinds`). */
export const KINDS: readonly AnyKind[] = DEFAULT_REGISTRY.kinds;

export function kindByName(name: string, registry: Registry = DEFAULT_REGISTRY): AnyKind | undefined {
  return registry.get(name);
}
