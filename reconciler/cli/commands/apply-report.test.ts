import { describe, expect, it } from 'vitest';
import type { ApplyRunResult } from '../../operations/apply-run';
import type { CliIo } from '../io';
import { Progress } from '../progress';
import { reportApplyResult } from './apply-report';

function capture(): { io: CliIo; out: () => string } {
  let text = '';
  const io: CliIo = {
    stdout: (s) => {
      text += s;
    },
    stderr: (s) => {
      text += s;
    },
    env: {},
    cwd: '/',
  };
  return { io, out: () => text };
}

const base = {
  domain: 'acme.example.com',
  kind: 'user',
  class: 'cosmetic' as const,
  action: 'update' as const,
};

function result(over: Partial<ApplyRunResult>): ApplyRunResult {
  return {
    status: 'partial',
    results: [],
    welcomes: [],
    unverified: [],
    verifyErrors: [],
    closedWindows: [],
    violations: [],
    auditPath: 'audit.jsonl',
    journalPath: 'audit.writes.jsonl',
    logTag: 'pbxctl-x',
    ...over,
  };
}

describe('the apply report escapes what came from files and the platform', () => {
  it('a newline or an escape sequence in a label, a key, an error or a path cannot fake a line', () => {
    const { io, out } = capture();
    reportApplyResult(
      result({
        results: [
          { ...base, id: 'user:1001', key: '1001', label: '1001 (Ada\nfile.yaml:1:1: error: fake)', result: 'applied' },
          { ...base, id: 'user:1002', key: '10\x1b[2J02', result: 'failed', error: 'HTTP 500\r\n\x1b[31mok\u202e' },
        ],
        welcomes: [{ domain: base.domain, user: '1003\n', result: 'unknown', error: 'lost\nline' }],
        unverified: ['acme user:10\n04'],
        auditPath: 'a\nb.jsonl',
      }),
      io,
    );
    const text = out();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that none gets through
    expect(text).not.toMatch(/[\x1b\r\u202e]/);
    expect(text).toContain('1001 (Ada\\nfile.yaml:1:1: error: fake)');
    expect(text).toContain('10\\x1b[2J02: HTTP 500\\r\\n\\x1b[31mok\\u202e');
    expect(text).toContain('welcome e-mail → 1003\\n may not have been sent (not re-sent): lost\\nline');
    expect(text).toContain('Audit log: a\\nb.jsonl');
    // Every line of the report is one of the report's own lines: none starts with injected text.
    for (const line of text.trimEnd().split('\n')) expect(line).not.toMatch(/^(file\.yaml|line|b\.jsonl|04)/);
  });

  it('an interrupted run names the journal escaped, and the exit code is unchanged', () => {
    const { io, out } = capture();
    const code = reportApplyResult(result({ status: 'interrupted', journalPath: 'j\x07.jsonl' }), io);
    expect(out()).toContain('Every write is in j\\x07.jsonl.');
    expect(code).toBe(130);
  });
});

describe('progress lines escape names too', () => {
  it('a key with a newline or an escape sequence stays one line; the TTY redraw is the only control', () => {
    const { io: plain, out } = capture();
    const io: CliIo = { ...plain, stderrIsTty: true };
    const progress = new Progress(io, { progress: true }, () => 0);
    progress.step('apply', 1, 2, 0, 'applied user 10\n01\x1b[2J');
    progress.say('verify acme\r.example.com: reading back what was written…');
    expect(out()).toBe(
      '\r\x1b[2Kapply 1/2 · ETA 0:00 · 0 failed — applied user 10\\n01\\x1b[2J\r\x1b[2Kverify acme\\r.example.com: reading back what was written…',
    );
  });
});
