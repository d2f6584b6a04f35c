/**
 * Submitting documents for signature (trình ký) through the procedures over a real SQLite file: a
 * teacher submits, the principal's queue shows it, the principal returns one with a reason, the
 * submitter withdraws another, signed ones get register numbers in order and make up the register
 * (exported to xlsx and read back), and files are downloadable by the people the document concerns.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callFails,
  callOk,
  downloadFile,
  startTestServer,
  uploadFile,
  waitForJob,
  type TestServer,
} from './support/server';
import type { DocumentView } from '../../src-shared/api/documents';
import { recordSigned } from '../../src-main/core/documents/service';
import { createUser } from '../../src-main/core/auth/users';
import type { SessionUser } from '../../src-main/core/context';

let server: TestServer;
let principal: string;
let clerk: string;
let teacher: string;
let otherTeacher: string;

const ok = <T>(name: string, input: unknown, token: string) => callOk<T>(server, name, input, token);
const fails = (name: string, input: unknown, token: string) => callFails(server, name, input, token);

const upload = (token: string, name: string, content: string) =>
  uploadFile(
    server,
    token,
    name,
    Buffer.from(`%PDF-1.4
% ${content}
`),
  );

async function submit(token: string, title: string, extra: object = {}): Promise<DocumentView> {
  const fileId = await upload(token, `${title}.pdf`, title);
  return ok<DocumentView>('documents.submit', { fileId, title, kind: 'report', ...extra }, token);
}

function principalUser(): SessionUser {
  return server.app.store
    .statement(`SELECT id, username, full_name AS fullName, role FROM users WHERE username = 'principal'`)
    .get() as SessionUser;
}

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  principal = await server.login('principal', 'demo');
  clerk = await server.login('clerk', 'demo');
  teacher = await server.login('teacher', 'demo');
  await createUser(server.app.store, {
    username: 'gv.khac',
    fullName: 'Lê Văn Khác',
    role: 'teacher',
    password: 'gv-khac-pass-1',
    mustChangePassword: false,
  });
  otherTeacher = await server.login('gv.khac', 'gv-khac-pass-1');
});
afterAll(() => server.close());

describe('submitting and deciding', () => {
  it('puts a teacher’s submission in the principal’s queue, oldest first, and nowhere for other teachers', async () => {
    const first = await submit(teacher, 'Báo cáo sĩ số lớp 1A', { note: 'Kính trình cô Hiệu trưởng' });
    const second = await submit(teacher, 'Kế hoạch tháng 12', { kind: 'plan' });
    expect(first).toMatchObject({
      status: 'submitted',
      submittedBy: { fullName: expect.any(String) },
      note: 'Kính trình cô Hiệu trưởng',
      registerNumber: null,
    });
    const queue = await ok<{ rows: DocumentView[] }>('documents.list', { scope: 'queue' }, principal);
    const ids = queue.rows.map((d) => d.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(
      (await ok<{ rows: DocumentView[] }>('documents.list', { scope: 'mine' }, teacher)).rows.map((d) => d.id),
    ).toEqual(expect.arrayContaining([first.id, second.id]));
    expect((await ok<{ rows: DocumentView[] }>('documents.list', {}, otherTeacher)).rows).toEqual([]);
    expect((await fails('documents.get', { id: first.id }, otherTeacher)).code).toBe('not_found');
    expect(
      (await ok<{ rows: DocumentView[] }>('documents.list', { search: 'bao cao si so' }, clerk)).rows.map((d) => d.id),
    ).toEqual([first.id]);
  });

  it('refuses to submit someone else’s file', async () => {
    const fileId = await upload(clerk, 'cua-van-thu.pdf', 'của văn thư');
    const refused = await fails('documents.submit', { fileId, title: 'Không phải của tôi', kind: 'other' }, teacher);
    expect(refused).toMatchObject({ code: 'forbidden', details: { field: 'fileId' } });
    expect((await fails('documents.submit', { fileId: 999999, title: 'Không có', kind: 'other' }, teacher)).code).toBe(
      'not_found',
    );
  });

  it('returns a document with a reason the submitter then sees; a decided one cannot be decided again', async () => {
    const doc = await submit(teacher, 'Danh sách học sinh khen thưởng');
    const short = await fails('documents.return', { id: doc.id, version: doc.version, reason: 'x' }, principal);
    expect(short.code).toBe('invalid_input');
    expect(
      (await fails('documents.return', { id: doc.id, version: doc.version, reason: 'Thiếu chữ ký' }, teacher)).code,
    ).toBe('forbidden');
    const returned = await ok<DocumentView>(
      'documents.return',
      { id: doc.id, version: doc.version, reason: 'Sai số liệu cột nữ, đề nghị sửa lại' },
      principal,
    );
    expect(returned).toMatchObject({
      status: 'returned',
      returnReason: 'Sai số liệu cột nữ, đề nghị sửa lại',
      decidedBy: 'Trần Thị Thu Hà',
    });
    const seen = await ok<DocumentView>('documents.get', { id: doc.id }, teacher);
    expect(seen.status).toBe('returned');
    const again = await fails(
      'documents.return',
      { id: doc.id, version: returned.version, reason: 'Lần nữa' },
      principal,
    );
    expect(again.code).toBe('rule_violation');
    expect(again.message).toContain('Bị trả lại');
    const stale = await fails('documents.return', { id: doc.id, version: doc.version, reason: 'Cũ rồi' }, principal);
    expect(stale.code).toBe('conflict');
  });

  it('lets only the submitter withdraw a pending document', async () => {
    const doc = await submit(teacher, 'Đề xuất mua máy chiếu');
    expect((await fails('documents.withdraw', { id: doc.id, version: doc.version }, clerk)).code).toBe('forbidden');
    // Someone who may not see the document is told it does not exist, as documents.get tells them.
    const hidden = await server.call('documents.withdraw', { id: doc.id, version: doc.version }, otherTeacher);
    const unseen = await server.call('documents.get', { id: doc.id }, otherTeacher);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(unseen.body);
    expect(hidden.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const withdrawn = await ok<DocumentView>('documents.withdraw', { id: doc.id, version: doc.version }, teacher);
    expect(withdrawn.status).toBe('withdrawn');
    const queue = await ok<{ rows: DocumentView[] }>('documents.list', { scope: 'queue' }, principal);
    expect(queue.rows.map((d) => d.id)).not.toContain(doc.id);
  });
});

describe('the register', () => {
  it('numbers signed documents in order, lists and exports them, and lets the submitter download the signed file', async () => {
    const a = await submit(teacher, 'Quyết định khen thưởng học sinh', {
      kind: 'decision',
      summary: 'Khen thưởng học kỳ I',
    });
    const b = await submit(clerk, 'Công văn gửi Phòng GDĐT', { kind: 'letter' });
    const signer = principalUser();
    const signedFile = server.app.files.put(Buffer.from('%PDF-1.7 signed'), {
      name: 'da-ky.pdf',
      mime: 'application/pdf',
      createdBy: signer.id,
    });
    const at = new Date('2026-12-01T03:00:00Z');
    const sa = recordSigned(server.app.store, signer, 'vi', a.id, {
      fileId: signedFile.id,
      signerName: 'Trần Thị Thu Hà',
      signerSerial: '01AB',
      at,
    });
    const sb = recordSigned(server.app.store, signer, 'vi', b.id, {
      fileId: signedFile.id,
      signerName: 'Trần Thị Thu Hà',
      signerSerial: '01AB',
      at,
    });
    const [na, nb] = [Number(sa.registerNumber!.split('/')[0]), Number(sb.registerNumber!.split('/')[0])];
    expect(nb).toBe(na + 1);
    expect(sa.registerNumber).toMatch(/\/2026$/);
    expect(() =>
      recordSigned(server.app.store, signer, 'vi', a.id, { fileId: signedFile.id, signerName: 'X', signerSerial: '1' }),
    ).toThrow();

    const register = await ok<{ rows: DocumentView[] }>('documents.register', { year: 2026 }, clerk);
    expect(register.rows.map((d) => d.registerNumber)).toEqual([sb.registerNumber, sa.registerNumber]);
    expect((await fails('documents.register', {}, teacher)).code).toBe('forbidden');

    const started = await ok<{ jobId: string }>('documents.register.export', { year: 2026 }, clerk);
    const result = await waitForJob<{ fileId: number; rows: number }>(server, clerk, started);
    expect(result.rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await downloadFile(server, clerk, result.fileId)) as unknown as ArrayBuffer);
    const text: string[] = [];
    wb.worksheets[0]!.eachRow((row) => text.push((row.values as unknown[]).map((v) => String(v ?? '')).join('|')));
    expect(text.join('\n')).toContain('Quyết định khen thưởng học sinh — Khen thưởng học kỳ I');
    expect(text.join('\n')).toContain('01/12/2026');

    // The teacher may download the signed file of their document, the other teacher may not.
    expect((await downloadFile(server, teacher, signedFile.id)).toString()).toContain('signed');
    await expect(downloadFile(server, otherTeacher, signedFile.id)).rejects.toThrow();
  });
});
