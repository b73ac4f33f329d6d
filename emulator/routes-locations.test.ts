/**
 * Sites and emergency addresses: every emulated endpoint answers what the OpenAPI v45.0 document declares,
 * with strict request checking on (each body below is what a correct client sends), and the flow's rules:
 * validate → create (with the id validation issued) → assign; no site delete; a user at a missing site
 * creates it; an assignment must name an existing address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './index';
import { findOperation, responseSchemaFor, validateAgainst } from './openapi';
import { DOMAIN, call, richSeed } from './test-support/emulator-client';

const D = `/domains/${DOMAIN}`;
const SUCCESS = { $ref: '#/components/schemas/SuccessResponse' };
const ERROR = { $ref: '#/components/schemas/ErrorResponse' };
const ADDRESS = {
  'address-name': 'HQ',
  'caller-name': 'Acme Corp',
  'address-line-1': '12 Main St',
  'address-line-2': 'Suite 4',
  'address-city': 'New York',
  'address-state-province-abbreviation': 'NY',
  'address-postal-code': '10001',
  'address-country-abbreviation': 'US',
  'address-location-description': '4th floor',
};

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: richSeed(), strictRequests: true });
});
afterAll(() => emu.close());

/** Calls, then checks status and body against the document (202 without a declared body: SuccessResponse). */
async function checked(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  template: string,
  path: string,
  status: number,
  body?: unknown,
) {
  const seen = emu.contractViolations.length;
  const res = await call(emu, method, path, body);
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  expect(findOperation(method, template), `${method} ${template} is in the spec`).toBeDefined();
  const schema = responseSchemaFor(method, template, status) ?? (status === 202 ? SUCCESS : undefined);
  expect(schema, `a declared body for ${method} ${template} ${status}`).toBeDefined();
  expect(validateAgainst(schema!, res.json).errors).toBe('');
  expect(emu.contractViolations.slice(seen)).toEqual([]);
  return res.json;
}

describe('sites (OpenAPI v45.0)', () => {
  it('a seeded user at a site makes the site (user create auto-creates it)', async () => {
    const sites = await checked('GET', '/domains/{domain}/sites', `${D}/sites`, 200);
    expect(sites.map((s: { site: string }) => s.site).sort()).toEqual(['Branch', 'HQ']);
    expect(await checked('GET', '/domains/{domain}/sites/count', `${D}/sites/count`, 200)).toEqual({ total: 2 });
  });

  it('create, read, update; a second create is 409; there is no delete', async () => {
    await checked('POST', '/domains/{domain}/sites', `${D}/sites`, 202, {
      synchronous: 'yes',
      site: 'Warehouse',
      'time-zone': 'US/Central',
      'area-code': 312,
    });
    const conflict = await call(emu, 'POST', `${D}/sites`, { site: 'Warehouse' });
    expect(conflict.status).toBe(409);
    expect(validateAgainst(ERROR, conflict.json).errors).toBe('');
    await checked('PUT', '/domains/{domain}/sites/{site}', `${D}/sites/Warehouse`, 202, {
      'caller-id-name': 'Acme WH',
    });
    const site = await checked('GET', '/domains/{domain}/sites/{site}', `${D}/sites/Warehouse`, 200);
    expect(site).toMatchObject({ site: 'Warehouse', 'time-zone': 'US/Central', 'caller-id-name': 'Acme WH' });
    expect(findOperation('DELETE', '/domains/{domain}/sites/{site}')).toBeUndefined();
    expect((await call(emu, 'DELETE', `${D}/sites/Warehouse`)).status).toBe(404);
  });

  it('a strict request with a wrong type is refused and names the field', async () => {
    const res = await call(emu, 'PUT', `${D}/sites/Warehouse`, { 'area-code': 'three-one-two' });
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('area-code');
  });
});

