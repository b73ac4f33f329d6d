/** Writes provider/plugin/proto/embedded.ts from the .proto files beside it (provider/plugin/proto/embed.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEmbeddedModule } from '../provider/plugin/proto/embed';

export const EMBEDDED_PROTO_DIR = join('provider', 'plugin', 'proto');

if (require.main === module) {
  const root = process.argv[2] ?? process.cwd();
  const dir = join(root, EMBEDDED_PROTO_DIR);
  writeFileSync(join(dir, 'embedded.ts'), renderEmbeddedModule(dir));
  process.stdout.write(`wrote ${join(dir, 'embedded.ts')}\n`);
}
