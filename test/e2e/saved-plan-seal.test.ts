/**
 * Issue 13 #6: a saved plan is sealed over its whole canonical document. Any edit — a flag flip, removed or
 * emptied changes, an edited value, input or version, a removed seal — is refused before anything is
 * read or written. Even a re-sealed forgery cannot turn a blocked plan into an allowed one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DOMAIN, domainYaml, OFFICE, officeSeed, startTestEnv, type TestEnv } from '../test-support/helpers';
import { EXIT, sealDocument } from '../../reconciler';

let t: TestEnv | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

// A saved plan as JSON: the edits below reach into it freely.
// biome-ignore lint/suspicious/noExplicitAny: test edits of arbitrary JSON
type Doc = Record<string, any>;

const EDITS: Record<string, (d: Doc) => void> = {
  'allow_deletes flipped': (d) => {
    d.flags.allow_deletes = true;
  },
  'allow_recycle flipped': (d) => {
    d.flags.allow_recycle = true;
  },
  'changes emptied': (d) => {
    d.domains[0].changes = [];
  },
  'changes removed': (d) => {
    delete d.domains[0].changes;
  },
  'a domain removed': (d) => {
    d.domains = [];
  },
  'a value edited': (d) => {
    d.domains[0].changes[0].key = '1002';
  },
  'summary unblocked': (d) => {
    d.summary.blocked = false;
  },
  'violations removed': (d) => {
    d.domains[0].violations = [];
  },
  'an input edited': (d) => {
    d.inputs[DOMAIN].files_digest = '0'.repeat(64);
  },
  'format version edited': (d) => {
    d.format_version = '2';
  },
  'source path edited': (d) => {
    d.source.path = `${d.source.path}.other`;
  },
  'seal removed': (d) => {
    delete d.seal;
  },
};

async function blockedPlan(env: TestEnv): Promise<Doc> {
  const file = env.write('acme.yaml', domainYaml({ users: OFFICE, policy: 'prune: true' }));
  void file;
  const plan = await env.cli('plan', 'acme.yaml', '--out', 'plan.json');
  expect(plan.code).toBe(EXIT.blocked);
  return JSON.parse(readFileSync(join(env.dir, 'plan.json'), 'utf8'));
}

const seed = () => officeSeed([...OFFICE, { ext: '1099', first: 'Leaving', last: 'Employee', pin: '' }]);

describe('sealed saved plans', () => {
  it('every edit of a blocked plan is refused with a clear message; nothing is read or written', async () => {
    t = await startTestEnv(seed());
    const original = await blockedPlan(t);
    expect(typeof original.seal).toBe('string');
    expect(original.summary.blocked).toBe(true);
    const before = t.emu.state();
    for (const [name, edit] of Object.entries(EDITS)) {
      const doc = structuredClone(original);
      edit(doc);
      writeFileSync(join(t.dir, 'edited.json'), JSON.stringify(doc, null, 2));
      t.emu.requests.reset();
      const r = await t.cli('apply', 'edited.json');
      expect(r.code, name).toBe(EXIT.error);
      expect(r.stderr, name).toMatch(/refusing edited\.json: the saved plan (was edited after|has no seal)/);
      expect(r.stderr, name).toContain('Nothing was changed');
      expect(t.emu.requests.list(), name).toEqual([]);
    }
    expect(t.emu.state()).toEqual(before);
  });

  it('a re-sealed forgery with allow_deletes flipped is still refused as blocked (exit 3), user 1099 kept', async () => {
    t = await startTestEnv(seed());
    const doc = await blockedPlan(t);
    doc.flags.allow_deletes = true;
    writeFileSync(join(t.dir, 'forged.json'), JSON.stringify(sealDocument(doc), null, 2));
    t.emu.requests.reset();
    const r = await t.cli('apply', 'forged.json');
    expect(r.code).toBe(EXIT.blocked);
    expect(t.writes()).toEqual([]);
    expect(t.emu.state().domains[DOMAIN]?.users.some((u) => u.user === '1099')).toBe(true);
  });

  it('the unedited blocked plan applies when the override is given on the command line (a reviewed approval)', async () => {
    t = await startTestEnv(seed());
    await blockedPlan(t);
    const r = await t.cli('apply', 'plan.json', '--allow-deletes');
    expect(r.code).toBe(EXIT.ok);
    expect(t.emu.state().domains[DOMAIN]?.users.some((u) => u.user === '1099')).toBe(false);
  });

  it('reformatting the file (whitespace, key order) is not an edit', async () => {
    t = await startTestEnv(officeSeed());
    t.write('acme.yaml', domainYaml({ users: OFFICE.map((u) => ({ ...u, department: 'Ops' })) }));
    expect((await t.cli('plan', 'acme.yaml', '--out', 'plan.json')).code).toBe(EXIT.ok);
    const doc = JSON.parse(readFileSync(join(t.dir, 'plan.json'), 'utf8')) as Doc;
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    writeFileSync(join(t.dir, 'plan.json'), JSON.stringify(reordered));
    const r = await t.cli('apply', 'plan.json');
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain('3 applied');
  });
});
