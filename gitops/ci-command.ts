import { type CiIo, UsageError } from './commands/args';
import { changedDomainsCommand, shardCommand } from './commands/domains';
import { approvalCommand, commentCommand, reviewedPlanCommand, statusCommand } from './commands/github';
import { lintWorkflowsCommand } from './commands/lint';
import { combineCommand, summaryCommand, verifyChecksumCommand } from './commands/plans';
import { driftIssuesCommand, reportApplyCommand } from './commands/reports';

export type { CiIo } from './commands/args';

/**
 * `pbxctl ci <subcommand>`: the logic of the GitOps workflows, in TypeScript so it is tested rather than
 * spread through shell in YAML. Library code: everything goes through `io`, nothing exits. The subcommands
 * live in commands/, grouped by what they deal with.
 */

const USAGE = `Usage: pbxctl ci <subcommand> [options]

  changed-domains --base SHA --head SHA [--root DIR] [--all-on GLOB]... [--shards N] [--shard i/n --stage DIR]
  shard <path> (--count N [--index i] | --shard i/n) [--stage DIR]
  combine-summaries <dir> [--out comment.md] [--json combined.json] [--head-sha SHA] [--shards N]
                    [--expected-jobs N] [--job-result name=result]... [--title T] [--plan-file F] [--markdown-file F]
                    [--approved-checksum HEX --approver LOGIN]
  comment --pr N --body FILE [--marker M] [--author LOGIN]
  status --sha SHA --state pending|success|failure|error --description TEXT [--context C] [--target-url URL]
  reviewed-plan --sha MERGE_SHA [--author LOGIN] [--base-branch main]
  approval --pr N --checksum HEX --head-sha SHA [--pr-author LOGIN]
  verify-checksum --expected HEX (--plan plan.json|combined.json | --actual HEX)
  summary --plan plan.json [--title T]
  report-apply (--results DIR | --audit FILE --exit-code N) [--refused REASON] [--expected-jobs N] [--sha SHA]
               [--audit-out FILE]
  drift-issues (--results DIR [--expected-jobs N] | --plan drift.json [--exit-code N]) [--label L]
  lint-workflows [DIR...] [--allow-secret NAME]...

GitHub access (comment, status, reviewed-plan, approval, report-apply, drift-issues): GITHUB_TOKEN, GITHUB_REPOSITORY
(or --repo owner/name), GITHUB_API_URL (or --api-url; default https://api.github.com).
Step outputs go to $GITHUB_OUTPUT and summaries to $GITHUB_STEP_SUMMARY when those are set.
`;

const COMMANDS: Record<string, (argv: string[], io: CiIo) => Promise<number>> = {
  'changed-domains': changedDomainsCommand,
  shard: shardCommand,
  'combine-summaries': combineCommand,
  comment: commentCommand,
  status: statusCommand,
  'reviewed-plan': reviewedPlanCommand,
  approval: approvalCommand,
  'verify-checksum': verifyChecksumCommand,
  summary: summaryCommand,
  'report-apply': reportApplyCommand,
  'drift-issues': driftIssuesCommand,
  'lint-workflows': lintWorkflowsCommand,
};

/** Remove any secret value from a message before it is printed (defence in depth). */
function scrub(message: string, env: NodeJS.ProcessEnv): string {
  let text = message;
  for (const name of ['GITHUB_TOKEN', 'GH_TOKEN', 'NS_API_KEY']) {
    const secret = env[name];
    if (secret && secret.length >= 4) text = text.split(secret).join('***');
  }
  return text;
}

export async function runCiCommand(argv: string[], io: CiIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`unknown ci subcommand "${name}"\n\n${USAGE}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`pbxctl ci ${name}: ${scrub(message, io.env)}\n`);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`\n${USAGE}`);
    }
    return 1;
  }
}
