/**
 * The release zip's `terraform-provider-netsapiens_v<version>` on Linux and macOS: a POSIX shell script that
 * starts the Node single-executable application beside it (`pbxctl-provider_v<version>`), after one change to
 * the environment.
 *
 * Node parses the file NODE_EXTRA_CA_CERTS names at every start, before any code of ours runs, together with its
 * ~140 bundled authorities: with a system bundle of 144 certificates, the executable took 96 ms from start to the
 * go-plugin handshake, against 57 ms without the variable (bench/HISTORY.md, sessions 10 and 11).
 * Terraform starts the provider three times per `terraform plan`, and only the plan walk's start opens a TLS
 * connection. So the launcher hands the file over as PBXCTL_NODE_EXTRA_CA_CERTS, and the provider loads it when
 * it sets up its https client, in the plan walk (reconciler/platform/extra-ca.ts): the same authorities are
 * trusted, and the starts that never connect do not pay for them. With `--use-openssl-ca` in NODE_OPTIONS, Node
 * adds the file to OpenSSL's own store instead of the bundled one: the launcher then leaves the variable to Node.
 *
 * Terraform runs the first file of the package directory whose name starts with `terraform-provider-netsapiens`
 * followed by `_` or `.`; the executable's own name does not, so it is never taken for the provider. Both files
 * are in the package's `h1:` hash in `.terraform.lock.hcl`. Windows has no `/bin/sh`: its zip keeps the single
 * `.exe` and Node's own handling of the variable.
 */

/** The name of the executable beside the launcher. */
export function executableName(version: string): string {
  return `pbxctl-provider_v${version}`;
}

/** The launcher script for the executable named `executable` in the same directory. */
export function launcherScript(executable: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(executable)) throw new Error(`not a plain file name: ${executable}`);
  return `#!/bin/sh
# pbxctl/netsapiens Terraform provider: starts ${executable}, the provider executable beside this file.
# NODE_EXTRA_CA_CERTS is handed over as PBXCTL_NODE_EXTRA_CA_CERTS: the provider loads that file when it sets
# up its https client instead of at every start (unless NODE_OPTIONS has --use-openssl-ca).
case "$0" in
  */*) dir=\${0%/*} ;;
  *) dir=. ;;
esac
if [ -n "\${NODE_EXTRA_CA_CERTS-}" ]; then
  case " \${NODE_OPTIONS-} " in
    *--use-openssl-ca*) ;;
    *)
      PBXCTL_NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS
      export PBXCTL_NODE_EXTRA_CA_CERTS
      unset NODE_EXTRA_CA_CERTS
      ;;
  esac
fi
exec "$dir/${executable}" "$@"
`;
}
