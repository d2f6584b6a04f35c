/**
 * POST /files over real HTTP: uploads stream to a temporary file and into the content store, each kind
 * of file has its size limit, a user has only a few uploads in flight, and no temporary file outlives
 * its upload or a restart of the server.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, usersForEveryRole, type TestServer } from './support/server';
import type { Result } from '../../src-shared/api/envelope';

let server: TestServer;
let admin: string;
let clerk: string;
let tmp: string;

beforeAll(async () => {
  server = await startTestServer();
  const tokens = await usersForEveryRole(server);
  admin = tokens.admin;
  clerk = tokens.clerk;
  tmp = path.join(server.dataDir, 'files', 'tmp');
});
afterAll(() => server.close());

type Answer = { status: number; body: Result<{ id: number; name: string; size: number; sha256: string }> };

/**
 * An upload over a raw connection, written by the test chunk by chunk: the server may answer before
 * the body is all sent (a refusal), and the test may stop half-way (a client that goes away).
 */
function openUpload(options: { token: string; purpose?: string; length?: number; name?: string }) {
  const headers: Record<string, string | number> = {
    authorization: `Bearer ${options.token}`,
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent(options.name ?? 'tep.bin'),
  };
  if (options.purpose) headers['x-file-purpose'] = options.purpose;
  // Without a length the body goes chunked: its size is known only at its end.
  if (options.length !== undefined) headers['content-length'] = options.length;
  const request = http.request(`${server.url}/files`, { method: 'POST', headers });
  let answered = false;
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
      );
      response.on('error', reject);
    });
    // Writing on after a refusal closed the connection fails; only a failure without an answer counts.
    request.on('error', (e) => {
      if (!answered) reject(e);
    });
  });
  // A test that walks away from an upload never looks at its answer.
  answer.catch(() => undefined);
  request.flushHeaders();
  return {
    request,
    answer,
    get answered() {
      return answered;
    },
    /** Writes `bytes` more of the body unless the server has already answered. */
    async write(data: Buffer): Promise<void> {
      if (answered || request.destroyed) return;
      if (request.write(data)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          request.off('drain', done).off('close', done);
          resolve();
        };
        request.on('drain', done).on('close', done);
      });
    },
  };
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`waited in vain for ${what}`);
}

const tempFiles = () => (fs.existsSync(tmp) ? fs.readdirSync(tmp) : []);
const fileRows = () => server.app.store.statement('SELECT count(*) FROM files').pluck().get() as number;

async function upload(token: string, data: Buffer, purpose?: string): Promise<Answer> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent('tài liệu.pdf'),
  };
  if (purpose) headers['x-file-purpose'] = purpose;
  const response = await fetch(`${server.url}/files`, { method: 'POST', headers, body: data });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

