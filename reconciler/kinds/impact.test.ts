import { describe, expect, it } from 'vitest';
import type { Comparable } from './kind';
import { blockListImpact } from './block-list/impact';
import { ringGroupImpact } from './ring-group/impact';
import { userImpact } from './user/impact';

describe('what a change does to calls', () => {
  it('user: phone, voicemail, ring time, spam and lists — counts, never the numbers', () => {
    const before = {
      phone: { model: 'a' },
      voicemail: { enabled: true },
      ring_timeout: 20,
      spam: 'ring',
      block: ['18005550199'],
      allow: [],
    };
    const after = {
      phone: null,
      voicemail: { enabled: false },
      ring_timeout: 30,
      spam: 'drop',
      block: ['anonymous', '19005550000'],
      allow: ['12125550142'],
    };
    const lines = userImpact('1001', before, after, [
      'phone',
      'voicemail.enabled',
      'ring_timeout',
      'spam',
      'block',
      'allow',
    ]);
    expect(lines).toEqual([
      'the desk phone of 1001 is removed: calls no longer ring it',
      'unanswered calls to 1001 no longer go to voicemail',
      'calls to 1001 ring 30 s before no-answer handling (was 20 s)',
      'spam calls to 1001 are rejected (was: ring as normal)',
      '1001: anonymous callers blocked, 1 number blocked, 1 number unblocked',
      '1001: 1 number always let through',
    ]);
    expect(lines.join(' ')).not.toMatch(/555/);
  });

  it('user: only the fields that changed speak', () => {
    expect(
      userImpact('1001', { spam: 'ring', ring_timeout: 20 }, { spam: 'ring', ring_timeout: 20, department: 'x' }, [
        'department',
      ]),
    ).toEqual([]);
  });

  it('ring group: members, timeout and fallback', () => {
    const before = { members: [{ extension: '1001' }, { extension: '1004' }], ring_timeout: 20, fallback: null };
    const after: Comparable = {
      members: [{ extension: '1001', delay_seconds: 15 }, { extension: '1002' }],
      ring_timeout: 30,
      fallback: { type: 'voicemail', extension: '1000' },
    };
    expect(ringGroupImpact('2000', before, after, ['members', 'ring_timeout', 'fallback'])).toEqual([
      'calls to 2000 ring 1001 (after 15 s), 1002 (was 1001, 1004); starts ringing 1002; stops ringing 1004',
      '2000 rings 30 s before the fallback (was 20 s)',
      'unanswered calls to 2000 go to the voicemail of 1000 (was nowhere (calls keep ringing, then drop))',
    ]);
  });

  it('block list: counts', () => {
    expect(blockListImpact('acme.example.com', { numbers: ['1', '2'] }, { numbers: ['2', '3', '4'] })).toEqual([
      'for every extension of acme.example.com: 2 numbers blocked, 1 number unblocked',
    ]);
  });
});

describe('recycle detection (a different person at the same extension)', () => {
  it('name and e-mail both change: recycle; a name fix, or an e-mail added where there was none: update', async () => {
    const { userKind } = await import('./user');
    const before = { first_name: 'Alan', last_name: 'Turing', email: 'alan@x.example' };
    expect(
      userKind.isRecycle?.(before, {
        ...before,
        first_name: 'Barbara',
        last_name: 'Liskov',
        email: 'barbara@x.example',
      }),
    ).toBe(true);
    expect(userKind.isRecycle?.(before, { ...before, last_name: 'Turing-Smith' })).toBe(false);
    expect(userKind.isRecycle?.(before, { ...before, email: 'turing@x.example' })).toBe(false);
    const noMail = { first_name: 'Al', last_name: 'T', email: '' };
    expect(userKind.isRecycle?.(noMail, { first_name: 'Alan', last_name: 'Turing', email: 'alan@x.example' })).toBe(
      false,
    );
  });
});
