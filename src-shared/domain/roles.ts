/**
 * Who may do what. A procedure names one permission; a role holds a set of permissions.
 * Finer rules (a teacher edits only the classes assigned to them) live in the handlers.
 */

export const ROLES = ['admin', 'principal', 'clerk', 'teacher', 'medical'] as const;
export type Role = (typeof ROLES)[number];

/**
 * 'public' needs no session (login, first-run status); 'session' needs any signed-in user.
 * Every other permission lists the roles that hold it.
 */
export const PERMISSION_ROLES = {
  public: 'anyone',
  session: 'signed-in',
  'users.manage': ['admin'],
  'school.manage': ['admin', 'principal'],
  'audit.read': ['admin', 'principal'],
  'backup.manage': ['admin'],
  /** Pupil, class, staff and room records; a teacher sees only their own classes. */
  'records.read': ['admin', 'principal', 'clerk', 'teacher', 'medical'],
  'records.manage': ['admin', 'principal', 'clerk'],
  /** School health data: the school nurse, the principal, and a pupil's homeroom teacher (checked per pupil). */
  'health.read': ['medical', 'principal', 'teacher'],
  'health.manage': ['medical'],
  /** Gradebook, year results, summary sheets and học bạ; a teacher sees their own classes and subjects. */
  'assessment.read': ['principal', 'clerk', 'teacher'],
  /** Entering results: a teacher for the subjects assigned to them, the GVCN for qualities and the year. */
  'assessment.enter': ['principal', 'teacher'],
  /** Locking a periodic point and setting the school's assessment choices. */
  'assessment.lock': ['principal'],
  /** Submitting a document for signature (trình ký) and following one's own submissions. */
  'documents.submit': ['principal', 'clerk', 'teacher'],
  /** Signing or returning submitted documents with the principal's token. */
  'documents.sign': ['principal'],
  /** The document register (sổ văn bản): every signed document. */
  'documents.register': ['principal', 'clerk'],
  /**
   * The school's signing settings: the trusted root CAs and the timestamp server. The principal signs
   * and answers for what the school trusts; the administrator sets the PCs up and is often the one
   * handed the CA's root certificate files.
   */
  'signing.manage': ['admin', 'principal'],
} as const satisfies Record<string, 'anyone' | 'signed-in' | readonly Role[]>;

export type Permission = keyof typeof PERMISSION_ROLES;

export function roleHas(role: Role | null, permission: Permission): boolean {
  const holders: 'anyone' | 'signed-in' | readonly Role[] = PERMISSION_ROLES[permission];
  if (holders === 'anyone') return true;
  if (role === null) return false;
  if (holders === 'signed-in') return true;
  return holders.includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
