// Fault injection: rules that make matching requests slow, fail, vanish, or see stale data.
// The real platform documents no rate limiting (no 429 in the spec), but a gateway in front of it can
// send one, and geo-replication makes 202-accepted writes invisible for a moment; the client must
// survive all of that, so tests script it here.

export interface FaultRule {
  /** HTTP method, or '*' / omitted for any. */
  method?: string;
  /**
   * Path after `/ns-api/v2` (percent-decoded, no query). A glob (`*` = one segment, `**` = anything,
   * `?` = one character) or a regular expression: a RegExp, or a string starting with `^`.
   */
  path: string | RegExp;
  /** Apply to this many matching requests, then expire. Unlimited when omitted. */
  times?: number;
  /** Answer with this status instead of handling the request. */
  status?: number;
  /** Body for `status`: an object is sent as JSON, a string verbatim. Default `{code, message}`. */
  body?: unknown;
  /** Seconds for a `Retry-After` header (on the fault status, or on the normal answer). */
  retryAfter?: number;
  /** Wait this long before answering (or before dropping). */
  latencyMs?: number;
  /**
   * Destroy the socket without answering, BEFORE the request is handled: the request was received whole but
   * the platform never acted (a proxy or load balancer losing its backend, a server crash before handling).
   */
  drop?: boolean;
  /**
   * Handle the request normally (a write lands, an e-mail is sent), then destroy the socket without sending
   * the answer: the platform acted and the client cannot know (a crash or a proxy timeout after handling).
   */
  dropAfter?: boolean;
  /** After a 202 write, GETs keep seeing the previous version for this long (replication lag). */
  delayVisibilityMs?: number;
  /** Apply to a matching request with this probability (0–1; default 1): chaos runs (bench/chaos.ts). */
  probability?: number;
  /** Handle the request normally, then send half of the answer's body and cut the connection. */
  cutBody?: boolean;
}

export interface ActiveFault extends FaultRule {
  readonly id: string;
  /** Requests left before the rule expires (undefined = unlimited). */
  remaining?: number;
}

/** The merged effect of every rule that matched one request. */
export interface FaultEffect {
  readonly status?: number;
  readonly body?: unknown;
  readonly retryAfter?: number;
  readonly latencyMs: number;
  readonly drop: boolean;
  /** The request is handled (a write lands), then the connection is cut before any answer. */
  readonly dropAfter?: boolean;
  readonly delayVisibilityMs: number;
  /** The request is handled (a write lands), and its answer is cut mid-body. */
  readonly cutBody?: boolean;
  readonly ruleIds: readonly string[];
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}/?$`);
}

function toMatcher(pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return pattern;
  if (pattern.startsWith('^')) return new RegExp(pattern);
  return globToRegExp(pattern);
}

export class FaultController {
  private rules: Array<{ rule: ActiveFault; matcher: RegExp }> = [];
  private nextId = 1;

  /** `random` decides `probability` rules (seed it for a reproducible chaos run). */
  constructor(private readonly random: () => number = Math.random) {}

  /** Add a rule; returns its id. Throws on an invalid pattern or an empty rule. */
  add(rule: FaultRule): string {
    if (rule.path === undefined || rule.path === null) throw new Error('fault rule needs a path');
    const matcher = toMatcher(rule.path);
    if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) {
      throw new Error('fault rule "times" must be a positive integer');
    }
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
      throw new Error('fault rule "probability" must be between 0 and 1');
    }
    if (rule.status !== undefined && (!Number.isInteger(rule.status) || rule.status < 100 || rule.status > 599)) {
      throw new Error('fault rule "status" must be an HTTP status code');
    }
    const id = `fault-${this.nextId++}`;
    this.rules.push({ rule: { ...rule, id, remaining: rule.times }, matcher });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r.rule }));
  }

  /**
   * Consume the rules that match this request and merge their effects: the first rule with a status, a
   * drop (before or after handling) or a cut body decides the outcome, latencies add up, the longest visibility delay wins.
   */
  take(method: string, path: string): FaultEffect | undefined {
    const m = method.toUpperCase();
    const hits = this.rules.filter(
      (r) =>
        (!r.rule.method || r.rule.method === '*' || r.rule.method.toUpperCase() === m) &&
        r.matcher.test(path) &&
        (r.rule.probability === undefined || this.random() < r.rule.probability),
    );
    if (hits.length === 0) return undefined;
    let status: number | undefined;
    let body: unknown;
    let retryAfter: number | undefined;
    let latencyMs = 0;
    let drop = false;
    let delayVisibilityMs = 0;
    let cutBody = false;
    let dropAfter = false;
    for (const { rule } of hits) {
      if (rule.remaining !== undefined) rule.remaining--;
      if (status === undefined && !drop && !cutBody && !dropAfter) {
        if (rule.drop) drop = true;
        else if (rule.dropAfter) dropAfter = true;
        else if (rule.cutBody) cutBody = true;
        else if (rule.status !== undefined) {
          status = rule.status;
          body = rule.body;
        }
      }
      if (retryAfter === undefined && rule.retryAfter !== undefined) retryAfter = rule.retryAfter;
      latencyMs += rule.latencyMs ?? 0;
      delayVisibilityMs = Math.max(delayVisibilityMs, rule.delayVisibilityMs ?? 0);
    }
    this.rules = this.rules.filter((r) => r.rule.remaining === undefined || r.rule.remaining > 0);
    return {
      status,
      body,
      retryAfter,
      latencyMs,
      drop,
      delayVisibilityMs,
      ...(cutBody ? { cutBody } : {}),
      ...(dropAfter ? { dropAfter } : {}),
      ruleIds: hits.map((h) => h.rule.id),
    };
  }
}
