/**
 * A call destination as call queues (overflow) and auto attendants (menu options) name one: a user, ring
 * group, auto attendant, call queue, or a user's voicemail. PURE.
 *
 * User, ring group and auto attendant are one platform destination (a user record: `to-user`, `user_<ext>`),
 * so the comparable holds `{ extension }` for the three — the file's choice of word is never a difference —
 * and export names the kind from the domain's user records (`ExtensionKinds`).
 */
import { targetTypeOf } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import type { ComparableValue, FieldSpec, Reference, Relation } from '../kind';
import { ANY_EXTENSION } from '../kind';
import { str } from '../normalize';

export const DESTINATION_KINDS = ['user', 'ring_group', 'auto_attendant', 'call_queue', 'voicemail'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];
export type DestinationSpec = Partial<Record<DestinationKind, string>>;
/** `{ extension }`, `{ voicemail }`, `{ call_queue }`, or `{ platform }` for what pbxctl does not model. */
export type DestinationContent = Readonly<Record<string, string>>;

const WORDS: Readonly<Record<DestinationKind, string>> = {
  user: 'Ring this user.',
  ring_group: 'Ring this ring group.',
  auto_attendant: 'This auto attendant.',
  call_queue: 'This call queue.',
  voicemail: "This user's voicemail box.",
};

/** The object field of a destination: exactly one of the five. */
export function destinationField(name: string, description: string, required = false): FieldSpec {
  return {
    name,
    type: 'object',
    maxProperties: 1,
    required,
    class: 'routing',
    description: `${description} — exactly one of: ${DESTINATION_KINDS.join(', ')} (an extension).`,
    fields: DESTINATION_KINDS.map((k) => ({
      name: k,
      type: 'string',
      format: 'extension',
      class: 'routing',
      description: WORDS[k],
    })),
  };
}

export function destinationContent(d: DestinationSpec | undefined): DestinationContent | null {
  if (!d) return null;
  const ext = d.user ?? d.ring_group ?? d.auto_attendant;
  if (ext !== undefined) return { extension: str(ext).trim() };
  if (d.call_queue !== undefined) return { call_queue: str(d.call_queue).trim() };
  if (d.voicemail !== undefined) return { voicemail: str(d.voicemail).trim() };
  return null;
}

/** The extension a destination points at (undefined for none or a platform value). */
export function destinationTarget(c: ComparableValue | undefined): string | undefined {
  const o = (c ?? {}) as Record<string, ComparableValue>;
  const v = o.extension ?? o.call_queue ?? o.voicemail;
  return v === undefined || v === null ? undefined : str(v);
}

/**
 * The word a destination spec names its target with (`user`, `call_queue` …), in the order
 * `destinationContent` reads them: the field that names the target, for messages at file:line.
 */
export function destinationWord(d: DestinationSpec | undefined): DestinationKind | undefined {
  const words = ['user', 'ring_group', 'auto_attendant', 'call_queue', 'voicemail'] as const;
  return d ? words.find((w) => d[w] !== undefined) : undefined;
}

/** `field`: where the file writes the destination (`overflow`, `options[2].destination`), when known. */
export function destinationReference(
  from: { kind: string; key: string },
  relation: Relation,
  c: ComparableValue | undefined,
  field?: { readonly at: string; readonly spec: DestinationSpec | undefined },
): Reference[] {
  const target = destinationTarget(c);
  if (target === undefined) return [];
  const word = field ? destinationWord(field.spec) : undefined;
  return [
    {
      from: `${from.kind} ${from.key}`,
      source: from,
      relation,
      kind: ANY_EXTENSION,
      key: target,
      ...(field ? { field: word ? `${field.at}.${word}` : field.at } : {}),
    },
  ];
}

