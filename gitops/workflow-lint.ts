import Ajv from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/**
 * Rule and schema checks for GitHub Actions workflow files (and composite `action.yml` files), in addition to
 * actionlint. These encode this project's policy, which actionlint does not check:
 *  - every job declares `permissions` (least privilege), never `write-all` / `read-all`;
 *  - every `uses:` is pinned to a full 40-hex commit SHA with a `# vX` comment (or is local / a digest);
 *  - no `${{ secrets.* }}` inside a `run:` script (pass secrets through `env:` instead);
 *  - only allowed secrets are referenced;
 *  - every job has `timeout-minutes`; checkout does not persist the token.
 * The schema is a structural subset of the workflow syntax: unknown keys are errors, so a typo such as
 * `permission:` or `runs_on:` cannot silently drop a setting.
 */

export interface LintFinding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

const PERMISSION_LEVEL = { enum: ['read', 'write', 'none'] };
const PERMISSIONS = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    [
      'actions',
      'attestations',
      'checks',
      'contents',
      'deployments',
      'discussions',
      'id-token',
      'issues',
      'packages',
      'pages',
      'pull-requests',
      'repository-projects',
      'security-events',
      'statuses',
    ].map((scope) => [scope, PERMISSION_LEVEL]),
  ),
};
const STRING_MAP = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } };
const STEP = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
    name: { type: 'string' },
    if: { type: ['string', 'boolean'] },
    uses: { type: 'string' },
    run: { type: 'string' },
    shell: { type: 'string' },
    with: STRING_MAP,
    env: STRING_MAP,
    'continue-on-error': { type: ['boolean', 'string'] },
    'timeout-minutes': { type: ['number', 'string'] },
    'working-directory': { type: 'string' },
  },
  oneOf: [{ required: ['uses'] }, { required: ['run'] }],
};
const CONCURRENCY = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['group'],
      properties: { group: { type: 'string' }, 'cancel-in-progress': { type: ['boolean', 'string'] } },
    },
  ],
};

export const WORKFLOW_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['on', 'jobs'],
  properties: {
    name: { type: 'string' },
    'run-name': { type: 'string' },
    on: { type: ['object', 'string', 'array'] },
    permissions: PERMISSIONS,
    env: STRING_MAP,
    defaults: { type: 'object' },
    concurrency: CONCURRENCY,
    jobs: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['permissions'],
        properties: {
          name: { type: 'string' },
          needs: { type: ['string', 'array'], items: { type: 'string' } },
          'runs-on': { type: ['string', 'array', 'object'] },
          permissions: PERMISSIONS,
          environment: {
            oneOf: [
              { type: 'string' },
              {
                type: 'object',
                additionalProperties: false,
                required: ['name'],
                properties: { name: { type: 'string' }, url: { type: 'string' } },
              },
            ],
          },
          concurrency: CONCURRENCY,
          outputs: STRING_MAP,
          env: STRING_MAP,
          defaults: { type: 'object' },
          if: { type: ['string', 'boolean'] },
          steps: { type: 'array', minItems: 1, items: STEP },
          'timeout-minutes': { type: ['number', 'string'] },
          strategy: {
            type: 'object',
            additionalProperties: false,
            properties: {
              matrix: { type: ['object', 'string'] },
              'fail-fast': { type: ['boolean', 'string'] },
              'max-parallel': { type: ['number', 'string'] },
            },
          },
          'continue-on-error': { type: ['boolean', 'string'] },
          container: { type: ['string', 'object'] },
          services: { type: 'object' },
          uses: { type: 'string' },
          with: STRING_MAP,
          secrets: { type: ['object', 'string'] },
        },
      },
    },
  },
} as const;

export const ACTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'runs'],
  properties: {
    name: { type: 'string' },
    description: { type: 'string' },
    author: { type: 'string' },
    branding: { type: 'object' },
    inputs: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          description: { type: 'string' },
          required: { type: 'boolean' },
          default: { type: ['string', 'number', 'boolean'] },
          deprecationMessage: { type: 'string' },
        },
      },
    },
    outputs: { type: 'object' },
    runs: {
      type: 'object',
      required: ['using', 'steps'],
      additionalProperties: false,
      properties: {
        using: { const: 'composite' },
        steps: { type: 'array', minItems: 1, items: { ...STEP, properties: { ...STEP.properties } } },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
const validateWorkflow = ajv.compile(WORKFLOW_SCHEMA);
const validateAction = ajv.compile(ACTION_SCHEMA);

export interface LintOptions {
  /** Secrets that may be referenced; anything else is a finding. */
  readonly allowedSecrets?: readonly string[];
  /** Treat the file as a composite action (`action.yml`) instead of a workflow. */
  readonly kind?: 'workflow' | 'action';
}

const SHA_PIN = /^[^@\s]+@[0-9a-f]{40}$/;

function lineOf(node: Node | null | undefined, counter: LineCounter): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : counter.linePos(offset).line;
}

function pathNode(root: Node | null, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true);
    else if (isSeq(node)) node = node.get(key as number, true);
    else return undefined;
  }
  return node as Node | undefined;
}

type Finding = Omit<LintFinding, 'file'>;
type Kind = 'action' | 'workflow';

