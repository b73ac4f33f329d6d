/**
 * `pbxctl export --domain D [--out F] [--platform FILE]`: the live domain as YAML that plans to zero changes,
 * decoded through the platform profile of the directory it is written into (cli/platform-profile.ts).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../errors';
import { exportDomain } from '../../export/export-domain';
import { EXIT } from '../exit-codes';
import type { CliIo, Flags } from '../io';
import { clientFromEnv, rejectExtra } from '../command-support';
import { profileForExport } from '../platform-profile';

export async function exportCommand(positionals: readonly string[], flags: Flags, io: CliIo): Promise<number> {
  rejectExtra(positionals, 0, 'export');
  const domain = flags.domain;
  if (typeof domain !== 'string') throw new UsageError('export needs --domain <domain>');
  const out = typeof flags.out === 'string' ? resolve(io.cwd, flags.out) : undefined;
  const { profile, section, from } = profileForExport(flags, io, out);
  const client = clientFromEnv(io.env, flags);
  try {
    const result = await exportDomain(client, domain, { platform: profile, ...(section ? { section } : {}) });
    if (out !== undefined) {
      mkdirSync(dirname(out), { recursive: true });
      const tmp = `${out}.${process.pid}.tmp`;
      writeFileSync(tmp, result.yaml);
      renameSync(tmp, out);
      io.stderr(
        `Wrote ${flags.out}: ${Object.entries(result.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}${from ? ` (platform profile: ${from})` : ''}\n`,
      );
    } else io.stdout(result.yaml);
    return EXIT.ok;
  } finally {
    await client.close();
  }
}
