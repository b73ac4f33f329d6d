// The floor with reads (bench/echo-reads.ts, `terraform-plan.js --echo-reads`): each resource's read goes to
// the platform once, is matched to its ReadResource through the real provider's msgpack of a refreshed user,
// and a ReadResource the floor did not read for fails instead of passing as cheap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../emulator';
import { type CtyValue, encodeDynamicValue } from '../provider/cty';
import { impliedType, NETSAPIENS_PROVIDER_SCHEMA, ProviderService } from '../provider/framework';
import { providerOptions } from '../provider/resources';
import { extensionOf, userReads } from './echo-reads';
import { DOMAIN, seedFor } from './plan-users';
import { partialAttributes } from './tf-workspace';

const TYPE = 'netsapiens_user';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ seed: seedFor({ name: 'full', users: 3, full: true, contacts: 0 }) });
});
afterAll(async () => {
  await emulator.close();
});

/** The refreshed state of user i as the real provider answers ReadResource: what Terraform sends back. */
async function refreshedMsgpack(i: number): Promise<Uint8Array> {
  const service = new ProviderService({
    ...providerOptions,
    env: { NS_API_URL: emulator.url, NS_API_KEY: DEFAULT_API_KEY },
  }) as ProviderService<unknown>;
  const providerType = impliedType(providerOptions.providerSchema ?? NETSAPIENS_PROVIDER_SCHEMA);
  const nulls: Record<string, CtyValue> = {};
  if (providerType.kind === 'object') for (const k of Object.keys(providerType.attributes)) nulls[k] = null;
  await service.configureProvider({ config: encodeDynamicValue(nulls, providerType), terraform_version: '1.11.4' });
  const json = Buffer.from(JSON.stringify(partialAttributes(i)));
  const up = await service.upgradeResourceState({ type_name: TYPE, version: 0, raw_state: { json } });
  const read = await service.readResource({ type_name: TYPE, current_state: up.upgraded_state });
  expect(read.diagnostics).toEqual([]);
  return (read.new_state as { msgpack: Uint8Array }).msgpack;
}

const stored = (i: number) => ({ raw_state: { json: Buffer.from(JSON.stringify(partialAttributes(i))) } });

describe('echo reads', () => {
  it('finds the top-level extension in the msgpack of a refreshed user (nested values hold other strings)', async () => {
    for (const i of [0, 1, 2]) {
      const msgpack = await refreshedMsgpack(i);
      expect(msgpack.length).toBeGreaterThan(200);
      expect(extensionOf(msgpack)).toBe(partialAttributes(i).extension);
    }
    expect(extensionOf(undefined)).toBeUndefined();
    expect(extensionOf(encodeDynamicValue({ domain: DOMAIN }, impliedType({ attributes: {} })).msgpack)).toBe(
      undefined,
    );
  });

  it('reads each user once, when its stored state arrives, and hands the read to its ReadResource', async () => {
    const states = await Promise.all([0, 1, 2].map(refreshedMsgpack));
    const reads = userReads(emulator.url, DEFAULT_API_KEY);
    try {
      emulator.requests.reset();
      for (const i of [0, 1, 2]) reads.start(stored(i));
      // Started, not awaited: the three requests are on their way before any ReadResource.
      await Promise.all([2, 0, 1].map((i) => reads.wait({ current_state: { msgpack: states[i] } })));
      // The log holds API-relative paths (the request went to /ns-api/v2/…).
      const paths = emulator.requests
        .list()
        .map((e) => `${e.method} ${e.path}`)
        .sort();
      expect(paths).toEqual(
        [0, 1, 2].map((i) => `GET /domains/${DOMAIN}/users/${partialAttributes(i).extension}/answerrules`),
      );
      // Each read is handed over once: a second ReadResource of the same user was not read for.
      await expect(reads.wait({ current_state: { msgpack: states[0] } })).rejects.toThrow(/no read was started/);
      await expect(reads.wait({ current_state: { msgpack: Buffer.from([0x80]) } })).rejects.toThrow(/no extension/);
    } finally {
      await reads.close();
    }
  });

  it('a failed read fails its ReadResource, with the path and status', async () => {
    const reads = userReads(emulator.url, 'not-the-key');
    const msgpack = await refreshedMsgpack(0);
    try {
      reads.start(stored(0));
      await expect(reads.wait({ current_state: { msgpack } })).rejects.toThrow(/answerrules: HTTP 401/);
    } finally {
      await reads.close();
    }
  });
});
