/**
 * Which change the code running now belongs to. Apply runs independent changes concurrently, so "the
 * current change" is not one global value: each change runs inside its own async scope, and whatever it
 * sends (the write journal's intent lines) is attributed to it, whatever else is in flight.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<string>();

/** Runs `fn` as part of change `id` (the id of a plan change, `kind:key`). */
export function inChange<T>(id: string, fn: () => Promise<T>): Promise<T> {
  return scope.run(id, fn);
}

/** The id of the change whose code is running, if any. */
export function currentChange(): string | undefined {
  return scope.getStore();
}
