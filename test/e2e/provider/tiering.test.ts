/**
 * The provider's V8 tiering (provider/plugin/tiering.ts, issue 15) against the Node that runs the tests — the
 * one `npm run package:provider` builds the release executable from. `setFlagsFromString` does not throw on
 * a flag V8 does not know: V8 writes "unrecognized flag" to stderr, where Terraform would log it at every start.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET } from '../../../provider/plugin/tiering';

describe("the provider's V8 tiering", () => {
  it("is well above the interrupt budget this V8 has by default (eight times Node 20's)", () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    const defaults = /default: --interrupt-budget=(\d+)/.exec(options);
    expect(defaults?.[1], 'node --v8-options lists --interrupt-budget with its default').toBeDefined();
    const byDefault = Number(defaults?.[1]);
    // Node 20 (V8 11.3): 67,584, and the budget is eight times that; a later V8 with a larger default still
    // gets a budget several times its own.
    if (process.versions.v8.startsWith('11.3.')) expect(INTERRUPT_BUDGET).toBe(8 * byDefault);
    expect(INTERRUPT_BUDGET).toBeGreaterThanOrEqual(4 * byDefault);
  });

  it('is a flag this Node knows: set at run time, it prints nothing (an unknown one is reported on stderr)', () => {
    const run = (flag: string) =>
      spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], {
        encoding: 'utf8',
      });
    const ours = run(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    expect([ours.status, ours.stdout, ours.stderr]).toEqual([0, '', '']);
    expect(run('--interrupt-budgets=1').stderr).toMatch(/unrecognized flag/);
  });
});
