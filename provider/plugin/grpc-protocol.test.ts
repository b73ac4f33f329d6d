import { describe, expect, it } from 'vitest';
import { encodeGrpcMessage, type FrameError, frameMessage, MessageReader, Status } from './grpc-protocol';

describe('encodeGrpcMessage', () => {
  it('percent-encodes bytes outside 0x20–0x7e and "%"', () => {
    expect(encodeGrpcMessage('plain text: ok')).toBe('plain text: ok');
    expect(encodeGrpcMessage('100%\n')).toBe('100%25%0A');
    expect(encodeGrpcMessage('é')).toBe('%C3%A9');
  });
});

describe('MessageReader', () => {
  const a = frameMessage(Buffer.from('first'));
  const b = frameMessage(Buffer.alloc(0));
  const c = frameMessage(Buffer.alloc(300, 7));

  it('reads messages split anywhere, several in one chunk, and empty ones', () => {
    const all = Buffer.concat([a, b, c]);
    for (let cut = 0; cut <= all.length; cut++) {
      const r = new MessageReader(1024);
      const got = [...r.push(all.subarray(0, cut)), ...r.push(all.subarray(cut))];
      expect(got.map((m) => m.length)).toEqual([5, 0, 300]);
      expect(r.leftover).toBe(0);
    }
    const bytewise = new MessageReader(1024);
    const got: Buffer[] = [];
    for (const byte of all) got.push(...bytewise.push(Buffer.from([byte])));
    expect(got.map((m) => m.toString('latin1'))).toEqual(['first', '', '\x07'.repeat(300)]);
  });

  it('keeps an unfinished message as leftover', () => {
    const r = new MessageReader(1024);
    expect(r.push(c.subarray(0, 100))).toEqual([]);
    expect(r.leftover).toBe(100);
  });

  it('refuses a compressed message (UNIMPLEMENTED) and one over the limit (RESOURCE_EXHAUSTED)', () => {
    const zipped = Buffer.from(a);
    zipped[0] = 1;
    expect(() => new MessageReader(1024).push(zipped)).toThrow(
      expect.objectContaining({ code: Status.UNIMPLEMENTED }) as FrameError,
    );
    expect(() => new MessageReader(299).push(c.subarray(0, 5))).toThrow(
      expect.objectContaining({ code: Status.RESOURCE_EXHAUSTED }) as FrameError,
    );
  });
});
