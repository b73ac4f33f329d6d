import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCert, serialNumber } from './cert';

describe('the AutoMTLS certificate', () => {
  it('serial numbers are positive, minimal DER INTEGERs whatever the random bytes', () => {
    for (let first = 0; first < 256; first++) {
      for (const second of [0x00, 0x7f, 0x80, 0xff]) {
        const serial = serialNumber(Buffer.from([first, second, 1, 2]));
        // 0x00 then a byte < 0x80 is "illegal padding" to OpenSSL; a top bit set would make it negative.
        expect(serial[0]).toBeGreaterThanOrEqual(0x40);
        expect(serial[0]).toBeLessThanOrEqual(0x7f);
        expect(serial.subarray(1)).toEqual(Buffer.from([second, 1, 2]));
      }
    }
  });

  it('every generated certificate parses, with a 16-byte serial', async () => {
    for (let i = 0; i < 40; i++) {
      const { cert } = await generateCert();
      const x = new X509Certificate(cert);
      expect(x.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
      expect(x.ca).toBe(true);
    }
  });
});
