import { describe, expect, it } from 'vitest';
import { background } from './background';

const turn = () => new Promise<void>((r) => setImmediate(r));

/** Work that takes `ms` of the CPU. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describe('background work', () => {
  it('is not done where it is handed over, but in a later turn of the event loop, in order', async () => {
    const done: number[] = [];
    // A slice long enough for both, however loaded the machine.
    const bg = background((n: number) => done.push(n), 10_000);
    bg.push(1);
    bg.push(2);
    expect(done).toEqual([]);
    await turn();
    expect(done).toEqual([1, 2]);
  });

  it('works in slices, letting the event loop turn between them', async () => {
    const order: string[] = [];
    const bg = background((n: number) => {
      busy(3);
      order.push(`item ${n}`);
    }, 2);
    for (const n of [1, 2, 3]) bg.push(n);
    // Something else the loop has to do, queued after the first slice.
    setImmediate(() => order.push('other'));
    await turn();
    await turn();
    await turn();
    // One item per slice (each takes longer than the slice): the other callback ran between them.
    expect(order.slice(0, 2)).toEqual(['item 1', 'other']);
    expect(order).toContain('item 3');
  });

  it('flush does what is left at once; drop leaves it undone', async () => {
    const done: number[] = [];
    const a = background((n: number) => done.push(n));
    a.push(1);
    a.push(2);
    a.flush();
    expect(done).toEqual([1, 2]);
    const b = background((n: number) => done.push(n * 10));
    b.push(3);
    b.drop();
    await turn();
    await turn();
    expect(done).toEqual([1, 2]);
    // Still usable after either.
    a.push(4);
    a.flush();
    expect(done).toEqual([1, 2, 4]);
  });

  it('leaves an item whose work throws undone, and goes on with the others', async () => {
    const done: number[] = [];
    const bg = background((n: number) => {
      if (n === 2) throw new Error('no');
      done.push(n);
    }, 10_000);
    for (const n of [1, 2, 3]) bg.push(n);
    await turn();
    expect(done).toEqual([1, 3]);
    bg.push(2);
    expect(() => bg.flush()).not.toThrow();
  });
});
