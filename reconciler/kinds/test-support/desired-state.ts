/**
 * Builds a `DomainDesiredState` from plain kind specs, without YAML: what the loader would produce for a
 * file with these sections (keys and comparables from the kinds themselves). For tests of any kind, of
 * the planner and of apply.
 */
import { DEFAULT_EXTENSION_RULES } from '../../desired/reserved';
import type { DomainDesiredState, Policy } from '../../desired/load-desired-state';
import type { DesiredObject } from '../kind';
import { kindByName } from '../registry';
import type { SecretResolver } from '../secret';

export interface DesiredInput {
  readonly domain: string;
  readonly policy?: Partial<Policy>;
  /**
   * By kind name (`user`, `ring_group`, …): a list of specs for `list` kinds, the section value itself
   * (e.g. `['+1 900 555 0000']`) for `set` kinds. Omitted kinds are not in the file.
   */
  readonly objects?: Readonly<Record<string, unknown>>;
  /** Resolves `{ env: NAME }` references (default: none resolve). */
  readonly secrets?: SecretResolver;
}

export function desiredState(input: DesiredInput): DomainDesiredState {
  const secrets: SecretResolver = input.secrets ?? (() => undefined);
  const objects = new Map<string, DesiredObject[]>();
  for (const [name, value] of Object.entries(input.objects ?? {})) {
    const kind = kindByName(name);
    if (!kind) throw new Error(`desiredState: no kind named ${name}`);
    if (kind.shape === 'set') {
      // As the loader does: the section value is the kind's first field, the key is the domain.
      const spec = { [kind.fields[0]?.name ?? 'value']: value };
      objects.set(name, [
        {
          kind: name,
          domain: input.domain,
          key: input.domain,
          spec,
          comparable: kind.toComparable(spec, secrets),
          path: kind.section,
        },
      ]);
      continue;
    }
    if (!Array.isArray(value)) throw new Error(`desiredState: ${name} needs a list of specs`);
    objects.set(
      name,
      value.map((spec: Record<string, unknown>, i) => ({
        kind: name,
        domain: input.domain,
        key: kind.key(spec),
        spec,
        comparable: kind.toComparable(spec, secrets),
        path: `${kind.section}[${i}]`,
      })),
    );
  }
  return {
    domain: input.domain,
    files: ['(test)'],
    policy: { prune: false, protect: [], ...input.policy },
    extensionRules: DEFAULT_EXTENSION_RULES,
    objects,
    sourceText: '',
  };
}
