import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, Root } from 'protobufjs';

/** The .proto files of this directory, in load order. */
export const PROTO_FILE_NAMES = ['tfplugin6.proto', 'go-plugin.proto', 'health.proto'] as const;

/**
 * Renders embedded.ts from the .proto files in `dir`. The .proto files are the source of truth; embedded.ts
 * holds them as protobufjs's JSON descriptor (what `pbjs -t json` writes), so that compiled dist/ code (tsc
 * does not copy .proto files) loads them without touching the file system, and a provider start builds the
 * types from the descriptor instead of tokenising and parsing the proto text (~50–80 ms of each start's CPU;
 * Terraform starts the provider three times per plan).
 */
export function renderEmbeddedModule(dir: string): string {
  const root = new Root();
  for (const name of PROTO_FILE_NAMES) {
    parse(readFileSync(join(dir, name), 'utf8'), root, { keepCase: true });
  }
  root.resolveAll();
  const json = JSON.stringify(root.toJSON());
  if (json.includes("'") || json.includes('\\'))
    throw new Error('quotes and backslashes are not expected in the proto descriptor');
  return [
    '// GENERATED from the .proto files in this directory by embed.ts; do not edit by hand.',
    '// Regenerate: UPDATE_EMBEDDED_PROTO=1 npx vitest run provider/plugin/proto',
    '',
    '/** protobufjs JSON descriptor of tfplugin6, plugin.* and grpc.health.v1, as JSON text (`Root.fromJSON`). */',
    'export const PROTO_DESCRIPTOR_JSON =',
    `  '${json}';`,
    '',
  ].join('\n');
}
