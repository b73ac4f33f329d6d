/**
 * A user's own time frames (`users[].time_frames`) over real HTTP against the emulator in strict-contract
 * mode: create with the rule that names them, plan = 0, update, delete of an unlisted one after the
 * rules, export round trip, the resolver preferring the user's frame, and the file:line check.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findOperation, responseSchemaFor, validateAgainst } from '../../../emulator';
import { callFlowFromObjects } from '../../callflow/model';
import { traceCall } from '../../callflow/trace';
import { DesiredStateError } from '../../errors';
import { exportDomain } from '../../export/export-domain';
import { listUserTimeframes } from '../../platform/user-timeframes';
import { changeIds as ids, useFilePlatform } from '../test-support/file-platform';

const DOMAIN = 'frames.example.com';
const platform = useFilePlatform({
  domain: DOMAIN,
  seed: { domain: { description: 'frames', 'time-zone': 'America/New_York' } },
  flags: { allowDeletes: true },
});
const { plan, planFile, applyAndReplan } = platform;
const own = (user: string) => platform.emu.state().domains[DOMAIN]!.user_timeframes?.[user] ?? [];

const user = (frames: string, rules: string) => `
time_frames:
  - { name: Lunch, type: days_of_week, days_of_week: { monday: "14:00-15:00" } }
users:
  - { extension: "1002", first_name: Alan, last_name: Turing }
  - extension: "1001"
    first_name: Ada
    last_name: Lovelace
    time_frames:
${frames}
    answering_rules:
${rules}
`;
const LUNCH = '      - { name: Lunch, type: days_of_week, days_of_week: { monday: "12:00-13:00" } }';
const TRIP = '      - { name: Trip, type: specific_dates, dates: [{ start_date: "2026-12-14" }] }';
const RULES = '      - { time_frame: Trip, dnd: true }\n      - { time_frame: Lunch, forward_always: "1002" }';

describe('users[].time_frames (emulator, strict)', () => {
  it('create: the user and its time frames, then the rules naming them; re-plan is empty', async () => {
    const { run, again } = await applyAndReplan(user(`${LUNCH}\n${TRIP}`, RULES));
    expect(ids(run)).toContain('create user:1001 answering_rules,first_name,last_name,time_frames');
    expect(own('1001').map((t) => [t['timeframe-name'], t['timeframe-type']])).toEqual([
      ['Lunch', 'days-of-week'],
      ['Trip', 'specific-dates'],
    ]);
    // The resolver takes Ada's Lunch (12:00-13:00), not the domain's (14:00-15:00).
    const state = callFlowFromObjects(again.live.objects, 'America/New_York');
    const at = (iso: string) => traceCall(state, '1001', new Date(iso)).steps.join('\n');
    expect(at('2026-12-07T12:30:00-05:00')).toContain('1001: time frame "Lunch" in effect, forward always');
    expect(at('2026-12-07T14:30:00-05:00')).not.toContain('"Lunch" in effect');
    expect(at('2026-12-14T10:00:00-05:00')).toContain('time frame "Trip" in effect');
  });

  it('update: changed hours are one user update; the platform record follows', async () => {
    const later = LUNCH.replace('12:00-13:00', '12:30-13:30');
    const run = await plan(user(`${later}\n${TRIP}`, RULES));
    expect(ids(run)).toEqual(['update user:1001 time_frames']);
    expect(run.plan.changes[0]!.impact).toEqual([
      '1001: answering rules on time frame "Lunch" apply on monday 12:30-13:30 (was 12:00-13:00)',
    ]);
    await applyAndReplan(user(`${later}\n${TRIP}`, RULES));
    const dow = own('1001').find((t) => t['timeframe-name'] === 'Lunch')!['timeframe-days-of-week-array'];
    expect(JSON.stringify(dow)).toContain('1230');
  });

  it('a time frame left out of the list is deleted, after the rule naming it is gone', async () => {
    const { run } = await applyAndReplan(
      `${user(LUNCH, '      - { time_frame: Lunch, forward_always: "1002" }')}    answering_rules_managed: all\n`,
    );
    expect(own('1001').map((t) => t['timeframe-name'])).toEqual(['Lunch']);
    expect(run.plan.changes[0]!.impact).toContain('the own time frame "Trip" of 1001 is deleted');
    expect(
      platform.emu
        .state()
        .domains[DOMAIN]!.answerrules.filter((r) => r.user === '1001')
        .map((r) => r['time-frame']),
    ).not.toContain('Trip');
  });

  it('export → plan = 0 (the user keeps its own time frames)', async () => {
    const exported = await exportDomain(platform.client, DOMAIN);
    const users = (parse(exported.yaml).users ?? []) as Array<Record<string, unknown>>;
    expect(users.find((u) => u.extension === '1001')!.time_frames).toEqual([
      { name: 'Lunch', type: 'days_of_week', days_of_week: { monday: '12:00-13:00' } },
    ]);
    expect(users.find((u) => u.extension === '1002')!.time_frames).toBeUndefined();
    const file = join(platform.dir, 'exported.yaml');
    writeFileSync(file, exported.yaml);
    expect((await planFile(file, {})).plan.changes.map((c) => c.id)).toEqual([]);
  });

  it("without time_frames: the user's own frames are left alone, and rules may still name them", async () => {
    const NAP = '      - { name: Nap, type: days_of_week, days_of_week: { sunday: "13:00-14:00" } }';
    const rules = '      - { time_frame: Nap, dnd: true }\n      - { time_frame: Lunch, forward_always: "1002" }';
    await applyAndReplan(user(`${LUNCH}\n${NAP}`, rules));
    const without = user(LUNCH, rules).replace(/ {4}time_frames:\n.*\n/, '');
    expect(without).not.toContain('Lunch, type: days_of_week, days_of_week: { monday: "12:00');
    expect(ids(await plan(without))).toEqual([]);
    expect(own('1001').map((t) => t['timeframe-name'])).toEqual(['Lunch', 'Nap']);
  });

  it('the emulated routes are the document\'s "Timeframes/User" operations; the list reads as its schema', async () => {
    const T = '/domains/{domain}/users/{user}/timeframes';
    for (const [method, template] of [
      ['GET', T],
      ['POST', T],
      ['GET', `${T}/{id}`],
      ['PUT', `${T}/{id}`],
      ['DELETE', `${T}/{id}`],
    ] as const)
      expect(findOperation(method, template), `${method} ${template}`).toBeDefined();
    const body = await listUserTimeframes(platform.client, DOMAIN, '1001');
    expect(body.length).toBeGreaterThan(0);
    expect(validateAgainst(responseSchemaFor('GET', T, 200)!, body).errors).toBe('');
  });

  it('a rule naming a time frame neither the user nor the domain has: a file:line error', async () => {
    const yaml = user(
      LUNCH,
      '      - { time_frame: Lunch, forward_always: "1002" }\n      - { time_frame: Gym, dnd: true }',
    );
    const err = await plan(yaml).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DesiredStateError);
    const [issue, ...more] = (err as DesiredStateError).issues;
    expect(more).toEqual([]);
    expect(issue!.position?.file).toMatch(/domain\.yaml$/);
    expect(issue!.position?.line).toBe(8); // the user's entry (`- extension: "1001"`)
    expect(issue!.path).toBe('users[1].answering_rules[1].time_frame');
    expect(issue!.message).toBe(
      'time frame "Gym" is not in the files or on frames.example.com, for 1001 or the domain',
    );
  });
});
