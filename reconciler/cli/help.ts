export const HELP = `pbxctl — NetSapiens phone-system domains as code

Usage: pbxctl <command> [options]

Commands:
  validate <path>              check desired-state files (all errors at once, with file:line:column)
  plan <path>                  show what apply would change
  apply <plan.json | path>     apply a saved plan (refused when stale), or plan+apply a path
  drift <path>                 report where the platform differs from git (exit 2 when drifted)
  trace <path> <number|ext>    where a call goes, step by step [--at ISO] [--state live|desired]
  export --domain D [--out F] [--platform F]
                               write the live domain as YAML that plans to zero changes
  welcome --domain D <ext>…    send the welcome e-mail to users [--platform F]
  doctor --domain D [--platform F] [--out F] [--record DIR]
                               read-only: does pbxctl understand this server? (exit 2 when not)
  emulator [--port N] [--state F] [--seed F|DIR] [--domain D] [--api-version V]
                               run the NetSapiens v2 emulator (the embedded default platform);
                               prints the export lines to paste; --domain creates that domain
  demo                         plan → apply → plan of examples/small-office on the embedded emulator
  init [dir] [--domain D]      scaffold a config repository (domains/, workflows, .gitignore, README)
  ci <subcommand>              helpers for the GitOps workflows (pbxctl ci --help)

Plan/apply options:
  --format text|markdown|json  output format (text is coloured on a TTY only)
  --out FILE                   save the plan (JSON, with format_version and checksum) for \`apply FILE\`
  --detailed-exitcode          exit 2 when there are changes
  --allow-deletes              permit deletes (data-destroying) and exceeding policy.max_deletes
  --allow-recycle              permit recycling (a different person at the same extension)
  --redact-pii                 mask names, e-mails and numbers (public repositories)
  --shard i/n                  plan only the i-th of n deterministic shards of the domains
  --auto-approve               apply a path without asking (the plan is still printed before any write)
  --quiet, -q                  apply: print only the result, not the plan
  --audit-log FILE             where apply appends its JSON-lines audit record (default .pbxctl/audit.jsonl);
                               every write is journaled before it is sent in FILE's .writes.jsonl sibling
  --no-welcome-email           do not send welcome e-mails to created users
  --no-verify                  skip reading back what apply wrote
  --ignore-change-window       apply routing changes outside policy.change_window
  --progress                   show progress on stderr (phase, done/total, rate, ETA, failures) even when
                               not on a TTY or in CI

Environment:
  NS_API_URL   base URL of the API, e.g. https://portal.example.com/ns-api/v2
  NS_API_KEY   API key (nsd_…); never printed
  NS_CLIENT_ID, NS_CLIENT_SECRET, NS_USERNAME, NS_PASSWORD
               OAuth password grant instead of an API key (tokens refreshed automatically)
  PBXCTL_SECRETS  JSON object of secret values ({"VM_PIN_1001": "…"}) used when a { env: NAME } is not set
  PBXCTL_CONCURRENCY, PBXCTL_RATE   ceilings for requests in flight (default 8) and per second (default: none);
                                    pacing adapts below them (429/503, rising latency)
  PBXCTL_PACING=off  no adapting (fault-injection runs); each throttled call still waits its Retry-After
  PBXCTL_LOCK_DIR  where apply keeps its per-domain lock files (default <tmpdir>/pbxctl-locks); a lock is
               stale when its process is gone or it is older than PBXCTL_LOCK_STALE_MINUTES (default 60)

Exit codes:
  0 ok / no changes   1 error   2 changes present (--detailed-exitcode, drift)
  3 blocked by safety policy   4 partial apply (some changes failed or were skipped, or the read-back failed)
  130 apply interrupted (SIGINT/SIGTERM): stopped after the change in flight, audit and journal complete
`;

