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
