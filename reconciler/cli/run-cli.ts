/**
 * The command dispatcher: parses the arguments, runs one verb from `commands/` and maps typed errors to
 * exit codes. Everything user-visible goes through `io`; `main.ts` only binds it to the real process.
 */
import { parseArgs } from 'node:util';
import { applyCommand } from './commands/apply';
import { ciCommand } from './commands/ci';
import { demoCommand } from './commands/demo';
import { driftCommand } from './commands/drift';
import { doctorCommand } from './commands/doctor';
import { emulatorCommand } from './commands/emulator';
import { exportCommand } from './commands/export';
import { runInitCommand } from './commands/init';
import { planCommand } from './commands/plan';
import { traceCommand } from './commands/trace';
import { validateCommand } from './commands/validate';
import { welcomeCommand } from './commands/welcome';
import { EXIT } from './exit-codes';
import { commandHelp, HELP } from './help';
import type { CliIo, Flags } from './io';
import { reportError } from './report-error';
import { readVersion, rejectExtra } from './command-support';

export type { CliIo } from './io';
export { reportError } from './report-error';
export { clientFromEnv } from './command-support';

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

const VERBS: Record<string, Verb> = {
  validate: validateCommand,
  plan: planCommand,
  drift: driftCommand,
  apply: applyCommand,
  export: exportCommand,
  welcome: welcomeCommand,
  emulator: emulatorCommand,
  trace: traceCommand,
  doctor: doctorCommand,
  demo: (positionals, _flags, io) => {
    rejectExtra(positionals, 0, 'demo');
    return demoCommand(io, runCli);
  },
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command ? EXIT.ok : EXIT.error;
  }
  if (command === '--version' || command === 'version') {
    io.stdout(`pbxctl ${readVersion()}\n`);
    return EXIT.ok;
  }
  if (command === 'ci') return ciCommand(rest, io);
  if (command === 'init') return runInitCommand(rest, io);
  const verb = VERBS[command];
  if (!verb) {
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
    return await verb(positionals, flags, io);
  } catch (err) {
    return reportError(err, io);
  }
}