function schemaFindings(
  doc: ReturnType<typeof parseDocument>,
  data: unknown,
  kind: Kind,
  counter: LineCounter,
): Finding[] {
  const validate = kind === 'action' ? validateAction : validateWorkflow;
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => {
    const path = error.instancePath
      .split('/')
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const extra = 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : '';
    return {
      line: lineOf(pathNode(doc.contents, path), counter),
      rule: 'schema',
      message: `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${extra}`,
    };
  });
}

/** `uses:` pins, checked on the source lines so the `# vX` comment is visible. */
function pinFindings(lines: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const [i, raw] of lines.entries()) {
    const match = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(#.*)?$/.exec(raw);
    if (!match) continue;
    const [, , ref, comment] = match;
    const line = i + 1;
    if (ref.startsWith('./')) continue;
    if (ref.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref))
        findings.push({ line, rule: 'pin', message: `${ref} must be pinned by @sha256 digest` });
    } else if (!SHA_PIN.test(ref)) {
      findings.push({ line, rule: 'pin', message: `${ref} is not pinned to a full 40-character commit SHA` });
    } else if (!comment || !/^#\s*v\d/.test(comment)) {
      findings.push({ line, rule: 'pin', message: `${ref} needs a "# vX" comment naming the version` });
    }
  }
  return findings;
}

function secretFindings(lines: readonly string[], allowedSecrets: readonly string[] | undefined): Finding[] {
  const allowed = new Set(allowedSecrets ?? ['GITHUB_TOKEN', 'NS_API_URL', 'NS_API_KEY', 'PBXCTL_SECRETS']);
  return lines.flatMap((raw, i) =>
    [...raw.matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)]
      .filter((match) => !allowed.has(match[1]))
      .map((match) => ({ line: i + 1, rule: 'secrets', message: `secret ${match[1]} is not in the allowed list` })),
  );
}

function stepFindings(jobId: string, steps: readonly Record<string, unknown>[], lineOfStep: (i: number) => number) {
  const findings: Finding[] = [];
  for (const [index, step] of steps.entries()) {
    const line = lineOfStep(index);
    if (typeof step.run === 'string' && /\$\{\{[^}]*secrets\./.test(step.run)) {
      findings.push({
        line,
        rule: 'secrets-in-run',
        message: `job ${jobId} step ${index + 1} expands a secret inside run:; pass it through env: instead`,
      });
    }
    if (typeof step.uses === 'string' && step.uses.startsWith('actions/checkout@')) {
      const persist = (step.with as Record<string, unknown> | undefined)?.['persist-credentials'];
      if (persist !== false && persist !== 'false') {
        findings.push({
          line,
          rule: 'checkout',
          message: `job ${jobId} step ${index + 1}: set persist-credentials: false on actions/checkout`,
        });
      }
    }
  }
  return findings;
}

function jobFindings(
  doc: ReturnType<typeof parseDocument>,
  data: Record<string, unknown>,
  kind: Kind,
  counter: LineCounter,
): Finding[] {
  const findings: Finding[] = [];
  const jobs =
    kind === 'action'
      ? { action: (data.runs as Record<string, unknown> | undefined) ?? {} }
      : ((data.jobs as Record<string, Record<string, unknown>> | undefined) ?? {});
  for (const [jobId, job] of Object.entries(jobs)) {
    const jobPath = kind === 'action' ? ['runs'] : ['jobs', jobId];
    const line = lineOf(pathNode(doc.contents, jobPath), counter);
    if (kind === 'workflow' && typeof job.permissions === 'string')
      findings.push({ line, rule: 'permissions', message: `job ${jobId} uses permissions: ${job.permissions}` });
    if (kind === 'workflow' && job.steps && job['timeout-minutes'] === undefined)
      findings.push({ line, rule: 'timeout', message: `job ${jobId} has no timeout-minutes` });
    const steps = Array.isArray(job.steps) ? (job.steps as Record<string, unknown>[]) : [];
    findings.push(
      ...stepFindings(jobId, steps, (i) => lineOf(pathNode(doc.contents, [...jobPath, 'steps', i]), counter)),
    );
  }
  const top = data.permissions;
  if (
    kind === 'workflow' &&
    (top === undefined || (typeof top === 'object' && top !== null && Object.keys(top).length > 0))
  ) {
    findings.push({
      line: 1,
      rule: 'permissions',
      message: 'set top-level permissions: {} so every job has to ask for what it needs',
    });
  }
  return findings;
}

export function lintWorkflowText(text: string, file: string, options: LintOptions = {}): LintFinding[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      file,
      line: counter.linePos(error.pos[0]).line,
      rule: 'yaml',
      message: error.message,
    }));
  }
  const data = doc.toJS() as Record<string, unknown>;
  const kind = options.kind ?? (/(^|\/)action\.ya?ml$/.test(file) ? 'action' : 'workflow');
  const lines = text.split('\n');
  const findings = [
    ...schemaFindings(doc, data, kind, counter),
    ...pinFindings(lines),
    ...secretFindings(lines, options.allowedSecrets),
    ...jobFindings(doc, data, kind, counter),
  ];
  // Stable sort by line, keeping the order of the checks within a line.
  return findings.map((f) => ({ file, ...f })).sort((a, b) => a.line - b.line);
}
