/**
 * The `platform:` section (issue 12, docs/platform-profile.md): the encodings that differ between
 * NetSapiens installations. A domain file may carry one; a fleet shares one in `_platform.yaml` at the
 * root of the loaded directory (a domain's own section overrides it key by key). A file that uses a
 * feature whose encoding is unknown is refused here, at its line, with the profile key to set.
 */
import { quoteValue } from '../util/escape';
import { closest } from '../util/closest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type Ajv2020 from 'ajv/dist/2020';
import { lazyAjv2020, lazyYaml } from '../util/lazy-modules';
import { validatorFor } from './precompiled';
import { DesiredStateError, type DesiredStateIssue } from '../errors';
import type { DesiredObject } from '../kinds/kind';
import { USER_SCOPES } from '../kinds/user/fields';
import { missingSpamKey } from '../platform/codec';
import {
  DEFAULT_PLATFORM_PROFILE,
  DOCTOR_HINT,
  mergeProfile,
  type PlatformProfile,
  type RawPlatformSection,
} from '../platform/profile';
import { at, dotted, yamlPath } from './positions';
import type { ParsedFile } from './types';

type Schema = Record<string, unknown>;

const VALUE = { type: 'string', minLength: 1 };

/** JSON Schema of a `platform:` section. */
export const PLATFORM_SECTION_SCHEMA: Schema = {
  type: 'object',
  description:
    "Encodings that differ between NetSapiens installations (docs/platform-profile.md). Omitted keys keep their defaults; run `pbxctl doctor` to find your server's values.",
  additionalProperties: false,
  properties: {
    ring_group_service_code: {
      ...VALUE,
      pattern: '^system-',
      default: DEFAULT_PLATFORM_PROFILE.ringGroupServiceCode,
      description: '`service-code` of ring groups pbxctl creates (unconfirmed default; portal groups are adopted).',
    },
    ring_group_scope: {
      ...VALUE,
      default: DEFAULT_PLATFORM_PROFILE.ringGroupScope,
      description: '`user-scope` of ring groups pbxctl creates (unconfirmed default).',
    },
    spam_drop: { ...VALUE, description: 'Spam "Drop Call" value of `forward-on-spam-call` (unknown by default).' },
    spam_screen: {
      ...VALUE,
      description: 'Spam "Screen Call" value of `forward-on-spam-call` (unknown by default).',
    },
    welcome_email: {
      type: 'object',
      additionalProperties: false,
      description: 'Template and subject of the welcome e-mail (default: welcome_email.php, "New Account Setup").',
      properties: { template: VALUE, subject: VALUE },
    },
    scope_labels: {
      type: 'object',
      description: 'Portal scope labels ("Device Only") → the `user-scope` value they stand for. Empty by default.',
      additionalProperties: { enum: [...USER_SCOPES] },
    },
    attendant_greeting_field: {
      ...VALUE,
      default: DEFAULT_PLATFORM_PROFILE.attendantGreetingField,
      description: "Auto-attendant menu field that names the greeting (default: the spec's `intro-greetings`).",
    },
    address_pidflo: {
      enum: ['text', 'object'],
      default: DEFAULT_PLATFORM_PROFILE.addressPidflo,
      description:
        'How an emergency-address create sends the validated `address-formatted-pidflo`: text (JSON text, the create schema; default) or object (as the validate answer has it).',
    },
  },
};

/** JSON Schema of a fleet's `_platform.yaml`. */
export const FLEET_FILE_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['platform'],
  properties: { version: { const: 1 }, platform: PLATFORM_SECTION_SCHEMA },
};

let fleetValidator: ReturnType<Ajv2020['compile']> | undefined;

/** `_platform.yaml` (or `.yml`): the fleet's shared profile, not a domain file. */
export function isFleetProfileFile(file: string): boolean {
  return /^_platform\.ya?ml$/i.test(basename(file));
}

/** The fleet's profile from its `_platform.yaml` files (at most one), schema-checked with file:line. */
export function readFleetProfile(files: readonly ParsedFile[], issues: DesiredStateIssue[]): PlatformProfile {
  if (files.length > 1) {
    for (const p of files.slice(1))
      issues.push({
        position: at(p, []),
        path: '',
        message: `a fleet platform profile is already in ${files[0]?.displayName}`,
        hint: 'keep one _platform.yaml at the root of the directory',
      });
  }
  const p = files[0];
  if (!p) return DEFAULT_PLATFORM_PROFILE;
  const value = p.value;
  fleetValidator ??= validatorFor('fleetFile', FLEET_FILE_SCHEMA, () =>
    new (lazyAjv2020())({ allErrors: true, strict: false }).compile(FLEET_FILE_SCHEMA),
  );
  if (!fleetValidator(value)) {
    for (const e of fleetValidator.errors ?? []) {
      const path = e.instancePath.split('/').filter(Boolean);
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      issues.push({
        position: at(p, extra ? [...path, extra] : path, extra !== undefined),
        path: dotted(extra ? [...path, extra] : path),
        message: extra ? `unknown key "${extra}"` : `${dotted(path) || 'file'} ${e.message ?? 'is invalid'}`,
        hint: 'a _platform.yaml holds only `version` and `platform:` (docs/platform-profile.md)',
      });
    }
    return DEFAULT_PLATFORM_PROFILE;
  }
  return mergeProfile(DEFAULT_PLATFORM_PROFILE, (value as { platform: RawPlatformSection }).platform);
}

