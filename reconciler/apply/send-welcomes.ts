/**
 * Sends the welcome e-mails a domain owes (issue 13 #3): every `requested`/`failed` entry of the welcome
 * ledger whose user exists on the platform, once, with the ledger line `sending` fsynced before the POST and
 * the outcome after it (at-most-once: see welcome-ledger.ts). Kept apart from applyDomainPlan so the change
 * ordering there can evolve independently.
 */
import { UncertainWriteError } from '../errors';
import type { NetSapiensClient } from '../platform/client';
import { WELCOME_EMAIL } from '../platform/codec';
import type { WelcomeLedger } from './welcome-ledger';

export interface WelcomeResult {
  readonly domain: string;
  readonly user: string;
  /** sent; failed (refused, still owed); unknown (cut off, not re-sent); skipped (still owed); dropped. */
  readonly result: 'sent' | 'failed' | 'unknown' | 'skipped' | 'dropped';
  readonly error?: string;
}

export interface SendWelcomesInput {
  readonly client: NetSapiensClient;
  readonly domain: string;
  readonly ledger: WelcomeLedger;
  /** Users the desired state still wants welcomed; an owed user outside it that is gone is dropped. */
  readonly wanted: ReadonlySet<string>;
  readonly signal?: AbortSignal;
  /** The template and subject (platform profile `welcome_email`; default: the profile's defaults). */
  readonly email?: { readonly template: string; readonly subject: string };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function sendOwedWelcomes(input: SendWelcomesInput): Promise<WelcomeResult[]> {
  const { domain, ledger } = input;
  const out: WelcomeResult[] = [];
  for (const user of ledger.status(domain).owed) {
    if (input.signal?.aborted) {
      out.push({ domain, user, result: 'skipped', error: 'the apply was interrupted; still owed' });
      continue;
    }
    out.push(await sendOne(input, user));
  }
  return out;
}

async function sendOne(input: SendWelcomesInput, user: string): Promise<WelcomeResult> {
  const { client, domain, ledger } = input;
  let record: Awaited<ReturnType<NetSapiensClient['getUser']>>;
  try {
    record = await client.getUser(domain, user);
  } catch (err) {
    // Unknown, never absent: the e-mail stays owed.
    return { domain, user, result: 'skipped', error: `could not read the user (${message(err)}); still owed` };
  }
  if (!record) {
    if (input.wanted.has(user)) return { domain, user, result: 'skipped', error: 'the user is not created yet' };
    ledger.record(domain, user, 'dropped', 'the user no longer exists');
    return { domain, user, result: 'dropped', error: 'the user no longer exists' };
  }
  if (String(record['email-address'] ?? '').trim() === '') {
    ledger.record(domain, user, 'dropped', 'the user has no e-mail address');
    return { domain, user, result: 'dropped', error: 'the user has no e-mail address' };
  }
  ledger.record(domain, user, 'sending');
  try {
    await client.sendEmail(domain, user, { ...(input.email ?? WELCOME_EMAIL) });
  } catch (err) {
    const uncertain = err instanceof UncertainWriteError;
    ledger.record(domain, user, uncertain ? 'unknown' : 'failed', message(err));
    return { domain, user, result: uncertain ? 'unknown' : 'failed', error: message(err) };
  }
  ledger.record(domain, user, 'sent');
  return { domain, user, result: 'sent' };
}
