/**
 * Sends the welcome e-mails a domain owes (issue 13 #3): every `requested`/`failed` entry of the welcome
 * ledger whose user exists on the platform, once (at most once: see welcome-ledger.ts), up to the client's
 * concurrency at a time. Kept apart from applyDomainPlan so the change ordering there can evolve independently.
 *
 * Each attempt of the POST is framed in the ledger: `sending` is fsynced right before the request goes on the
 * wire (after pacing), `failed` (still owed) as soon as an attempt is known not to have been sent, and the
 * outcome after. So the only e-mails left "maybe sent" are those whose request was on the wire when the process
 * died or whose connection was lost after the request was written (or a 502/504 from a gateway).
 *
 * ASSUMPTION (the platform offers no read-back of sent e-mail, docs/reference/netsapiens-api.md §4): a status
 * answer from the platform — 429 (RFC 6585 §4: refused, "too many requests"), 503 (RFC 9110 §15.6.4: "unable
 * to handle the request"), 500 (§15.6.1: "prevented it from fulfilling the request"), any 4xx — means the
 * e-mail was NOT sent; NetSapiens answers 200 once it is. The emulator's status faults answer before the
 * handler runs. A 502/504 (a gateway answering for a platform that may have acted) is uncertain.
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
  /**
   * Users known, from this apply, to exist on the platform with an e-mail address (created or updated by it,
   * or read by its plan): no GET before their POST. Others are read first.
   */
  readonly known?: ReadonlySet<string>;
  readonly signal?: AbortSignal;
  /** The template and subject (platform profile `welcome_email`; default: the profile's defaults). */
  readonly email?: { readonly template: string; readonly subject: string };
  /** E-mails in flight at once (default: the client's concurrency). */
  readonly concurrency?: number;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function sendOwedWelcomes(input: SendWelcomesInput): Promise<WelcomeResult[]> {
  const { domain } = input;
  const owed = input.ledger.status(domain).owed;
  const out: WelcomeResult[] = new Array(owed.length);
  let next = 0;
  const worker = async () => {
    while (next < owed.length) {
      const i = next++;
      const user = owed[i] as string;
      out[i] = input.signal?.aborted
        ? { domain, user, result: 'skipped', error: 'the apply was interrupted; still owed' }
        : await sendOne(input, user);
    }
  };
  const width = Math.max(1, Math.min(owed.length, input.concurrency ?? input.client.settings?.concurrency ?? 8));
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

async function sendOne(input: SendWelcomesInput, user: string): Promise<WelcomeResult> {
  const { client, domain, ledger } = input;
  if (!input.known?.has(user)) {
    const gone = await checkUser(input, user);
    if (gone) return gone;
  }
  try {
    await client.sendEmail(
      domain,
      user,
      { ...(input.email ?? WELCOME_EMAIL) },
      {
        onSend: () => ledger.record(domain, user, 'sending'),
        onNotSent: (reason) => ledger.record(domain, user, 'failed', reason),
      },
    );
  } catch (err) {
    const uncertain = err instanceof UncertainWriteError;
    ledger.record(domain, user, uncertain ? 'unknown' : 'failed', message(err));
    return { domain, user, result: uncertain ? 'unknown' : 'failed', error: message(err) };
  }
  ledger.record(domain, user, 'sent');
  return { domain, user, result: 'sent' };
}

/** Reads the user: a result when the e-mail cannot be sent now (skipped or dropped), undefined to send it. */
async function checkUser(input: SendWelcomesInput, user: string): Promise<WelcomeResult | undefined> {
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
  // A 44.x server spells the field `email` (docs/reference/netsapiens-api.md §4).
  if (String(record['email-address'] ?? record.email ?? '').trim() === '') {
    ledger.record(domain, user, 'dropped', 'the user has no e-mail address');
    return { domain, user, result: 'dropped', error: 'the user has no e-mail address' };
  }
  return undefined;
}
