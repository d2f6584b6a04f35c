import type { Role } from '../../../src-shared/domain/roles';

export const ANYONE = 'anyone';
export const SIGNED_IN = 'signed-in';
export type Allowed = typeof ANYONE | typeof SIGNED_IN | Role[];
export type Expectations = Record<string, Allowed>;

export const ALL_ROLES: Role[] = ['admin', 'principal', 'clerk', 'teacher', 'medical'];
export const RECORDS_STAFF: Role[] = ['admin', 'principal', 'clerk'];
