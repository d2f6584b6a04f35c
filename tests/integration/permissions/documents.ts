/** Who may call the document procedures: written out by hand, independently of src-shared/domain/roles.ts. */
import type { Role } from '../../../src-shared/domain/roles';
import type { Expectations } from './kinds';

/** Anyone who writes documents for the school may submit them; each sees their own. */
const SUBMITTERS: Role[] = ['principal', 'clerk', 'teacher'];

export const expected: Expectations = {
  'documents.submit': SUBMITTERS,
  'documents.list': SUBMITTERS,
  'documents.get': SUBMITTERS,
  'documents.withdraw': SUBMITTERS,
  'documents.return': ['principal'],
  'documents.register': ['principal', 'clerk'],
  'documents.register.export': ['principal', 'clerk'],
  'documents.outgoing.update': ['principal', 'clerk'],
  'documents.incoming.list': ['principal', 'clerk'],
  'documents.incoming.add': ['principal', 'clerk'],
  'documents.incoming.update': ['principal', 'clerk'],
  'documents.incoming.export': ['principal', 'clerk'],
  'signing.tokens': ['principal'],
  'documents.sign': ['principal'],
  'documents.remoteSign.prepare': ['principal'],
  'documents.remoteSign.finish': ['principal'],
  'documents.remoteSign.cancel': ['principal'],
  'signing.verify': SUBMITTERS,
};

/** Inputs that pass validation where that is harmless, so an allowed call reaches its handler. */
export const safeInput: Record<string, unknown> = {
  'documents.submit': { fileId: 999999, title: 'Báo cáo', kind: 'report' },
  'documents.get': { id: 999999 },
  'documents.withdraw': { id: 999999, version: 0 },
  'documents.return': { id: 999999, version: 0, reason: 'Sai số liệu' },
  'signing.tokens': { modulePath: '/khong-co/thu-vien.so' },
  'documents.sign': { ids: [999999], tokenLabel: 'x', tokenSerial: 'x', certSerial: 'x', pin: '1234' },
  // Not a certificate: refused after the permission check, before anything is prepared.
  'documents.remoteSign.prepare': { ids: [999999], certificate: 'AAAA' },
  'documents.remoteSign.finish': { batchId: 'none', signatures: [] },
  'documents.remoteSign.cancel': { batchId: 'none' },
  'signing.verify': { fileId: 999999 },
  'documents.outgoing.update': { id: 999999, version: 0, symbol: '', recipients: '', registerNote: '' },
  // Received in the future: refused after the permission check, so the matrix registers nothing.
  'documents.incoming.add': { receivedOn: '2999-01-01', sender: 'Phòng GDĐT', kind: 'Công văn', summary: 'Thử' },
  'documents.incoming.update': {
    id: 999999,
    version: 0,
    receivedOn: '2026-01-01',
    sender: 'Phòng GDĐT',
    kind: 'Công văn',
    summary: 'Thử',
  },
};
