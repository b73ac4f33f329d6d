/** The device content of a user entry, in-process: names, export, entry rules, impact and class. */
import { describe, expect, it } from 'vitest';
import type { Comparable } from '../kind';
import {
  checkDevices,
  defaultSuffix,
  desiredDevices,
  devicesChangeClass,
  devicesImpact,
  exportPhones,
  liveDevices,
} from './devices';

describe('device names', () => {
  it('the extension, then a … z, aa (the portal scheme "1001, 1001a, 1001b")', () => {
    expect([0, 1, 2, 26, 27].map(defaultSuffix)).toEqual(['', 'a', 'b', 'z', 'aa']);
    expect(desiredDevices('1001', [{}, { suffix: 'tp' }, {}]).map((d) => d.device)).toEqual([
      '1001',
      '1001b',
      '1001tp',
    ]);
  });

  it('export writes a suffix only where the position would not give it, and gives up on foreign names', () => {
    const live = liveDevices('1001', [
      { device: '1001tp' },
      { device: '1001', 'device-provisioning-mac-address': '0004F2AABB02', 'device-models-model': 'yealink-t54w' },
      { device: '1001a', 'device-provisioning-mac-address': '0004f2aabb03', 'device-provisioning-line': 2 },
    ]);
    expect(exportPhones('1001', live)).toEqual([
      { mac: '0004f2aabb02', model: 'yealink-t54w' },
      { mac: '0004f2aabb03', line: 2 },
      { suffix: 'tp' },
    ]);
    expect(desiredDevices('1001', exportPhones('1001', live)!)).toEqual(live);
    expect(exportPhones('1001', liveDevices('1001', [{ device: '1001' }, { device: 'lobby' }]))).toBeUndefined();
  });
});

describe('entry rules', () => {
  it('phone and phones, a name twice, a MAC twice, a line without a MAC', () => {
    const issues = checkDevices({
      extension: '1001',
      phone: true,
      phones: [{ mac: '00:04:f2:aa:bb:02' }, { suffix: '' }, { mac: '0004F2AABB02' }, { line: 3 }],
    });
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'phones: phone: and phones: are both set',
      'phones.1.suffix: device 1001 is already phones[0]',
      'phones.2.mac: MAC 00:04:F2:AA:BB:02 is already phones[0]',
      'phones.3.line: line is set without a mac',
    ]);
    expect(checkDevices({ extension: '1001', phone: true })).toEqual([]);
  });
});

describe('impact and class', () => {
  const before: Comparable = { phones: [{ device: '1001', mac: '0004f2aabb02' }, { device: '1001a' }] };
  it('a MAC change, a removed softphone, a new desk phone', () => {
    const after = {
      phones: [
        { device: '1001', mac: '0004f2aabb09' },
        { device: '1001b', mac: '0004f2aabb0a' },
      ],
    };
    expect(devicesImpact('1001', before, after)).toEqual([
      "1001's device 1001a stops ringing: it is removed with its SIP password (a softphone or handset set up by hand needs new credentials to come back)",
      "1001's desk phone 00:04:F2:AA:BB:02 (1001) stops ringing: 1001 moves to desk phone 00:04:F2:AA:BB:09",
      '1001 gets a desk phone 00:04:F2:AA:BB:0A (1001b): it rings 1001 once provisioned',
    ]);
    expect(devicesChangeClass(before.phones, after.phones)).toBe('data-destroying');
    expect(devicesChangeClass(before.phones, [{ device: '1001a' }])).toBe('routing');
  });
});
