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

export function envSecretResolver(env: NodeJS.ProcessEnv): SecretResolver {
  return (ref) => {
    const value = env[ref.env];
    return value === undefined || value === '' ? undefined : new SecretValue(value, `env ${ref.env}`);
  };
}
