/** What the CLI talks to: everything user-visible goes through `io`, so the whole CLI runs in-process in tests. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly stdinIsTty?: boolean;
  readonly stderrIsTty?: boolean;
  readonly stdoutIsTty?: boolean;
  /** The clock, for change windows (tests inject this). */
  readonly now?: () => Date;
  /** Answers an interactive question (tests inject this). */
  readonly ask?: (question: string) => Promise<string>;
  /** Aborted on SIGINT/SIGTERM (main.ts binds it); apply stops after the change in flight. */
  readonly signal?: AbortSignal;
  /**
   * The commit the working directory is at, for the audit record (main.ts runs `git rev-parse HEAD`).
   * Injected so that in-process callers (unit tests, library users) never spawn a process; absent = no commit.
   */
  readonly gitCommit?: (cwd: string) => string | undefined;
}

export type Flags = Record<string, string | boolean | string[] | undefined>;

/** The runner a command uses to run other commands (demo); passed in, so commands never import the dispatcher. */
export type RunCli = (argv: readonly string[], io: CliIo) => Promise<number>;
