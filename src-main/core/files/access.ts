/** Who may read a stored file: its maker, anyone a document of theirs concerns, the admin and the principal. */
import type { Store } from '../../store/open';
import type { SessionUser } from '../context';
import type { FileRecord } from './fileStore';
import { documentFileVisible } from '../documents/service';

export function canReadFile(store: Store, user: SessionUser, record: FileRecord): boolean {
  return (
    record.createdBy === user.id ||
    user.role === 'admin' ||
    user.role === 'principal' ||
    documentFileVisible(store, user, record.id)
  );
}
