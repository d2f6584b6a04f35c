/**
 * What the token's PIN counters allow (pure, so the rule is tested on its own). A token that reports a
 * wrong PIN was typed gets a warning; on the final try signing waits for an explicit confirmation, since
 * one more mistake locks the token; a locked token cannot sign at all.
 */
import type { TokenView } from '../../../../src-shared/api/documents';

export type PinLevel = 'ok' | 'low' | 'finalTry' | 'locked';

export function pinLevel(token: Pick<TokenView, 'pinLow' | 'pinFinalTry' | 'pinLocked'> | null): PinLevel {
  if (!token) return 'ok';
  if (token.pinLocked) return 'locked';
  if (token.pinFinalTry) return 'finalTry';
  if (token.pinLow) return 'low';
  return 'ok';
}

/** The contract's shortest PIN. */
export const MIN_PIN = 4;

/** Why signing may not start yet because of the PIN, or null when it may. */
export function pinRefusal(
  level: PinLevel,
  pin: string,
  confirmedFinalTry: boolean,
): 'locked' | 'unconfirmed' | 'short' | null {
  if (level === 'locked') return 'locked';
  if (level === 'finalTry' && !confirmedFinalTry) return 'unconfirmed';
  if (pin.length < MIN_PIN) return 'short';
  return null;
}
