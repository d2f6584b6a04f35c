import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_MAX_FAILURES,
  ADDRESS_LOCK_MS,
  ADDRESS_MAX_FAILURES,
  isRefusal,
  LOCK_MS,
  LoginThrottle,
  MAX_FAILURES,
  WINDOW_MS,
  type LoginAttempt,
  type ThrottleRefusal,
} from '../../../src-main/core/auth/loginThrottle';

/** n failed attempts, settled one after the other. */
function fail(throttle: LoginThrottle, username: string, ip: string | null, n: number): void {
  for (let i = 0; i < n; i++) {
    const attempt = throttle.begin(username, ip);
    if (isRefusal(attempt)) throw new Error(`attempt ${i} of ${username} refused`);
  }
}

function refusal(result: LoginAttempt | ThrottleRefusal): ThrottleRefusal | null {
  return isRefusal(result) ? result : null;
}

describe('login throttle', () => {
  it('locks a username from one address after repeated failures, and unlocks after the lock time', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(() => now);
    fail(throttle, 'admin', '10.0.0.5', MAX_FAILURES);
    expect(refusal(throttle.begin('admin', '10.0.0.5'))).toEqual({ scope: 'pair', retryAfterMs: LOCK_MS });
    // The same username from another PC, and another username from the same PC, are not locked.
    expect(refusal(throttle.begin('admin', '10.0.0.9'))).toBeNull();
    expect(refusal(throttle.begin('someone-else', '10.0.0.5'))).toBeNull();
    now += LOCK_MS;
    expect(refusal(throttle.begin('admin', '10.0.0.5'))).toBeNull();
  });

  it('counts attempts that are still being checked: a burst gets no more tries than a sequence', () => {
    const throttle = new LoginThrottle(() => 0);
    // Nothing is settled: all the attempts are in flight at once.
    const burst = Array.from({ length: 60 }, () => throttle.begin('clerk', '10.0.0.7'));
    expect(burst.filter((a) => !isRefusal(a))).toHaveLength(MAX_FAILURES);
    expect(burst.slice(MAX_FAILURES).every((a) => refusal(a)?.scope === 'pair')).toBe(true);
  });

  it('clears the pair on success, but not the address-wide count', () => {
    const now = 5_000;
    const throttle = new LoginThrottle(() => now);
    fail(throttle, 'teacher', '10.0.0.3', MAX_FAILURES - 1);
    const right = throttle.begin('teacher', '10.0.0.3');
    if (isRefusal(right)) throw new Error('refused');
    right.succeeded();
    fail(throttle, 'teacher', '10.0.0.3', MAX_FAILURES);
    expect(refusal(throttle.begin('teacher', '10.0.0.3'))?.scope).toBe('pair');
  });

  it('forgets failures older than the window', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    fail(throttle, 'clerk', null, MAX_FAILURES - 1);
    now += WINDOW_MS + 1;
    fail(throttle, 'clerk', null, MAX_FAILURES - 1);
    expect(refusal(throttle.begin('clerk', null))).toBeNull();
  });

  it('limits one address over all usernames more softly, with a shorter lock', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    const usernames = Array.from({ length: ADDRESS_MAX_FAILURES }, (_, i) => `gv${i}`);
    for (const u of usernames) fail(throttle, u, '192.168.1.1', 1);
    expect(refusal(throttle.begin('principal', '192.168.1.1'))).toEqual({
      scope: 'address',
      retryAfterMs: ADDRESS_LOCK_MS,
    });
    expect(refusal(throttle.begin('principal', '192.168.1.2'))).toBeNull();
    now += ADDRESS_LOCK_MS;
    expect(refusal(throttle.begin('principal', '192.168.1.1'))).toBeNull();
  });

  it('locks a username everywhere only when failures come from several addresses', () => {
    const throttle = new LoginThrottle(() => 0);
    const addresses = ACCOUNT_MAX_FAILURES / MAX_FAILURES;
    for (let a = 0; a < addresses - 1; a++) fail(throttle, 'admin', `10.0.1.${a}`, MAX_FAILURES);
    // One address alone stops at MAX_FAILURES: the others have not locked the account.
    expect(refusal(throttle.begin('admin', '10.0.2.1'))).toBeNull();
    fail(throttle, 'admin', '10.0.1.99', MAX_FAILURES - 1);
    expect(refusal(throttle.begin('admin', '10.0.2.2'))).toEqual({ scope: 'account', retryAfterMs: LOCK_MS });
  });
});
