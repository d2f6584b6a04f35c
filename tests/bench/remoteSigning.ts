/**
 * Signing from an office PC whose token signs documents held on the school server (DESIGN §6): the
 * real server over loopback HTTP, the desktop app's token signer on a SoftHSM2 token, and the
 * renderer's round-by-round driver. Figures: documents per second end to end, the ratio to the token's
 * raw time per signature, and the bytes that cross the network per document against the PDF's size
 * (only digests and signature values should).
 * Called from tests/bench/signing.ts with the token it made.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../src-main/server/start';
import { silentLogger } from '../../src-main/core/app';
import { TokenSigner } from '../../src-main/electron/tokenSigner';
import { signOnThisPc, type ProcedureCaller } from '../../src-renderer/office/documents/sign/signOnThisPc';
import type { Result } from '../../src-shared/api/envelope';
import { emit, round } from './report';

export interface RemoteBenchToken {
  module: string;
  label: string;
  serial: string;
  certSerial: string;
  pin: string;
}

async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const body = (await response.json()) as Result<{ token: string }>;
  if (!body.ok) throw new Error(body.error.message);
  return body.value.token;
}

export async function benchRemoteSigning(docs: readonly Buffer[], token: RemoteBenchToken, tokenMs: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-bench-remote-'));
  const server = await startServer({ dataDir, port: 0, schedule: false, log: silentLogger, demo: true });
  const office = new TokenSigner();
  try {
    const teacher = await login(server.url, 'teacher');
    const principal = await login(server.url, 'principal');
    const submitted: { id: number; title: string }[] = [];
    for (const [i, pdf] of docs.entries()) {
      const uploaded = await fetch(`${server.url}/files`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${teacher}`,
          'content-type': 'application/octet-stream',
          'x-file-name': `hoc-ba-${i}.pdf`,
        },
        body: new Uint8Array(pdf),
      });
      const file = (await uploaded.json()) as Result<{ id: number }>;
      if (!file.ok) throw new Error(file.error.message);
      const fileId = file.value.id;
      const title = `Học bạ ${i + 1}`;
      const doc = await fetch(`${server.url}/api/documents.submit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${teacher}`, 'content-type': 'application/json' },
        body: JSON.stringify({ fileId, title, kind: 'hocba' }),
      });
      const body = (await doc.json()) as Result<{ id: number }>;
      if (!body.ok) throw new Error(body.error.message);
      submitted.push({ id: body.value.id, title });
    }

    let lanBytes = 0;
    const client: ProcedureCaller = {
      call: async (name, input) => {
        const sent = JSON.stringify(input);
        const response = await fetch(`${server.url}/api/${name}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${principal}`, 'content-type': 'application/json' },
          body: sent,
        });
        const text = await response.text();
        lanBytes += Buffer.byteLength(sent) + Buffer.byteLength(text);
        return JSON.parse(text) as Result<never>;
      },
    };
    const rounds: number[] = [];
    let last = performance.now();
    const t0 = last;
    const { result, stopped } = await signOnThisPc(
      client,
      {
        openTokenSession: (r) => office.open(r),
        signWithToken: (r) => office.sign(r),
        closeTokenSession: async (r) => office.close(r),
      },
      {
        documents: submitted,
        token: {
          modulePath: token.module,
          tokenLabel: token.label,
          tokenSerial: token.serial,
          certSerial: token.certSerial,
          pin: token.pin,
        },
        visible: 'bottom-right',
        position: 'Hiệu trưởng',
      },
      (done) => {
        if (done === 0) return;
        const now = performance.now();
        rounds.push(now - last);
        last = now;
      },
    );
    const ms = performance.now() - t0;
    if (stopped || result.signed.length !== docs.length) {
      throw new Error(`remote signing: ${result.signed.length}/${docs.length} signed; ${stopped ?? ''}`);
    }
    const perDoc = ms / docs.length;
    const pdfBytes = docs.reduce((n, d) => n + d.length, 0) / docs.length;
    emit(`signing.remote_${docs.length}_hocba_visible_block`, rounds, {
      documents: docs.length,
      documents_per_s: round(docs.length / (ms / 1000)),
      ms_per_document: round(perDoc),
      ratio_to_token: round(perDoc / tokenMs),
      lan_bytes_per_document: Math.round(lanBytes / docs.length),
      pdf_bytes_per_document: Math.round(pdfBytes),
      lan_to_pdf_ratio: round(lanBytes / docs.length / pdfBytes),
    });
  } finally {
    office.closeAll();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
