/**
 * A CDKTF app for the small office: the SAME desired-state YAML pbxctl plans (examples/small-office),
 * emitted as netsapiens resources through the generated bindings and applied by Terraform with the same
 * provider as examples/terraform.
 *
 *   npx tsc -p examples/cdktf/tsconfig.json && node examples/cdktf/.build/examples/cdktf/main.js
 *   cd examples/cdktf/cdktf.out/stacks/small-office && terraform init && terraform apply
 *
 * PINs: `pin: { env: VM_PIN_1000 }` becomes the sensitive, ephemeral variable VM_PIN_1000 → TF_VAR_VM_PIN_1000=…
 * at plan/apply; it feeds the write-only `voicemail.pin`, so it is in no state or plan file.
 * State: outside the source tree, in $PBXCTL_CDKTF_STATE_DIR (default ~/.local/state/pbxctl/cdktf).
 * The API: NS_API_URL / NS_API_KEY (or the provider's api_url / api_key).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { NetsapiensProvider } from '../../provider/bindings/provider';
import { DomainDirectory } from '../../provider/cdktf/domain-directory';

class SmallOfficeStack extends TerraformStack {
  constructor(scope: Construct, id: string, desiredState: string) {
    super(scope, id);
    // State lives outside the source tree (PBXCTL_CDKTF_STATE_DIR, default ~/.local/state/pbxctl/cdktf):
    // never next to the code, never committed (and .gitignore covers *.tfstate here as a second line).
    const stateDir = process.env.PBXCTL_CDKTF_STATE_DIR ?? join(homedir(), '.local', 'state', 'pbxctl', 'cdktf');
    new LocalBackend(this, { path: join(resolve(stateDir), `${id}.tfstate`) });
    new NetsapiensProvider(this, 'netsapiens', {});
    const office = new DomainDirectory(this, 'acme', { path: desiredState });
    new TerraformOutput(this, 'users', { value: [...(office.resources.get('user')?.keys() ?? [])] });
  }
}

// Run from examples/cdktf (as cdktf.json's "app" is): output in ./cdktf.out, YAML in ../small-office.
const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out' });
new SmallOfficeStack(
  app,
  'small-office',
  process.env.PBXCTL_DESIRED_STATE ?? resolve(process.cwd(), '..', 'small-office'),
);
app.synth();
