import type { CtyObject } from '../cty/values';

/**
 * Read-ahead (issue 15). In a plan's walk Terraform asks, per resource, UpgradeResourceState, then ReadResource
 * with the upgraded state, then ValidateResourceConfig and PlanResourceChange; between the first two it spends
 * a few ms of its own (median 7 ms at 200 users, under the load of the walk). Once the process has served a
 * ReadResource of the type (so Terraform is refreshing: never under `-refresh=false`), the read of each upgraded
 * object starts at its upgrade, and the ReadResource that follows takes it when its `current_state` is those
 * very bytes; otherwise it reads afresh. The read is the same call on the same state, started earlier: the same
 * requests, the same answer. Its failure is the ReadResource's to report. A write or an import drops every read
 * started before it (ProviderService calls `clear`).
 */
export class ReadAheads {
  /** Resource types this process has served a ReadResource of. */
  private readonly typesRead = new Set<string>();
  /** Reads started at an upgrade, by type and id, with the state bytes they started from. */
  private readonly started = new Map<string, { readonly bytes: Buffer; readonly read: Promise<unknown> }>();

  /** A ReadResource of `typeName` is being served: Terraform is refreshing. */
  noteRead(typeName: string): void {
    this.typesRead.add(typeName);
  }

  /** Does an upgrade of `typeName` start its read? */
  active(typeName: string): boolean {
    return this.typesRead.has(typeName);
  }

  /** Starts `read` for the object upgraded to `state` (answered as `bytes`); objects without an id are left. */
  start(typeName: string, state: CtyObject, bytes: Buffer, read: () => Promise<unknown>): void {
    const id = state.id;
    if (typeof id !== 'string' || id === '') return;
    let p: Promise<unknown>;
    try {
      p = read();
    } catch (err) {
      p = Promise.reject(err);
    }
    p.catch(() => {}); // reported by the ReadResource that takes it, or by its own read
    this.started.set(`${typeName}\0${id}`, { bytes, read: p });
  }

  /** The read started for this ReadResource, if it started from the very same state bytes (taken once). */
  take(typeName: string, state: CtyObject, current: unknown): Promise<unknown> | undefined {
    if (this.started.size === 0 || typeof state.id !== 'string') return undefined;
    const key = `${typeName}\0${state.id}`;
    const ahead = this.started.get(key);
    if (ahead === undefined) return undefined;
    this.started.delete(key);
    const bytes = (current as { msgpack?: Uint8Array } | null)?.msgpack;
    return bytes !== undefined && ahead.bytes.equals(bytes) ? ahead.read : undefined;
  }

  /** Drops every read started so far (before a write or an import). */
  clear(): void {
    this.started.clear();
  }
}
