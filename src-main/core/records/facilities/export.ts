/**
 * The computers or the equipment as an Excel list, as filtered on screen. Always in Vietnamese, like
 * the other records exports: the file goes to the education office whatever the screen language.
 */
import type { z } from 'zod';
import type { AppContext, SessionUser } from '../../context';
import { t, type Locale, type MessageKey } from '../../../../src-shared/i18n';
import type { computerFilter, equipmentFilter } from '../../../../src-shared/api/records';
import { fileSlug } from '../../../../src-shared/domain/vnName';
import { getProfile } from '../../school/service';
import { tableJob, type TableSpec } from '../exporter';
import { listComputers } from './computers';
import { listEquipment } from './equipment';

export type FacilitiesExport =
  | (z.output<typeof computerFilter> & { kind: 'computers' })
  | (z.output<typeof equipmentFilter> & { kind: 'equipment' });

const vi = (key: MessageKey) => t('vi', key);
const label = (prefix: string, value: string) => vi(`${prefix}.${value}` as MessageKey);
const place = (code: string | null, name: string | null) =>
  code ? `${code} — ${name ?? ''}` : vi('facilities.noRoom');

function fileName(key: MessageKey, schoolName: string): string {
  return `${vi(key)}-${fileSlug(schoolName)}.xlsx`;
}

export function computersTable(app: AppContext, filter: z.output<typeof computerFilter>): TableSpec {
  const school = getProfile(app.store).name;
  const rows = listComputers(app.store, filter);
  return {
    title: vi('facilities.export.computersTitle'),
    subtitle: school,
    sheetName: vi('facilities.export.computersSheet'),
    name: fileName('facilities.export.computersFile', school),
    columns: [
      { header: vi('facilities.export.no'), key: 'no', width: 6, kind: 'number' },
      { header: vi('facilities.computer.code'), key: 'code', width: 14 },
      { header: vi('facilities.room'), key: 'room', width: 30 },
      { header: vi('facilities.computer.kind'), key: 'kind', width: 16 },
      { header: vi('facilities.computer.purpose'), key: 'purpose', width: 12 },
      { header: vi('facilities.computer.working'), key: 'working', width: 16 },
      { header: vi('facilities.computer.internet'), key: 'internet', width: 10 },
      { header: vi('facilities.year'), key: 'year', width: 12, kind: 'number' },
      { header: vi('facilities.notes'), key: 'notes', width: 30 },
    ],
    rows: rows.map((c, i) => ({
      no: i + 1,
      code: c.code,
      room: place(c.roomCode, c.roomName),
      kind: label('facilities.kind', c.kind),
      purpose: label('facilities.purpose', c.purpose),
      working: vi(c.working ? 'facilities.computer.isWorking' : 'facilities.computer.isBroken'),
      internet: c.hasInternet ? vi('facilities.export.yes') : '',
      year: c.yearAcquired,
      notes: c.notes,
    })),
  };
}

export function equipmentTable(app: AppContext, filter: z.output<typeof equipmentFilter>): TableSpec {
  const school = getProfile(app.store).name;
  const rows = listEquipment(app.store, filter);
  return {
    title: vi('facilities.export.equipmentTitle'),
    subtitle: school,
    sheetName: vi('facilities.export.equipmentSheet'),
    name: fileName('facilities.export.equipmentFile', school),
    columns: [
      { header: vi('facilities.export.no'), key: 'no', width: 6, kind: 'number' },
      { header: vi('facilities.equipment.name'), key: 'name', width: 34 },
      { header: vi('facilities.equipment.category'), key: 'category', width: 20 },
      { header: vi('facilities.room'), key: 'room', width: 30 },
      { header: vi('facilities.equipment.quantity'), key: 'quantity', width: 10, kind: 'number' },
      { header: vi('facilities.equipment.condition'), key: 'condition', width: 14 },
      { header: vi('facilities.year'), key: 'year', width: 12, kind: 'number' },
      { header: vi('facilities.notes'), key: 'notes', width: 30 },
    ],
    rows: rows.map((e, i) => ({
      no: i + 1,
      name: e.name,
      category: label('facilities.category', e.category),
      room: place(e.roomCode, e.roomName),
      quantity: e.quantity,
      condition: label('facilities.condition', e.condition),
      year: e.yearAcquired,
      notes: e.notes,
    })),
  };
}

export function exportFacilities(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  input: FacilitiesExport,
): { jobId: string } {
  return tableJob(app, user, locale, input.kind, () =>
    input.kind === 'computers' ? computersTable(app, input) : equipmentTable(app, input),
  );
}
