/** Issue 10 over real HTTP: names that are not names, and search text that is not a pattern. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFails, callOk, startTestServer, type TestServer } from './support/server';
import type { ClassRow, PupilView, StaffView } from '../../src-shared/api/records';

let server: TestServer;
let clerk: string;
let classId: number;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  clerk = await server.login('clerk', 'demo');
  classId = (await callOk<{ rows: ClassRow[] }>(server, 'records.classes.list', {}, clerk)).rows[0]!.id;
});
afterAll(() => server.close());

const staff = (fullName: string) =>
  callOk<StaffView>(server, 'records.staff.create', { fullName, sex: 'female', staffGroup: 'teacher' }, clerk);

describe('staff search', () => {
  it('takes % and _ literally', async () => {
    await staff('Nguyễn Văn Anh');
    await staff('Lê Thị An_Hoa');
    await staff('Phạm %Văn Bình');
    const search = async (text: string) =>
      (await callOk<{ rows: StaffView[] }>(server, 'records.staff.list', { search: text }, clerk)).rows.map(
        (s) => s.fullName,
      );
    expect(await search('%')).toEqual(['Phạm %Văn Bình']);
    expect(await search('an_')).toEqual(['Lê Thị An_Hoa']);
    expect(await search('_')).toEqual([]);
    expect(await search('anh')).toContain('Nguyễn Văn Anh');
  });
});

describe('names', () => {
  const pupil = (fullName: string) => ({ fullName, sex: 'male', birthDate: '2019-03-14', classId });
  const staffInput = (fullName: string) => ({ fullName, sex: 'male', staffGroup: 'support' });
  const NOT_NAMES: [string, string][] = [
    ['\u200B\u200C\u200D\u2060\uFEFF', 'Không được để trống'],
    ['\u0301\u0303 \u0323', 'Họ tên phải có ít nhất một chữ cái'],
    ['Nguyễn Văn\u0000An', 'Có ký tự không hợp lệ (ký tự điều khiển như NUL, hoặc ký tự Unicode bị hỏng); hãy gõ lại'],
    ['Trần \uD800Bình', 'Có ký tự không hợp lệ (ký tự điều khiển như NUL, hoặc ký tự Unicode bị hỏng); hãy gõ lại'],
    ['123 456', 'Họ tên phải có ít nhất một chữ cái'],
    ['\u0301An', 'Họ tên có dấu thanh hoặc dấu phụ đứng riêng, không gắn vào chữ cái nào; hãy gõ lại'],
  ];

  it('refuses names without letters, with control characters or broken Unicode, naming the field', async () => {
    for (const [name, message] of NOT_NAMES) {
      for (const [procedure, input] of [
        ['records.pupils.create', pupil(name)],
        ['records.staff.create', staffInput(name)],
      ] as const) {
        const error = await callFails(server, procedure, input, clerk);
        expect(error, `${procedure} ${JSON.stringify(name)}`).toMatchObject({
          code: 'invalid_input',
          message: `Dữ liệu không hợp lệ ở trường «fullName»: ${message}`,
          details: { fields: [{ field: 'fullName', message }] },
        });
      }
    }
    const guardian = await callFails(
      server,
      'records.pupils.create',
      { ...pupil('Võ Minh Khang'), guardians: [{ relation: 'mother', fullName: '\u200B' }] },
      clerk,
    );
    expect(guardian.details).toMatchObject({ fields: [{ field: 'guardians.0.fullName' }] });
  });

  it('removes zero-width characters and stores the name in NFC', async () => {
    const created = await callOk<PupilView>(
      server,
      'records.pupils.create',
      pupil('\uFEFF\u200BHoàng Thị\u200B Ngọc Ánh\u200D'.normalize('NFD')),
      clerk,
    );
    expect(created.fullName).toBe('Hoàng Thị Ngọc Ánh');
    expect(created.fullName).toBe(created.fullName.normalize('NFC'));
    const member = await callOk<StaffView>(
      server,
      'records.staff.create',
      staffInput('\u2060Đinh Văn Lực\u200B'),
      clerk,
    );
    expect(member.fullName).toBe('Đinh Văn Lực');
  });
});
