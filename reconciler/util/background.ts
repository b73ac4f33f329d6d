/**
 * Work done in the gaps of I/O: items are handed over as they come and worked on in short slices, each after
 * the I/O the event loop has waiting (`setImmediate`), so the work never holds up the requests a read still has
 * to send (issue 15: a plan's per-object work, done in the read's own callbacks, held up the requests behind it
 * at the start of a read, while the code was not compiled yet). `flush` does what is left at once.
 *
 * Only for work that is done again, in full, wherever its result is needed and missing (a cache being filled):
 * an item whose work throws is left undone, and the same work, done where it is needed, reports the error.
 */
export interface Background<T> {
  /** Hands an item over; it is worked on later, in a slice or at `flush`. */
  readonly push: (item: T) => void;
  /** Works on every item left, now, and stops the slices. */
  flush(): void;
  /** Drops every item left (the result is not wanted any more) and stops the slices. */
  drop(): void;
}

/** Longest slice of work between two turns of the event loop. */
export const SLICE_MS = 2;

export function background<T>(work: (item: T) => void, sliceMs = SLICE_MS): Background<T> {
  let queue: T[] = [];
  let head = 0;
  let pending: NodeJS.Immediate | undefined;
  const drain = (until: number): void => {
    while (head < queue.length) {
      const item = queue[head] as T;
      queue[head++] = undefined as T; // nothing done is kept
      try {
        work(item);
      } catch {
        // Left undone: see above.
      }
      if (performance.now() >= until) break;
    }
    if (head === queue.length) {
      queue = [];
      head = 0;
    }
  };
  const slice = (): void => {
    pending = undefined;
    drain(performance.now() + sliceMs);
    if (head < queue.length) pending = setImmediate(slice);
  };
  const stop = (): void => {
    if (pending) clearImmediate(pending);
    pending = undefined;
  };
  return {
    push(item) {
      queue.push(item);
      pending ??= setImmediate(slice);
    },
    flush() {
      stop();
      drain(Number.POSITIVE_INFINITY);
    },
    drop() {
      stop();
      queue = [];
      head = 0;
    },
  };
}
