// Shapes of the emulator's persisted state and of the seed files that create it.
// Records are kept as plain JSON objects under their v45.0 API field names, exactly as GET returns
// them (minus a few values computed at read time), so the state file doubles as a readable fixture.

export type JsonRecord = Record<string, unknown>;

export interface EmailSent {
  readonly user: string;
  readonly to: string;
  readonly template: string;
  readonly subject: string;
  readonly time: string;
}

export interface DomainState {
  domain: JsonRecord;
  users: JsonRecord[];
  devices: JsonRecord[];
  answerrules: JsonRecord[];
  /** Shared (domain-wide) contacts. */
  contacts: JsonRecord[];
  /** Personal contacts, keyed by user (extension). */
  user_contacts: Record<string, JsonRecord[]>;
  /** Domain block list: the `phone-numbers-to-reject` parameters of `/number-filters`. */
  number_filters: string[];
  phonenumbers: JsonRecord[];
  /** MAC records (`/domains/{d}/phones`, NdpPhone), keyed by `device-provisioning-mac-address`. */
  phones: JsonRecord[];
  /** Domain (shared) time frames (RecurringTimeframe records), keyed by `timeframe-id`. */
  timeframes: JsonRecord[];
  /** Per-user time frames (RecurringTimeframe records), keyed by user (extension). */
  user_timeframes?: Record<string, JsonRecord[]>;
  /** Call queues (CallQueue records, keyed by `callqueue`) and their agents (Agent records). */
  callqueues?: JsonRecord[];
  agents?: JsonRecord[];
  /** Auto attendants: `attendant-name`, `user`, `starting-prompt`, `time-frame`, `auto-attendant` (the menu). */
  autoattendants?: JsonRecord[];
  /** Sites (`Site` records), keyed by `site`; also created by a user placed at a missing site. */
  sites?: JsonRecord[];
  /** Domain emergency addresses (`Address` records), keyed by `emergency-address-id`. */
  addresses?: JsonRecord[];
  /** user → folder (`new`, `save`, `trash`: the spec's folders) → audio files. */
  voicemails: Record<string, Record<string, JsonRecord[]>>;
  /** user → greetings. */
  greetings: Record<string, JsonRecord[]>;
  /** Log of `POST /domains/{d}/users/{u}/email`. */
  emails_sent: EmailSent[];
}

export interface EmulatorState {
  version: 1;
  domains: Record<string, DomainState>;
}

/** A seed is a partial state: every collection is optional and records get platform defaults. */
export interface DomainSeed {
  domain?: JsonRecord;
  users?: JsonRecord[];
  devices?: JsonRecord[];
  answerrules?: JsonRecord[];
  contacts?: JsonRecord[];
  user_contacts?: Record<string, JsonRecord[]>;
  number_filters?: Array<string | number>;
  phonenumbers?: JsonRecord[];
  phones?: JsonRecord[];
  timeframes?: JsonRecord[];
  callqueues?: JsonRecord[];
  agents?: JsonRecord[];
  autoattendants?: JsonRecord[];
  sites?: JsonRecord[];
  addresses?: JsonRecord[];
  /** user → folder → files; folders `new`, `save`, `trash` (older seeds' `inbox`/`saved` are read as new/save). */
  voicemails?: Record<string, Record<string, JsonRecord[]>>;
  greetings?: Record<string, JsonRecord[]>;
  emails_sent?: EmailSent[];
}

export interface EmulatorSeed {
  domains?: Record<string, DomainSeed>;
}
