/**
 * Generates the CDKTF TypeScript bindings of the netsapiens provider into provider/bindings/ (committed),
 * offline, from provider/schema/netsapiens.schema.json (scripts/gen-provider-schema.ts).
 *
 * It runs `@cdktf/provider-generator@0.21.0` as a library, not `cdktf get` (docs/reference/terraform-plugin-protocol.md §4):
 *  - the package entry point does not load (it resolves jsii-pacmak at load time, which is not a
 *    dependency), so the generator module is deep-imported;
 *  - `@cdktf/commons` runs `terraform version -json` on import and would then call checkpoint-api:
 *    CHECKPOINT_DISABLE=1 stops that. Nothing is downloaded.
 * CDKTF is archived upstream (0.21.0 is the last release): this file is the one place that knows the
 * generator, so it can be swapped for an in-house emitter later.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const BINDINGS_DIR = join('provider', 'bindings');
export const SCHEMA_JSON = join('provider', 'schema', 'netsapiens.schema.json');
/** Files in provider/bindings/ that are ours, not generated. */
export const HAND_WRITTEN = new Set(['tsconfig.json']);

export const PROVIDER_CONSTRAINT = { name: 'netsapiens', source: 'pbxctl/netsapiens', version: '~> 0.1' } as const;

/** Generates the bindings for `schemaJson` into `outDir` (the files of `providers/netsapiens/`). */
export async function generateBindings(schemaJson: unknown, outDir: string): Promise<void> {
  process.env.CHECKPOINT_DISABLE = '1';
  // A TF_CLI_CONFIG_FILE that does not exist only makes the `terraform version` probe print a warning.
  if (process.env.TF_CLI_CONFIG_FILE && !existsSync(process.env.TF_CLI_CONFIG_FILE))
    delete process.env.TF_CLI_CONFIG_FILE;
  // Loaded here, after the environment is set (the commons module acts on import).
  const { TerraformProviderGenerator } =
    require('@cdktf/provider-generator/lib/get/generator/provider-generator') as typeof import('@cdktf/provider-generator/lib/get/generator/provider-generator');
  const { CodeMaker } = require('codemaker') as typeof import('codemaker');
  const { ConstructsMakerProviderTarget, LANGUAGES, TerraformProviderConstraint } =
    require('@cdktf/commons') as typeof import('@cdktf/commons');
  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, schemaJson as never);
  const language = LANGUAGES.find((l) => String(l) === 'typescript') ?? LANGUAGES[0]!;
  generator.generate(
    new ConstructsMakerProviderTarget(new TerraformProviderConstraint({ ...PROVIDER_CONSTRAINT }), language),
  );
  const tmp = mkdtempSync(join(tmpdir(), 'pbxctl-bindings-'));
  try {
    await code.save(tmp);
    const generated = join(tmp, 'providers', PROVIDER_CONSTRAINT.name);
    mkdirSync(outDir, { recursive: true });
    for (const entry of readdirSync(outDir)) {
      if (!HAND_WRITTEN.has(entry)) rmSync(join(outDir, entry), { recursive: true, force: true });
    }
    addOverrideModifiers(generated);
    cpSync(generated, outDir, { recursive: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The generator predates `noImplicitOverride`, which pbxctl's tsconfig turns on: add the `override`
 * modifiers exactly where the TypeScript compiler asks for them (TS4114/TS4115/TS4116), so the bindings
 * compile under the project's own settings.
 */
function addOverrideModifiers(dir: string): void {
  const ts = require('typescript') as typeof import('typescript');
  const files = generatedFiles(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noImplicitOverride: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    // Resolve cdktf/constructs from this repository (the temp dir has no node_modules).
    baseUrl: dir,
    paths: { '*': [join(dirname(require.resolve('cdktf/package.json')), '..', '*')] },
  });
  const edits = new Map<string, number[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (![4114, 4115, 4116].includes(d.code) || !d.file || d.start === undefined) continue;
    const at = insertionPoint(ts, d.file, d.start);
    edits.set(d.file.fileName, [...(edits.get(d.file.fileName) ?? []), at]);
  }
  for (const [file, points] of edits) {
    let text = readFileSync(file, 'utf8');
    for (const p of [...new Set(points)].sort((a, b) => b - a)) text = `${text.slice(0, p)}override ${text.slice(p)}`;
    writeFileSync(file, text);
  }
}

/** Where `override` goes for the member or parameter property at `pos`: after its accessibility modifier. */
function insertionPoint(ts: typeof import('typescript'), file: import('typescript').SourceFile, pos: number): number {
  let found: import('typescript').Node | undefined;
  const visit = (n: import('typescript').Node): void => {
    if (pos < n.getStart(file) || pos >= n.getEnd()) return;
    if (ts.isClassElement(n) || ts.isParameter(n)) found = n;
    ts.forEachChild(n, visit);
  };
  visit(file);
  if (!found) return pos;
  const mods = ts.canHaveModifiers(found) ? (ts.getModifiers(found) ?? []) : [];
  const access = mods.find((m) =>
    [ts.SyntaxKind.PublicKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.PrivateKeyword].includes(m.kind),
  );
  return access ? access.getEnd() + 1 : found.getStart(file);
}

/** Relative paths of the generated files under a bindings directory (sorted). */
export function generatedFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? join(prefix, e.name) : e.name;
    if (!prefix && HAND_WRITTEN.has(e.name)) continue;
    if (e.isDirectory()) out.push(...generatedFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

if (require.main === module) {
  const root = process.argv[2] ?? process.cwd();
  const schema = JSON.parse(readFileSync(join(root, SCHEMA_JSON), 'utf8')) as unknown;
  generateBindings(schema, join(root, BINDINGS_DIR)).then(
    () => process.stdout.write(`wrote ${join(root, BINDINGS_DIR)}\n`),
    (err: unknown) => {
      process.stderr.write(`gen-bindings: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
