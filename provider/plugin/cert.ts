import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface CertPair {
  /** PEM certificate. */
  readonly cert: string;
  /** PEM private key. */
  readonly key: string;
}

/**
 * An EC P-256 self-signed certificate for go-plugin AutoMTLS: CN/SAN
 * localhost, EKU serverAuth + clientAuth, CA (go-plugin pins it as both root
 * and client CA). P-256 rather than RSA keeps process start fast; Terraform
 * starts the provider 3–4 times per command.
 */
export async function generateCert(commonName = 'localhost'): Promise<CertPair> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
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
