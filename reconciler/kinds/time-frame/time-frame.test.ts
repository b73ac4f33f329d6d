import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../desired/load-desired-state';
import { DesiredStateError } from '../../errors';
import { computePlan } from '../../plan/compute-plan';
import type { LiveObject } from '../kind';
import { desiredState } from '../test-support/desired-state';
import { describeChanges, ladderStep, readKinds } from '../test-support/ladder';
import { startTestPlatform, type TestPlatform } from '../test-support/test-platform';
import { type TimeFramePlatform, type TimeFrameSpec, timeFrameKind } from '.';
import { liveTimeFrameComparable } from './codec';

const DOMAIN = 'tf.example.com';
const comparable = (spec: TimeFrameSpec) => timeFrameKind.toComparable(spec, () => undefined);

const BUSINESS: TimeFrameSpec = {
  name: 'Business hours',
  type: 'days_of_week',
  days_of_week: { monday: '09:00-17:00', tuesday: '09:00-12:00 , 13:00-17:00', friday: '09:00-15:00' },
};
const HOLIDAYS: TimeFrameSpec = {
  name: 'Holidays',
  type: 'holidays',
  holidays: [
    { name: 'New Year', date: '2027-01-01' },
    { name: 'Christmas Day', date: '2026-12-25', country: 'us' },
  ],
};
const CLOSURE: TimeFrameSpec = {
  name: 'Office move',
  type: 'specific_dates',
  dates: [{ start_date: '2027-03-01', end_date: '2027-03-02', start_time: '12:00' }],
};

describe('time_frame content', () => {
  it('normalises hours, fills date and holiday defaults, sorts sets', () => {
    expect(comparable(BUSINESS)).toEqual({
      name: 'Business hours',
      type: 'days_of_week',
      days_of_week: { monday: '09:00-17:00', tuesday: '09:00-12:00,13:00-17:00', friday: '09:00-15:00' },
    });
    expect(comparable(HOLIDAYS).holidays).toEqual([
      { name: 'Christmas Day', date: '2026-12-25', country: 'US', yearly: true },
      { name: 'New Year', date: '2027-01-01', country: 'US', yearly: true },
    ]);
    expect(comparable(CLOSURE).dates).toEqual([
      { start_date: '2027-03-01', end_date: '2027-03-02', start_time: '12:00', end_time: '23:59', yearly: false },
    ]);
    // An always time frame manages nothing but its name and type.
    expect(comparable({ name: 'All day', type: 'always' })).toEqual({ name: 'All day', type: 'always' });
  });

  it('maps a platform record (hhmm, YYYYMMDD, two ranges a day)', () => {
    const c = liveTimeFrameComparable({
      'timeframe-id': 'x1',
      'timeframe-name': 'Hours',
      'timeframe-type': 'days-of-week',
      'timeframe-days-of-week-array': [
        {
          'timeframe-weekly-monday-begin-time-1': '0800',
          'timeframe-weekly-monday-end-time-1': '1200',
          'timeframe-weekly-monday-begin-time-2': '1300',
          'timeframe-weekly-monday-end-time-2': '1700',
        },
      ],
    });
    expect(c).toMatchObject({ type: 'days_of_week', days_of_week: { monday: '08:00-12:00,13:00-17:00' } });
    expect(c.holidays).toEqual([]);
  });

  it('impact lines name the days whose hours change', () => {
    const before = comparable(BUSINESS);
    const after = comparable({ ...BUSINESS, days_of_week: { ...BUSINESS.days_of_week, monday: '08:00-17:00' } });
    expect(timeFrameKind.impact?.('Business hours', before, after, ['days_of_week.monday'])).toEqual([
      'answering rules on time frame "Business hours" apply on monday 08:00-17:00 (was 09:00-17:00)',
    ]);
  });
});

