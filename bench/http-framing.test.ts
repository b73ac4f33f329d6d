import { describe, expect, it } from 'vitest';
import { type BodyMode, type MessageHead, MessageFramer, requestBodyMode, responseBodyMode } from './http-framing';

interface Message {
  head: MessageHead | undefined;
  bytes: string;
}

/** Feeds `chunks` and returns each whole message (its bytes, joined) and the bytes of one still open. */
function frame(chunks: readonly Buffer[], mode: (head: MessageHead) => BodyMode, end = false) {
  const messages: Message[] = [];
  let open: Buffer[] = [];
  const framer = new MessageFramer(mode, (piece, head, last) => {
    open.push(piece);
    if (!last) return;
    messages.push({ head, bytes: Buffer.concat(open).toString('latin1') });
    open = [];
  });
  for (const c of chunks) framer.push(c);
  if (end) framer.end();
  return { messages, open: Buffer.concat(open).toString('latin1'), idle: framer.idle };
}

const REQUESTS = [
  'GET /ns-api/v2/domains/a/users?limit=100 HTTP/1.1\r\nhost: x\r\nauthorization: Bearer k\r\n\r\n',
  'POST /ns-api/v2/domains/a/users HTTP/1.1\r\nhost: x\r\nContent-Length: 13\r\n\r\n{"user":"12"}',
  'PUT /ns-api/v2/domains/a/users/12 HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n' +
    '5;ext=1\r\n{"a":\r\n3\r\n"b"\r\n1\r\n}\r\n0\r\nx-trailer: 1\r\n\r\n',
  'DELETE /ns-api/v2/domains/a/users/12 HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n',
];

describe('MessageFramer', () => {
  it('finds every request of a stream, whatever the chunk boundaries', () => {
    const stream = Buffer.from(REQUESTS.join(''), 'latin1');
    const whole = frame([stream], requestBodyMode);
    expect(whole.messages.map((m) => m.bytes)).toEqual(REQUESTS);
    expect(whole.messages.map((m) => [m.head?.method, m.head?.target])).toEqual([
      ['GET', '/ns-api/v2/domains/a/users?limit=100'],
      ['POST', '/ns-api/v2/domains/a/users'],
      ['PUT', '/ns-api/v2/domains/a/users/12'],
      ['DELETE', '/ns-api/v2/domains/a/users/12'],
    ]);
    expect(whole.idle).toBe(true);
    for (let cut = 1; cut < stream.length; cut++) {
      const split = frame([stream.subarray(0, cut), stream.subarray(cut)], requestBodyMode);
      expect(split.messages.map((m) => m.bytes)).toEqual(REQUESTS);
    }
    const bytes = frame(
      [...stream].map((b) => Buffer.from([b])),
      requestBodyMode,
    );
    expect(bytes.messages.map((m) => m.bytes)).toEqual(REQUESTS);
  });

  it('holds an unfinished request open: no message until its last byte', () => {
    const post = REQUESTS[1] as string;
    const partial = frame([Buffer.from(post.slice(0, -1), 'latin1')], requestBodyMode);
    expect(partial.messages).toEqual([]);
    expect(partial.idle).toBe(false);
  });

  it('answers: a HEAD, a 204 and a 304 have no body; no length means up to the end of the connection', () => {
    const head = 'HTTP/1.1 200 OK\r\ncontent-length: 42\r\n\r\n';
    expect(frame([Buffer.from(head)], (h) => responseBodyMode(h, 'HEAD')).messages).toHaveLength(1);
    const noContent = 'HTTP/1.1 204 No Content\r\n\r\n';
    expect(frame([Buffer.from(noContent)], (h) => responseBodyMode(h, 'DELETE')).messages).toHaveLength(1);
    const closing = 'HTTP/1.1 200 OK\r\nconnection: close\r\n\r\nuntil the end';
    const open = frame([Buffer.from(closing)], (h) => responseBodyMode(h, 'GET'));
    expect(open.messages).toEqual([]);
    const ended = frame([Buffer.from(closing)], (h) => responseBodyMode(h, 'GET'), true);
    expect(ended.messages.map((m) => [m.bytes, m.head?.status, m.head?.close])).toEqual([[closing, 200, true]]);
  });

  it('refuses what is not HTTP framing', () => {
    const bad = (text: string) => () => frame([Buffer.from(text)], requestBodyMode);
    expect(bad('GET / HTTP/1.1\r\ncontent-length: -1\r\n\r\n')).toThrow(/content-length/);
    expect(bad('NONSENSE\r\n\r\n')).toThrow(/request line/);
    expect(bad('POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n')).toThrow(/chunk size/);
  });
});
