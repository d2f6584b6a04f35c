/**
 * /events refuses pages of other origins before upgrading (cross-site WebSocket hijacking, issue 10):
 * browsers send Origin on every WebSocket and do not apply the same-origin policy to it themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { setupSchool, startTestServer, type TestServer } from './support/server';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await setupSchool(server);
});
afterAll(() => server.close());

type Outcome = { opened: true; hello: unknown } | { opened: false; status: number; body: unknown };

/** Opens /events with the given Origin (none when undefined) and sends the token once open. */
function attempt(origin: string | undefined): Promise<Outcome> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/events`, origin === undefined ? {} : { origin });
  return new Promise((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ token })));
    socket.once('message', (data) => {
      resolve({ opened: true, hello: JSON.parse(String(data)) });
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ opened: false, status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    socket.once('error', reject);
  });
}

describe('/events and Origin', () => {
  it('accepts a page of the server itself', async () => {
    const host = new URL(server.url).host;
    expect(await attempt(`http://${host}`)).toMatchObject({ opened: true, hello: { type: 'hello' } });
    expect(await attempt(`http://${host.toUpperCase()}`)).toMatchObject({ opened: true });
  });

  it('accepts programs that send no Origin (the CLI, the desktop app’s main process)', async () => {
    expect(await attempt(undefined)).toMatchObject({ opened: true, hello: { type: 'hello' } });
  });

  it('refuses a page of another origin with 403 in the envelope', async () => {
    const port = new URL(server.url).port;
    const refused = {
      opened: false,
      status: 403,
      body: {
        ok: false,
        error: { code: 'forbidden', message: 'Kết nối này chỉ được mở từ chính trang của Trường Số' },
      },
    };
    for (const origin of [
      'http://evil.example',
      `http://localhost:${port}`, // same machine, another name: another origin
      `http://127.0.0.1:${Number(port) + 1}`,
      `ftp://127.0.0.1:${port}`,
      'null', // a file or a sandboxed frame
    ]) {
      expect(await attempt(origin), origin).toEqual(refused);
    }
  });
});
