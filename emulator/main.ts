// Standalone entry point: `node dist/emulator/main.js [--port N] [--seed FILE] [--state FILE]
// [--api-version 44.1.2] [--lax]`. `pbxctl emulator` offers the same server with pbxctl's own flags.

import { parseArgs } from 'node:util';
import { type EmulatorOptions, startEmulator } from './start-emulator';

/** Emulator options from command-line arguments; throws with a usage message on a bad value. */
export function emulatorOptionsFromArgs(args: readonly string[]): EmulatorOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      state: { type: 'string' },
      'api-version': { type: 'string' },
      lax: { type: 'boolean' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 8088 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535 (got ${values.port})`);
  const version = values['api-version'];
  if (version !== undefined && !/^\d+\.\d+(\.\d+)*$/.test(version)) {
    throw new Error(`--api-version must look like 45.0 or 44.1.2 (got ${version})`);
  }
  return {
    port,
    seed: values.seed,
    statePath: values.state,
    apiVersion: version,
    strictRequests: values.lax !== true,
  };
}

async function main(): Promise<void> {
  const options = emulatorOptionsFromArgs(process.argv.slice(2));
  const emu = await startEmulator(options);
  process.stdout.write(`NetSapiens v2 emulator (apiversion ${emu.apiVersion}) listening on ${emu.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emu.close();
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`emulator: ${(e as Error).message}\n`);
    process.exitCode = 2;
  });
}
