import type { z } from 'zod';
import type { Permission } from '../domain/roles';

/**
 * How a call is recorded in the audit log:
 * - 'write': every call, successful or not;
 * - 'sensitive': a read of sensitive personal data, every call;
 * - 'none': plain reads (a refused call is still recorded by dispatch).
 */
export type AuditKind = 'write' | 'sensitive' | 'none';

export interface ProcedureContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly permission: Permission;
  readonly audit: AuditKind;
  /**
   * What of the input the audit row keeps: 'values' (secrets masked) suits administrative changes;
   * 'keys' (only which fields were given) keeps personal data — IDs, health, disability — out of the
   * append-only log, where it could never be erased on request.
   */
  readonly auditInput?: 'values' | 'keys';
  /** One line for the developer reading the table. */
  readonly summary: string;
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(
  contract: ProcedureContract<I, O>,
): ProcedureContract<I, O> {
  return contract;
}

export type ContractTable = Record<string, ProcedureContract>;
export type InputOf<C extends ProcedureContract> = z.input<C['input']>;
export type ParsedInputOf<C extends ProcedureContract> = z.output<C['input']>;
export type OutputOf<C extends ProcedureContract> = z.output<C['output']>;
