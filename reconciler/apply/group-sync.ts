/**
 * Group commit for the apply's files (write journal, welcome ledger): a line that must be on disk before a
 * write goes on the wire is written at once (`writeSync`) and its file marked dirty; the write then awaits
 * `flush()`, which fsyncs every dirty file off the event loop (`fs.fsync`, libuv's thread pool). Writes that
 * arrive while a flush runs share the next one, so 8 changes in flight cost about one fsync per round, not
 * eight blocking ones, and the event loop keeps serving the answers of the other changes meanwhile.
 *
 * The guarantee is unchanged: a caller's `flush()` resolves only after an fsync that STARTED after its line
 * was written has completed. A file must not be closed while a flush is running: every flush is awaited by
 * the write that asked for it, and the files are closed after the apply's writes have all finished.
 */
import { fsync } from 'node:fs';

export class GroupSync {
  private dirty = new Set<number>();
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  /** fsync calls made (for tests and benchmarks). */
  syncs = 0;

  /** The file `fd` has lines the next flush must cover. */
  markDirty(fd: number): void {
    this.dirty.add(fd);
  }

  /** Forgets a file about to be closed (its owner syncs it synchronously at close). */
  forget(fd: number): void {
    this.dirty.delete(fd);
  }

  /** Resolves once every line written before this call is on disk. */
  flush(): Promise<void> {
    if (!this.running) {
      if (this.dirty.size === 0) return Promise.resolve();
      this.running = this.run();
      return this.running;
    }
    // A flush is running: lines marked dirty after it started need the next one (shared by every caller).
    if (this.dirty.size === 0) return this.running;
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.flush();
      });
    return this.queued;
  }

  private async run(): Promise<void> {
    const fds = [...this.dirty];
    this.dirty.clear();
    try {
      this.syncs += fds.length;
      await Promise.all(fds.map((fd) => new Promise<void>((ok, fail) => fsync(fd, (e) => (e ? fail(e) : ok())))));
    } finally {
      this.running = undefined;
    }
  }
}
