import { spawn } from 'node:child_process';

/**
 * Starts a provider executable with `env` and resolves its first stdout line (the go-plugin handshake) and the
 * milliseconds from spawn to it; the process is then killed with `signal`. Rejects when the process exits first.
 */
export function firstHandshakeLine(
  file: string,
  env: NodeJS.ProcessEnv,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<{ line: string; ms: number }> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(file, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d;
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (!out.includes('\n')) return;
      const ms = performance.now() - t0;
      child.kill(signal);
      done({ line: out.split('\n')[0] as string, ms });
    });
    child.on('exit', (code) => {
      if (!out.includes('\n')) fail(new Error(`${file} exited (${code}) before its handshake: ${err.slice(0, 600)}`));
    });
  });
}
