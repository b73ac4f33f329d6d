import { it } from 'vitest';
import { join } from 'node:path';
import { startEmulator } from '../emulator';
import { loadDesiredState } from '../reconciler/desired/load-desired-state';
import { envSecretResolver } from '../reconciler/kinds/secret';
import { runPlan } from '../reconciler/pipeline';
import { NetSapiensClient } from '../reconciler/platform/client';
import { renderJson, renderText } from '../reconciler/plan/render';
it('x', async () => {
  const dir = join(__dirname, '../scenarios/redact-pii');
  const emu = await startEmulator({ seed: join(dir, 'live.json') });
  const client = new NetSapiensClient({ baseUrl: emu.url, apiKey: 'nsd_emulator_default_key_0000000000000000000000000000000000000' });
  const state = loadDesiredState(join(dir, 'desired.yaml'), { cwd: dir, secrets: envSecretResolver({}) });
  const run = await runPlan(state, client, { allowDeletes: true });
  const j = renderJson(run.document, { redactPii: true });
  for (const w of ['plumbing', 'ada', 'king', 'turing', '12125550', '1800555']) {
    const lines = j.split('\n').filter((l) => l.includes(w));
    console.log(w, lines.slice(0, 6));
  }
  await client.close(); await emu.close();
});