/** "2000", "call queue 3100", "the voicemail of 1001": extensions only (PII-safe). */
export function describeDestination(c: ComparableValue | undefined | null): string {
  const o = (c ?? {}) as Record<string, ComparableValue>;
  if (o.extension !== undefined) return str(o.extension);
  if (o.call_queue !== undefined) return `call queue ${str(o.call_queue)}`;
  if (o.voicemail !== undefined) return `the voicemail of ${str(o.voicemail)}`;
  if (o.platform !== undefined) return `platform destination ${str(o.platform)}`;
  return 'nowhere';
}

// ---- What an extension is, for export ---------------------------------------------------------------------

/** Extension → the word export writes for it (users not listed are plain users). */
export type ExtensionKinds = Readonly<Record<string, DestinationKind>>;

export function extensionKinds(users: readonly PlatformRecord[], isRingGroup: (u: PlatformRecord) => boolean) {
  const out: Record<string, DestinationKind> = {};
  for (const u of users) {
    const type = targetTypeOf(u);
    if (type === 'auto_attendant' || type === 'call_queue') out[str(u.user)] = type;
    else if (isRingGroup(u)) out[str(u.user)] = 'ring_group';
  }
  return out;
}

/** Comparable → the YAML destination (a platform value pbxctl does not model exports as nothing). */
export function exportDestination(c: ComparableValue | undefined, kinds: ExtensionKinds): DestinationSpec | undefined {
  const o = (c ?? {}) as Record<string, ComparableValue>;
  if (o.extension !== undefined) {
    const ext = str(o.extension);
    const kind = kinds[ext] ?? 'user';
    return { [kind === 'call_queue' ? 'user' : kind]: ext };
  }
  if (o.call_queue !== undefined) return { call_queue: str(o.call_queue) };
  if (o.voicemail !== undefined) return { voicemail: str(o.voicemail) };
  return undefined;
}

// ---- Platform encodings -------------------------------------------------------------------------------------

/** As a menu option: `destination-application` + `destination-user` (OAS45 AutoAttendantTierOption examples). */
export function encodeOption(c: DestinationContent): PlatformRecord {
  if (c.call_queue !== undefined)
    return { 'destination-application': 'to-callqueue', 'destination-user': c.call_queue };
  if (c.voicemail !== undefined) return { 'destination-application': 'to-voicemail', 'destination-user': c.voicemail };
  return { 'destination-application': 'to-user', 'destination-user': c.extension ?? '' };
}

export function decodeOption(r: PlatformRecord): DestinationContent {
  const app = str(r['destination-application']);
  const user = str(r['destination-user']);
  if (app.startsWith('to-user')) return { extension: user };
  if (app.startsWith('to-voicemail')) return { voicemail: user };
  if (app.startsWith('to-callqueue')) return { call_queue: user };
  return { platform: app === '' ? 'unknown' : `${app} ${user}`.trim() };
}

/**
 * As a forward parameter (the queue user's `forward-no-answer`), in the alias grammar of
 * docs/reference/netsapiens-api.md §6: `user_<ext>` (users, ring groups and attendants alike:
 * platform-evidence §1 recommendation 4), `vmail_<ext>`, `queue_<ext>`.
 */
export function encodeForward(c: DestinationContent): string {
  if (c.call_queue !== undefined) return `queue_${c.call_queue}`;
  if (c.voicemail !== undefined) return `vmail_${c.voicemail}`;
  return `user_${c.extension ?? ''}`;
}

/** `isQueue` tells what a bare extension is. */
export function decodeForward(parameter: string, isQueue: (ext: string) => boolean): DestinationContent {
  if (/^\d+$/.test(parameter)) return isQueue(parameter) ? { call_queue: parameter } : { extension: parameter };
  const m = /^(user|vmail|queue)_(\d+)$/.exec(parameter);
  if (!m) return { platform: parameter };
  const ext = m[2] ?? '';
  if (m[1] === 'queue') return { call_queue: ext };
  if (m[1] === 'vmail') return { voicemail: ext };
  return { extension: ext };
}
