/**
 * The role matrix's expectations, one file per capability so capabilities can grow their own lists.
 */
import * as foundation from './foundation';
import * as records from './records';
import * as health from './health';
import * as assessment from './assessment';
import * as documents from './documents';
import * as signingSettings from './signingSettings';
import type { Expectations } from './kinds';

const capabilities = [foundation, records, health, assessment, documents, signingSettings];

export const EXPECTED: Expectations = Object.assign({}, ...capabilities.map((c) => c.expected));
export const SAFE_INPUT: Record<string, unknown> = Object.assign({}, ...capabilities.map((c) => c.safeInput));
export { ANYONE, SIGNED_IN } from './kinds';