describe('streamed uploads', () => {
  it('a 5 MB upload lands in the content store with its sha256 and size, and its audit row', async () => {
    const data = randomBytes(5 * 1024 * 1024);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const { status, body } = await upload(clerk, data, 'document');
    expect(status).toBe(200);
    if (!body.ok) throw new Error(body.error.message);
    expect(body.value).toMatchObject({ name: 'tài liệu.pdf', size: data.length, sha256 });
    expect(fs.readFileSync(path.join(server.dataDir, 'files', sha256.slice(0, 2), sha256)).equals(data)).toBe(true);
    expect(tempFiles()).toEqual([]);

    const download = await fetch(`${server.url}/files/${body.value.id}`, {
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(data)).toBe(true);
    const audit = server.app.store
      .statement("SELECT details FROM audit_log WHERE action = 'files.upload' AND target = ?")
      .pluck()
      .get(`file:${body.value.id}`) as string;
    expect(JSON.parse(audit)).toEqual({ name: 'tài liệu.pdf', size: data.length, purpose: 'document' });
  });

  it('a chunked upload, and one naming no purpose, are stored as well', async () => {
    const data = randomBytes(300 * 1024);
    const chunked = openUpload({ token: clerk, purpose: 'image' });
    for (let at = 0; at < data.length; at += 64 * 1024) await chunked.write(data.subarray(at, at + 64 * 1024));
    chunked.request.end();
    const { body } = await chunked.answer;
    expect(body).toMatchObject({ ok: true, value: { size: data.length } });
    expect((await upload(clerk, data)).body).toMatchObject({ ok: true, value: { size: data.length } });
  });
});

describe('size limits by purpose', () => {
  it('a declared length over the limit is refused before the body is read', async () => {
    const rows = fileRows();
    const pending = openUpload({ token: clerk, purpose: 'certificate', length: 2 * 1024 * 1024 });
    const { status, body } = await pending.answer;
    pending.request.destroy();
    expect(status).toBe(400);
    expect(body).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Tệp quá lớn: tệp chứng thư số hoặc chữ ký số chỉ được tối đa 1 MB' },
    });
    expect(tempFiles()).toEqual([]);
    expect(fileRows()).toBe(rows);
  });

  it('a chunked body is cut off as soon as it passes the limit, and nothing of it is kept', async () => {
    const rows = fileRows();
    const pending = openUpload({ token: clerk, purpose: 'certificate' });
    const chunk = randomBytes(64 * 1024);
    // Twice the limit at most: the server answers on the way.
    for (let sent = 0; sent < 2 * 1024 * 1024 && !pending.answered; sent += chunk.length) await pending.write(chunk);
    const { status, body } = await pending.answer;
    pending.request.destroy();
    expect(status).toBe(400);
    expect(body.ok ? '' : body.error.message).toBe('Tệp quá lớn: tệp chứng thư số hoặc chữ ký số chỉ được tối đa 1 MB');
    await waitFor(() => tempFiles().length === 0, 'the temporary file to go');
    expect(fileRows()).toBe(rows);
  });

  it('each purpose has its own limit, in the language of the caller', async () => {
    const pending = openUpload({ token: clerk, purpose: 'import', length: 21 * 1024 * 1024 });
    expect((await pending.answer).body).toMatchObject({
      ok: false,
      error: { message: 'Tệp quá lớn: tệp Excel để nhập danh sách chỉ được tối đa 20 MB' },
    });
    pending.request.destroy();
    const unknown = await upload(clerk, Buffer.from('x'), 'video');
    expect(unknown.status).toBe(400);
    expect(unknown.body.ok ? '' : unknown.body.error.message).toContain('“video”');
  });

  it('raw bytes are taken by /files only', async () => {
    const response = await fetch(`${server.url}/api/auth.me`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/octet-stream' },
      body: randomBytes(2 * 1024 * 1024),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('uploads that do not finish', () => {
  it('a client that goes away mid-body leaves no temporary file and no row', async () => {
    const rows = fileRows();
    const pending = openUpload({ token: clerk, purpose: 'document', length: 10 * 1024 * 1024 });
    await pending.write(randomBytes(1024 * 1024));
    await waitFor(() => tempFiles().length === 1, 'the upload to start');
    pending.request.destroy();
    await waitFor(() => tempFiles().length === 0, 'the temporary file to go');
    expect(fileRows()).toBe(rows);
    // Its place in the quota is given back: three more at once are taken.
    const three = await Promise.all([1, 2, 3].map(() => upload(clerk, randomBytes(1024), 'document')));
    expect(three.map((a) => a.status)).toEqual([200, 200, 200]);
  });
});

describe('uploads in flight per user', () => {
  it('a fourth upload at once is refused; the three finish, and another user is not held up', async () => {
    const size = 4 * 1024 * 1024;
    const bodies = [1, 2, 3].map(() => randomBytes(size));
    const three = bodies.map(() => openUpload({ token: clerk, purpose: 'document', length: size }));
    for (const [i, u] of three.entries()) await u.write(bodies[i]!.subarray(0, 1024 * 1024));
    await waitFor(() => tempFiles().length === 3, 'three uploads in flight');

    const fourth = await upload(clerk, randomBytes(1024), 'document');
    expect(fourth.status).toBe(422);
    expect(fourth.body).toMatchObject({
      ok: false,
      error: {
        code: 'rule_violation',
        message: 'Bạn đang tải lên 3 tệp cùng lúc, là số tệp tối đa. Hãy chờ các tệp đang tải xong rồi thử lại',
      },
    });
    expect((await upload(admin, randomBytes(1024), 'document')).status).toBe(200);

    for (const [i, u] of three.entries()) {
      await u.write(bodies[i]!.subarray(1024 * 1024));
      u.request.end();
    }
    const answers = await Promise.all(three.map((u) => u.answer));
    expect(answers.map((a) => (a.body.ok ? a.body.value.size : a.body.error.message))).toEqual([size, size, size]);
    expect(tempFiles()).toEqual([]);
    expect((await upload(clerk, randomBytes(1024), 'document')).status).toBe(200);
  });

  it('uploads whose declared sizes together pass 250 MB are refused', async () => {
    const first = openUpload({ token: clerk, purpose: 'backup', length: 150 * 1024 * 1024 });
    await first.write(randomBytes(64 * 1024));
    await waitFor(() => tempFiles().length === 1, 'the first upload to start');
    const second = openUpload({ token: clerk, purpose: 'backup', length: 150 * 1024 * 1024 });
    const refused = await second.answer;
    second.request.destroy();
    expect(refused.status).toBe(422);
    expect(refused.body.ok ? '' : refused.body.error.message).toBe(
      'Các tệp bạn đang tải lên cùng lúc sẽ vượt quá 250 MB. Hãy chờ các tệp đang tải xong rồi thử lại',
    );
    first.request.destroy();
    await waitFor(() => tempFiles().length === 0, 'the first upload to be dropped');
  });
});

describe('server start', () => {
  it('empties the temporary folder that a stopped server left', async () => {
    const dataDir = server.dataDir;
    await server.close();
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'left-by-a-crash.part'), randomBytes(1024));
    server = await startTestServer({ dataDir });
    expect(tempFiles()).toEqual([]);
    // Sessions survive a restart: the stored files are still there for their owner.
    expect((await upload(clerk, randomBytes(1024), 'document')).status).toBe(200);
  });
});
