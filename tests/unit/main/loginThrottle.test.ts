import { describe, expect, it } from 'vitest';
import { LOCK_MS, LoginThrottle, MAX_FAILURES, WINDOW_MS } from '../../../src-main/core/auth/loginThrottle';

describe('login throttle', () => {
  it('locks a username after repeated failures and unlocks after the lock time', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.recordFailure('admin', '10.0.0.5');
    expect(throttle.retryAfter('admin', '10.0.0.5')).toBe(0);
    throttle.recordFailure('admin', '10.0.0.5');
    expect(throttle.retryAfter('admin', '10.0.0.9')).toBe(LOCK_MS);
    expect(throttle.retryAfter('someone-else', '10.0.0.9')).toBe(0);
    now += LOCK_MS;
    expect(throttle.retryAfter('admin', '10.0.0.5')).toBe(0);
  });

  it('forgets failures older than the window and resets on success', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.recordFailure('clerk', null);
    now += WINDOW_MS + 1;
    throttle.recordFailure('clerk', null);
    expect(throttle.retryAfter('clerk', null)).toBe(0);
    for (let i = 0; i < MAX_FAILURES; i++) throttle.recordFailure('teacher', null);
    expect(throttle.retryAfter('teacher', null)).toBeGreaterThan(0);
    throttle.recordSuccess('teacher');
    expect(throttle.retryAfter('teacher', null)).toBe(0);
  });
});
