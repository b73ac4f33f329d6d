/**
 * A CDKTF app for the small office: the SAME desired-state YAML pbxctl plans (examples/small-office),
 * emitted as netsapiens resources through the generated bindings and applied by Terraform with the same
 * provider as examples/terraform.
 *
 *   npx tsc -p examples/cdktf/tsconfig.json && node examples/cdktf/.build/examples/cdktf/main.js
 *   cd examples/cdktf/cdktf.out/stacks/small-office && terraform init && terraform apply
 *
 * PINs: `pin: { env: VM_PIN_1000 }` becomes the sensitive variable VM_PIN_1000 → TF_VAR_VM_PIN_1000=… at apply.
 * The API: NS_API_URL / NS_API_KEY (or the provider's api_url / api_key).
 */
import { resolve } from 'node:path';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { NetsapiensProvider } from '../../provider/bindings/provider';
import { DomainDirectory } from '../../provider/cdktf/domain-directory';

class SmallOfficeStack extends TerraformStack {
  constructor(scope: Construct, id: string, desiredState: string) {
    super(scope, id);
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
