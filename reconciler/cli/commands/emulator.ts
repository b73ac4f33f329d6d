/**
 * `pbxctl emulator [--port N] [--state F] [--seed F|DIR] [--domain D] [--api-version V]`: runs the NetSapiens v2 emulator until
 * Ctrl-C. `--domain` creates that (empty) domain if the state does not have it, and the exact `export`
 * lines to paste are printed (issue 14 #6).
 */
import { resolve } from 'node:path';
import { UsageError } from '../../errors';
import { EXIT } from '../exit-codes';
import type { CliIo, Flags } from '../io';
import { rejectExtra } from '../command-support';

function oauthLogins(env: NodeJS.ProcessEnv) {
  // The same OAuth login pbxctl would use, so the password-grant path can be tried locally too.
  if (!(env.NS_CLIENT_ID && env.NS_CLIENT_SECRET && env.NS_USERNAME && env.NS_PASSWORD)) return {};
  return {
    oauthLogins: [
      {
        clientId: env.NS_CLIENT_ID,
        clientSecret: env.NS_CLIENT_SECRET,
        username: env.NS_USERNAME,
        password: env.NS_PASSWORD,
      },
    ],
  };
}

export async function emulatorCommand(positionals: readonly string[], flags: Flags, io: CliIo): Promise<number> {
  rejectExtra(positionals, 0, 'emulator');
  const { startEmulator, stateFromSeed, readSeed, DEFAULT_API_KEY } = await import('../../../emulator');
  const port = flags.port ? Number(flags.port) : 8088;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0–65535 (got ${String(flags.port)})`);
  const domain = typeof flags.domain === 'string' ? flags.domain : undefined;
  if (domain !== undefined && !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(domain))
    throw new UsageError(`--domain must be a domain name such as acme.example.com (got "${domain}")`);
  const apiKey = io.env.NS_API_KEY;
  const apiVersion = typeof flags['api-version'] === 'string' ? flags['api-version'] : undefined;
  if (apiVersion !== undefined && !/^\d+\.\d+(\.\d+)?$/.test(apiVersion))
    throw new UsageError(`--api-version must be a version such as 45.0 or 44.1.2 (got "${apiVersion}")`);
  let seed: ReturnType<typeof readSeed> | undefined;
  try {
    // A file, or a directory of *.seed.json files (what `pbxctl doctor --record DIR` writes).
    seed = typeof flags.seed === 'string' ? readSeed(resolve(io.cwd, flags.seed)) : undefined;
  } catch (err) {
    throw new UsageError(`--seed: ${(err as Error).message}`);
  }
  const emu = await startEmulator({
    port,
    ...(apiVersion ? { apiVersion } : {}),
    statePath: typeof flags.state === 'string' ? resolve(io.cwd, flags.state) : undefined,
    seed,
    ...(apiKey ? { apiKeys: [apiKey] } : {}),
    ...oauthLogins(io.env),
  });
  if (domain && !emu.state().domains[domain]) {
    const fresh = stateFromSeed({ domains: { [domain]: {} } }).domains[domain];
    emu.mutate((s) => {
      if (fresh) s.domains[domain] = fresh;
    });
  }
  const domains = Object.keys(emu.state().domains);
  io.stdout(
    [
      `NetSapiens v2 emulator (apiversion ${emu.apiVersion}) listening on ${emu.url}`,
      `Domains: ${domains.length ? domains.join(', ') : '(none — pass --domain acme.example.com or --seed FILE)'}`,
      'Paste into your shell:',
      `  export NS_API_URL=${emu.url}`,
      // The user's own key is never echoed: the line refers to it. The default key is public (emulator/README.md).
      apiKey
        ? '  export NS_API_KEY="$NS_API_KEY"   # the key this emulator accepts'
        : `  export NS_API_KEY=${DEFAULT_API_KEY}`,
      'Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((res) => {
    process.once('SIGINT', res);
    process.once('SIGTERM', res);
  });
  await emu.close();
  return EXIT.ok;
}
