/**
 * The provider's `platform` block (issue 12): the platform profile with the keys of YAML's `platform:`
 * section, validated with errors that name the attribute, and used by every read and write — in-process
 * against the strict emulator: `spam = "drop"` is written as the profile's value and read back as "drop",
 * and a created user's welcome e-mail uses the profile's template and subject.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../emulator';
import type { CtyObject } from '../cty';
import { NETSAPIENS_PROVIDER_SCHEMA, resolveProviderConfig } from '../framework';
import { validateConfig } from '../framework/plan';
import { configureNetsapiens, type NetsapiensContext } from './context';
import { resources } from './index';

const D = 'tf.example.com';
let emu: RunningEmulator;
const contexts: NetsapiensContext[] = [];
beforeAll(async () => {
  emu = await startEmulator({ seed: { domains: { [D]: {} } } });
});
afterAll(async () => {
  for (const c of contexts) await c.client.close();
  await emu?.close();
});

const block = (platform: CtyObject | null): CtyObject => ({
  api_url: null,
  api_key: null,
  protect: null,
  platform,
});

function context(platform: CtyObject | null): NetsapiensContext {
  const config = resolveProviderConfig(block(platform), { NS_API_URL: emu.url, NS_API_KEY: DEFAULT_API_KEY }, '1.11.4');
  const ctx = configureNetsapiens(config);
  contexts.push(ctx);
  return ctx;
}

describe('provider block `platform`', () => {
  it('parses the set keys (null and unknown left out) into the profile; absent = the defaults', () => {
    const ctx = context({
      ring_group_service_code: 'system-hunt',
      ring_group_scope: null,
      spam_drop: '<Reject>',
      spam_screen: null,
      welcome_email: { template: 'acme_welcome.php', subject: null },
    });
    expect(ctx.platform).toMatchObject({
      ringGroupServiceCode: 'system-hunt',
      ringGroupScope: 'No Portal',
      spamDrop: '<Reject>',
      welcomeEmail: { template: 'acme_welcome.php', subject: 'New Account Setup' },
    });
    expect(ctx.platform.spamScreen).toBeUndefined();
    expect(context(null).platform.spamDrop).toBeUndefined();
  });

  it('validation names the attribute and says what is wrong', () => {
    const diags = validateConfig(
      NETSAPIENS_PROVIDER_SCHEMA,
      block({
        ring_group_service_code: 'hunt',
        ring_group_scope: null,
        spam_drop: '',
        spam_screen: null,
        welcome_email: null,
      }),
    );
    const said = diags.map((d) => `${JSON.stringify(d.path)} ${d.summary} ${d.detail ?? ''}`);
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ring_group_service_code.*"hunt" must start with "system-"/),
        expect.stringMatching(/spam_drop.*length 0 is outside 1\.\.255/),
      ]),
    );
  });
});

describe('netsapiens_user through the profile (in-process, strict emulator)', () => {
  const user = resources.find((r) => r.typeName === 'netsapiens_user');
  function planned(extension: string, spam: string): CtyObject {
    const model: CtyObject = Object.fromEntries(Object.keys(user?.schema.attributes ?? {}).map((k) => [k, null]));
    return {
      ...model,
      domain: D,
      extension,
      first_name: 'Tess',
      last_name: 'Form',
      email: `t${extension}@tf.example.com`,
      spam,
      welcome_email: true,
    };
  }

  it('spam = "drop" is stored as the profile value and read back as "drop"; the welcome uses its template', async () => {
    const ctx = context({
      ring_group_service_code: null,
      ring_group_scope: null,
      spam_drop: '<Reject>',
      spam_screen: null,
      welcome_email: { template: 'acme_welcome.php', subject: 'Welcome to Acme' },
    });
    const p = planned('1001', 'drop');
    const signal = new AbortController().signal;
    const state = await user!.create({ client: ctx, signal, planned: p, config: p });
    expect(state.spam).toBe('drop');
    const d = emu.state().domains[D]!;
    const rule = d.answerrules.find((r) => r.user === '1001' && r['time-frame'] === '*');
    expect(rule?.['forward-on-spam-call']).toMatchObject({ enabled: 'yes', parameters: ['<Reject>'] });
    expect(d.emails_sent.map((e) => [e.user, e.template, e.subject])).toEqual([
      ['1001', 'acme_welcome.php', 'Welcome to Acme'],
    ]);
  });

  it('without a profile value, terraform plan refuses spam = "drop" at the attribute, naming the setting', async () => {
    const p = planned('1003', 'drop');
    const args = { signal: new AbortController().signal, prior: null, planned: p, config: p, requiresReplace: false };
    const diags = await user!.checkPlan!({ ...args, client: context(null) });
    expect(diags).toEqual([
      expect.objectContaining({
        severity: 'error',
        summary: 'spam = "drop" needs platform.spam_drop',
        path: [{ attribute: 'spam' }],
      }),
    ]);
    expect(diags[0]?.detail).toContain('platform { spam_drop = "…" }');
    const withProfile = context({
      ring_group_service_code: null,
      ring_group_scope: null,
      spam_drop: '<Reject>',
      spam_screen: null,
      welcome_email: null,
    });
    expect(await user!.checkPlan!({ ...args, client: withProfile })).toEqual([]);
  });

  it('without a profile value, spam = "drop" is refused naming the setting, before the answer rule is written', async () => {
    const ctx = context(null);
    const p = planned('1002', 'drop');
    const err = await user!
      .create({ client: ctx, signal: new AbortController().signal, planned: p, config: p })
      .catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/spam: drop needs platform\.spam_drop/);
    const rule = emu.state().domains[D]!.answerrules.find((r) => r.user === '1002' && r['time-frame'] === '*');
    expect((rule?.['forward-on-spam-call'] as { enabled?: string } | undefined)?.enabled ?? 'no').toBe('no');
  });
});
