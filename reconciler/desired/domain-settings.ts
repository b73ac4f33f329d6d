/** A domain's `policy:` and `extensions:` blocks (at most one policy per domain, across its files). */
import type { DesiredStateIssue } from '../errors';
import { isKnownTimeZone, type Weekday } from './change-window';
import { quoteValue } from '../util/escape';
import { at } from './positions';
import { DEFAULT_EXTENSION_RULES, type ExtensionRules } from './reserved';
import { DEFAULT_USER_OWNED, type ParsedFile, type Policy } from './types';

export interface DomainSettings {
  readonly policy: Policy;
  /** The file that set the policy, for messages. */
  readonly policyFrom?: ParsedFile;
  readonly rules: ExtensionRules;
}

interface RawPolicy {
  prune?: boolean;
  max_deletes?: number;
  protect?: unknown[];
  user_owned?: string[];
  change_window?: { days: Weekday[]; start: string; end: string; time_zone: string };
  allow_dead_ends?: unknown[];
}

function readPolicy(p: ParsedFile, raw: RawPolicy, issues: DesiredStateIssue[]): Policy {
  const cw = raw.change_window;
  if (cw && typeof cw.time_zone === 'string' && !isKnownTimeZone(cw.time_zone)) {
    issues.push({
      position: at(p, ['policy', 'change_window', 'time_zone']),
      path: 'policy.change_window.time_zone',
      message: `unknown time zone ${quoteValue(cw.time_zone)}`,
      hint: 'use an IANA name such as America/New_York',
    });
  }
  return {
    prune: raw.prune === true,
    maxDeletes: raw.max_deletes,
    protect: (raw.protect ?? []).map(String),
    userOwned: raw.user_owned ?? DEFAULT_USER_OWNED,
    ...(raw.allow_dead_ends ? { allowDeadEnds: raw.allow_dead_ends.map(String) } : {}),
    ...(cw?.days && cw.start && cw.end && cw.time_zone
      ? { changeWindow: { days: cw.days, start: cw.start, end: cw.end, timeZone: cw.time_zone } }
      : {}),
  };
}

export function readDomainSettings(
  domain: string,
  files: readonly ParsedFile[],
  issues: DesiredStateIssue[],
): DomainSettings {
  let policy: Policy = { prune: false, protect: [], userOwned: DEFAULT_USER_OWNED };
  let policyFrom: ParsedFile | undefined;
  let rules: ExtensionRules = DEFAULT_EXTENSION_RULES;
  for (const p of files) {
    const value = p.value as Record<string, unknown>;
    if (value.policy !== undefined) {
      if (policyFrom) {
        issues.push({
          position: at(p, ['policy'], true),
          path: 'policy',
          message: `policy for ${domain} is already set in ${policyFrom.displayName}`,
          hint: 'keep one `policy:` per domain',
        });
      }
      policyFrom = p;
      policy = readPolicy(p, value.policy as RawPolicy, issues);
    }
    if (value.extensions !== undefined) {
      const raw = value.extensions as { min?: number; max?: number; reserved?: string[] };
      rules = {
        min: raw.min ?? DEFAULT_EXTENSION_RULES.min,
        max: raw.max ?? DEFAULT_EXTENSION_RULES.max,
        reserved: raw.reserved ?? [],
      };
    }
  }
  for (const ext of policy.protect) {
    if (!/^[0-9]+$/.test(ext) && policyFrom)
      issues.push({
        position: at(policyFrom, ['policy', 'protect']),
        path: 'policy.protect',
        message: `${quoteValue(ext)} is not an extension`,
      });
  }
  return { policy, policyFrom, rules };
}
