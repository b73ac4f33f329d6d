/**
 * `pbxctl doctor --record DIR` (issue 12): what the doctor read, as an emulator seed (emulator/README.md,
 * "Seed and state format") that `pbxctl emulator --seed DIR` serves — with every name, e-mail, phone number,
 * PIN, password, SIP password and MAC replaced by a stable fake (fakes.ts), so references stay consistent
 * and `export` → `plan` of the served domain is zero changes. Extensions and platform codes are kept.
 * Values computed at read time (a device's `name-full-name`, a rule's `is-active`) are left out: the emulator
 * computes them again.
 */
import type { PlatformRecord } from '../platform/client';
import { Faker } from './fakes';

/** Everything `--record` reads from one domain. */
export interface DomainRead {
  readonly domain: PlatformRecord;
  readonly users: readonly PlatformRecord[];
  /** Every answer rule of every user (each carries `user` or is keyed by it). */
  readonly answerRules: ReadonlyMap<string, readonly PlatformRecord[]>;
  readonly devices: readonly PlatformRecord[];
  readonly contacts: readonly PlatformRecord[];
  /** MAC records (`/domains/{d}/phones`); undefined when the key may not read them (then in `unread`). */
  readonly phones?: readonly PlatformRecord[];
  /** The domain block list (`/number-filters` → `phone-numbers-to-reject.parameters`). */
  readonly numberFilters?: readonly string[];
  readonly phoneNumbers?: readonly PlatformRecord[];
  readonly timeframes?: readonly PlatformRecord[];
  /** Collections the key was refused (`phones (HTTP 403)`): left out of the record, not recorded as empty. */
  readonly unread?: readonly string[];
}

export type JsonRecord = Record<string, unknown>;

/** One domain of an emulator seed (emulator/types.ts `DomainSeed`, the collections the doctor reads). */
export interface RecordedDomain {
  domain: JsonRecord;
  users: JsonRecord[];
  answerrules: JsonRecord[];
  devices: JsonRecord[];
  contacts: JsonRecord[];
  phones?: JsonRecord[];
  number_filters?: string[];
  phonenumbers?: JsonRecord[];
  timeframes?: JsonRecord[];
}

type Rule =
  | 'keep'
  | 'drop'
  | 'first'
  | 'last'
  | 'company'
  | 'text'
  | 'email'
  | 'phone'
  | 'pin'
  | 'secret'
  | 'mac'
  | 'id';

/** Structural values kept verbatim: keys, codes, enums, references by extension or name. */
const KEEP: readonly string[] = [
  'domain',
  'user',
  'device',
  'time-frame',
  'timeframe-name',
  'service-code',
  'user-scope',
  'dial-plan',
  'dial-policy',
  'time-zone',
  'language-token',
  'device-models-model',
  'device-models-brand-and-model',
  'account-status',
  'created-datetime',
  'last-modified-datetime',
];

/** Per-key rules; keys not listed follow `ruleByPattern`, then `scrubText` for strings. */
const RULES: Readonly<Record<string, Rule>> = {
  'name-first-name': 'first',
  'name-middle-name': 'first',
  'name-last-name': 'last',
  company: 'company',
  'caller-id-name': 'text',
  description: 'text',
  reseller: 'text',
  'dial-rule-description': 'text',
  notes: 'text',
  'status-message': 'drop',
  'login-username': 'drop',
  'unique-id': 'id',
  'timeframe-id': 'id',
  // Read-time values the emulator computes again.
  'name-full-name': 'drop',
  'device-sip-registration-uri': 'drop',
  'device-sip-registration-state': 'drop',
  'device-sip-registration-datetime': 'drop',
  'device-sip-registration-expires-datetime': 'drop',
  'is-active': 'drop',
  time_range_data: 'drop',
};

function ruleByPattern(key: string): Rule | undefined {
  if (KEEP.includes(key)) return 'keep';
  const rule = RULES[key];
  if (rule) return rule;
  if (/password|secret|token/.test(key)) return 'secret';
  if (/(^|-)pin$|login-pin/.test(key)) return 'pin';
  if (/mac-address/.test(key)) return 'mac';
  // `email`, `email-address`, `…-cc-list-csv`, `email-send-from-address` — not `voicemail-…`.
  if (/(^|-)e-?mail(-|$)/.test(key) && !/enabled|behavior|template|subject/.test(key)) return 'email';
  if (/^phonenumber(-|$)|caller-id-number|^callid/.test(key)) return 'phone';
  return undefined;
}

export class SeedRecorder {
  private readonly fake = new Faker();

