/**
 * `pbxctl trace` in-process against the emulator (strict, real HTTP): the small-office example before
 * and after apply, live and desired state, and the usage errors.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../../emulator';
import { applyDomainPlan } from '../../apply/apply-plan';
import { loadDesiredState } from '../../desired/load-desired-state';
import { NetSapiensClient } from '../../platform/client';
import { planDomain } from '../../pipeline';
import { envSecretResolver } from '../../kinds/secret';
import { runCli } from '../run-cli';

const ROOT = resolve(__dirname, '../../..');
const EXAMPLE = join(ROOT, 'examples/small-office');
const PINS = { VM_PIN_1000: '4821', VM_PIN_1001: '2468' };
const MONDAY_10 = '2026-12-07T10:00:00-05:00';
const SUNDAY_10 = '2026-12-06T10:00:00-05:00';
const CHRISTMAS_10 = '2026-12-25T10:00:00-05:00';
const FRIDAY_LUNCH = '2026-12-11T12:30:00-05:00';

/** Issue 16 must-show 2: a weekday and a Sunday take different paths, each ending at a mailbox. */
async function weekdayAndSunday(state: string[]) {
  const weekday = await trace('+1 212 555 0100', '--at', MONDAY_10, ...state);
  expect(weekday.code).toBe(0);
  // Business hours: the front desk group forwards to the Main Menu; a caller who presses nothing goes
  // to key 0 (Grace), whose unanswered call ends in her mailbox.
  expect(weekday.out).toContain('2000: time frame "Business hours" in effect, forward always');
  expect(weekday.out).toContain('auto attendant 3000 answers with its menu (time frame "Business hours")');
  expect(weekday.out).toContain('no input → key 0 → 1000');
  expect(weekday.out).not.toContain('ring group 2001');
  expect(weekday.out.trim().split('\n').at(-1)).toBe('→ voicemail 1000');
  const sunday = await trace('+1 212 555 0100', '--at', SUNDAY_10, ...state);
  expect(sunday.code).toBe(0);
  expect(sunday.out).toContain('sunday 2026-12-06 10:00 America/New_York');
  expect(sunday.out).toContain('2000: time frame "After hours" in effect, forward always');
  expect(sunday.out).toContain('ring group 2001 rings 2 of 2 members for 25 s');
  expect(sunday.out).not.toContain('auto attendant');
  expect(sunday.out.trim().split('\n').at(-1)).toBe('→ voicemail 2001');
  expect(sunday.out).not.toBe(weekday.out);
  const christmas = await trace('+1 212 555 0100', '--at', CHRISTMAS_10, ...state);
  expect(christmas.out).toContain('2000: time frame "Holidays" in effect, forward always');
  expect(christmas.out).not.toContain('auto attendant');
  expect(christmas.out.trim().split('\n').at(-1)).toBe('→ voicemail 1000');
  // Outside every time frame (Friday's lunch break) the group's own members ring, then its fallback.
  const lunch = await trace('+1 212 555 0100', '--at', FRIDAY_LUNCH, ...state);
  expect(lunch.out).toContain('ring group 2000 rings 3 of 3 members for 30 s');
  expect(lunch.out).toContain('no answer after 30 s → fallback');
  expect(lunch.out.trim().split('\n').at(-1)).toBe('→ voicemail 1000');
}

let emu: RunningEmulator;

