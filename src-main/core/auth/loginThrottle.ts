/**
 * Slows down password guessing: after MAX_FAILURES failed sign-ins for one username (or from one
 * address) within WINDOW_MS, further attempts are refused until LOCK_MS after the last failure.
 * Kept in memory: a restart forgets it, which only matters to someone who can restart the server.
 */

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
/** An address may fail more often than one username: a lab of pupils shares one NAT'd address. */
const MAX_FAILURES_PER_IP = 30;

export class LoginThrottle {
  #failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until the next attempt is allowed, or 0. */
  retryAfter(username: string, ip: string | null): number {
    return Math.max(
      this.#lockedFor(`u:${username}`, MAX_FAILURES),
      ip ? this.#lockedFor(`ip:${ip}`, MAX_FAILURES_PER_IP) : 0,
    );
  }

  recordFailure(username: string, ip: string | null): void {
    this.#push(`u:${username}`);
    if (ip) this.#push(`ip:${ip}`);
  }

  recordSuccess(username: string): void {
    this.#failures.delete(`u:${username}`);
  }

  #recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const list = (this.#failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.#failures.set(key, list);
    else this.#failures.delete(key);
    return list;
  }

  #push(key: string): void {
    const list = this.#recent(key);
    list.push(this.now());
    this.#failures.set(key, list);
  }

  #lockedFor(key: string, max: number): number {
    const list = this.#recent(key);
    if (list.length < max) return 0;
    return Math.max(0, list[list.length - 1]! + LOCK_MS - this.now());
  }
}
