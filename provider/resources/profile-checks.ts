/**
 * Plan-time checks against the provider's `platform` block (issue 12): a value whose encoding the profile
 * does not name (`spam = "drop"` without `platform { spam_drop = … }`) is refused at `terraform plan`, at the
 * attribute — before anything is written, as YAML refuses it at load time.
 */
import { type Diagnostic, errorDiagnostic } from '../framework/diagnostics';
import type { NetsapiensContext } from './context';
import type { Model } from './kind-model';

const NEEDS = { drop: 'spamDrop', screen: 'spamScreen' } as const;

export function profileProblems(ctx: NetsapiensContext, planned: Model | null): Diagnostic[] {
  const spam = planned?.spam;
  if (spam !== 'drop' && spam !== 'screen') return [];
  if (ctx.platform[NEEDS[spam]] !== undefined) return [];
  return [
    errorDiagnostic(
      `spam = "${spam}" needs platform.spam_${spam}`,
      `How this server stores the portal's "${spam === 'drop' ? 'Drop Call' : 'Screen Call'}" is unknown: set it in the provider block, platform { spam_${spam} = "…" }. \`pbxctl doctor\` against a domain where the setting was made in the portal reports the value (docs/platform-profile.md).`,
      [{ attribute: 'spam' }],
    ),
  ];
}
