import { generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';

export interface CertPair {
  /** PEM certificate. */
  readonly cert: string;
  /** PEM private key. */
  readonly key: string;
}

// ---- DER, as much as one certificate needs (ITU-T X.690). Built with node:crypto alone: the `selfsigned`
// package and its ASN.1 stack took most of a provider start (issue 15: Terraform starts it 3–4 times).
function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}
const seq = (...c: Buffer[]) => der(0x30, ...c);
function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
  const bytes = [40 * a + b];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}
const utcTime = (d: Date) => der(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`));
const name = (cn: string) => seq(der(0x31, seq(oid('2.5.4.3'), der(0x0c, Buffer.from(cn, 'utf8')))));
const extension = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [der(0x01, Buffer.from([0xff]))] : []), der(0x04, value));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

/**
 * A certificate serial from random bytes as a positive, MINIMAL DER INTEGER: first byte 0x40–0x7f. (Only
 * clearing the top bit left a leading 0x00 before a byte < 0x80 about once in 256 starts; OpenSSL refuses such
 * an INTEGER — "asn1 encoding routines::illegal padding" — and the provider exited before its handshake.)
 */
export function serialNumber(random: Buffer): Buffer {
  const serial = Buffer.from(random);
  serial[0] = ((serial[0] as number) & 0x3f) | 0x40;
  return serial;
}

/**
 * An EC P-256 self-signed certificate for go-plugin AutoMTLS: CN `commonName`, SAN localhost and
 * 127.0.0.1, EKU serverAuth + clientAuth, CA (go-plugin pins it as both root and client CA). P-256
 * rather than RSA keeps process start fast; Terraform starts the provider 3–4 times per command.
 */
export async function generateCert(commonName = 'localhost'): Promise<CertPair> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = Date.now();
  const serial = serialNumber(randomBytes(16));
  const extensions = [
    extension('2.5.29.19', true, seq(der(0x01, Buffer.from([0xff])))), // basicConstraints: CA
    // keyUsage: digitalSignature (0), keyEncipherment (2), keyCertSign (5)
    extension('2.5.29.15', true, der(0x03, Buffer.from([0x02, 0xa4]))),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    extension('2.5.29.17', false, seq(der(0x82, Buffer.from('localhost')), der(0x87, Buffer.from([127, 0, 0, 1])))),
  ];
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))), // v3
    der(0x02, serial),
    ECDSA_SHA256,
    name(commonName),
    seq(utcTime(new Date(now - 60_000)), utcTime(new Date(now + 365 * 24 * 3600_000))),
    name(commonName),
    publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, seq(...extensions)),
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, ECDSA_SHA256, der(0x03, Buffer.from([0]), signature));
  const body = cert
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

/** PEM → base64 (standard alphabet, no padding) of the DER, as go-plugin's handshake carries it. */
export function pemToRawBase64Der(pem: string): string {
  return new X509Certificate(pem).raw.toString('base64').replace(/=+$/, '');
}

/** The handshake's DER field → PEM (base64 padding restored). */
export function rawBase64DerToPem(field: string): string {
  const padded = field + '='.repeat((4 - (field.length % 4)) % 4);
  const der = Buffer.from(padded, 'base64');
  const body = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}
