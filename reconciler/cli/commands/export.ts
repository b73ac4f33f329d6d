/** `pbxctl export --domain D [--out F]`: the live domain as YAML that plans to zero changes. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../errors';
import { exportDomain } from '../../export/export-domain';
import { EXIT } from '../exit-codes';
import type { CliIo, Flags } from '../io';
import { clientFromEnv, rejectExtra } from '../command-support';

export async function exportCommand(positionals: readonly string[], flags: Flags, io: CliIo): Promise<number> {
  rejectExtra(positionals, 0, 'export');
  const domain = flags.domain;
  if (typeof domain !== 'string') throw new UsageError('export needs --domain <domain>');
  const client = clientFromEnv(io.env, flags);
  try {
    const result = await exportDomain(client, domain);
    if (typeof flags.out === 'string') {
      const out = resolve(io.cwd, flags.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, result.yaml);
      io.stderr(
        `Wrote ${flags.out}: ${Object.entries(result.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}\n`,
      );
    } else io.stdout(result.yaml);
    return EXIT.ok;
  } finally {
    await client.close();
  }
}