describe('time_frames in the desired-state file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pbxctl-tf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a bad hour range with file:line and the field', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      `version: 1\ndomain: ${DOMAIN}\ntime_frames:\n  - name: Hours\n    type: days_of_week\n    days_of_week:\n      monday: 9-5\n`,
    );
    let caught: unknown;
    try {
      loadDesiredState(file, { cwd: dir });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DesiredStateError);
    const issue = (caught as DesiredStateError).issues[0]!;
    expect(issue).toMatchObject({ path: 'time_frames[0].days_of_week.monday', position: { line: 7 } });
  });

  it('loads a valid section keyed by name', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(
      file,
      `version: 1\ndomain: ${DOMAIN}\ntime_frames:\n  - { name: Always, type: always }\n  - name: Holidays\n    type: holidays\n    holidays: [{ name: Christmas Day, date: "2026-12-25" }]\n`,
    );
    const objs = loadDesiredState(file, { cwd: dir }).domains[0]?.objects.get('time_frame') ?? [];
    expect(objs.map((o) => o.key)).toEqual(['Always', 'Holidays']);
  });
});

describe('time_frame idempotence ladder (emulator, strict, real HTTP)', () => {
  let platform: TestPlatform;
  const state = (frames: TimeFrameSpec[], prune = false) =>
    desiredState({ domain: DOMAIN, policy: { prune }, objects: { time_frame: frames } });
  const stored = (name: string) =>
    platform.emulator.state().domains[DOMAIN]?.timeframes.find((t) => t['timeframe-name'] === name);

  beforeAll(async () => {
    platform = await startTestPlatform({ domains: { [DOMAIN]: {} } });
  });
  afterAll(async () => platform?.close());

  it('create all four types', async () => {
    const step = await ladderStep(
      platform.client,
      state([BUSINESS, HOLIDAYS, CLOSURE, { name: 'Always', type: 'always' }]),
    );
    expect(describeChanges(step.plan)).toEqual([
      'time_frame:Always create [name, type]',
      'time_frame:Business hours create [days_of_week, name, type]',
      'time_frame:Holidays create [holidays, name, type]',
      'time_frame:Office move create [dates, name, type]',
    ]);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(stored('Business hours')).toMatchObject({
      'timeframe-type': 'days-of-week',
      'timeframe-days-of-week-array': [
        expect.objectContaining({
          'timeframe-weekly-tuesday-begin-time-2': '1300',
          'timeframe-weekly-tuesday-end-time-2': '1700',
        }),
      ],
    });
    expect(stored('Holidays')?.['timeframe-holiday-array']).toHaveLength(2);
  });

  it('export of the live time frames plans to zero changes', async () => {
    const live = await readKinds(platform.client, state([]), { full: true });
    const exported = (live.objects.get('time_frame') ?? []).map((l) =>
      timeFrameKind.export(l as LiveObject<TimeFramePlatform>),
    );
    expect(exported).toHaveLength(4);
    const desired = state(exported);
    expect(describeChanges(computePlan({ desired, live: await readKinds(platform.client, desired) }))).toEqual([]);
  });

  it('change: hours, a holiday, and a type conversion', async () => {
    const step = await ladderStep(
      platform.client,
      state([
        { ...BUSINESS, days_of_week: { monday: '08:00-17:00', saturday: '10:00-12:00' } },
        { ...HOLIDAYS, holidays: [{ name: 'Christmas Day', date: '2026-12-25', yearly: false }] },
        CLOSURE,
        { name: 'Always', type: 'days_of_week', days_of_week: { sunday: '00:00-23:59' } },
      ]),
    );
    expect(step.plan.changes.map((c) => `${c.key} ${c.action}`)).toEqual([
      'Always update',
      'Business hours update',
      'Holidays update',
    ]);
    expect(step.plan.changes[0]?.impact.join()).toContain('now apply on 1 day a week (was at all times)');
    expect(describeChanges(step.replan)).toEqual([]);
    expect(stored('Always')?.['timeframe-type']).toBe('days-of-week');
  });

  it('delete (prune)', async () => {
    const step = await ladderStep(platform.client, state([CLOSURE], true));
    expect(step.plan.changes.map((c) => `${c.key} ${c.action}`)).toEqual([
      'Always delete',
      'Business hours delete',
      'Holidays delete',
    ]);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(platform.emulator.state().domains[DOMAIN]?.timeframes.map((t) => t['timeframe-name'])).toEqual([
      'Office move',
    ]);
  });
});
