/** Writes schemas/desired-state.schema.json from the kind registry (a test checks it is fresh). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDesiredStateSchema } from '../reconciler';

export function schemaText(): string {
  return `${JSON.stringify(buildDesiredStateSchema(), null, 2)}\n`;
}

if (require.main === module) {
  const root = process.argv[2] ?? process.cwd();
  writeFileSync(join(root, 'schemas', 'desired-state.schema.json'), schemaText());
}
