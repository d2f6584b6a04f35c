/**
 * Figures for uploads and the xlsx bomb guard, one JSON line each: the server's memory while large
 * uploads stream to disk at once (the issue saw 1.4 GB for four of 190 MB held whole), and how soon an
 * import preview refuses a decompression bomb (the issue saw 26 s). Called from tests/bench/run.ts, or alone:
 *   npx tsx -e "import('./tests/bench/uploads.ts').then(m => m.benchUploads())"
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../src-main/server/start';
import { silentLogger } from '../../src-main/core/app';
import { zipBombXlsx } from '../unit/records-xlsx/zipBomb';
import { emit, round } from './report';

const MB = 1024 * 1024;

/** Streams `size` bytes (one random megabyte over and over) to POST /files; resolves with the status. */
function streamUpload(url: string, token: string, purpose: string, size: number): Promise<number> {
  const block = randomBytes(MB);
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'content-length': size,
        'x-file-purpose': purpose,
      },
    });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const chunk = block.subarray(0, Math.min(MB, size - sent));
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}

export async function benchUploads(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-bench-'));
  const server = await startServer({ dataDir, port: 0, schedule: false, log: silentLogger, demo: true });
  try {
    const login = async (username: string) => {
      const response = await fetch(`${server.url}/api/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'demo' }),
      });
      return ((await response.json()) as { value: { token: string } }).value.token;
    };
    const [clerk, admin] = [await login('clerk'), await login('admin')];

    // Three 45 MB documents from one user and a 190 MB backup from another, all at once.
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const statuses = await Promise.all([
      ...[1, 2, 3].map(() => streamUpload(server.url, clerk, 'document', 45 * MB)),
      streamUpload(server.url, admin, 'backup', 190 * MB),
    ]);
    const elapsed = performance.now() - t0;
    clearInterval(sampler);
    if (statuses.some((s) => s !== 200)) throw new Error(`uploads answered ${statuses.join(', ')}`);
    emit('4 concurrent uploads (325 MB) streamed to the file store', [elapsed], {
      uploaded_mb: 325,
      rss_growth_mb: round((peak - baseline) / MB),
    });

    // An xlsx of a few MB whose three parts inflate to 500 MB each: refused from the sizes it declares.
    const bomb = await zipBombXlsx();
    const upload = await fetch(`${server.url}/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${clerk}`,
        'content-type': 'application/octet-stream',
        'x-file-purpose': 'import',
      },
      body: bomb,
    });
    const fileId = ((await upload.json()) as { value: { id: number } }).value.id;
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/records.import.preview`, {
        method: 'POST',
        headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' },
        body: JSON.stringify({ fileId, kind: 'pupils' }),
      });
      const body = (await response.json()) as { ok: boolean };
      if (body.ok) throw new Error('the bomb was not refused');
      samples.push(performance.now() - started);
    }
    emit('records.import.preview of an xlsx bomb (3 parts of 500 MB), refused', samples, {
      file_mb: round(bomb.length / MB),
    });
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