const COMMANDS: Record<string, string> = {
  validate:
    'Usage: pbxctl validate <path>\n\nChecks the desired-state files without calling the platform. Exit 0 when valid, 1 otherwise.\n',
  plan: 'Usage: pbxctl plan <path> [--format text|markdown|json] [--out plan.json] [--detailed-exitcode]\n                   [--allow-deletes] [--allow-recycle] [--redact-pii] [--shard i/n]\n\nExit codes: 0 no changes (or changes without --detailed-exitcode), 1 error, 2 changes, 3 blocked by policy.\n',
  apply:
    'Usage: pbxctl apply <plan.json> | <path> --auto-approve [--allow-deletes] [--allow-recycle] [--audit-log FILE] [--quiet]\n\nThe plan is printed before the first write. A saved plan must be unedited (it is sealed) and is re-checked\nagainst the files and the platform, refused when stale. The domains are locked while apply runs (another\napply of the same domain is refused, naming the holder). SIGINT/SIGTERM stop after the change in flight.\nExit codes: 0 applied, 1 error, stale, edited plan or domain locked, 3 blocked by policy, 4 partial apply\nor failed read-back, 130 interrupted.\n',
  trace:
    'Usage: pbxctl trace <path> <number | extension> [--at <ISO time>] [--state live|desired] [--time-zone Z] [--from <caller> [--spam]]\n\nWhere a call goes, step by step: number → destination → answering rule for the time frame in effect (forwards, do not disturb, sim-ring with delays) → ring group members (with delays) → fallback → voicemail, with time frames evaluated in the domain time zone. --state desired: what an apply of the file would leave (docs/call-flows.md). --from: the caller (a number, anonymous or unknown), for the domain block list and the allow/block lists of the default rule; --spam: the platform flags the call as spam (the spam handling of the rule). Exit 0 when it reaches someone or a mailbox, 2 for a loop or a dead end.\n',
  drift:
    'Usage: pbxctl drift <path> [--format text|json|markdown]\n\nExit 0 when the platform matches git, 2 when it drifted (each object with its last-modified time).\n',
  export:
    'Usage: pbxctl export --domain <domain> [--out FILE] [--platform _platform.yaml]\n\nLive values are decoded through the platform profile (docs/platform-profile.md): --platform FILE (written into\nthe export as its platform: section), else the _platform.yaml of the directory written into (or a parent, up\nto the working directory) and the platform: section of the file the export replaces (kept).\n',
  welcome:
    'Usage: pbxctl welcome --domain <domain> [--platform _platform.yaml] <extension>…\n\nThe template and subject come from the platform profile: --platform FILE, else ./_platform.yaml, else the defaults.\n',
  doctor:
    "Usage: pbxctl doctor --domain <domain> [--platform _platform.yaml] [--out doctor.json] [--record DIR] [--format text|json]\n\nRead-only (sends only GETs): reports the server's apiversion and the e-mail spelling pbxctl will write,\nthe API key's scope and read-only flag (when the key may see them), whether paging is 0- or 1-based, and\nevery user, ring group, answer rule and device pbxctl cannot decode, with the platform-profile value it\nsuggests (docs/platform-profile.md). --platform checks against a profile file; --out writes what it saw\nwith names, e-mails, numbers, PINs and passwords removed; --record DIR writes DIR/<domain>.seed.json, what it\nread as an emulator seed with those replaced by stable fakes (pbxctl emulator --seed DIR serves it). Exit 0 when everything is understood, 2 when not.\n",
  emulator:
    'Usage: pbxctl emulator [--port N] [--state FILE] [--seed FILE] [--domain DOMAIN] [--api-version 44.1.2]\n\nAccepts NS_API_KEY as its key when set, otherwise the default emulator key (emulator/README.md), and\nprints the export lines to paste. --domain creates that domain when the state does not have it.\n',
  demo: 'Usage: pbxctl demo\n\nStarts the emulator in-process, seeded with examples/demo/seed.yaml, and runs plan → apply → plan of examples/small-office.\n',
};

export function commandHelp(command: string): string {
  return COMMANDS[command] ?? HELP;
}