async function trace(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['trace', EXAMPLE, ...args], {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    env: { NS_API_URL: emu.url, NS_API_KEY: DEFAULT_API_KEY, ...PINS },
    cwd: ROOT,
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('pbxctl trace (emulator, in-process)', () => {
  beforeAll(async () => {
    emu = await startEmulator({ seed: join(ROOT, 'examples/demo/seed.yaml'), strictRequests: true });
  });
  afterAll(async () => emu?.close());

  it('before apply: live rings the owner, desired reaches the Main Menu in business hours', async () => {
    const live = await trace('+1 212 555 0100', '--at', MONDAY_10);
    expect(live.code).toBe(0);
    expect(live.out).toContain('monday 2026-12-07 10:00 America/New_York');
    expect(live.out).toContain('1000 rings for 25 s');
    expect(live.out.trim().split('\n').at(-1)).toBe('→ voicemail 1000');
    const desired = await trace('+1 212 555 0100', '--at', MONDAY_10, '--state', 'desired');
    expect(desired.out).toContain('auto attendant 3000 answers with its menu');
    expect(desired.out.trim().split('\n').at(-1)).toBe('→ voicemail 1000');
    await weekdayAndSunday(['--state', 'desired']);
  });

  it('after apply: live follows the file', async () => {
    const client = new NetSapiensClient({ baseUrl: emu.url, apiKey: DEFAULT_API_KEY, requestsPerSecond: 10_000 });
    try {
      const state = loadDesiredState(EXAMPLE, { secrets: envSecretResolver(PINS) });
      const run = await planDomain(client, state.domains[0]!);
      await applyDomainPlan({ plan: run.plan, desired: run.desired, live: run.live, client });
    } finally {
      await client.close();
    }
    expect(emu.contractViolations).toEqual([]);
    const live = await trace('12125550100', '--at', MONDAY_10);
    expect(live.out).toContain('auto attendant 3000 answers with its menu');
    await weekdayAndSunday([]);
    // Ada forwards unanswered business-hours calls to Alan (her answering rule, read back from the platform).
    const ada = await trace('1001', '--at', MONDAY_10);
    expect(ada.out).toContain('1001: time frame "Business hours" in effect');
    expect(ada.out).toContain('no answer after 25 s → forward to 1002');
    expect(ada.out.trim().split('\n').at(-1)).toBe('→ voicemail 1002');
    expect((await trace('1001', '--at', SUNDAY_10)).out.trim().split('\n').at(-1)).toBe('→ voicemail 1001');
    // Ada's own time frame (users[].time_frames), read back from /users/1001/timeframes: Tuesday 15:30.
    const school = await trace('1001', '--at', '2026-12-08T15:30:00-05:00');
    expect(school.out).toContain('1001: time frame "School run" in effect, forward always');
    expect(school.out.trim().split('\n').at(-1)).toBe('→ voicemail 1001');
    expect((await trace('1001', '--at', '2026-12-07T15:30:00-05:00')).out).not.toContain('School run');
    // A given caller: Grace blocks +1 800 555 0199 and sends spam to voicemail (her default rule, read back).
    const blocked = await trace('1000', '--at', SUNDAY_10, '--from', '+1 800 555 0199');
    expect(blocked.out).toContain('1000: the caller is on the block list: rejected');
    expect(blocked.code).toBe(0);
    const spam = await trace('1000', '--at', SUNDAY_10, '--from', '+1 312 555 0000', '--spam');
    expect(spam.out).toContain('1000: spam calls go to voicemail');
    expect(spam.out.trim().split('\n').at(-1)).toBe('→ voicemail 1000');
    expect((await trace('1000', '--at', SUNDAY_10, '--from', '+1 312 555 0000')).out).not.toContain('spam');
    // An extension directly, and a number that is neither.
    expect((await trace('2001', '--at', MONDAY_10)).out).toContain('→ voicemail 2001');
    const none = await trace('+1 212 555 0177', '--at', MONDAY_10);
    expect(none.code).toBe(2);
    expect(none.out).toContain('DEAD END');
  });

  it('refuses a bad --at or --state with a usage error', async () => {
    const bad = await trace('2000', '--at', 'tuesday');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--at takes an ISO time');
    expect((await trace('2000', '--state', 'future')).err).toContain('--state takes live or desired');
    expect((await trace('2000', '--spam')).err).toContain('--spam needs --from');
    expect((await trace('2000', '--from', 'bob')).err).toContain('--from takes a phone number, anonymous or unknown');
  });
});
