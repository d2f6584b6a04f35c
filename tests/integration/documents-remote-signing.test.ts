/**
 * Token on an office PC (DESIGN §6): the desktop app's token signer (src-main/electron/tokenSigner.ts,
 * which needs no Electron) with a real SoftHSM2 token, the renderer's round-by-round driver
 * (signOnThisPc) and the real server's remoteSign procedures over HTTP. Only digests and signature
 * values cross between them; the signed files must still pass pdfsig, and a signature that does not
 * belong to the certificate is refused.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFails, callOk, downloadFile, startTestServer, uploadFile, type TestServer } from './support/server';
import { PRINCIPAL, pdfsig, setupTokens, type TokenFixture } from './signing/fixture';
import { USER_PIN } from '../support/softhsm';
import { startTestTsa } from '../support/tsa';
import { pdfkitDoc } from '../unit/signing/pdfs';
import { TokenSigner } from '../../src-main/electron/tokenSigner';
import {
  signOnThisPc,
  type ProcedureCaller,
  type TokenBridge,
} from '../../src-renderer/office/documents/sign/signOnThisPc';
import type { Result } from '../../src-shared/api/envelope';
import type { DocumentView, TokenView } from '../../src-shared/api/documents';
import type { LocalTokenList } from '../../src-shared/api/bridge';

let tokens: TokenFixture;
let server: TestServer;
let principal: string;
let teacher: string;
let client: ProcedureCaller;
const office = new TokenSigner();
// The preload's bridge is these calls over IPC; here they are called directly.
const bridge: TokenBridge = {
  openTokenSession: (r) => office.open(r),
  signWithToken: (r) => office.sign(r),
  closeTokenSession: async (r) => office.close(r),
};

const ok = <T>(name: string, input: unknown, token: string) => callOk<T>(server, name, input, token);
async function submit(name: string, data: Buffer, title: string): Promise<DocumentView> {
  const fileId = await uploadFile(server, teacher, name, data);
  return ok<DocumentView>('documents.submit', { fileId, title, kind: 'report' }, teacher);
}
const docRef = (d: DocumentView) => ({ id: d.id, title: d.title });
const tokenChoice = (pin = USER_PIN) => ({
  modulePath: tokens.hsm.module,
  tokenLabel: PRINCIPAL,
  tokenSerial: tokens.principalSerial,
  certSerial: tokens.rsa.serial,
  pin,
});

beforeAll(async () => {
  tokens = setupTokens();
  server = await startTestServer({ demo: true });
  principal = await server.login('principal', 'demo');
  teacher = await server.login('teacher', 'demo');
  // The office PC's procedure client: the principal's session, over HTTP.
  client = {
    call: async (name, input) => (await server.call(name, input, principal)).body as Result<never>,
  };
}, 60_000);
afterAll(async () => {
  office.closeAll();
  await server?.close();
  tokens?.cleanup();
});

describe('signing with the token on an office PC', () => {
  it('lists the tokens plugged into this PC as the server lists its own', () => {
    const listed = office.list({ modulePath: tokens.hsm.module });
    expect(listed.ok).toBe(true);
    const token = (listed as { value: LocalTokenList }).value.tokens.find((tk: TokenView) => tk.label === PRINCIPAL)!;
    expect(token.serial).toBe(tokens.principalSerial);
    expect(token.certificates.find((c) => c.serial === tokens.rsa.serial)).toMatchObject({
      holder: 'Nguyễn Thị Hằng',
      problem: null,
    });
    expect(office.list({ modulePath: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('signs PDFs and a spreadsheet with one PIN; a damaged file fails alone; the files pass pdfsig', async () => {
    const a = await submit('hoc-ba.pdf', await pdfkitDoc({ pages: 2, title: 'Hoc ba' }), 'Học bạ lớp 2B');
    const b = await submit('bao-cao.pdf', await pdfkitDoc({ title: 'Bao cao' }), 'Báo cáo tháng');
    const sheet = Buffer.from('PK\u0003\u0004 bytes to sign');
    const c = await submit('thong-ke.xlsx', sheet, 'Thống kê');
    const broken = await submit('hong.pdf', Buffer.from('%PDF-1.7\n garbage without objects'), 'Tệp hỏng');
    const progress: number[] = [];
    const { result, stopped } = await signOnThisPc(
      client,
      bridge,
      {
        documents: [a, b, c, broken].map(docRef),
        token: tokenChoice(),
        visible: 'bottom-right',
        position: 'Hiệu trưởng',
      },
      (done) => progress.push(done),
    );
    expect(stopped).toBeNull();
    expect(result.signed.map((s) => s.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(result.failed).toEqual([{ id: broken.id, title: 'Tệp hỏng', message: expect.stringMatching(/PDF/) }]);
    expect(progress).toEqual([0, 4]);
    expect(office.openSessions).toBe(0);

    for (const doc of [a, b]) {
      const view = await ok<DocumentView>('documents.get', { id: doc.id }, teacher);
      expect(view).toMatchObject({ status: 'signed', signerName: 'Nguyễn Thị Hằng' });
      const sigs = pdfsig(await downloadFile(server, teacher, view.signedFile!.id), tokens.dir);
      expect(sigs).toEqual([expect.objectContaining({ valid: true, total: true, signer: 'Nguyễn Thị Hằng' })]);
    }
    expect((await ok<DocumentView>('documents.get', { id: c.id }, teacher)).signedFile!.name).toBe('thong-ke.xlsx.p7s');
    expect((await ok<DocumentView>('documents.get', { id: broken.id }, teacher)).status).toBe('submitted');
  });

  it('goes through the queue in rounds, reporting progress, with one login', async () => {
    const docs: DocumentView[] = [];
    for (let i = 1; i <= 23; i++) docs.push(await submit(`van-ban-${i}.pdf`, await pdfkitDoc(), `Văn bản ${i}`));
    const progress: number[] = [];
    const { result, stopped } = await signOnThisPc(
      client,
      bridge,
      { documents: docs.map(docRef), token: tokenChoice(), visible: 'none', position: '' },
      (done, total) => progress.push(done / total),
    );
    expect(stopped).toBeNull();
    expect(result.failed).toEqual([]);
    expect(result.signed).toHaveLength(23);
    expect(progress).toEqual([0, 20 / 23, 1]);
  });

  it('stops on a wrong PIN before anything is prepared, with the token’s Vietnamese message', async () => {
    const doc = await submit('pin.pdf', await pdfkitDoc(), 'Thử PIN sai');
    const { result, stopped } = await signOnThisPc(client, bridge, {
      documents: [docRef(doc)],
      token: tokenChoice('000000'),
      visible: 'none',
      position: '',
    });
    expect(stopped).toMatch(/PIN/);
    expect(result).toEqual({ signed: [], failed: [], timestampNote: null });
    expect((await ok<DocumentView>('documents.get', { id: doc.id }, teacher)).status).toBe('submitted');
    // A right PIN resets the token's counter for the tests after this one.
    expect(
      (
        await signOnThisPc(client, bridge, {
          documents: [docRef(doc)],
          token: tokenChoice(),
          visible: 'none',
          position: '',
        })
      ).result.signed,
    ).toHaveLength(1);
  });

  it('reports documents withdrawn since the queue was shown and signs the others', async () => {
    const kept = await submit('giu.pdf', await pdfkitDoc(), 'Giữ lại');
    const gone = await submit('rut.pdf', await pdfkitDoc(), 'Rút lại');
    await ok('documents.withdraw', { id: gone.id, version: gone.version }, teacher);
    const { result } = await signOnThisPc(client, bridge, {
      documents: [kept, gone].map(docRef),
      token: tokenChoice(),
      visible: 'none',
      position: '',
    });
    expect(result.signed.map((s) => s.id)).toEqual([kept.id]);
    expect(result.failed).toEqual([
      { id: gone.id, title: 'Rút lại', message: expect.stringContaining('không còn chờ ký') },
    ]);
  });

  it('refuses a signature that does not belong to the certificate, and an unknown or used-up round', async () => {
    const doc = await submit('gia.pdf', await pdfkitDoc(), 'Chữ ký giả');
    const prepared = await ok<{ batchId: string; items: { id: number; toBeSigned: string }[] }>(
      'documents.remoteSign.prepare',
      { ids: [doc.id], certificate: tokens.rsa.cert.toString('base64') },
      principal,
    );
    expect(prepared.items).toHaveLength(1);
    // Signed with another key (the school seal's): the server must not write it into the file.
    const forged = crypto.sign('sha256', Buffer.from(prepared.items[0]!.toBeSigned, 'base64'), tokens.clerkKey.key);
    const finished = await ok<{ signed: unknown[]; failed: { message: string }[] }>(
      'documents.remoteSign.finish',
      { batchId: prepared.batchId, signatures: [{ id: doc.id, signature: forged.toString('base64') }] },
      principal,
    );
    expect(finished.signed).toEqual([]);
    expect(finished.failed[0]!.message).toContain('không khớp');
    expect((await ok<DocumentView>('documents.get', { id: doc.id }, teacher)).status).toBe('submitted');
    // The round was used up by that answer.
    const again = await callFails(
      server,
      'documents.remoteSign.finish',
      { batchId: prepared.batchId, signatures: [] },
      principal,
    );
    expect(again).toMatchObject({ code: 'not_found', message: expect.stringContaining('hết hạn') });
  });

  it('refuses a certificate that cannot sign, naming why', async () => {
    const doc = await submit('het-han.pdf', await pdfkitDoc(), 'Chứng thư hết hạn');
    const expired = await callFails(
      server,
      'documents.remoteSign.prepare',
      { ids: [doc.id], certificate: tokens.expired.cert.toString('base64') },
      principal,
    );
    expect(expired).toMatchObject({ code: 'rule_violation', message: expect.stringContaining('hết hạn') });
    const garbage = await callFails(
      server,
      'documents.remoteSign.prepare',
      { ids: [doc.id], certificate: Buffer.from('not a certificate').toString('base64') },
      principal,
    );
    expect(garbage.code).toBe('invalid_input');
  });

  it('stamps what the office PC signed with the school’s timestamp server, numbering in queue order', async () => {
    const tsa = await startTestTsa(tokens.ca);
    try {
      await ok('signing.settings.set', { timestampUrl: tsa.url, timestampTimeoutMs: 5000 }, principal);
      const docs: DocumentView[] = [];
      for (let i = 1; i <= 5; i++) docs.push(await submit(`dau-${i}.pdf`, await pdfkitDoc(), `Có dấu ${i}`));
      const { result, stopped } = await signOnThisPc(client, bridge, {
        documents: docs.map(docRef),
        token: tokenChoice(),
        visible: 'none',
        position: '',
      });
      expect(stopped).toBeNull();
      expect(result.timestampNote).toBeNull();
      expect(result.signed.map((d) => [d.id, d.timestamped])).toEqual(docs.map((d) => [d.id, true]));
      const numbers = result.signed.map((d) => Number(d.registerNumber.split('/')[0]));
      expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
      expect(tsa.requests).toBe(5);
      const view = await ok<DocumentView>('documents.get', { id: docs[4]!.id }, principal);
      const check = await ok<{ signatures: { level: string }[] }>(
        'signing.verify',
        { fileId: view.signedFile!.id },
        principal,
      );
      expect(check.signatures[0]!.level).toBe('B-T');
    } finally {
      await ok('signing.settings.set', { timestampUrl: '', timestampTimeoutMs: 10000 }, principal);
      await tsa.close();
    }
  });

  it('waits for a silent timestamp server in one round only, then signs the rest B-B at once', async () => {
    const tsa = await startTestTsa(tokens.ca);
    tsa.mode = 'hang';
    try {
      await ok('signing.settings.set', { timestampUrl: tsa.url, timestampTimeoutMs: 1000 }, principal);
      const docs: DocumentView[] = [];
      for (let i = 1; i <= 22; i++) docs.push(await submit(`im-lang-${i}.pdf`, await pdfkitDoc(), `Im lặng ${i}`));
      const { result, stopped } = await signOnThisPc(client, bridge, {
        documents: docs.map(docRef),
        token: tokenChoice(),
        visible: 'none',
        position: '',
      });
      expect(stopped).toBeNull();
      expect(result.signed).toHaveLength(22);
      expect(result.signed.every((d) => !d.timestamped)).toBe(true);
      expect(result.timestampNote).toMatch(/không trả lời/);
      // The first round's 20 asked (at once); the second round's 2 did not ask again.
      expect(tsa.requests).toBeGreaterThan(0);
      expect(tsa.requests).toBeLessThanOrEqual(20);
    } finally {
      await ok('signing.settings.set', { timestampUrl: '', timestampTimeoutMs: 10000 }, principal);
      await tsa.close();
    }
  });

  // Last: it destroys the token.
  it('keeps what earlier rounds signed when the token goes away mid-run, and the rest stays queued', async () => {
    const docs: DocumentView[] = [];
    for (let i = 1; i <= 22; i++) docs.push(await submit(`rut-token-${i}.pdf`, await pdfkitDoc(), `Rút token ${i}`));
    const { result, stopped } = await signOnThisPc(
      client,
      bridge,
      { documents: docs.map(docRef), token: tokenChoice(), visible: 'none', position: '' },
      (done) => {
        // After the first round, the token is pulled out (its store deleted under the running module).
        if (done === 20) {
          execFileSync('softhsm2-util', ['--delete-token', '--token', PRINCIPAL], {
            env: { ...process.env, ...tokens.hsm.env },
            stdio: 'ignore',
          });
        }
      },
    );
    expect(result.signed).toHaveLength(20);
    expect(stopped).toContain('Token đã bị rút ra');
    expect(office.openSessions).toBe(0);
    for (const d of docs.slice(20)) {
      expect((await ok<DocumentView>('documents.get', { id: d.id }, teacher)).status).toBe('submitted');
    }
  });
});
