/**
 * The two registers NĐ 30/2020 has the clerk keep, through the procedures over a real SQLite file:
 * - sổ văn bản đi: a signed document enters with its number and a ký hiệu made from its kind and the
 *   school's name; the clerk completes nơi nhận, số lượng bản and ghi chú; the export has the decree's
 *   columns; teachers may not touch it; an unsigned document has no line to complete;
 * - sổ văn bản đến: the clerk (or the principal) registers what arrived, numbered from 1 in each year of
 *   arrival; a received signed PDF has its signature checked; wrong dates and missing fields are refused
 *   with messages that name the field in Vietnamese; each write leaves an audit row that says what it did.
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
import type { DocumentView, IncomingView } from '../../src-shared/api/documents';
import { recordSigned } from '../../src-main/core/documents/service';
import type { SessionUser } from '../../src-main/core/context';
import { keySigner, signPdf } from '../../src-main/core/signing';
import { issue, newKey, testCa } from '../unit/signing/pki';
import { pdfkitDoc } from '../unit/signing/pdfs';
import { todayIso } from '../../src-shared/domain/dates';
import { describeAuditRow } from '../../src-shared/domain/auditSentences';
import { t } from '../../src-shared/i18n';

let server: TestServer;
let principal: string;
let clerk: string;
let teacher: string;

const ok = <T>(name: string, input: unknown, token: string) => callOk<T>(server, name, input, token);
const fails = (name: string, input: unknown, token: string) => callFails(server, name, input, token);

function principalUser(): SessionUser {
  return server.app.store
    .statement(`SELECT id, username, full_name AS fullName, role FROM users WHERE username = 'principal'`)
    .get() as SessionUser;
}

async function xlsxText(token: string, fileId: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await downloadFile(server, token, fileId)) as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.worksheets[0]!.eachRow((row) => lines.push((row.values as unknown[]).map((v) => String(v ?? '')).join('|')));
  return lines.join('\n');
}

function auditRow(action: string, target: string) {
  return server.app.store.db
    .prepare(`SELECT action, target, details FROM audit_log WHERE action = ? AND target = ? ORDER BY id DESC`)
    .get(action, target) as { action: string; target: string; details: string | null } | undefined;
}

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  principal = await server.login('principal', 'demo');
  clerk = await server.login('clerk', 'demo');
  teacher = await server.login('teacher', 'demo');
}, 60_000);
afterAll(() => server.close());

describe('sổ đăng ký văn bản đi', () => {
  let signed: DocumentView;

  it('enters a signed document with its number and a ký hiệu from its kind and the school', async () => {
    const fileId = await uploadFile(server, teacher, 'qd.pdf', Buffer.from('%PDF-1.4\n% QĐ\n'));
    const doc = await ok<DocumentView>(
      'documents.submit',
      { fileId, title: 'Quyết định công nhận học sinh xuất sắc', kind: 'decision', summary: 'Học kỳ I' },
      teacher,
    );
    const signer = principalUser();
    const signedFile = server.app.files.put(Buffer.from('%PDF-1.7 signed'), {
      name: 'qd-da-ky.pdf',
      mime: 'application/pdf',
      createdBy: signer.id,
    });
    signed = recordSigned(server.app.store, signer, 'vi', doc.id, {
      fileId: signedFile.id,
      signerName: 'Trần Thị Thu Hà',
      signerSerial: '01AB',
      at: new Date('2026-11-20T03:00:00Z'),
    });
    // Trường Tiểu học Nguyễn Trãi → THNT; a quyết định → QĐ.
    expect(signed.symbol).toBe('QĐ-THNT');
    expect(signed).toMatchObject({ recipients: '', copies: null, registerNote: '' });
    const register = await ok<{ rows: DocumentView[] }>('documents.register', { year: 2026 }, clerk);
    expect(register.rows.map((d) => d.id)).toContain(doc.id);
  });

  it('lets the clerk complete the line, refuses a teacher, and names the field of a wrong value', async () => {
    const line = {
      id: signed.id,
      version: signed.version,
      symbol: 'QĐ-THNT',
      recipients: 'Phòng GDĐT; Lưu: VT',
      copies: 3,
      registerNote: 'Gửi kèm danh sách',
    };
    expect((await fails('documents.outgoing.update', line, teacher)).code).toBe('forbidden');
    const zero = await fails('documents.outgoing.update', { ...line, copies: 0 }, clerk);
    expect(zero.code).toBe('invalid_input');
    expect(zero.message).toContain('Số lượng bản');
    const spaced = await fails('documents.outgoing.update', { ...line, symbol: '12/QĐ THNT' }, clerk);
    expect(spaced.message).toContain('Ký hiệu văn bản');

    const saved = await ok<DocumentView>('documents.outgoing.update', line, clerk);
    expect(saved).toMatchObject({ recipients: 'Phòng GDĐT; Lưu: VT', copies: 3, registerNote: 'Gửi kèm danh sách' });
    // An edit made on an old copy of the line is refused, not silently overwritten.
    expect((await fails('documents.outgoing.update', line, clerk)).code).toBe('conflict');

    const row = auditRow('documents.outgoing.update', `document:${signed.id}`);
    expect(row).toBeDefined();
  });

  it('has no line for a document not signed', async () => {
    const fileId = await uploadFile(server, clerk, 'cv.pdf', Buffer.from('%PDF-1.4\n% CV\n'));
    const pending = await ok<DocumentView>(
      'documents.submit',
      { fileId, title: 'Công văn chờ ký', kind: 'letter' },
      clerk,
    );
    const refused = await fails(
      'documents.outgoing.update',
      { id: pending.id, version: pending.version, symbol: 'THNT', recipients: 'X', copies: 1, registerNote: '' },
      clerk,
    );
    expect(refused.code).toBe('rule_violation');
    expect(refused.message).toContain('chưa được ký');
  });

  it('exports the register with the columns of NĐ 30/2020 and the number written with its ký hiệu', async () => {
    const started = await ok<{ jobId: string }>('documents.register.export', { year: 2026 }, clerk);
    const result = await waitForJob<{ fileId: number }>(server, clerk, started);
    const text = await xlsxText(clerk, result.fileId);
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    for (const header of ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Người ký', 'Nơi nhận văn bản', 'Số lượng bản'])
      expect(text).toContain(header);
    expect(text).toContain(`${signed.registerNumber!.split('/')[0]}/QĐ-THNT|20/11/2026`);
    expect(text).toContain('Phòng GDĐT; Lưu: VT');
  });
});

describe('sổ đăng ký văn bản đến', () => {
  const entry = {
    receivedOn: '2025-12-30',
    sender: 'Phòng Giáo dục và Đào tạo',
    reference: '125/PGDĐT-TH',
    documentDate: '2025-12-28',
    kind: 'Công văn',
    summary: 'V/v tổ chức kiểm tra cuối học kỳ I',
    recipient: 'Hiệu trưởng',
    note: '',
  };

  it('numbers what arrives from 1 in each calendar year, the clerk and the principal alike', async () => {
    const a = await ok<IncomingView>('documents.incoming.add', entry, clerk);
    const b = await ok<IncomingView>('documents.incoming.add', { ...entry, receivedOn: '2025-12-31' }, principal);
    const c = await ok<IncomingView>(
      'documents.incoming.add',
      { ...entry, receivedOn: '2026-01-05', documentDate: '2026-01-02', reference: '3/SGDĐT-GDTH' },
      clerk,
    );
    expect([a.year, a.number, b.year, b.number]).toEqual([2025, 1, 2025, 2]);
    // Số đến starts again on the first of January.
    expect([c.year, c.number]).toEqual([2026, 1]);

    const list2025 = await ok<{ rows: IncomingView[] }>('documents.incoming.list', { year: 2025 }, clerk);
    expect(list2025.rows.map((r) => r.number)).toEqual([2, 1]);
    const found = await ok<{ rows: IncomingView[] }>('documents.incoming.list', { search: 'sgddt' }, clerk);
    expect(found.rows.map((r) => r.id)).toEqual([c.id]);

    // The audit log says what was done, in a sentence.
    const row = auditRow('documents.incoming.add', `incoming:${a.id}`);
    const details = JSON.parse(row!.details!) as Record<string, unknown>;
    expect(details).toMatchObject({ number: '1/2025', sender: 'Phòng Giáo dục và Đào tạo' });
    const sentence = describeAuditRow(
      {
        action: 'documents.incoming.add',
        target: `incoming:${a.id}`,
        outcome: 'ok',
        username: 'clerk',
        details,
        actorName: 'Văn thư',
        names: {},
        targetClass: null,
      },
      (key, params) => t('vi', key, params),
      () => null,
    ).sentence;
    expect(sentence).toContain('vào sổ văn bản đến số 1/2025 (Phòng Giáo dục và Đào tạo)');
  });

  it('keeps teachers out', async () => {
    expect((await fails('documents.incoming.list', {}, teacher)).code).toBe('forbidden');
    expect((await fails('documents.incoming.add', entry, teacher)).code).toBe('forbidden');
  });

  it('refuses missing fields and impossible dates with messages that name the field', async () => {
    const noSender = await fails('documents.incoming.add', { ...entry, sender: '  ' }, clerk);
    expect(noSender.code).toBe('invalid_input');
    expect(noSender.message).toContain('tác giả');
    const noSummary = await fails('documents.incoming.add', { ...entry, summary: '' }, clerk);
    expect(noSummary.message).toContain('trích yếu');
    const badDate = await fails('documents.incoming.add', { ...entry, receivedOn: '2025-02-30' }, clerk);
    expect(badDate.message).toContain('Ngày đến');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const future = await fails('documents.incoming.add', { ...entry, receivedOn: todayIso(tomorrow) }, clerk);
    expect(future.message).toContain('Ngày đến không thể sau hôm nay');
    const before = await fails('documents.incoming.add', { ...entry, documentDate: '2026-01-01' }, clerk);
    expect(before.message).toContain('Ngày văn bản không thể sau ngày đến');
  });

  it('corrects a line keeping its number, and refuses moving it to another year', async () => {
    const added = await ok<IncomingView>('documents.incoming.add', { ...entry, receivedOn: '2026-02-02' }, clerk);
    const fixed = await ok<IncomingView>(
      'documents.incoming.update',
      { ...entry, receivedOn: '2026-02-03', documentDate: null, id: added.id, version: added.version, note: 'Bản gốc' },
      clerk,
    );
    expect(fixed).toMatchObject({ number: added.number, year: 2026, receivedOn: '2026-02-03', note: 'Bản gốc' });
    const moved = await fails(
      'documents.incoming.update',
      { ...entry, receivedOn: '2025-12-30', id: added.id, version: fixed.version },
      clerk,
    );
    expect(moved.message).toContain('Ngày đến phải trong năm 2026');
  });

  it('checks the signature of a received signed PDF and keeps the verdict on its line', async () => {
    const ca = testCa('Nhà cung cấp chứng thực thử nghiệm');
    const sender = issue({
      subject: { C: 'VN', O: 'Phòng Giáo dục và Đào tạo', CN: 'Nguyễn Văn Trưởng Phòng' },
      key: newKey('RSA'),
      issuer: { cert: ca.cert, key: ca.key, subject: ca.subject },
    });
    const pdf = await signPdf(await pdfkitDoc({ title: 'Cong van den' }), keySigner(sender.key, sender.cert), {
      reason: 'Ban hành',
    });
    const fileId = await uploadFile(server, clerk, 'cong-van-den.pdf', pdf);
    const signedEntry = await ok<IncomingView>('documents.incoming.add', { ...entry, fileId }, clerk);
    expect(signedEntry.file).toMatchObject({ id: fileId, name: 'cong-van-den.pdf' });
    expect(signedEntry.signature?.valid).toBe(true);
    expect(signedEntry.signature?.verdict).toBeTruthy();

    const plainId = await uploadFile(server, clerk, 'scan.pdf', await pdfkitDoc({ title: 'Scan' }));
    const plain = await ok<IncomingView>('documents.incoming.add', { ...entry, fileId: plainId }, clerk);
    expect(plain.signature?.valid).toBe(false);

    // The principal may read the received file; a teacher may not.
    expect((await downloadFile(server, principal, fileId)).length).toBe(pdf.length);
    await expect(downloadFile(server, teacher, fileId)).rejects.toThrow();
  });

  it('exports the register with the columns of NĐ 30/2020', async () => {
    const started = await ok<{ jobId: string }>('documents.incoming.export', { year: 2025 }, clerk);
    const result = await waitForJob<{ fileId: number; rows: number }>(server, clerk, started);
    const text = await xlsxText(clerk, result.fileId);
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    for (const header of ['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Đơn vị hoặc người nhận', 'Ký nhận'])
      expect(text).toContain(header);
    expect(text).toContain('30/12/2025|1|Phòng Giáo dục và Đào tạo|125/PGDĐT-TH|28/12/2025');
  });
});
