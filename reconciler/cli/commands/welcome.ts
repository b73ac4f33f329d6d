/**
 * `pbxctl welcome --domain D [--platform FILE] <ext>…`: sends the welcome e-mail to existing users, by hand. A user without an
 * e-mail address is refused by name (nothing is sent to it). Each send is recorded in the welcome ledger
 * beside the audit log (apply/welcome-ledger.ts), so a welcome an apply owes or left uncertain is settled.
 */
import { checkDomainName, checkExtensionName } from '../../desired/names';
import { WelcomeLedger, welcomeLedgerPathFor } from '../../apply/welcome-ledger';
import { UsageError } from '../../errors';
import { readField } from '../../platform/codec';
import { EXIT } from '../exit-codes';
import type { CliIo, Flags } from '../io';
import { auditLogPath, clientFromEnv } from '../command-support';
import { profileForCommand } from '../platform-profile';

export async function welcomeCommand(positionals: readonly string[], flags: Flags, io: CliIo): Promise<number> {
  const domain = flags.domain;
  if (typeof domain !== 'string' || positionals.length === 0)
    throw new UsageError('usage: pbxctl welcome --domain <domain> <extension>…');
  // The domain and the extensions become URL segments: refuse what is not one before any request.
  const bad = checkDomainName(domain) ?? positionals.map(checkExtensionName).find((p) => p !== undefined);
  if (bad) throw new UsageError(`${bad.message}${bad.hint ? ` — ${bad.hint}` : ''}`);
  // The template and subject of the platform profile (--platform FILE, else ./_platform.yaml, else the defaults).
  const { welcomeEmail } = profileForCommand(flags, io);
  const client = clientFromEnv(io.env, flags);
  const ledger = new WelcomeLedger(welcomeLedgerPathFor(auditLogPath(flags, io)));
  let failed = 0;
  try {
    for (const ext of positionals) {
      try {
        const user = await client.getUser(domain, ext);
        if (!user) throw new UsageError(`user ${ext} does not exist in ${domain}`);
        // `email` on a 44.x server, `email-address` on v45.
        if (String(readField(user, 'email-address') ?? '').trim() === '')
          throw new UsageError(
            `user ${ext} has no e-mail address, so no welcome e-mail was sent — set \`email:\` for ${ext} and apply first`,
          );
        ledger.record(domain, ext, 'sending');
        await client.sendEmail(domain, ext, { ...welcomeEmail });
        ledger.record(domain, ext, 'sent');
        io.stdout(`  ✓ welcome e-mail sent to ${ext}\n`);
      } catch (err) {
        failed++;
        io.stderr(`  ✗ ${ext}: ${(err as Error).message}\n`);
      }
    }
  } finally {
    ledger.close();
    await client.close();
  }
  return failed === 0 ? EXIT.ok : failed === positionals.length ? EXIT.error : EXIT.partial;
}
