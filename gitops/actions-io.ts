import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * GitHub Actions file commands: step outputs ($GITHUB_OUTPUT) and the job summary ($GITHUB_STEP_SUMMARY).
 * Outside Actions (the variables unset) the writes are skipped, so the helpers also run on a laptop.
 */

/** Render outputs in the `name<<DELIMITER` form, which is safe for multi-line values. */
export function formatOutputs(outputs: Readonly<Record<string, string | number | boolean>>): string {
  let text = '';
  for (const [name, raw] of Object.entries(outputs)) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new Error(`invalid step output name "${name}"`);
    const value = String(raw);
    let delimiter = `pbxctl_${randomUUID()}`;
    while (value.includes(delimiter)) delimiter = `pbxctl_${randomUUID()}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  return text;
}

/** Parse what formatOutputs (or `name=value` lines) wrote; used by tests and by combine-summaries. */
export function parseOutputs(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]);
      result[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      result[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return result;
}

export function writeOutputs(
  env: NodeJS.ProcessEnv,
  outputs: Readonly<Record<string, string | number | boolean>>,
): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  appendFileSync(file, formatOutputs(outputs), 'utf8');
}

export function appendSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}

/** The URL of the current workflow run, for commit-status and issue links (undefined outside Actions). */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
