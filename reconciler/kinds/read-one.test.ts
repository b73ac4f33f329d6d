/**
 * `Kind.readOne` (Terraform's single-object read) returns exactly what the domain-wide `read` returns for
 * that key, for every production kind, and nothing for a key the kind does not have — over real HTTP.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { createLiveCache } from '../live/read-live-state';
import { NetSapiensClient } from '../platform/client';
import type { ReadContext } from './kind';
import { DEFAULT_REGISTRY } from './registry';

const KEY = 'nsd_read_one_test_000000000000000000000000000000000000000000000';
const DOMAIN = 'acme.example.com';

describe('readOne agrees with read', () => {
  let emu: RunningEmulator;
  let client: NetSapiensClient;
  const ctx = (): ReadContext => ({ client, domain: DOMAIN, cache: createLiveCache(), concurrency: 4, full: true });

  beforeAll(async () => {
    emu = await startEmulator({ seed: resolve(__dirname, '../../examples/demo/seed.yaml'), apiKeys: [KEY] });
    client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
  });
  afterAll(async () => {
    await client.close();
    await emu.close();
  });

  for (const kind of DEFAULT_REGISTRY.kinds) {
    it(`${kind.name}: every object read one by one equals the domain-wide read`, async () => {
      const all = await kind.read({ ...ctx(), desired: new Map([[DOMAIN, undefined as never]]) });
      expect(all.length, `the demo seed has ${kind.name} objects`).toBeGreaterThan(0);
      for (const live of all) {
        const one = await kind.readOne(ctx(), live.key);
        expect(one?.comparable, `${kind.name} ${live.key}`).toEqual(live.comparable);
      }
      expect(await kind.readOne(ctx(), '7777777')).toBeUndefined();
    });
  }

  it('a ring group is not a user, and a user is not a ring group', async () => {
    const [user] = await DEFAULT_REGISTRY.get('user')!.read(ctx());
    const [group] = await DEFAULT_REGISTRY.get('ring_group')!.read(ctx());
    expect(await DEFAULT_REGISTRY.get('ring_group')!.readOne(ctx(), user!.key)).toBeUndefined();
    expect(await DEFAULT_REGISTRY.get('user')!.readOne(ctx(), group!.key)).toBeUndefined();
  });
});
