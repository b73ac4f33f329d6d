import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupSync } from './group-sync';
import { WriteJournal } from './write-journal';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'group-sync-'));
  dirs.push(d);
  return d;
}

describe('GroupSync', () => {
  it('shares one fsync among the lines written before it starts, and a second one for lines written during it', async () => {
    const fd = openSync(join(tmp(), 'f'), 'a');
    const sync = new GroupSync();
    expect(await sync.flush()).toBeUndefined();
    expect(sync.syncs).toBe(0);
    writeSync(fd, 'a\n');
    sync.markDirty(fd);
    const first = [sync.flush(), sync.flush(), sync.flush()];
    writeSync(fd, 'b\n');
    sync.markDirty(fd);
    const second = [sync.flush(), sync.flush()];
    expect(second[0]).toBe(second[1]);
    expect(second[0]).not.toBe(first[0]);
    await Promise.all([...first, ...second]);
    expect(sync.syncs).toBe(2);
    closeSync(fd);
  });

  it('rejects the writes that wait on a failed fsync', async () => {
    const sync = new GroupSync();
    sync.markDirty(987_654);
    await expect(sync.flush()).rejects.toThrow(/EBADF/);
  });

  it('journals an intent with no blocking fsync and makes it durable through durable()', async () => {
    const path = join(tmp(), 'j.jsonl');
    const sync = new GroupSync();
    const journal = new WriteJournal(path, 'r1', () => new Date(0), sync);
    const seq = journal.intent('POST', '/x');
    expect(sync.syncs).toBe(0);
    await journal.durable();
    expect(sync.syncs).toBe(1);
    journal.outcome(seq, 'POST', '/x');
    journal.close();
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.type, l.seq])).toEqual([
      ['intent', 1],
      ['outcome', 1],
    ]);
  });
});
