/** The shape of a capability's handlers, typed from its contracts in src-shared/api. */
import type { z } from 'zod';
import type { ContractTable, ProcedureContract } from '../../src-shared/api/procedure';
import type { CallContext } from './context';

export type Handler<C extends ProcedureContract> = (
  ctx: CallContext,
  input: z.output<C['input']>,
) => z.input<C['output']> | Promise<z.input<C['output']>>;

export type HandlersFor<T extends ContractTable> = { [K in keyof T]: Handler<T[K]> };
