/**
 * Client settings: defaults, environment overrides and explicit options (explicit wins, then the environment,
 * then the default). Every deadline ends in a `PlatformTimeoutError` naming the deadline and its variable.
 *
 *   Variable                  Default   Meaning
 *   PBXCTL_CONCURRENCY        8         ceiling on requests in flight (the pacer adapts below it)
 *   PBXCTL_RATE               none      ceiling on requests per second (the pacer adapts below it)
 *   PBXCTL_RETRIES            5         attempts for one call that fails in a retryable way
 *   PBXCTL_PACING             adaptive  `off`: the pacer learns nothing from 429/503 or latency (stays at the
 *                                       ceilings); each throttled call still waits its own Retry-After. For
 *                                       fault-injection runs (bench/chaos), where 429s are random, not a limit
 *   PBXCTL_TIMEOUT_CONNECT    10        seconds to open the TCP + TLS connection
 *   PBXCTL_TIMEOUT_HEADERS    30        seconds from sending a request to its complete response headers
 *   PBXCTL_TIMEOUT_IDLE       10        seconds of silence allowed in the middle of a response body; also the
 *                                       grace period after which a body must arrive at ≥ 1 KiB/s on average
 *                                       (a server that trickles a byte every few seconds fails after it)
 *   PBXCTL_TIMEOUT_REQUEST    120       seconds for one whole exchange (headers and body)
 *   PBXCTL_TIMEOUT_RUN        3600      seconds for everything one client does (a plan, an apply); 0 = none
 *
 * Times are seconds (decimals allowed). A value that is not a number ≥ 0 is a `UsageError` naming the variable.
 * The CLI passes flags as explicit options; library callers pass `ClientOptions`.
 */
import { UsageError } from '../errors';

export interface Deadlines {
  readonly connectMs: number;
  readonly headersMs: number;
  readonly idleMs: number;
  readonly requestMs: number;
  /** 0 = no whole-run deadline. */
  readonly runMs: number;
  /** After `idleMs` into a body, the average rate must stay at or above this (bytes/s). */
  readonly minBodyBytesPerSecond: number;
}

export interface ClientSettings {
  readonly concurrency: number;
  /** Requests per second ceiling; `Infinity` = none. */
  readonly rate: number;
  readonly maxAttempts: number;
  readonly maxBackoffMs: number;
  /** Adaptive pacing on (default) or off (PBXCTL_PACING=off). */
  readonly adaptivePacing: boolean;
  readonly deadlines: Deadlines;
  readonly maxResponseBytes: number;
}

export interface SettingsInput {
  readonly concurrency?: number;
  readonly requestsPerSecond?: number;
  readonly maxAttempts?: number;
  readonly maxBackoffMs?: number;
  readonly adaptivePacing?: boolean;
  /** Kept for compatibility: sets the headers and idle deadlines at once. */
  readonly timeoutMs?: number;
  readonly deadlines?: Partial<Deadlines>;
  readonly maxResponseBytes?: number;
}

export const DEFAULT_DEADLINES: Deadlines = {
  connectMs: 10_000,
  headersMs: 30_000,
  idleMs: 10_000,
  requestMs: 120_000,
  runMs: 3_600_000,
  minBodyBytesPerSecond: 1024,
};

const ENV_SECONDS: ReadonlyArray<[keyof Deadlines, string]> = [
  ['connectMs', 'PBXCTL_TIMEOUT_CONNECT'],
  ['headersMs', 'PBXCTL_TIMEOUT_HEADERS'],
  ['idleMs', 'PBXCTL_TIMEOUT_IDLE'],
  ['requestMs', 'PBXCTL_TIMEOUT_REQUEST'],
  ['runMs', 'PBXCTL_TIMEOUT_RUN'],
];

/** The variable that overrides a deadline, for hints. */
export function deadlineVariable(key: keyof Deadlines): string {
  return ENV_SECONDS.find(([k]) => k === key)?.[1] ?? 'PBXCTL_TIMEOUT_*';
}

type Env = Readonly<Record<string, string | undefined>>;

function envNumber(env: Env, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw.trim());
  if (!Number.isFinite(n) || n < min) {
    throw new UsageError(`${name}=${JSON.stringify(raw)} is not a number ≥ ${min}`);
  }
  return n;
}

function checked(name: string, value: number | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < min) throw new UsageError(`${name} must be a number ≥ ${min} (got ${value})`);
  return value;
}

function pacingFromEnv(env: Env): boolean {
  const raw = env.PBXCTL_PACING?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'adaptive') return true;
  if (raw === 'off') return false;
  throw new UsageError(`PBXCTL_PACING=${JSON.stringify(env.PBXCTL_PACING)} is not "adaptive" or "off"`);
}

export function resolveSettings(input: SettingsInput, env: Env): ClientSettings {
  const concurrency = Math.floor(
    checked('concurrency', input.concurrency, 1) ?? envNumber(env, 'PBXCTL_CONCURRENCY', 1) ?? 8,
  );
  const rate = checked('requests per second', input.requestsPerSecond, 0.01) ?? envNumber(env, 'PBXCTL_RATE', 0.01);
  const attempts = checked('attempts', input.maxAttempts, 1) ?? envNumber(env, 'PBXCTL_RETRIES', 1) ?? 5;
  const deadlines: Record<string, number> = { ...DEFAULT_DEADLINES };
  for (const [key, variable] of ENV_SECONDS) {
    const seconds = envNumber(env, variable, 0);
    if (seconds !== undefined) deadlines[key] = seconds * 1000;
  }
  if (input.timeoutMs !== undefined) {
    deadlines.headersMs = checked('timeoutMs', input.timeoutMs, 1) as number;
    deadlines.idleMs = input.timeoutMs;
  }
  for (const [key, value] of Object.entries(input.deadlines ?? {})) {
    if (value !== undefined) deadlines[key] = checked(key, value, 0) as number;
  }
  for (const [key, variable] of ENV_SECONDS) {
    if (key !== 'runMs' && deadlines[key] <= 0) throw new UsageError(`${variable} must be more than 0 seconds`);
  }
  return {
    concurrency,
    adaptivePacing: input.adaptivePacing ?? pacingFromEnv(env),
    rate: rate ?? Number.POSITIVE_INFINITY,
    maxAttempts: Math.floor(attempts),
    maxBackoffMs: checked('maxBackoffMs', input.maxBackoffMs, 0) ?? 10_000,
    deadlines: deadlines as unknown as Deadlines,
    maxResponseBytes: checked('maxResponseBytes', input.maxResponseBytes, 1) ?? 256 * 1024 * 1024,
  };
}