/** A domain's profile: the fleet's, overridden by at most one `platform:` section among its files. */
export function readDomainProfile(
  domain: string,
  files: readonly ParsedFile[],
  fleet: PlatformProfile,
  issues: DesiredStateIssue[],
): PlatformProfile {
  let profile = fleet;
  let from: ParsedFile | undefined;
  for (const p of files) {
    const raw = ((p.value ?? {}) as Record<string, unknown>).platform as RawPlatformSection | undefined;
    if (raw === undefined) continue;
    if (from)
      issues.push({
        position: at(p, ['platform'], true),
        path: 'platform',
        message: `the platform profile of ${domain} is already set in ${from.displayName}`,
        hint: 'keep one `platform:` per domain (or one _platform.yaml for the fleet)',
      });
    from = p;
    profile = mergeProfile(fleet, raw);
  }
  return profile;
}

/**
 * Refuses objects that need an unknown encoding (spam drop/screen) or a scope that is neither a platform
 * scope nor a label of the profile, each at its own line.
 */
export function checkProfileUse(
  objects: ReadonlyMap<string, readonly DesiredObject[]>,
  files: readonly ParsedFile[],
  profile: PlatformProfile,
  issues: DesiredStateIssue[],
): void {
  const fileOf = new Map(files.map((f) => [f.displayName, f] as const));
  for (const list of objects.values()) {
    for (const o of list) {
      const p = o.source ? fileOf.get(o.source.file) : undefined;
      const where = (field: string) => {
        const path = [...yamlPath(o.path ?? ''), field];
        return { position: p ? at(p, path) : o.source, path: dotted(path) };
      };
      const spam = o.spec.spam;
      const key = typeof spam === 'string' ? missingSpamKey(spam, profile) : undefined;
      if (key)
        issues.push({
          ...where('spam'),
          message: `spam: ${String(spam)} needs platform.${key}: how this server stores it is unknown`,
          hint: DOCTOR_HINT,
        });
      const scope = o.kind === 'user' ? o.spec.scope : undefined;
      if (
        typeof scope === 'string' &&
        !(USER_SCOPES as readonly string[]).includes(scope) &&
        !profile.scopeLabels[scope]
      )
        issues.push({
          ...where('scope'),
          message: `unknown scope ${quoteValue(scope)}`,
          hint:
            closest(scope, [...USER_SCOPES, ...Object.keys(profile.scopeLabels)]) ??
            `use a platform scope (${USER_SCOPES.join(', ')}) or map the portal label in platform.scope_labels`,
        });
    }
  }
}

/** Users whose `scope` is a portal label of the profile, written as the `user-scope` it stands for. */
export function applyScopeLabels(
  objects: ReadonlyMap<string, readonly DesiredObject[]>,
  profile: PlatformProfile,
): Map<string, readonly DesiredObject[]> {
  const out = new Map(objects);
  const users = objects.get('user');
  if (!users || Object.keys(profile.scopeLabels).length === 0) return out;
  out.set(
    'user',
    users.map((o) => {
      const scope = o.spec.scope;
      const mapped = typeof scope === 'string' ? profile.scopeLabels[scope] : undefined;
      if (!mapped) return o;
      return { ...o, spec: { ...o.spec, scope: mapped }, comparable: { ...o.comparable, scope: mapped } };
    }),
  );
  return out;
}

/** A profile from one `_platform.yaml`-shaped file (`pbxctl doctor --platform FILE`); throws with file:line. */
export function loadPlatformFile(path: string, displayName: string): PlatformProfile {
  const text = readFileSync(path, 'utf8');
  const { LineCounter, parseDocument } = lazyYaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const issues: DesiredStateIssue[] = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return {
      position: { file: displayName, line: pos.line, column: pos.col },
      path: '',
      message: e.message.split('\n')[0] ?? e.message,
    };
  });
  if (issues.length) throw new DesiredStateError(issues);
  const profile = readFleetProfile(
    [{ file: path, displayName, rootRelative: displayName, text, doc, lines, value: doc.toJS(), invalid: new Set() }],
    issues,
  );
  if (issues.length) throw new DesiredStateError(issues);
  return profile;
}
