/**
 * Slow and greedy clients against the real server (issue 10): a request that drips is cut off, an idle
 * connection is closed, one address cannot take every connection, and /events sockets live on.
 * The limits are shortened here; the defaults are in src-main/server/connections.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { setupSchool, startTestServer, type TestServer } from './support/server';
import { bodyOf, dripUntilClosed, openRaw, statusOf, type RawConnection } from './support/rawHttp';

const TIMED_OUT = {
  ok: false,
  error: { code: 'invalid_input', message: 'Yêu cầu gửi lên quá chậm nên đã bị ngắt, vui lòng thử lại' },
};
// Far beyond every shortened limit below: a connection still open by then was never going to be cut.
const GIVE_UP_MS = 12_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('timeouts', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({
      limits: {
        headersTimeoutMs: 1500,
        idleTimeoutMs: 1000,
        requestTimeoutMs: 2500,
        keepAliveTimeoutMs: 1000,
        eventsPingIntervalMs: 1000,
      },
    });
    token = await setupSchool(server);
  });
  afterAll(() => server.close());

  const connect = () => openRaw(server.port);

  it('cuts off a request whose body stops arriving, with the envelope', async () => {
    const connection = await connect();
    const head =
      'POST /api/auth.me HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{';
    // One byte every 3 s: slower than the 1 s body idle timeout.
    expect(await dripUntilClosed(connection, head, ' '.repeat(99), 3000, GIVE_UP_MS)).toBe(true);
    expect(statusOf(connection.received())).toBe(400);
    expect(bodyOf(connection.received())).toEqual(TIMED_OUT);
  });

  it('cuts off a client that never finishes its headers, even when it keeps sending', async () => {
    const connection = await connect();
    // A header line every 300 ms keeps the socket busy; only the headers timeout ends it.
    const drip = 'X-Slow: 1\r\n'.repeat(100);
    expect(await dripUntilClosed(connection, 'GET /healthz HTTP/1.1\r\n', drip, 300, GIVE_UP_MS)).toBe(true);
    expect(bodyOf(connection.received())).toEqual(TIMED_OUT);
  });

  it('cuts off an API request that drips faster than the idle timeout but takes too long in all', async () => {
    const connection = await connect();
    const head =
      'POST /api/auth.me HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{';
    expect(await dripUntilClosed(connection, head, ' '.repeat(999), 300, GIVE_UP_MS)).toBe(true);
    expect(bodyOf(connection.received())).toEqual(TIMED_OUT);
  });

  it('lets an upload take longer than an API request, as long as its bytes keep coming', async () => {
    const connection = await connect();
    const data = 'bai-kiem-tra-01';
    const head =
      `POST /files HTTP/1.1\r\nHost: x\r\nauthorization: Bearer ${token}\r\nconnection: close\r\n` +
      `content-type: application/octet-stream\r\nx-file-name: ghi-chu.txt\r\ncontent-length: ${data.length}\r\n\r\n`;
    // 15 bytes, one every 300 ms: 4.5 s in all, beyond the 2.5 s an API request may take.
    expect(await dripUntilClosed(connection, head, data, 300, GIVE_UP_MS)).toBe(true);
    expect(statusOf(connection.received())).toBe(200);
    expect(bodyOf(connection.received())).toMatchObject({ ok: true, value: { size: data.length } });
  });

  it('closes a keep-alive connection that stays idle', async () => {
    const connection = await connect();
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await Promise.race([connection.closed, sleep(GIVE_UP_MS)]);
    expect(connection.isClosed()).toBe(true);
    expect(statusOf(connection.received())).toBe(200);
  });

  it('keeps an /events socket open past every HTTP timeout, and answers its pings', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/events`);
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    // Longer than the headers, idle, keep-alive and request timeouts together, with pings in between.
    await sleep(4000);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    const hello = new Promise<unknown>((r) => socket.once('message', (data) => r(JSON.parse(String(data)))));
    socket.send(JSON.stringify({ token }));
    expect(await hello).toMatchObject({ type: 'hello' });
    socket.close();
    await closed;
  });

  it('drops an /events socket that stops answering pings', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/events`, { autoPong: false });
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    await Promise.race([closed, sleep(GIVE_UP_MS)]);
    expect(socket.readyState).toBe(WebSocket.CLOSED);
  });
});

describe('connection caps', () => {
  let server: TestServer;
  const held: RawConnection[] = [];

  beforeAll(async () => {
    server = await startTestServer({ limits: { maxConnectionsPerAddress: 5, maxConnections: 7 } });
  });
  afterAll(async () => {
    for (const c of held) c.socket.destroy();
    await server.close();
  });

  /** A connection the server has taken in: it answered a request on it, and it stays open (keep-alive). */
  async function hold(localAddress: string): Promise<RawConnection> {
    const connection = await openRaw(server.port, localAddress);
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    for (let i = 0; i < 200 && !connection.received().includes('\r\n\r\n'); i++) await sleep(20);
    expect(statusOf(connection.received())).toBe(200);
    held.push(connection);
    return connection;
  }

  /** A connection the server closes at once, without answering. */
  async function expectRefused(localAddress: string): Promise<void> {
    const connection = await openRaw(server.port, localAddress).catch(() => null);
    if (!connection) return; // closed even before the client saw it connected
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await Promise.race([connection.closed, sleep(GIVE_UP_MS)]);
    expect(connection.isClosed()).toBe(true);
    expect(connection.received()).toBe('');
  }

  it('refuses the connection beyond the per-address limit while the others stay open', async () => {
    for (let i = 0; i < 5; i++) await hold('127.0.0.1');
    await expectRefused('127.0.0.1');
    // Another address is not affected.
    await hold('127.0.0.2');
    expect(held.every((c) => !c.isClosed())).toBe(true);

    // One closed: its place is free again.
    const first = held.shift()!;
    first.socket.destroy();
    await first.closed;
    let again: RawConnection | null = null;
    for (let i = 0; i < 50 && !again; i++) {
      const candidate = await openRaw(server.port, '127.0.0.1');
      candidate.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      await Promise.race([candidate.closed, sleep(200)]);
      if (statusOf(candidate.received()) === 200) again = candidate;
      else candidate.socket.destroy();
    }
    expect(again).not.toBeNull();
    held.push(again!);
  });

  it('refuses any connection beyond the total limit', async () => {
    // Five from 127.0.0.1 and one from 127.0.0.2 are open; the seventh fills the server.
    await hold('127.0.0.3');
    await expectRefused('127.0.0.4');
  });
});
