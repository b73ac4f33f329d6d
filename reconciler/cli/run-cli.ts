/**
 * The command dispatcher: parses the arguments, runs one verb from `commands/` and maps typed errors to
 * exit codes. Everything user-visible goes through `io`; `main.ts` only binds it to the real process.
 */
import { parseArgs } from 'node:util';
import { EXIT } from './exit-codes';
import { commandHelp, HELP } from './help';
import type { CliIo, Flags } from './io';
import { reportError } from './report-error';

export type { CliIo } from './io';
export { reportError } from './report-error';

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  out: { type: 'string' },
  'detailed-exitcode': { type: 'boolean' },
  'allow-deletes': { type: 'boolean' },
  'allow-recycle': { type: 'boolean' },
  'redact-pii': { type: 'boolean' },
  shard: { type: 'string' },
  'auto-approve': { type: 'boolean' },
  'audit-log': { type: 'string' },
  'no-welcome-email': { type: 'boolean' },
  'no-verify': { type: 'boolean' },
  'ignore-change-window': { type: 'boolean' },
  domain: { type: 'string' },
  port: { type: 'string' },
  state: { type: 'string' },
  seed: { type: 'string' },
  platform: { type: 'string' },
  record: { type: 'string' },
  'api-version': { type: 'string' },
  progress: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  concurrency: { type: 'string' },
  at: { type: 'string' },
  'time-zone': { type: 'string' },
  from: { type: 'string' },
  spam: { type: 'boolean' },
} as const;

type Verb = (positionals: readonly string[], flags: Flags, io: CliIo) => number | Promise<number>;

/**
 * Each verb's module, loaded when that verb runs: loading all of them cost about 100 ms of CPU more than
 * the one a run needs (issue 15: every CLI run pays its start-up).
 */
const VERBS: Readonly<Record<string, () => Promise<Verb>>> = {
  validate: async () => (await import('./commands/validate')).validateCommand,
  plan: async () => (await import('./commands/plan')).planCommand,
  drift: async () => (await import('./commands/drift')).driftCommand,
  apply: async () => (await import('./commands/apply')).applyCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  welcome: async () => (await import('./commands/welcome')).welcomeCommand,
  emulator: async () => (await import('./commands/emulator')).emulatorCommand,
  trace: async () => (await import('./commands/trace')).traceCommand,
  doctor: async () => (await import('./commands/doctor')).doctorCommand,
  demo: async () => {
    const [{ demoCommand }, { rejectExtra }] = await Promise.all([
      import('./commands/demo'),
      import('./command-support'),
    ]);
    return (positionals, _flags, io) => {
      rejectExtra(positionals, 0, 'demo');
      return demoCommand(io, runCli);
    };
  },
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command ? EXIT.ok : EXIT.error;
  }
  if (command === '--version' || command === 'version') {
    io.stdout(`pbxctl ${(await import('./command-support')).readVersion()}\n`);
    return EXIT.ok;
  }
  if (command === 'ci') return (await import('./commands/ci')).ciCommand(rest, io);
  if (command === 'init') return (await import('./commands/init')).runInitCommand(rest, io);
  const loadVerb = Object.hasOwn(VERBS, command) ? VERBS[command] : undefined;
  if (!loadVerb) {
    io.stderr(`pbxctl: unknown command "${command}"\n\n${HELP}`);
    return EXIT.error;
  }
  let flags: Flags;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: [...rest], options: COMMON, allowPositionals: true, strict: true });
    flags = parsed.values as Flags;
    positionals = parsed.positionals;
  } catch (err) {
    io.stderr(
      `pbxctl ${command}: ${(err as Error).message.split('\n')[0]}\nRun \`pbxctl ${command} --help\` for usage.\n`,
    );
    return EXIT.error;
  }
  if (flags.help) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  try {
    return await (await loadVerb())(positionals, flags, io);
  } catch (err) {
    return reportError(err, io);
  }
}
