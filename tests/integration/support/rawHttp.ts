/** A plain TCP client for what fetch cannot do: send half a request, drip it, or hold a connection open. */
import net from 'node:net';

export interface RawConnection {
  socket: net.Socket;
  /** Everything the server sent so far. */
  received(): string;
  isClosed(): boolean;
  /** Resolves when the connection ends, whoever ends it. */
  closed: Promise<void>;
}

export function openRaw(port: number, localAddress?: string): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) });
    let data = '';
    let ended = false;
    const closed = new Promise<void>((r) =>
      socket.once('close', () => {
        ended = true;
        r();
      }),
    );
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('utf8');
    });
    // A reset by the server is one way of being cut off; the test looks at isClosed() and received().
    socket.on('error', () => {});
    socket.once('connect', () => resolve({ socket, received: () => data, isClosed: () => ended, closed }));
    socket.once('close', () => reject(new Error('closed before connecting')));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Writes `head`, then one more byte of `drip` every `everyMs`, until the server closes the connection or
 * `giveUpMs` passes. Returns whether the server was the one that ended it.
 */
export async function dripUntilClosed(
  connection: RawConnection,
  head: string,
  drip: string,
  everyMs: number,
  giveUpMs: number,
): Promise<boolean> {
  const start = Date.now();
  connection.socket.write(head);
  let sent = 0;
  while (!connection.isClosed() && Date.now() - start < giveUpMs) {
    await Promise.race([sleep(everyMs), connection.closed]);
    if (connection.isClosed() || sent >= drip.length) continue;
    connection.socket.write(drip[sent]!);
    sent += 1;
  }
  const cutOff = connection.isClosed();
  connection.socket.destroy();
  return cutOff;
}

/** The JSON body of a raw HTTP/1.1 answer (one answer, not chunked). */
export function bodyOf(raw: string): unknown {
  const at = raw.indexOf('\r\n\r\n');
  return JSON.parse(raw.slice(at + 4));
}

/** The status code of the first raw HTTP/1.1 answer, or null when none came. */
export function statusOf(raw: string): number | null {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(raw);
  return m ? Number(m[1]) : null;
}

/** Sends one whole request and waits until the server closes the connection; returns what it answered. */
export async function rawExchange(port: number, request: string): Promise<string> {
  const connection = await openRaw(port);
  connection.socket.write(request);
  await connection.closed;
  return connection.received();
}