  constructor(private readonly domainName: string) {}

  /** Names first, so free text elsewhere that repeats them is faked the same way. */
  private learnNames(records: readonly PlatformRecord[]): void {
    for (const r of records)
      for (const [k, v] of Object.entries(r)) {
        const rule = RULES[k];
        if (rule === 'first') this.fake.firstName(v);
        else if (rule === 'last') this.fake.lastName(v);
        else if (rule === 'company') this.fake.company(v);
      }
  }

  private apply(rule: Rule | undefined, value: unknown): unknown {
    if (rule === 'keep') return value;
    if (typeof value !== 'string' && typeof value !== 'number') return this.walk(value);
    const f = this.fake;
    switch (rule) {
      case 'first':
        return f.firstName(value);
      case 'last':
        return f.lastName(value);
      case 'company':
        return f.company(value);
      case 'text':
        return value === '' || value === '[*]' ? value : f.text(value);
      case 'email':
        return String(value).includes('@') ? f.email(value) : this.text(String(value));
      case 'phone':
        return f.digitRuns(value);
      case 'pin':
        return f.pin(value);
      case 'secret':
        return f.secret(value);
      case 'mac':
        return f.mac(value);
      case 'id':
        return f.id(value);
      default:
        return typeof value === 'string' ? this.text(value) : value;
    }
  }

  /** Free text through the same fakes as the records (names read so far, phone-length digit runs). */
  fakeText(value: string): string {
    return this.text(value);
  }

  /** Free text with the domain name protected (a user called "Acme" must not rename acme.example.com). */
  private text(value: string): string {
    return value
      .split(this.domainName)
      .map((part) => this.fake.scrubText(part))
      .join(this.domainName);
  }

  private walk(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value && typeof value === 'object') return this.record(value as JsonRecord);
    return typeof value === 'string' ? this.text(value) : value;
  }

  record(r: JsonRecord): JsonRecord {
    const out: JsonRecord = {};
    for (const [k, v] of Object.entries(r)) {
      const rule = ruleByPattern(k);
      if (rule === 'drop') continue;
      out[k] = this.apply(rule, v);
    }
    return out;
  }

  domain(read: DomainRead): RecordedDomain {
    this.learnNames([...read.users, ...read.contacts]);
    const users = read.users.map((u) => this.record(u));
    const answerrules = [...read.answerRules].flatMap(([user, rules]) =>
      rules.map((r) => ({ ...this.record(r), user })),
    );
    const { domain: _name, ...domainRecord } = read.domain;
    return {
      domain: this.record(domainRecord),
      users,
      answerrules,
      devices: read.devices.map((d) => this.record(d)),
      contacts: read.contacts.map((c) => this.record(c)),
      ...(read.phones ? { phones: read.phones.map((p) => this.record(p)) } : {}),
      ...(read.numberFilters ? { number_filters: read.numberFilters.map((n) => this.fake.digitRuns(n)) } : {}),
      ...(read.phoneNumbers ? { phonenumbers: read.phoneNumbers.map((p) => this.record(p)) } : {}),
      ...(read.timeframes ? { timeframes: read.timeframes.map((t) => this.record(t)) } : {}),
    };
  }
}

/** What the record says about itself (ignored by the emulator's seed loader, read by people). */
export interface RecordNote {
  readonly by: string;
  readonly apiversion?: string;
  /** Collections this key could not read: not in the record (the emulator serves them empty). */
  readonly unread: readonly string[];
  /** What the doctor could not decode, with values faked the same way as the seed. */
  readonly findings: readonly { object: string; field: string; value: string; problem: string }[];
}

/** The seed (`{ domains: { <domain>: … } }`) for one domain's read, with a `recorded` note. */
export function seedRecordOf(
  domainName: string,
  read: DomainRead,
  note: {
    apiVersion?: string;
    findings?: readonly { object: string; field: string; value: string; problem: string }[];
  } = {},
): { recorded: RecordNote; domains: Record<string, RecordedDomain> } {
  const recorder = new SeedRecorder(domainName);
  const domain = recorder.domain(read);
  return {
    recorded: {
      by: 'pbxctl doctor --record (names, e-mails, numbers, PINs, passwords and MACs are stable fakes)',
      ...(note.apiVersion !== undefined ? { apiversion: note.apiVersion } : {}),
      unread: [...(read.unread ?? [])],
      findings: (note.findings ?? []).map((f) => ({
        object: recorder.fakeText(f.object),
        field: f.field,
        value: recorder.fakeText(f.value),
        problem: f.problem,
      })),
    },
    domains: { [domainName]: domain },
  };
}
