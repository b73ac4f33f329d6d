/**
 * THE kind registry: one line per kind. It drives the JSON Schema, the loader, diff, apply, export and
 * the Terraform resources. Order here is display order; apply order comes from `Kind.order`.
 */
import type { AnyKind } from './kind';
import { blockListKind } from './block-list';
import { ringGroupKind } from './ring-group';
import { sharedContactKind } from './shared-contact';
import { userKind } from './user';

export const KINDS: readonly AnyKind[] = [userKind, ringGroupKind, sharedContactKind, blockListKind];

export function kindByName(name: string): AnyKind | undefined {
  return KINDS.find((k) => k.name === name);
}
