/**
 * Extra certificate authorities for an https NS_API_URL, when the provider's launcher handed NODE_EXTRA_CA_CERTS
 * over as PBXCTL_NODE_EXTRA_CA_CERTS (scripts/package-provider/launcher.ts: Node would otherwise parse the file
 * at each of the three provider starts of a `terraform plan`, and only one of them connects anywhere).
 *
 * The same authorities as Node's own handling of NODE_EXTRA_CA_CERTS: its bundled list plus the file's. One
 * secure context for the client's connections, built when the client is (ConfigureProvider, the plan walk). A
 * file that cannot be read is an error naming it: Node would only warn on stderr, which Terraform does not show,
 * and the TLS failure that followed would point at the variable the user already set.
 */
import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { UsageError } from '../errors';
import { oneLine } from './safety';

/** Set by the provider's launcher to the value of NODE_EXTRA_CA_CERTS (which it unsets). */
export const HANDED_OVER_CA_ENV = 'PBXCTL_NODE_EXTRA_CA_CERTS';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * undici connect options for `url`: a secure context trusting the bundled authorities and those of the handed
 * over file, or nothing (plain http, or no file handed over: Node's defaults apply).
 */
export function extraCaConnectOptions(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
): { secureContext?: SecureContext } {
  const file = env[HANDED_OVER_CA_ENV];
  if (!file || !url.toLowerCase().startsWith('https:')) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(
      `NODE_EXTRA_CA_CERTS names ${oneLine(file, 200)}, which cannot be read (${code}) — hint: give the path of a PEM file of your certificate authorities`,
    );
  }
  const extra = text.match(PEM_CERTIFICATE) ?? [];
  if (extra.length === 0) {
    throw new UsageError(
      `NODE_EXTRA_CA_CERTS names ${oneLine(file, 200)}, which holds no PEM certificate — hint: it must contain "-----BEGIN CERTIFICATE-----" blocks`,
    );
  }
  try {
    return { secureContext: createSecureContext({ ca: [...rootCertificates, ...extra] }) };
  } catch (err) {
    throw new UsageError(
      `NODE_EXTRA_CA_CERTS names ${oneLine(file, 200)}, whose certificates could not be loaded (${oneLine((err as Error).message, 160)})`,
    );
  }
}
