/** The emulator's record index: what `find`/`filter` return, after pushes, removals and in-place edits. */
import { describe, expect, it } from 'vitest';
import { startEmulator } from './index';
import { noteEdit, noteWrite, recordById, recordsBy } from './record-index';
import { DOMAIN, call } from './test-support/emulator-client';
import type { JsonRecord } from './types';

describe('record index', () => {
  it('answers as find and filter do, through pushes, removals and in-place edits', () => {
    let records: JsonRecord[] = [{ id: 'a', n: 1 }, { id: 'b' }, { id: 'a', n: 2 }];
    expect(recordById(records, 'id', 'a')).toBe(records[0]);
    expect(recordsBy(records, 'id').get('a')).toEqual([records[0], records[2]]);
    records.push({ id: 'c' });
    expect(recordById(records, 'id', 'c')).toBe(records[3]);
    noteWrite();
    records = records.filter((r) => r.id !== 'b');
    expect(recordById(records, 'id', 'b')).toBeUndefined();
    // An out-of-band edit may change an id in place: the index follows.
    (records[2] as JsonRecord).id = 'd';
    noteEdit();
    expect(recordById(records, 'id', 'c')).toBeUndefined();
    expect(recordById(records, 'id', 'd')).toBe(records[2]);
    expect(recordById(records, 'id', 42)).toBeUndefined();
  });

  it('finds MAC records by MAC through creates, deletes and an out-of-band edit of the MAC', async () => {
    const emu = await startEmulator({ seed: { domains: { [DOMAIN]: { domain: { description: 'x' } } } } });
    try {
      const P = `/domains/${DOMAIN}/phones`;
      for (const mac of ['0004f2000001', '0004f2000002'])
        expect((await call(emu, 'POST', P, { 'device-provisioning-mac-address': mac })).status).toBeLessThan(300);
      expect((await call(emu, 'GET', `${P}/0004f2000002`)).json['device-provisioning-mac-address']).toBe(
        '0004f2000002',
      );
      expect((await call(emu, 'POST', P, { 'device-provisioning-mac-address': '0004f2000002' })).status).toBe(409);
      expect((await call(emu, 'DELETE', P, { 'device-provisioning-mac-address': '0004f2000001' })).status).toBeLessThan(
        300,
      );
      expect((await call(emu, 'GET', `${P}/0004f2000001`)).status).toBe(404);
      emu.mutate((s) => {
        const phone = s.domains[DOMAIN]?.phones[0] as JsonRecord;
        phone['device-provisioning-mac-address'] = '0004f2000003';
      });
      expect((await call(emu, 'GET', `${P}/0004f2000002`)).status).toBe(404);
      expect((await call(emu, 'GET', `${P}/0004f2000003`)).status).toBe(200);
    } finally {
      await emu.close();
    }
  });
});
