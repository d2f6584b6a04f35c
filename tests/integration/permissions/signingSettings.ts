/** Who may read and change the signing settings: written out by hand, independently of src-shared/domain/roles.ts. */
import type { Role } from '../../../src-shared/domain/roles';
import type { Expectations } from './kinds';

/** The principal, who signs, and the administrator, who sets the PCs up. */
const KEEPERS: Role[] = ['admin', 'principal'];

export const expected: Expectations = {
  'signing.trustAnchors.list': KEEPERS,
  'signing.trustAnchors.import': KEEPERS,
  'signing.trustAnchors.remove': KEEPERS,
  'signing.settings.get': KEEPERS,
  'signing.settings.set': KEEPERS,
  'signing.tokenModule.get': KEEPERS,
  'signing.tokenModule.set': KEEPERS,
};

/** Inputs that pass validation but change nothing, so an allowed call reaches its handler harmlessly. */
export const safeInput: Record<string, unknown> = {
  'signing.trustAnchors.import': { fileId: 999999 },
  'signing.trustAnchors.remove': { fingerprint: '0'.repeat(64) },
  // Invalid on purpose: refused after the permission check, so the matrix leaves the setting alone.
  'signing.settings.set': { timestampUrl: 'ftp://x', timestampTimeoutMs: 10_000 },
  // No such file: refused after the permission check, so the matrix leaves the setting alone.
  'signing.tokenModule.set': { path: '/khong-co/thu-vien.so' },
};
