/** Every table, for drizzle's typed queries and for drizzle-kit. */
export * from './schema';
export * from '../core/auth/schema';
export * from '../core/school/schema';
export * from '../core/audit/schema';
export * from '../core/files/schema';
export * from '../core/records/schema';
export * from '../core/health/schema';
export * from '../core/assessment/schema';
export * from '../core/documents/schema';
