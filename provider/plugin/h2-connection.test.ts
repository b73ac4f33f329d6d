/**
 * The HTTP/2 layer (h2-connection.ts) under the gRPC server against a raw client written frame by frame
 * (provider/test-support/h2-raw-client.ts): connection set-up, control frames, header blocks, concurrent
 * streams, resets, malformed input and shutdown — what grpc-js and node:http2 clients (grpc-server.test.ts)
 * never send. Flow control: h2-output.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONTINUATION,
  closeAll,
  DATA,
  END_HEADERS,
  END_STREAM,
  encodeFrame,
  HEADERS,
  PADDED,
  PING,
  PREFACE,
  PRIORITY,
  PRIORITY_FLAG,
  RawClient,
  RST_STREAM,
  requestBlock,
  SETTINGS,
  settings,
  start,
  u32,
  WINDOW_UPDATE,
} from '../test-support/h2-raw-client';
import { frameMessage, type StreamCall } from './grpc-protocol';
import { encodeHeaderBlock } from './hpack';

afterEach(closeAll);

describe('h2-connection: connection set-up and control frames', () => {
  it('answers the preface with SETTINGS, ACKs the client SETTINGS, and PINGs with the same payload', async () => {
    const { path } = await start();
    const c = await RawClient.open(path);
    const ours = await c.next((f) => f.type === SETTINGS && f.flags === 0);
    expect(ours.id).toBe(0);
    c.send(PING, 0, 0, Buffer.from('pingpong'));
    const pong = await c.next((f) => f.type === PING);
    expect(pong.flags).toBe(1);
    expect(pong.payload.toString()).toBe('pingpong');
    c.request(1, '/t.T/Echo', Buffer.from('hi'));
    const r = await c.response(1);
    expect(r.headers.get(':status')).toBe('200');
    expect(r.data.subarray(5).toString()).toBe('hi');
    expect(r.trailers.get('grpc-status')).toBe('0');
  });

  it('a bad preface, a first frame other than SETTINGS, or an oversized frame end the connection with GOAWAY', async () => {
    const { path } = await start();
    const a = await RawClient.open(path, [], false);
    a.write(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect((await a.goaway()).code).toBe(1);
    await a.closed();

    const b = await RawClient.open(path, [], false);
    b.write(Buffer.concat([PREFACE, encodeFrame(PING, 0, 0, Buffer.alloc(8))]));
    expect((await b.goaway()).code).toBe(1);

    const c = await RawClient.open(path);
    c.send(DATA, 0, 1, Buffer.alloc(16385));
    expect((await c.goaway()).code).toBe(6);
    await c.closed();
  });

  it('protocol violations are connection errors: DATA on stream 0 or an idle stream, even ids, bad sizes, HPACK garbage', async () => {
    const { path } = await start();
    const cases: [Buffer, number][] = [
      [encodeFrame(DATA, 0, 0, Buffer.from('x')), 1],
      [encodeFrame(DATA, 0, 7, Buffer.from('x')), 1],
      [encodeFrame(HEADERS, END_HEADERS, 2, requestBlock('/t.T/Echo')), 1],
      [encodeFrame(PING, 0, 0, Buffer.alloc(7)), 6],
      [encodeFrame(SETTINGS, 0, 0, Buffer.alloc(5)), 6],
      [encodeFrame(SETTINGS, 0, 0, settings([[5, 100]])), 1],
      [encodeFrame(SETTINGS, 0, 0, settings([[4, 2 ** 31]])), 3],
      [encodeFrame(WINDOW_UPDATE, 0, 0, u32(0)), 1],
      [encodeFrame(WINDOW_UPDATE, 0, 0, u32(2 ** 31 - 1)), 3],
      [encodeFrame(RST_STREAM, 0, 9, u32(8)), 1],
      [encodeFrame(HEADERS, END_HEADERS, 1, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])), 9],
      [encodeFrame(HEADERS, END_HEADERS, 1, Buffer.from([0x80])), 9],
      [encodeFrame(HEADERS, END_HEADERS | PADDED, 1, Buffer.from([10, 0x82])), 1],
      [encodeFrame(5, END_HEADERS, 1, Buffer.alloc(8)), 1],
    ];
    for (const [bad, code] of cases) {
      const c = await RawClient.open(path);
      c.write(bad);
      expect({ frame: bad.toString('hex').slice(0, 24), code: (await c.goaway()).code }).toEqual({
        frame: bad.toString('hex').slice(0, 24),
        code,
      });
      await c.closed();
    }
    // The server still serves.
    const ok = await RawClient.open(path);
    ok.request(1, '/t.T/Echo', Buffer.from('still'));
    expect((await ok.response(1)).trailers.get('grpc-status')).toBe('0');
  });

  it('survives random bytes after the preface (connection error, server keeps serving)', async () => {
    const { path } = await start();
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 30; round++) {
      const c = await RawClient.open(path);
      const junk = Buffer.alloc(200 + (rand() % 2000));
      for (let i = 0; i < junk.length; i++) junk[i] = rand() & 0xff;
      // A plausible frame header half of the time: small length, a known type.
      if (round % 2 === 0) encodeFrame(rand() % 10, rand() & 0xff, rand() % 5, junk.subarray(20, 60)).copy(junk, 0);
      c.write(junk);
      c.socket.end();
      await c.closed().catch(() => c.socket.destroy());
    }
    const ok = await RawClient.open(path);
    ok.request(1, '/t.T/Echo', Buffer.from('alive'));
    expect((await ok.response(1)).data.subarray(5).toString()).toBe('alive');
  });

  it('ignores PRIORITY and unknown frame types; reads padded HEADERS with priority and padded DATA', async () => {
    const { path } = await start();
    const c = await RawClient.open(path);
    c.send(PRIORITY, 0, 1, Buffer.from([0, 0, 0, 0, 16]));
    c.send(0x42, 0xff, 0, Buffer.from('extension'));
    const block = requestBlock('/t.T/Echo');
    c.send(
      HEADERS,
      END_HEADERS | PADDED | PRIORITY_FLAG,
      1,
      Buffer.concat([Buffer.from([3]), Buffer.from([0, 0, 0, 0, 16]), block, Buffer.alloc(3)]),
    );
    const msg = frameMessage(Buffer.from('padded'));
    c.send(DATA, PADDED | END_STREAM, 1, Buffer.concat([Buffer.from([4]), msg, Buffer.alloc(4)]));
    expect((await c.response(1)).data.subarray(5).toString()).toBe('padded');
  });
});

describe('h2-connection: header blocks', () => {
  it('reads a request header block split over HEADERS and CONTINUATION frames', async () => {
    const { path } = await start();
    const c = await RawClient.open(path);
    const block = encodeHeaderBlock([
      [':method', 'POST'],
      [':scheme', 'http'],
      [':path', '/t.T/Echo'],
      ['content-type', 'application/grpc'],
      ['x-big', 'z'.repeat(40000)],
    ]);
    c.send(HEADERS, 0, 1, block.subarray(0, 10));
    c.send(CONTINUATION, 0, 1, block.subarray(10, 16000));
    c.send(CONTINUATION, 0, 1, block.subarray(16000, 32000));
    c.send(CONTINUATION, END_HEADERS, 1, block.subarray(32000));
    c.send(DATA, END_STREAM, 1, frameMessage(Buffer.from('cont')));
    expect((await c.response(1)).data.subarray(5).toString()).toBe('cont');
  });

  it('another frame inside a header block, or a CONTINUATION without one, is a connection error', async () => {
    const { path } = await start();
    const a = await RawClient.open(path);
    const block = requestBlock('/t.T/Echo');
    a.send(HEADERS, 0, 1, block.subarray(0, 5));
    a.send(PING, 0, 0, Buffer.alloc(8));
    expect((await a.goaway()).code).toBe(1);
    const b = await RawClient.open(path);
    b.send(CONTINUATION, END_HEADERS, 1, block);
    expect((await b.goaway()).code).toBe(1);
  });

  it('a request without :path or with an upper-case header name is reset (PROTOCOL_ERROR), the connection lives', async () => {
    const { path } = await start();
    const c = await RawClient.open(path);
    c.send(HEADERS, END_HEADERS | END_STREAM, 1, encodeHeaderBlock([[':method', 'POST']]));
    const rst = await c.next((f) => f.type === RST_STREAM && f.id === 1);
    expect(rst.payload.readUInt32BE(0)).toBe(1);
    c.send(
      HEADERS,
      END_HEADERS | END_STREAM,
      3,
      encodeHeaderBlock([
        [':method', 'POST'],
        [':path', '/t.T/Echo'],
        ['Content-Type', 'application/grpc'],
      ]),
    );
    expect((await c.next((f) => f.type === RST_STREAM && f.id === 3)).payload.readUInt32BE(0)).toBe(1);
    c.request(5, '/t.T/Echo', Buffer.from('ok'));
    expect((await c.response(5)).trailers.get('grpc-status')).toBe('0');
  });
});

describe('h2-connection: streams', () => {
  it('serves interleaved concurrent streams, each answer on its own stream', async () => {
    const { path } = await start();
    const c = await RawClient.open(path);
    const ids = Array.from({ length: 40 }, (_, i) => 2 * i + 1);
    for (const id of ids) c.send(HEADERS, END_HEADERS, id, requestBlock('/t.T/Echo'));
    for (const id of ids) {
      const m = frameMessage(Buffer.from(`msg-${id}`));
      c.send(DATA, 0, id, m.subarray(0, 3));
    }
    for (const id of [...ids].reverse()) {
      const m = frameMessage(Buffer.from(`msg-${id}`));
      c.send(DATA, END_STREAM, id, m.subarray(3));
    }
    for (const id of ids) expect((await c.response(id)).data.subarray(5).toString()).toBe(`msg-${id}`);
  });

  it('RST_STREAM from the client cancels a server stream; later DATA on it is ignored; the connection serves on', async () => {
    const { path, streams } = await start();
    const c = await RawClient.open(path);
    c.request(1, '/t.T/Watch', Buffer.from('w'), false);
    for (let i = 0; i < 50 && streams.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const call = streams[0] as StreamCall;
    let cancelled = false;
    call.onCancel(() => {
      cancelled = true;
    });
    call.write(Buffer.from('one'));
    const r1 = await c.next((f) => f.type === DATA && f.id === 1);
    expect(r1.payload.subarray(5).toString()).toBe('one');
    c.frames.length = 0;
    c.send(RST_STREAM, 0, 1, u32(8));
    c.send(DATA, 0, 1, frameMessage(Buffer.from('late')));
    c.request(3, '/t.T/Echo', Buffer.from('after'));
    expect((await c.response(3)).data.subarray(5).toString()).toBe('after');
    expect(cancelled).toBe(true);
    expect(call.closed).toBe(true);
    call.write(Buffer.from('gone')); // no effect, no throw
    await new Promise((r) => setTimeout(r, 30));
    expect(c.frames.filter((f) => f.id === 1)).toEqual([]);
  });

  it('a dropped connection cancels its open streams', async () => {
    const { path, streams } = await start();
    const c = await RawClient.open(path);
    c.request(1, '/t.T/Watch', Buffer.from('w'), false);
    for (let i = 0; i < 50 && streams.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    let cancelled = false;
    (streams[0] as StreamCall).onCancel(() => {
      cancelled = true;
    });
    c.socket.destroy();
    for (let i = 0; i < 50 && !cancelled; i++) await new Promise((r) => setTimeout(r, 10));
    expect(cancelled).toBe(true);
  });

  it('shutdown: GOAWAY with the last stream id, the in-flight call finishes, new streams are refused, then the socket ends', async () => {
    const { path, server } = await start();
    const c = await RawClient.open(path);
    c.request(1, '/t.T/Slow', Buffer.from('late answer'));
    await new Promise((r) => setTimeout(r, 20));
    const stopped = server.shutdown(3000);
    const goaway = await c.goaway();
    expect(goaway).toEqual({ last: 1, code: 0 });
    c.request(3, '/t.T/Echo', Buffer.from('too late'));
    const refused = await c.next((f) => f.type === RST_STREAM && f.id === 3);
    expect(refused.payload.readUInt32BE(0)).toBe(7);
    expect((await c.response(1)).data.subarray(5).toString()).toBe('late answer');
    c.socket.end();
    await stopped;
    await c.closed();
  });
});
