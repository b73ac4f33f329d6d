/**
 * Golden plans (docs/design.md §6.7): every `scenarios/<case>/` holds desired.yaml, live.json (emulator seed),
 * plan.txt and plan.md, and optionally options.json ({ allowDeletes, allowRecycle, redactPii }).
 * Each case runs the real pipeline over HTTP against an emulator seeded with live.json.
 * `UPDATE_GOLDEN=1 npx vitest run test/scenarios.test.ts` rewrites the golden files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, readSeedFile, startEmulator } from '../../emulator';
import { loadDesiredState } from '../desired/load-desired-state';
import { envSecretResolver } from '../kinds/secret';
import { runPlan } from '../pipeline';
import { NetSapiensClient } from '../platform/client';
import { renderJson, renderMarkdown, renderText } from './render';

const ROOT = resolve(__dirname, '../../scenarios');
const KEY = 'nsd_scenarios_key_0000000000000000000000000000000000000000000';
/** The secrets the scenarios reference; none of them may ever appear in a rendered plan. */
const ENV = { VM_PIN_1001: '739182', VM_PIN_1002: '840263', VM_PIN_1003: '951374' };
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface CaseOptions {
  readonly allowDeletes?: boolean;
  readonly allowRecycle?: boolean;
  readonly redactPii?: boolean;
  /** Strings (names, e-mails, numbers) that no rendering of this case may contain. */
  readonly mustNotShow?: readonly string[];
}

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(ROOT, e.name, 'desired.yaml')))
  .map((e) => e.name)
  .sort();

function livePins(seedFile: string): string[] {
  const seed = readSeedFile(seedFile);
  return Object.values(seed.domains ?? {}).flatMap((d) =>
    (d.users ?? []).map((u) => String(u['voicemail-login-pin'] ?? '')).filter((p) => p !== ''),
  );
}

async function planCase(name: string, emu: RunningEmulator) {
  const dir = join(ROOT, name);
  const optionsFile = join(dir, 'options.json');
  const options: CaseOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
  const state = loadDesiredState(join(dir, 'desired.yaml'), { cwd: dir, secrets: envSecretResolver(ENV) });
  const client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
  try {
    const run = await runPlan(state, client, {
      allowDeletes: options.allowDeletes,
      allowRecycle: options.allowRecycle,
    });
    const opts = { redactPii: options.redactPii === true };
    return {
      run,
      options,
      text: renderText(run.document, opts),
      markdown: renderMarkdown(run.document, opts),
      json: renderJson(run.document, opts),
    };
  } finally {
    await client.close();
  }
}

function golden(file: string, actual: string): void {
  if (UPDATE || !existsSync(file)) {
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

it('has the required scenarios', () => {
  for (const c of [
    'no-changes',
    'create-users',
    'update-fields',
    'delete-with-voicemail-and-did',
    'recycle',
    'blocked-max-deletes',
    'protected-extension',
    'unmanaged',
    'secrets-masked',
  ]) {
    expect(cases).toContain(c);
  }
});

describe.each(cases)('scenario %s', (name) => {
  const dir = join(ROOT, name);
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ seed: join(dir, 'live.json'), apiKeys: [KEY] });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('renders the golden text and Markdown plans, deterministically, without secrets', async () => {
    const first = await planCase(name, emu);
    golden(join(dir, 'plan.txt'), first.text);
    golden(join(dir, 'plan.md'), first.markdown);

    // Same inputs → the same plan and checksum (nothing from the clock or the network leaks in).
    const second = await planCase(name, emu);
    expect(second.run.document.checksum).toBe(first.run.document.checksum);
    expect(second.markdown).toBe(first.markdown);

    // Planning never writes.
    expect(emu.requests.list().filter((r) => r.method !== 'GET')).toEqual([]);

    const secrets = [
      ...Object.values(ENV),
      ...livePins(join(dir, 'live.json')),
      KEY,
      ...(first.options.mustNotShow ?? []),
    ];
    for (const out of [first.text, first.markdown, first.json]) {
      for (const s of secrets) expect(out).not.toContain(s);
    }
  });
});
