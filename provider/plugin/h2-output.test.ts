/**
 * Flow control of the provider's HTTP/2 layer (h2-output.ts, h2-connection.ts) against a raw client
 * (provider/test-support/h2-raw-client.ts): responses paced by the client's stream and connection windows
 * and frame size, window changes by SETTINGS while blocked, a large request read while granting window.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeAll,
  DATA,
  END_HEADERS,
  END_STREAM,
  type Frame,
  HEADERS,
  RawClient,
  requestBlock,
  SETTINGS,
  settings,
  start,
  u32,
  WINDOW_UPDATE,
} from '../test-support/h2-raw-client';
import { frameMessage } from './grpc-protocol';

afterEach(closeAll);

const sizedRequest = (n: number) => u32(n);

function expectPattern(data: Buffer, n: number): void {
  expect(data.length).toBe(5 + n);
  expect(data.readUInt32BE(1)).toBe(n);
  for (let i = 0; i < n; i += 997) expect(data[5 + i]).toBe(i % 251);
}

describe('h2-output: flow control', () => {
  it('a 300 KB response: DATA frames within the peer frame size, paced by the stream and connection windows', async () => {
    const { path } = await start();
    // The client's stream window: 20,000 bytes; the connection window stays at 65,535.
    const c = await RawClient.open(path, [[4, 20000]]);
    const n = 300_000;
    c.request(1, '/t.T/Sized', sizedRequest(n));
    await c.next((f) => f.type === HEADERS && f.id === 1);
    const received: Frame[] = [];
    const drain = () => {
      received.push(...c.frames.filter((f) => f.id === 1 && f.type === DATA));
      c.frames.splice(0, c.frames.length, ...c.frames.filter((f) => !(f.id === 1 && f.type === DATA)));
    };
    await new Promise((r) => setTimeout(r, 100));
    drain();
    expect(received.reduce((s, f) => s + f.payload.length, 0)).toBe(20000);
    expect(c.frames.some((f) => f.type === HEADERS && f.id === 1)).toBe(false); // no trailers yet
    const sum = () => received.reduce((s, f) => s + f.payload.length, 0);
    let streamGranted = 20000;
    let connGranted = 65535;
    let connStalls = 0;
    while (sum() < n + 5) {
      const before = sum();
      c.send(WINDOW_UPDATE, 0, 1, u32(20000));
      streamGranted += 20000;
      await new Promise((r) => setTimeout(r, 30));
      drain();
      if (sum() === before) {
        // Stream credit alone did not help: the connection window is spent.
        connStalls++;
        c.send(WINDOW_UPDATE, 0, 0, u32(50000));
        connGranted += 50000;
        await new Promise((r) => setTimeout(r, 30));
        drain();
      }
      expect(sum()).toBeLessThanOrEqual(Math.min(streamGranted, connGranted));
    }
    expect(connStalls).toBeGreaterThan(0);
    for (const f of received) expect(f.payload.length).toBeLessThanOrEqual(16384);
    const trailers = await c.next((f) => f.type === HEADERS && f.id === 1);
    expect(trailers.flags & END_STREAM).toBe(END_STREAM);
    expectPattern(Buffer.concat(received.map((f) => f.payload)), n);
  });

  it('honours a larger MAX_FRAME_SIZE and a window raised by SETTINGS while blocked (and a lowered one)', async () => {
    const { path } = await start();
    const c = await RawClient.open(path, [
      [5, 65536],
      [4, 0],
    ]);
    c.send(WINDOW_UPDATE, 0, 0, u32(1_000_000));
    c.request(1, '/t.T/Sized', sizedRequest(100_000));
    await c.next((f) => f.type === HEADERS && f.id === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(c.frames.filter((f) => f.id === 1)).toEqual([]); // window 0: nothing
    c.send(SETTINGS, 0, 0, settings([[4, 40000]]));
    await new Promise((r) => setTimeout(r, 50));
    const first = c.frames.filter((f) => f.type === DATA && f.id === 1);
    expect(first.map((f) => f.payload.length)).toEqual([40000]);
    // Lowered below what was sent: the window goes negative, nothing more until it is positive again.
    c.send(SETTINGS, 0, 0, settings([[4, 30000]]));
    c.send(WINDOW_UPDATE, 0, 1, u32(5000));
    await new Promise((r) => setTimeout(r, 50));
    expect(c.frames.filter((f) => f.type === DATA && f.id === 1).length).toBe(1);
    c.send(SETTINGS, 0, 0, settings([[4, 1_000_000]]));
    const trailers = await c.next((f) => f.type === HEADERS && f.id === 1);
    expect(trailers.flags & END_STREAM).toBe(END_STREAM);
    const data = c.frames.filter((f) => f.type === DATA && f.id === 1);
    expect(data.map((f) => f.payload.length)).toEqual([40000, 60005]);
    expectPattern(Buffer.concat(data.map((f) => f.payload)), 100_000);
  });

  it('a small unary answer that does not fit the stream window waits for WINDOW_UPDATE, trailers last', async () => {
    const { path } = await start();
    const c = await RawClient.open(path, [[4, 10]]);
    c.request(1, '/t.T/Echo', Buffer.from('hello, window'));
    await c.next((f) => f.type === HEADERS && f.id === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(c.frames.filter((f) => f.id === 1).map((f) => [f.type, f.payload.length])).toEqual([[DATA, 10]]);
    c.send(WINDOW_UPDATE, 0, 1, u32(100));
    const trailers = await c.next((f) => f.type === HEADERS && f.id === 1);
    expect(trailers.flags & END_STREAM).toBe(END_STREAM);
    const data = Buffer.concat(c.frames.filter((f) => f.type === DATA && f.id === 1).map((f) => f.payload));
    expect(data.subarray(5).toString()).toBe('hello, window');
  });

  it('takes a 5 MB request across many DATA frames, granting window as it reads', async () => {
    const { path } = await start(8 * 1024 * 1024);
    const c = await RawClient.open(path);
    const ourSettings = await c.next((f) => f.type === SETTINGS && f.flags === 0);
    let streamWindow = 65535;
    for (let at = 0; at < ourSettings.payload.length; at += 6) {
      if (ourSettings.payload.readUInt16BE(at) === 4) streamWindow = ourSettings.payload.readUInt32BE(at + 2);
    }
    const connUpdate = await c.next((f) => f.type === WINDOW_UPDATE && f.id === 0);
    let connWindow = 65535 + connUpdate.payload.readUInt32BE(0);
    const message = frameMessage(Buffer.alloc(5 * 1024 * 1024, 7));
    c.send(HEADERS, END_HEADERS, 1, requestBlock('/t.T/Echo'));
    let at = 0;
    while (at < message.length) {
      for (const f of c.frames.splice(0)) {
        if (f.type !== WINDOW_UPDATE) continue;
        if (f.id === 0) connWindow += f.payload.readUInt32BE(0);
        if (f.id === 1) streamWindow += f.payload.readUInt32BE(0);
      }
      const room = Math.min(16384, streamWindow, connWindow, message.length - at);
      if (room <= 0) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      c.send(DATA, at + room === message.length ? END_STREAM : 0, 1, message.subarray(at, at + room));
      at += room;
      streamWindow -= room;
      connWindow -= room;
      if (at % (16384 * 16) === 0) await new Promise((r) => setTimeout(r, 1));
    }
    // The echo comes back (5 MB, paced by our grants to the server).
    c.send(SETTINGS, 0, 0, settings([[4, 2 ** 31 - 1]]));
    c.send(WINDOW_UPDATE, 0, 0, u32(2 ** 31 - 1 - 65535));
    const r = await c.response(1);
    expect(r.data.equals(message)).toBe(true);
  });
});
