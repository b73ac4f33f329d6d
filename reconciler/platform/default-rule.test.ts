import { describe, expect, it } from 'vitest';
import { PlatformApiError } from '../errors';
import { type AnswerRuleWriter, writeDefaultAnswerRule } from './codec';

/** An answer-rule store that answers like the platform: PUT of a missing time frame is a 404. */
function store(rules: Record<string, unknown>[], putStatus = 404) {
  const calls: string[] = [];
  const writer: AnswerRuleWriter = {
    listAnswerRules: async () => {
      calls.push('GET');
      return rules;
    },
    createAnswerRule: async (_d, _u, body) => {
      calls.push('POST');
      rules.push(body);
    },
    updateAnswerRule: async (_d, _u, frame, body) => {
      calls.push('PUT');
      const rule = rules.find((r) => r['time-frame'] === frame);
      if (!rule || putStatus !== 404)
        throw new PlatformApiError(rule ? putStatus : 404, 'PUT', '/answerrules/*', 'no', false);
      Object.assign(rule, body);
    },
  };
  return { writer, calls, rules };
}

const body = { 'time-frame': '*', 'is-active': true, enabled: 'yes', 'forward-on-spam-call': 'vmail_1000' };

describe('writeDefaultAnswerRule', () => {
  it('PUTs the `*` rule the user create wrote: one request, no POST-only keys', async () => {
    const s = store([{ 'time-frame': '*', enabled: 'yes' }]);
    await writeDefaultAnswerRule(s.writer, 'd', '1000', body);
    expect(s.calls).toEqual(['PUT']);
    expect(s.rules).toEqual([{ 'time-frame': '*', enabled: 'yes', 'forward-on-spam-call': 'vmail_1000' }]);
  });

  it('POSTs the rule when the PUT is refused and a read shows no `*` rule', async () => {
    const s = store([]);
    await writeDefaultAnswerRule(s.writer, 'd', '1000', body);
    expect(s.calls).toEqual(['PUT', 'GET', 'POST']);
    expect(s.rules).toEqual([body]);
  });

  it("keeps the PUT's error when the `*` rule is there (a refused body is not turned into a POST)", async () => {
    const s = store([{ 'time-frame': '*' }], 400);
    await expect(writeDefaultAnswerRule(s.writer, 'd', '1000', body)).rejects.toMatchObject({ status: 400 });
    expect(s.calls).toEqual(['PUT', 'GET']);
  });

  it('does not read or POST after a server error', async () => {
    const s = store([{ 'time-frame': '*' }], 503);
    await expect(writeDefaultAnswerRule(s.writer, 'd', '1000', body)).rejects.toMatchObject({ status: 503 });
    expect(s.calls).toEqual(['PUT']);
  });
});
