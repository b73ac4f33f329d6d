/**
 * `pbxctl doctor --domain D [--platform FILE] [--out doctor.json] [--record DIR] [--format text|json]`:
 * read-only check of whether pbxctl understands this server (issue 12). Exit 0 when everything is
 * understood, 2 when something is not. Only GETs are sent. `--record DIR` writes `DIR/<domain>.seed.json`,
 * an emulator seed of what was read with personal data and secrets replaced by stable fakes.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type DoctorReport, runDoctor } from '../../doctor/doctor';
import { UsageError } from '../../errors';
import { EXIT } from '../exit-codes';
import type { CliIo, Flags } from '../io';
import { clientFromEnv, rejectExtra } from '../command-support';
import { profileForCommand } from '../platform-profile';

export function renderDoctor(r: DoctorReport): string {
  const key = r.apiKey.visible
    ? `scope ${r.apiKey.scope ?? '(not shown)'}, ${r.apiKey.readOnly === undefined ? 'read-only flag not shown' : r.apiKey.readOnly ? 'read-only' : 'read-write'}`
    : 'not visible to this key (GET /apikeys/~ refused)';
  const lines = [
    `pbxctl doctor — ${r.domain}`,
    `  server apiversion: ${r.apiVersion ?? '(not reported)'}; pbxctl writes the e-mail as "${r.emailField}"`,
    `  API key: ${key}`,
    `  paging: ${r.paging}`,
    `  read: ${Object.entries(r.counts)
      .map(([k, v]) => `${v} ${k.replace('_', ' ')}`)
      .join(', ')}`,
  ];
  if (r.findings.length === 0) lines.push('', 'Everything in this domain is understood.');
  else {
    lines.push('', `${r.findings.length} thing${r.findings.length === 1 ? '' : 's'} pbxctl does not understand:`);
    for (const f of r.findings) {
      lines.push(`  - ${f.object} ${f.field} = "${f.value}": ${f.problem}`);
      if (f.suggestion) lines.push(`      → ${f.suggestion}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The whole file or nothing: a temporary file renamed into place. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

export async function doctorCommand(positionals: readonly string[], flags: Flags, io: CliIo): Promise<number> {
  rejectExtra(positionals, 1, 'doctor');
  const domain = typeof flags.domain === 'string' ? flags.domain : positionals[0];
  if (domain === undefined) throw new UsageError('doctor needs a domain: pbxctl doctor --domain <domain>');
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('doctor --format must be text or json');
  const profile = profileForCommand(flags, io);
  const client = clientFromEnv(io.env, flags);
  try {
    const recordDir = typeof flags.record === 'string' ? flags.record : undefined;
    if (flags.record !== undefined && recordDir === undefined)
      throw new UsageError('doctor --record needs a directory: pbxctl doctor --domain <domain> --record <dir>');
    const report = await runDoctor(client, domain, profile, { record: recordDir !== undefined });
    const { record, seed, ...summary } = report;
    if (typeof flags.out === 'string') {
      writeAtomically(
        resolve(io.cwd, flags.out),
        `${JSON.stringify({ ...summary, findings: record.findings, record }, null, 2)}\n`,
      );
      io.stderr(`Wrote ${flags.out} (names, e-mails, numbers, PINs and passwords removed)\n`);
    }
    if (recordDir !== undefined && seed) {
      const name = `${domain}.seed.json`;
      writeAtomically(join(resolve(io.cwd, recordDir), name), `${JSON.stringify(seed, null, 2)}\n`);
      io.stderr(
        `Wrote ${join(recordDir, name)}: an emulator seed (pbxctl emulator --seed ${recordDir}) with names, e-mails, numbers, PINs, passwords and MACs replaced by stable fakes\n`,
      );
      if (seed.recorded.unread.length > 0)
        io.stderr(`  not recorded (this key may not read them): ${seed.recorded.unread.join(', ')}\n`);
    }
    io.stdout(format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : renderDoctor(report));
    return report.findings.length === 0 ? EXIT.ok : EXIT.changes;
  } finally {
    await client.close();
  }
}
