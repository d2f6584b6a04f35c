import { describe, expect, it } from 'vitest';
import { api } from '../../../src-shared/api';
import { AUDIT_SENTENCES, describeAuditRow, type AuditRowForSentence } from '../../../src-shared/domain/auditSentences';
import { t, type Locale, type MessageKey } from '../../../src-shared/i18n';
import { vi } from '../../../src-shared/i18n/vi';

const tr = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);
const noLabel = () => null;

function row(over: Partial<AuditRowForSentence>): AuditRowForSentence {
  return {
    action: 'records.pupils.transferOut',
    target: 'pupil:15',
    outcome: 'ok',
    username: 'vanthu',
    details: null,
    actorName: 'Nguyễn Thị An',
    names: { 'pupil:15': 'Nguyễn Trung Bảo' },
    targetClass: '1A',
    ...over,
  };
}

describe('audit sentences', () => {
  it('have an entry for every procedure that writes or reads personal data, so none is forgotten', () => {
    const audited = Object.entries(api)
      .filter(([, c]) => c.audit !== 'none')
      .map(([name]) => name);
    expect(audited.filter((name) => !(name in AUDIT_SENTENCES))).toEqual([]);
  });

  it('name every field a procedure logs, in both languages', () => {
    for (const [name, entry] of Object.entries(AUDIT_SENTENCES)) {
      for (const field of entry.shows ?? []) {
        expect(`auditField.${field}` in vi, `${name}: ${field}`).toBe(true);
      }
    }
    // Personal-data procedures log only the names of the fields given: each needs a label.
    for (const [name, contract] of Object.entries(api)) {
      if (contract.auditInput !== 'keys') continue;
      let schema: unknown = contract.input;
      while (schema && !(schema as { shape?: unknown }).shape) {
        const def = (schema as { def?: { innerType?: unknown; in?: unknown } }).def;
        schema = def?.innerType ?? def?.in;
      }
      for (const field of Object.keys((schema as { shape?: object } | undefined)?.shape ?? {})) {
        if (field === 'id' || field === 'version') continue;
        expect(`auditField.${field}` in vi, `${name}: ${field}`).toBe(true);
      }
    }
  });

  it('say who did what to whom, in Vietnamese and in English', () => {
    expect(describeAuditRow(row({}), tr('vi'), noLabel).sentence).toBe(
      'Nguyễn Thị An chuyển học sinh Nguyễn Trung Bảo (1A) đi trường khác',
    );
    expect(describeAuditRow(row({}), tr('en'), noLabel).sentence).toBe(
      'Nguyễn Thị An: transfer pupil Nguyễn Trung Bảo (1A) to another school',
    );
    // A refused attempt, and a pupil removed since: their id, plainly.
    expect(
      describeAuditRow(row({ outcome: 'forbidden', names: {}, targetClass: null }), tr('vi'), noLabel).sentence,
    ).toBe('Nguyễn Thị An định chuyển học sinh #15 đi trường khác');
  });

  it('show the values of administrative changes and only the names of personal-data fields', () => {
    const classUpdate = describeAuditRow(
      row({
        action: 'records.classes.update',
        target: 'class:3',
        names: { 'class:3': '1A', 'staff:7': 'Lê Thị Hoa', 'room:2': 'Phòng 2 (P2)' },
        details: { input: { id: 3, version: 1, name: '1A', homeroomStaffId: 7, roomId: 2, sessionsPerDay: 2 } },
      }),
      tr('vi'),
      noLabel,
    );
    expect(classUpdate.sentence).toBe('Nguyễn Thị An sửa lớp 1A');
    expect(classUpdate.changes.map((c) => `${c.label}: ${c.value}`)).toEqual([
      'Tên: 1A',
      'Giáo viên chủ nhiệm: Lê Thị Hoa',
      'Phòng: Phòng 2 (P2)',
      'Số buổi/ngày: 2',
    ]);

    const roomCreate = describeAuditRow(
      row({
        action: 'records.rooms.create',
        target: 'room:9',
        names: { 'room:9': 'Phòng Tin học 2 (P.TH2)' },
        details: {
          input: { code: 'P.TH2', name: 'Phòng Tin học 2', seats: 35, areaM2: null, hasProjector: true, notes: '' },
        },
      }),
      tr('vi'),
      noLabel,
    );
    expect(roomCreate.sentence).toBe('Nguyễn Thị An thêm phòng Phòng Tin học 2 (P.TH2)');
    // A new record's empty fields are left out.
    expect(roomCreate.changes.map((c) => `${c.label}: ${c.value}`)).toEqual([
      'Mã: P.TH2',
      'Tên: Phòng Tin học 2',
      'Số chỗ ngồi: 35',
      'Có máy chiếu: Có',
    ]);

    const pupilUpdate = describeAuditRow(
      row({
        action: 'records.pupils.update',
        details: { input: { fields: ['id', 'version', 'birthDate', 'address'] } },
      }),
      tr('vi'),
      noLabel,
    );
    expect(pupilUpdate.sentence).toBe('Nguyễn Thị An sửa hồ sơ học sinh Nguyễn Trung Bảo (1A)');
    expect(pupilUpdate.changes).toEqual([]);
    expect(pupilUpdate.fields).toEqual(['Ngày sinh', 'Địa chỉ']);
  });

  it('name the subject and the periodic point of a grade entry', () => {
    const saved = describeAuditRow(
      row({
        action: 'assessment.gradebook.save',
        actorName: 'Trần Văn Bình',
        details: { classId: 3, subject: 'toan', point: 'CUOI_HK1', version: 0 },
      }),
      tr('vi'),
      noLabel,
    );
    expect(saved.sentence).toMatch(
      /^Trần Văn Bình nhập kết quả môn Toán cuối học k[ìỳ] I của học sinh Nguyễn Trung Bảo \(1A\)$/,
    );
  });

  it('fall back to the action’s name for calls outside the table', () => {
    const refused = row({ action: 'users.list', target: null, outcome: 'forbidden' });
    expect(describeAuditRow(refused, tr('vi'), () => 'Xem danh sách người dùng').sentence).toBe(
      'Nguyễn Thị An định xem danh sách người dùng',
    );
    expect(describeAuditRow({ ...refused, actorName: null, username: null }, tr('vi'), noLabel).sentence).toBe(
      'Hệ thống định thực hiện thao tác users.list',
    );
  });
});

describe('action names', () => {
  it('exist for every procedure, so a refused call never shows a raw name', () => {
    expect(Object.keys(api).filter((name) => !(`action.${name}` in vi))).toEqual([]);
  });
});
