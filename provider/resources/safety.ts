/**
 * Terraform safety (issue 14 #9): pbxctl's safety model at plan time.
 *  - A destroy or replacement of a protected extension (provider setting `protect`) is refused with an error
 *    that names it — the same rule as YAML's `policy.protect`.
 *  - A destroy or replacement of an object that owns an extension (a user, a ring group) gets a WARNING that
 *    lists what would be lost, read from the platform at plan time: voicemail messages, greetings, personal
 *    contacts, answer rules, the phone numbers (DIDs) routed to it and what refers to it (ring groups).
 */
import { type Diagnostic, errorDiagnostic } from '../framework/diagnostics';
import { type AnyKind, createLiveCache, DEFAULT_REGISTRY, readLosses } from '../../reconciler/provider-api';
import type { NetsapiensContext } from './context';
import { type Model, parseId } from './kind-model';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface PlannedChange {
  readonly prior: Model | null;
  readonly planned: Model | null;
  readonly requiresReplace: boolean;
}

/** Diagnostics for a planned destroy or replacement; nothing for creates and in-place updates. */
export async function checkDestructive(
  kind: AnyKind,
  ctx: NetsapiensContext,
  change: PlannedChange,
): Promise<Diagnostic[]> {
  const { prior, planned, requiresReplace } = change;
  if (!prior || (planned !== null && !requiresReplace)) return [];
  const refusal = protectedRefusal(kind, ctx, prior, planned === null ? 'destroy' : 'replace');
  if (refusal) return [refusal];
  if (!kind.identity.ownsExtension) return [];
  const { domain, key } = parseId(kind, str(prior.id));
  const verb = planned === null ? 'destroy' : 'replace';
  const lines = await lossLines(ctx, domain, key);
  if (lines.length === 0) return [];
  return [
    {
      severity: 'warning',
      summary: `${verb === 'destroy' ? 'Destroying' : 'Replacing'} ${kind.name} ${key} loses data`,
      detail: `${kind.title} ${key} in ${domain} would lose:\n${lines.map((l) => `  - ${l}`).join('\n')}`,
    },
  ];
}

/** The error that refuses to destroy or replace a protected extension; undefined when allowed. */
export function protectedRefusal(
  kind: AnyKind,
  ctx: NetsapiensContext,
  prior: Model,
  verb: 'destroy' | 'replace',
): Diagnostic | undefined {
  const { domain, key } = parseId(kind, str(prior.id));
  if (!kind.identity.ownsExtension || !ctx.protect.has(key)) return undefined;
  return errorDiagnostic(
    `Extension ${key} is protected`,
    `${kind.title} ${key} in ${domain} is in the provider's protect list; Terraform would ${verb} it, which ` +
      `wipes its voicemail and routing. Remove ${key} from the provider's protect setting first if this is intended.`,
  );
}

async function lossLines(ctx: NetsapiensContext, domain: string, key: string): Promise<string[]> {
  const [losses, refs] = await Promise.all([readLosses(ctx.client, domain, [key]), referencesTo(ctx, domain, key)]);
  const out = (losses.get(key) ?? []).map(
    (l) => `${l.count} ${l.what}${l.detail && l.detail.length > 0 ? ` (${l.detail.join(', ')})` : ''}`,
  );
  return [...out, ...refs];
}

/** What points at the extension (phone numbers routed to it, ring groups ringing it), over every kind. */
async function referencesTo(ctx: NetsapiensContext, domain: string, key: string): Promise<string[]> {
  const read = { client: ctx.client, platform: ctx.platform, domain, cache: createLiveCache(), concurrency: 4 };
  const out = new Set<string>();
  for (const kind of DEFAULT_REGISTRY.kinds) {
    for (const live of await kind.read(read)) {
      for (const r of kind.references(live.key, live.comparable)) {
        if (r.key !== key || (r.source.kind === kind.name && r.source.key === key)) continue;
        out.add(`${r.from} (${String(r.relation).replace(/_/g, ' ')} ${key})`);
      }
    }
  }
  return [...out].sort();
}
