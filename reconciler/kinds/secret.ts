/**
 * A secret value (voicemail PIN) as it travels through the pipeline: compared by value, never printed.
 * `toJSON`/`toString`/inspect all give `(sensitive)`, so no renderer, log or saved plan can leak it.
 */
import { inspect } from 'node:util';

export const MASK = '(sensitive)';

export class SecretValue {
  readonly #value: string;
  constructor(
    value: string,
    /** Where it came from, for messages: `env VM_PIN_1001` or `platform`. */
    readonly origin: string,
  ) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  equals(other: unknown): boolean {
    return other instanceof SecretValue && other.#value === this.#value;
  }
  toJSON(): string {
    return MASK;
  }
  toString(): string {
    return MASK;
  }
  [inspect.custom](): string {
    return MASK;
  }
}

/** A reference to a secret in the desired-state file: `{ env: NAME }`. */
export interface SecretRef {
  readonly env: string;
}

export function isSecretRef(value: unknown): value is SecretRef {
  return typeof value === 'object' && value !== null && typeof (value as SecretRef).env === 'string';
}

/**
 * Why a variable may not be named by a secret reference: it holds pbxctl's own credentials or settings, so
 * `pin: { env: NS_API_KEY }` would write the API key to the platform as a PIN. Undefined when it may.
 */
export function reservedSecretName(name: string): string | undefined {
  if (/^NS_/i.test(name)) return "is one of pbxctl's platform credentials (NS_*)";
  if (/^PBXCTL_/i.test(name))
    return "is one of pbxctl's own settings (PBXCTL_*; PBXCTL_SECRETS is the bundle of secrets)";
  if (/^(GITHUB_TOKEN|GH_TOKEN|ACTIONS_[A-Z_]*TOKEN)$/i.test(name)) return 'is a CI token';
  return undefined;
}

/** Voicemail PIN length. The API only says "numeric string" (OAS45 `voicemail-login-pin`); 4 to 10 digits
 * is what handsets and the voicemail IVR accept in practice and what the portal asks for. */
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 10;

/** Why a PIN value cannot be used, WITHOUT the value (never printed), or undefined when it can. */
export function pinProblem(pin: string): string | undefined {
  if (/[\r\n]$/.test(pin)) return 'ends with a line break (was it written with `echo` instead of `printf`?)';
  if (/^\s|\s$/.test(pin)) return 'has leading or trailing spaces';
  if (/\s/.test(pin)) return 'contains spaces';
  if (/[^\x20-\x7e]/.test(pin))
    return 'contains characters other than the digits 0–9 (non-ASCII or control characters)';
  if (!/^[0-9]+$/.test(pin)) return 'contains characters other than the digits 0–9';
  if (pin.length < PIN_MIN_DIGITS) return `is shorter than ${PIN_MIN_DIGITS} digits`;
  if (pin.length > PIN_MAX_DIGITS) return `is longer than ${PIN_MAX_DIGITS} digits`;
  return undefined;
}

/** Resolves secret references; injected so that `plan/` never touches the environment itself. */
export type SecretResolver = (ref: SecretRef) => SecretValue | undefined;

/**
 * `{ env: NAME }` → the variable NAME, or else the key NAME of the JSON object in `PBXCTL_SECRETS`, so a CI
 * can hand over every PIN of a fleet in ONE secret instead of one workflow edit per PIN.
 */
export function envSecretResolver(env: NodeJS.ProcessEnv): SecretResolver {
  let bundle: Record<string, unknown> | undefined;
  const fromBundle = (name: string): string | undefined => {
    if (bundle === undefined) {
      try {
        const parsed: unknown = env.PBXCTL_SECRETS ? JSON.parse(env.PBXCTL_SECRETS) : {};
        bundle =
          parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      } catch {
        // Never echo the value: it holds secrets.
        bundle = {};
      }
    }
    const v = bundle[name];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
  return (ref) => {
    const direct = env[ref.env];
    if (direct !== undefined && direct !== '') return new SecretValue(direct, `env ${ref.env}`);
    const bundled = fromBundle(ref.env);
    return bundled === undefined || bundled === '' ? undefined : new SecretValue(bundled, `PBXCTL_SECRETS.${ref.env}`);
  };
}