describe('emergency addresses (OpenAPI v45.0): validate → create → assign', () => {
  let id = '';
  it('validate answers the id and the PIDF-LO; the same address always gets the same id', async () => {
    const v = await checked('POST', '/domains/{domain}/addresses/validate', `${D}/addresses/validate`, 200, ADDRESS);
    expect(v['emergency-address-id']).toMatch(/^a-[0-9a-f]{13}$/);
    expect(v['address-formatted-pidflo']).toMatchObject({
      HouseNumber: '12',
      City: 'NEW YORK',
      ValidationStatus: 'VALID',
    });
    const again = await call(emu, 'POST', `${D}/addresses/validate`, ADDRESS);
    expect(again.json['emergency-address-id']).toBe(v['emergency-address-id']);
    id = v['emergency-address-id'];
  });

  it('an obviously invalid address: a missing field is 400, an undeliverable one is INVALID', async () => {
    const empty = await call(emu, 'POST', `${D}/addresses/validate`, { ...ADDRESS, 'address-city': '' });
    expect(empty.status).toBe(400);
    expect(validateAgainst(ERROR, empty.json).errors).toBe('');
    expect(empty.json.message).toContain('address-city');
    for (const [field, value] of [
      ['address-line-1', 'Main Street'],
      ['address-postal-code', '1000'],
      ['address-country-abbreviation', 'FR'],
    ]) {
      const res = await call(emu, 'POST', `${D}/addresses/validate`, { ...ADDRESS, [field]: value });
      expect(res.status).toBe(200);
      expect(res.json['address-formatted-pidflo'].ValidationStatus, field).toBe('INVALID');
    }
  });

  it('create needs the id validation issued; a second create is 409 "Conflicting address_id"', async () => {
    const forged = await call(emu, 'POST', `${D}/addresses`, {
      ...ADDRESS,
      'emergency-address-id': 'a-0000000000000',
      'address-formatted-pidflo': '{}',
    });
    expect(forged.status).toBe(400);
    const body = { ...ADDRESS, 'emergency-address-id': id, 'address-formatted-pidflo': '{"City":"NEW YORK"}' };
    const created = await checked('POST', '/domains/{domain}/addresses', `${D}/addresses`, 200, body);
    expect(created).toMatchObject({ address_id: id, address_name: 'HQ', user: '*' });
    const twice = await call(emu, 'POST', `${D}/addresses`, body);
    expect(twice.status).toBe(409);
    expect(twice.json.message).toBe('Conflicting address_id');
    const list = await checked('GET', '/domains/{domain}/addresses', `${D}/addresses`, 200);
    expect(list).toHaveLength(1);
    expect(await checked('GET', '/domains/{domain}/addresses/count', `${D}/addresses/count`, 200)).toEqual({
      total: 1,
    });
  });

  it('assign: a user or site takes an existing address id, never an unknown one', async () => {
    const unknown = await call(emu, 'PUT', `${D}/users/1001`, { 'emergency-address-id': 'HQ' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toContain('does not match an address');
    await checked('PUT', '/domains/{domain}/users/{user}', `${D}/users/1001`, 202, { 'emergency-address-id': id });
    await checked('PUT', '/domains/{domain}/sites/{site}', `${D}/sites/HQ`, 202, { 'emergency-address-id': id });
    const [address] = await checked('GET', '/domains/{domain}/addresses', `${D}/addresses`, 200);
    expect(address).toMatchObject({ 'count-users-configured': 1, 'address-is-default-for-site': true });
  });

  it('update and delete by id', async () => {
    await checked('PUT', '/domains/{domain}/addresses/{emergency-address-id}', `${D}/addresses/${id}`, 202, {
      ...ADDRESS,
      'address-line-2': 'Suite 5',
      'address-formatted-pidflo': '{}',
    });
    const [address] = (await call(emu, 'GET', `${D}/addresses`)).json;
    expect(address['address-line-2']).toBe('Suite 5');
    await checked('DELETE', '/domains/{domain}/addresses/{emergency-address-id}', `${D}/addresses/${id}`, 202);
    expect((await call(emu, 'DELETE', `${D}/addresses/${id}`)).status).toBe(404);
  });
});
