/**
 * A throw-away emulator plus a client pointed at it, over real HTTP (docs/design.md §5): the test platform.
 */
import { type EmulatorSeed, type RunningEmulator, startEmulator } from '../../../emulator';
import { NetSapiensClient } from '../../platform/client';

export const TEST_API_KEY = 'nsd_kinds_test_key_000000000000000000000000000000000000000000';

export interface TestPlatform {
  readonly emulator: RunningEmulator;
  readonly client: NetSapiensClient;
  close(): Promise<void>;
}

/** Starts an emulator seeded with these domains (each may be `{}`: an empty domain). */
export async function startTestPlatform(seed: EmulatorSeed): Promise<TestPlatform> {
  const emulator = await startEmulator({ seed, apiKeys: [TEST_API_KEY] });
  const client = new NetSapiensClient({ baseUrl: emulator.url, apiKey: TEST_API_KEY, requestsPerSecond: 10_000 });
  return {
    emulator,
    client,
    async close() {
      await client.close();
      await emulator.close();
    },
  };
}
