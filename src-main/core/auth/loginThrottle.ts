/**
 * Slows down password guessing with three limits over a sliding window of WINDOW_MS:
 * - a username from one address (the pair): MAX_FAILURES, then locked LOCK_MS after the last failure;
 *   the limit people meet, and it touches no one else behind the same address;
 * - one address over all usernames: a softer ADDRESS_MAX_FAILURES with a shorter lock, because a school
 *   office (or a lab) shares one NAT'd address and one person's mistakes must not lock the others;
 * - one username over all addresses: ACCOUNT_MAX_FAILURES, against guessing spread over many addresses.
 *   One address stays under MAX_FAILURES per window for a username, so it cannot reach this alone.
 *
 * An attempt takes its slot synchronously, before the slow password check, and counts as a failure
 * until it proves right: a burst of parallel requests gets no more tries than the same ones in a row.
 * Kept in memory: a restart forgets it, which only matters to someone who can restart the server.
 */

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
export const ADDRESS_MAX_FAILURES = 30;
export const ADDRESS_LOCK_MS = 5 * 60_000;
export const ACCOUNT_MAX_FAILURES = 4 * MAX_FAILURES;

/** Which limit refused an attempt: the message tells the user which one, since the remedies differ. */
export type ThrottleScope = 'pair' | 'address' | 'account';

export interface ThrottleRefusal {
  scope: ThrottleScope;
  retryAfterMs: number;
}

/** A slot taken by one attempt; it stays a failure unless `succeeded` is called. */
export interface LoginAttempt {
  succeeded(): void;
}

/** Above this many keys, every key is pruned, so addresses and usernames tried once do not pile up. */
const PRUNE_ABOVE_KEYS = 10_000;

interface Limit {
  scope: ThrottleScope;
  key: string;
  max: number;
  lockMs: number;
}

export class LoginThrottle {
  #failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Takes a slot for one attempt, or says which limit refuses it. Synchronous on purpose: no other
   * attempt can slip in between the check and the count.
   */
  begin(username: string, ip: string | null): LoginAttempt | ThrottleRefusal {
    const limits = this.#limits(username, ip);
    let refusal: ThrottleRefusal | null = null;
    for (const limit of limits) {
      const wait = this.#lockedFor(limit);
      if (wait > (refusal?.retryAfterMs ?? 0)) refusal = { scope: limit.scope, retryAfterMs: wait };
    }
    if (refusal) return refusal;

    if (this.#failures.size > PRUNE_ABOVE_KEYS) this.#pruneAll();
    const at = this.now();
    for (const limit of limits) this.#push(limit.key, at);
    let settled = false;
    return {
      succeeded: () => {
        if (settled) return;
        settled = true;
        // A right password clears this username's failures from this address; the address-wide and
        // account-wide counts only lose this attempt, so a known account cannot reset them.
        const [pair, ...others] = limits;
        this.#failures.delete(pair!.key);
        for (const limit of others) this.#remove(limit.key, at);
      },
    };
  }

  #limits(username: string, ip: string | null): Limit[] {
    const address = ip ?? '-';
    return [
      { scope: 'pair', key: `p:${address}\n${username}`, max: MAX_FAILURES, lockMs: LOCK_MS },
      { scope: 'address', key: `a:${address}`, max: ADDRESS_MAX_FAILURES, lockMs: ADDRESS_LOCK_MS },
      { scope: 'account', key: `u:${username}`, max: ACCOUNT_MAX_FAILURES, lockMs: LOCK_MS },
    ];
  }

  #recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const list = (this.#failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.#failures.set(key, list);
    else this.#failures.delete(key);
    return list;
  }

  #push(key: string, at: number): void {
    const list = this.#recent(key);
    list.push(at);
    this.#failures.set(key, list);
  }

  #remove(key: string, at: number): void {
    const list = this.#failures.get(key);
    const i = list?.indexOf(at) ?? -1;
    if (i >= 0) list!.splice(i, 1);
    this.#recent(key);
  }

  #pruneAll(): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key);
  }

  #lockedFor({ key, max, lockMs }: Limit): number {
    const list = this.#recent(key);
    if (list.length < max) return 0;
    return Math.max(0, list[list.length - 1]! + lockMs - this.now());
  }
}

export function isRefusal(result: LoginAttempt | ThrottleRefusal): result is ThrottleRefusal {
  return 'scope' in result;
}
