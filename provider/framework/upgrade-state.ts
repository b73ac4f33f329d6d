import { encodeDynamicValue } from '../cty/codec';
import { fromJsonValue } from '../cty/json';
import type { CtyType } from '../cty/types';
import { type CtyObject, isObjectValue } from '../cty/values';
import { diagnosticFromError, diagnosticToProto, errorDiagnostic } from './diagnostics';
import { normalizeBlock } from './plan';
import type { AnyResource } from './resource';
import type { BlockSpec } from './schema';
import { withoutWriteOnly } from './write-only';

/**
 * UpgradeResourceState: stored state (JSON) → the current schema. Write-only attributes are dropped on the
 * way, so a state written by an older provider that kept a PIN loses it at the next refresh. `onState`
 * receives the upgraded object (not null) with the bytes it was answered as (the read-ahead of
 * provider-service.ts).
 */
export function upgradeStoredState<Client>(
  def: AnyResource<Client>,
  type: CtyType,
  req: Record<string, unknown>,
  onState?: (state: CtyObject, encoded: Buffer) => void,
): Record<string, unknown> {
  const raw = (req.raw_state ?? {}) as { json?: Uint8Array; flatmap?: Record<string, string> };
  if (!raw.json || raw.json.length === 0) {
    if (raw.flatmap && Object.keys(raw.flatmap).length > 0) {
      return { diagnostics: [diagnosticToProto(errorDiagnostic('Legacy flatmap state is not supported'))] };
    }
    return { upgraded_state: encodeDynamicValue(null, type), diagnostics: [] };
  }
  try {
    // A view of the bytes, not a copy (protobufjs already hands a Buffer in Node).
    const text = Buffer.from(raw.json.buffer, raw.json.byteOffset, raw.json.byteLength).toString('utf8');
    let parsed = JSON.parse(text) as Record<string, unknown>;
    const version = Number(req.version ?? 0);
    if (def.upgradeState && version < (def.schema.version ?? 0)) parsed = def.upgradeState({ version, state: parsed });
    const value = fromJsonValue(parsed, type, '');
    // `type` is the schema's implied type: with no nested blocks, the decoded object already is the normal
    // form (every attribute, in schema order, none undefined), and normalizeBlock would only copy it.
    const normal = isObjectValue(value) ? (hasBlocks(def.schema) ? normalizeBlock(def.schema, value) : value) : null;
    const state = normal === null ? null : withoutWriteOnly(def.schema, normal);
    const upgraded = encodeDynamicValue(state, type);
    if (state !== null && onState) onState(state, upgraded.msgpack);
    return { upgraded_state: upgraded, diagnostics: [] };
  } catch (err) {
    return { diagnostics: [diagnosticToProto(diagnosticFromError(err, 'Upgrading stored state failed'))] };
  }
}

function hasBlocks(schema: BlockSpec): boolean {
  for (const _ in schema.blocks ?? {}) return true;
  return false;
}
