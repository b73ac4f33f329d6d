/**
 * The `user` kind: a person at an extension, with the desk phone and the default answer rule's spam,
 * allow and block settings as facets of the same object (they have no identity of their own on the
 * platform: the device is named after the extension, the rule is the user's `*` rule).
 */
import { isKnownSpam } from '../../platform/codec';
import { activeCalls } from '../impact';
import { type Kind, SUPPORTED } from '../kind';
import { str } from '../normalize';
import { routedNumberReferences } from '../phone-number-refs';
import { createUser, deleteUser, updateUser } from './apply';
import { checkDevices, devicesChangeClass, type DeviceContent, exportPhones } from './devices';
import { recycleUser } from './recycle';
import { isRecycle, recycleLosses } from './recycle-modes';
import { ruleSpec, rulesOf } from './answering-rules';
import { timeFramesOf, userTimeFrameSpec } from './user-time-frames';
import { USER_FIELDS } from './fields';
import { userImpact } from './impact';
import { isAddressName, userPlacementImpact, userPlacementReferences } from './placement';
import { readUser, readUsers } from './read';
import { SIMPLE, toComparable, type UserPlatform, type UserSpec } from './spec';

export type { UserPlatform, UserSpec } from './spec';

export const userKind: Kind<UserSpec, UserPlatform> = {
  name: 'user',
  section: 'users',
  shape: 'list',
  title: 'User',
  description: 'A person at an extension, with voicemail, devices, and spam/allow/block answering.',
  fields: USER_FIELDS,
  order: 10,
  identity: { keyField: 'extension', keyIsPii: false, ownsExtension: true },
  terraform: { dataSource: { keyField: 'extension' } },
  capabilities: { create: SUPPORTED, update: SUPPORTED, delete: SUPPORTED, prune: SUPPORTED, recycle: SUPPORTED },
  key: (spec) => String(spec.extension),
  label(key, content) {
    const name = [content?.first_name, content?.last_name].filter((s) => typeof s === 'string' && s !== '').join(' ');
    return name ? `${key} (${name})` : key;
  },
  toComparable,
  activity: (live) => activeCalls(live.platform?.user ?? {}),
  impact: (key, before, after, changed) => [
    ...userImpact(key, before, after, changed),
    ...userPlacementImpact(key, before, after, changed),
  ],
  references: (key, content, spec) => [
    ...routedNumberReferences(key, content),
    ...userPlacementReferences(key, content, spec),
  ],
  checkEntry: checkDevices,
  changeClass: (path, before, after) => (path === 'phones' ? devicesChangeClass(before, after) : undefined),
  recycleLosses,
  isRecycle,

  read: readUsers,
  readOne: readUser,

  export(live) {
    const c = live.comparable;
    const spec: UserSpec = { extension: live.key, first_name: str(c.first_name), last_name: str(c.last_name) };
    for (const [name] of SIMPLE) {
      if (name === 'first_name' || name === 'last_name') continue;
      const v = c[name];
      if (v === undefined || v === '') continue;
      if (name === 'emergency_address' && !isAddressName(v)) continue;
      (spec as unknown as Record<string, unknown>)[name] = name === 'ring_timeout' ? Number(v) : v;
    }
    const vm = c.voicemail as Record<string, unknown> | undefined;
    if (vm && Object.keys(vm).length > 0) {
      const out: NonNullable<UserSpec['voicemail']> = {};
      if (typeof vm.enabled === 'boolean') out.enabled = vm.enabled;
      // The PIN is never exported (not even as a reference that would then have to be set): an exported
      // file leaves PINs unmanaged until someone adds `pin: { env: … }`.
      if (typeof vm.email_notification === 'string') out.email_notification = vm.email_notification as 'none';
      if (typeof vm.transcription === 'boolean') out.transcription = vm.transcription;
      spec.voicemail = out;
    }
    const phone = c.phone as Record<string, string> | null | undefined;
    const devices = (c.phones ?? []) as unknown as DeviceContent[];
    // One device named after the extension: the `phone:` shorthand; more (or another name): `phones:`.
    const phones = devices.length > 1 || (devices.length === 1 && !phone) ? exportPhones(live.key, devices) : undefined;
    if (phones) spec.phones = phones;
    else if (phone) {
      const { emergency_address, ...rest } = phone;
      const known = isAddressName(emergency_address) ? { emergency_address } : {};
      spec.phone = Object.keys(rest).length + Object.keys(known).length === 0 ? true : { ...rest, ...known };
    }
    // A live value pbxctl does not recognise is not exported: the entry leaves it alone (unmanaged).
    if (isKnownSpam(c.spam) && c.spam !== 'ring') spec.spam = c.spam;
    if (Array.isArray(c.allow) && c.allow.length > 0) spec.allow = [...(c.allow as string[])];
    if (Array.isArray(c.block) && c.block.length > 0) spec.block = [...(c.block as string[])];
    const rules = rulesOf(c.answering_rules);
    if (rules.length > 0) spec.answering_rules = rules.map(ruleSpec);
    const frames = timeFramesOf(c.time_frames);
    if (frames.length > 0) spec.time_frames = frames.map(userTimeFrameSpec);
    return spec;
  },

  create: createUser,
  update: updateUser,
  delete: deleteUser,
  recycle: recycleUser,
};
