/**
 * Recycle: a different person at the extension, in the mode the entry chooses (recycle-modes.ts). Both
 * modes are planned as a recycle and gated by `--allow-recycle`.
 */
import { phoneDeviceName, serverApiVersion, withEmailSpelling } from '../../platform/codec';
import { type ApplyContext, type ChangeTarget, profileOf } from '../kind';
import { str } from '../normalize';
import { createUser, pinOf, releaseHandsets, updateUser, userBody } from './apply';
import { removeDevice, shorthandDevice } from './devices-apply';
import { recycleModeOf } from './recycle-modes';
import { type UserPlatform, type UserSpec, wantsPhone } from './spec';
import { userBodyWithAddressId } from './placement';

export async function recycleUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  if (recycleModeOf(target.desired?.comparable) === 'recreate') await recreateUser(ctx, target);
  else await resetUser(ctx, target);
}

/**
 * Delete + create: the record and all it owns go (devices and their SIP passwords, time frames, addresses,
 * messages, greetings, contacts). Phone numbers are left routed to the extension, so they reach the new
 * record; the handsets' MAC records are released first (the platform's delete leaves them) and bound to
 * the new devices where the file leaves the MAC unmanaged (`phone: true`).
 */
async function recreateUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  const live = target.live!;
  const spec = target.desired!.spec;
  // What `phone:` leaves out (its MAC, model) is not managed: the desk phone keeps its handset.
  const devices =
    spec.phones === undefined && wantsPhone(spec) ? [shorthandDevice(spec, live.platform.device)] : undefined;
  await releaseHandsets(ctx, live.platform);
  await ctx.client.deleteUser(ctx.domain, live.key);
  await createUser(ctx, { key: target.key, desired: target.desired, changedFields: [] }, devices);
}

/**
 * The portal's Reset, in place (docs/reference/platform-evidence.md §5): the user record is kept (its creation
 * time, time frames, addresses and the desk phone's SIP password survive); name, e-mail and PIN are
 * replaced (cleared when the new entry has none), devices other than the desk phone are removed, then the
 * new person's settings are written and the welcome e-mail is sent. Phone numbers keep routing here.
 */
async function resetUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  const spec = target.desired!.spec;
  const { client, domain } = ctx;
  const ext = spec.extension;
  const pin = pinOf(target);
  await client.updateUser(
    domain,
    ext,
    withEmailSpelling(
      {
        'name-first-name': spec.first_name,
        'name-last-name': spec.last_name,
        'email-address': spec.email ?? '',
        'voicemail-login-pin': pin ? pin.reveal() : '',
        ...(await userBodyWithAddressId(ctx, userBody(spec, pin))),
      },
      await serverApiVersion(client),
    ),
  );
  const devices = await client.listUserDevices(domain, ext);
  const desk = devices.filter((d) => str(d.device) === phoneDeviceName(ext));
  for (const d of devices) if (!desk.includes(d)) await removeDevice(ctx, ext, d);
  const rewrite = (['phone', 'phones', 'spam', 'allow', 'block', 'answering_rules'] as const).filter(
    (f) => spec[f] !== undefined,
  );
  if (rewrite.length > 0) {
    const live = target.live!;
    const platform: UserPlatform = { ...live.platform, device: desk[0], devices: desk };
    await updateUser(ctx, { ...target, live: { ...live, platform }, changedFields: rewrite });
  }
  if (ctx.sendWelcomeEmail && spec.welcome_email !== false && spec.email) {
    // Owed through the welcome ledger when apply keeps one (issue 13 #3); otherwise sent here.
    if (ctx.requestWelcome) ctx.requestWelcome(ext);
    else await client.sendEmail(domain, ext, { ...profileOf(ctx).welcomeEmail });
  }
}
