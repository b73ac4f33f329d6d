import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET, tuneTiering } from './tiering';

// That this Node's V8 knows the flag and how the budget compares with its default: test/e2e/provider/tiering.test.ts.
describe("the provider's V8 tiering (issue 15)", () => {
  it('sets one flag, the interrupt budget', () => {
    const set: string[] = [];
    tuneTiering((flags) => set.push(flags));
    expect(set).toEqual(['--interrupt-budget=540672']);
    expect(INTERRUPT_BUDGET).toBe(540_672);
  });
});
