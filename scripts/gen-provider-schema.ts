/**
 * Writes provider/schema/netsapiens.schema.json: the `terraform providers schema -json` document of the
 * netsapiens provider, emitted from the TypeScript resource definitions without Terraform. The CDKTF
 * bindings are generated from it (scripts/gen-bindings.ts); a test fails when it is stale, and another
 * checks that real Terraform reports the same document.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { providerSchemaDocument } from '../provider/framework/schema-document';
import { providerOptions } from '../provider/resources';

export const PROVIDER_SCHEMA_PATH = join('provider', 'schema', 'netsapiens.schema.json');

export function providerSchemaText(): string {
  return `${JSON.stringify(providerSchemaDocument(providerOptions), null, 2)}\n`;
}

if (require.main === module) {
  const root = process.argv[2] ?? process.cwd();
  const out = join(root, PROVIDER_SCHEMA_PATH);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, providerSchemaText());
  process.stdout.write(`wrote ${out}\n`);
}
