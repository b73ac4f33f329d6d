/**
 * Benchmarks only: the reads of bench/echo-provider.ts with `PBXCTL_BENCH_ECHO_READS=1` (bench/terraform-plan.ts
 * `--echo-reads`). The one platform read a refresh of a `netsapiens_user` cannot do without is the user's answer
 * rules (the API has no domain-wide list of them, so pbxctl and the provider read them per user). Here it is made
 * as cheaply as it can be: bare undici on a keep-alive pool of 8 sockets (the client's concurrency), the answer
 * read whole and parsed, nothing else. Like our provider's read-ahead, a resource's read starts when
 * UpgradeResourceState brings its stored state and is awaited by its ReadResource, so Terraform's work between
 * the two calls overlaps the round trip. With it the echo is the cheapest provider that reads the platform at
 * all: Terraform's floor with the reads a refresh must make.
 */
import { Agent } from 'undici';

export interface DynamicValue {
  readonly msgpack?: Uint8Array;
  readonly json?: Uint8Array;
}

export type Request = Record<string, unknown>;

export interface UserReads {
  /** UpgradeResourceState: starts the read of the user whose stored state (JSON) the request brings. */
  start(req: Request): void;
  /** ReadResource: the read started for this resource (its extension, from the current state's msgpack). */
  wait(req: Request): Promise<void>;
  close(): Promise<void>;
}

/** The key `extension` as msgpack writes it: a fixstr. */
const EXTENSION_KEY = Buffer.concat([Buffer.from([0xa0 | 'extension'.length]), Buffer.from('extension')]);

/**
 * The extension of a user's state in msgpack, found without decoding the object: the key `extension`, then its
 * value, a short string (a fixstr too). Undefined when it is not there.
 */
export function extensionOf(msgpack: Uint8Array | undefined): string | undefined {
  if (!msgpack) return undefined;
  const buf = Buffer.from(msgpack.buffer, msgpack.byteOffset, msgpack.byteLength);
  const at = buf.indexOf(EXTENSION_KEY);
  if (at < 0) return undefined;
  const head = buf[at + EXTENSION_KEY.length] ?? 0;
  if ((head & 0xe0) !== 0xa0) return undefined;
  const from = at + EXTENSION_KEY.length + 1;
  return buf.toString('utf8', from, from + (head & 0x1f));
}

/** `apiUrl` as NS_API_URL gives it to the provider: the API's base, paths go below it (as the client's do). */
export function userReads(apiUrl: string, apiKey: string): UserReads {
  const base = new URL(apiUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${apiKey}`, accept: 'application/json' };
  const agent = new Agent({ connections: 8, keepAliveTimeout: 10_000 });
  const pending = new Map<string, Promise<void>>();
  const get = async (domain: string, extension: string) => {
    const path = `${prefix}/domains/${encodeURIComponent(domain)}/users/${encodeURIComponent(extension)}/answerrules`;
    const res = await agent.request({ origin: base.origin, method: 'GET', path, headers });
    const text = await res.body.text();
    if (res.statusCode >= 400) throw new Error(`GET ${path}: HTTP ${res.statusCode}`);
    JSON.parse(text);
  };
  return {
    start(req) {
      const raw = req.raw_state as DynamicValue | undefined;
      if (!raw?.json || raw.json.length === 0) return;
      const state = JSON.parse(Buffer.from(raw.json).toString('utf8')) as { domain?: string; extension?: string };
      if (!state.domain || !state.extension) return;
      const read = get(state.domain, state.extension);
      read.catch(() => {}); // met by ReadResource
      pending.set(state.extension, read);
    },
    async wait(req) {
      // Every resource of the bench has a state: a read that cannot be matched fails the plan, so a floor
      // that skipped its reads cannot pass for one.
      const extension = extensionOf((req.current_state as DynamicValue | undefined)?.msgpack);
      if (extension === undefined) throw new Error('no extension in the current state');
      const read = pending.get(extension);
      if (!read) throw new Error(`no read was started for extension ${extension}`);
      pending.delete(extension);
      await read;
    },
    close: () => agent.close(),
  };
}
