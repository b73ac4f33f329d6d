/**
 * Recycle modes over real HTTP against the strict emulator: reset in place (the default, as the portal does)
 * and `recycle: recreate` (delete + create), each plan listing what it clears, both gated by --allow-recycle.
 */
import { describe, expect, it } from 'vitest';
import { useFilePlatform } from '../test-support/file-platform';

const DOMAIN = 'recycle.example.com';
const OLD = '2020-01-01T00:00:00.000Z';
const platform = useFilePlatform({
  domain: DOMAIN,
  seed: {
    domain: { description: 'recycle' },
    users: [
      {
        user: '1005',
        'name-first-name': 'Ada',
        'name-last-name': 'Lovelace',
        'email-address': 'ada@recycle.example.com',
        'user-scope': 'Basic User',
        'created-datetime': OLD,
      },
    ],
    devices: [
      { device: '1005', user: '1005', 'device-provisioning-mac-address': '0004f2000050' },
      { device: '1005a', user: '1005' },
    ],
    voicemails: { '1005': { new: [{ filename: 'a.wav' }], save: [{ filename: 'b.wav' }] } },
    phonenumbers: [
      {
        phonenumber: '12125550105',
        'dial-rule-application': 'to-user',
        'dial-rule-translation-destination-user': '1005',
      },
    ],
  },
  flags: { allowRecycle: true },
});
const { plan, applyAndReplan } = platform;

const entry = (first: string, email: string, extra = '') =>
  `version: 1\ndomain: ${DOMAIN}\nusers:\n  - { extension: "1005", first_name: ${first}, last_name: Next, email: ${email}, phone: true${extra} }\n`;

const record = () => platform.emu.state().domains[DOMAIN]!.users.find((u) => u.user === '1005')!;
const devices = () =>
  platform.emu
    .state()
    .domains[DOMAIN]!.devices.filter((d) => d.user === '1005')
    .map((d) => d.device);

describe('recycle modes', () => {
  it('reset (default): the plan lists what it clears and keeps; the record stays, extra devices go', async () => {
    const yaml = entry('Barbara', 'barbara@recycle.example.com');
    const blocked = await plan(yaml, { allowRecycle: false });
    expect(blocked.plan.violations.map((v) => v.flag)).toEqual(['--allow-recycle']);
    const change = (await plan(yaml)).plan.changes[0]!;
    expect(change.action).toBe('recycle');
    expect(change.impact).toEqual([
      "recycle by reset in place (recycle: reset, as the portal's Reset): the user record of 1005 is kept",
      'it clears: name, e-mail, voicemail PIN, devices other than 1005',
      'it keeps: voicemail messages and greetings, answer rules, personal contacts, time frames, emergency addresses, the SIP password of device 1005, phone numbers routed to 1005',
      'it does not clear the portal login password (API v2 has no password field): have the new person set one from the welcome e-mail, or use recycle: recreate',
    ]);
    // Messages are read and kept: the only loss is the extra device.
    expect(change.losses).toEqual([{ what: 'devices other than 1005', count: 1, detail: ['1005a'] }]);
    await applyAndReplan(yaml);
    expect(record()['created-datetime']).toBe(OLD);
    expect(record()['name-first-name']).toBe('Barbara');
    expect(devices()).toEqual(['1005']);
    expect(platform.emu.state().domains[DOMAIN]!.voicemails['1005']?.new).toHaveLength(1);
  });

  it('recreate: the plan lists the larger loss; the record is new, the phone number still routes here', async () => {
    const yaml = entry('Carol', 'carol@recycle.example.com', ', recycle: recreate');
    const change = (await plan(yaml)).plan.changes[0]!;
    expect(change.action).toBe('recycle');
    expect(change.impact[0]).toBe(
      'recycle by delete + create (recycle: recreate): the user record of 1005 is deleted and created again',
    );
    expect(change.impact[1]).toMatch(
      /portal password.*every device and its SIP password.*time frames and emergency addresses/,
    );
    expect(change.losses).toEqual([
      { what: 'voicemail messages', count: 2, detail: ['1 unheard'] },
      { what: 'devices, with their SIP passwords', count: 1, detail: ['1005'] },
    ]);
    const sipPassword = platform.emu.state().domains[DOMAIN]!.devices.find((d) => d.device === '1005')![
      'device-sip-registration-password'
    ];
    await applyAndReplan(yaml);
    expect(record()['created-datetime']).not.toBe(OLD);
    expect(record()['name-first-name']).toBe('Carol');
    expect(platform.emu.state().domains[DOMAIN]!.voicemails['1005']?.new ?? []).toHaveLength(0);
    const device = platform.emu.state().domains[DOMAIN]!.devices.find((d) => d.device === '1005')!;
    expect(device['device-sip-registration-password']).not.toBe(sipPassword);
    // The handset (MAC unmanaged by `phone: true`) is bound to the new device: one record, line 1.
    const records = platform.emu.state().domains[DOMAIN]!.phones;
    expect(records.map((p) => [p['device-provisioning-mac-address'], p['device-provisioning-sip-uri-1']])).toEqual([
      ['0004f2000050', `sip:1005@${DOMAIN}`],
    ]);
    const did = platform.emu.state().domains[DOMAIN]!.phonenumbers.find((p) => p.phonenumber === '12125550105')!;
    expect(did['dial-rule-translation-destination-user']).toBe('1005');
  });
});
