import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GitHubClient } from '../github-client';

/** Argument parsing and I/O shared by the `pbxctl ci` subcommands. Library code: nothing prints or exits. */

export interface CiIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** The login of the workflow token; only its comments count as "the plan comment". */
export const DEFAULT_AUTHOR = 'github-actions[bot]';

export class UsageError extends Error {}

const COMMON = {
  repo: { type: 'string' },
  'api-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export type Options = NonNullable<ParseArgsConfig['options']>;

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function parse(argv: string[], options: Options): { values: Values; positionals: string[] } {
  const parsed = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

export function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function integer(value: unknown, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`--${name} must be an integer >= ${min}`);
  return number;
}

export function client(values: Record<string, unknown>, io: CiIo): GitHubClient {
  return GitHubClient.fromEnv(io.env, {
    repository: values.repo as string | undefined,
    baseUrl: values['api-url'] as string | undefined,
  });
}

export function writeFile(io: CiIo, file: string, text: string): string {
  const path = resolve(io.cwd, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, 'utf8');
  return path;
}

export function authorOf(values: Record<string, unknown>, io: CiIo): string | undefined {
  const author = (values.author as string | undefined) ?? io.env.PBXCTL_COMMENT_AUTHOR ?? DEFAULT_AUTHOR;
  return author === '' ? undefined : author;
}
