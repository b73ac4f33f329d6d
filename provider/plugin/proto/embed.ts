import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The .proto files of this directory, in load order. */
export const PROTO_FILE_NAMES = ['tfplugin6.proto', 'go-plugin.proto', 'health.proto'] as const;

/**
 * Renders embedded.ts from the .proto files in `dir`. The .proto files are the
 * source of truth; embedded.ts exists so that compiled dist/ code (tsc does not
 * copy .proto files) loads them without touching the file system.
 */
export function renderEmbeddedModule(dir: string): string {
  const lines = [
    '// GENERATED from the .proto files in this directory by embed.ts; do not edit by hand.',
    '// Regenerate: UPDATE_EMBEDDED_PROTO=1 npx vitest run provider/plugin/proto',
    '',
    'export const PROTO_FILES: Readonly<Record<string, string>> = {',
  ];
  for (const name of PROTO_FILE_NAMES) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (text.includes('`') || text.includes('${') || text.includes('\\')) {
      throw new Error(`${name}: backticks, \${ and backslashes are not allowed in embedded proto text`);
    }
    lines.push(`  '${name}': \`${text}\`,`);
  }
  lines.push('};', '');
  return lines.join('\n');
}
