/**
 * The bridge's token signer, for an office PC whose USB token signs documents held on the school server
 * (DESIGN §6). It lists the tokens plugged into this PC, logs in once (the PIN stays in this process
 * for the login and is dropped), and signs the bytes the server prepared — digests in, signature values
 * out; no document passes through here. Sessions close when the renderer says so, when the window goes,
 * and by themselves after a while left idle.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../../src-shared/api/envelope';
import type { LocalTokenList, LocalTokenSession } from '../../src-shared/api/bridge';
import { openTokenSession, type TokenSession } from '../core/signing';
import { listTokenViews, moduleOf } from '../core/documents/tokenViews';
import { describeError } from '../core/dispatch';
import { parseBridgeInput } from './validation';

/** A session nobody signs with is closed: a token left logged in on a shared PC signs for anyone. */
export const IDLE_SESSION_MS = 5 * 60 * 1000;

const modulePath = z.string().min(1).max(500).optional();
const listSchema = z.strictObject({ modulePath }).default({});
const openSchema = z.strictObject({
  modulePath,
  tokenLabel: z.string().max(100),
  tokenSerial: z.string().max(100),
  certSerial: z.string().max(100),
  pin: z.string().min(4).max(64),
  confirmFinalTry: z.boolean().default(false),
});
const signSchema = z.strictObject({
  sessionId: z.string().max(100),
  toBeSigned: z.array(z.base64().max(8192)).min(1).max(100),
});
const closeSchema = z.strictObject({ sessionId: z.string().max(100) });

function asResult(e: unknown): Result<never> {
  const error = describeError(e, 'vi');
  return fail(error.code, error.message, error.details);
}

export class TokenSigner {
  private readonly sessions = new Map<string, { session: TokenSession; timer: NodeJS.Timeout }>();

  list(raw: unknown): Result<LocalTokenList> {
    const input = parseBridgeInput(listSchema, raw);
    if (!input.ok) return input;
    try {
      return ok(listTokenViews(input.value.modulePath));
    } catch (e) {
      return asResult(e);
    }
  }

  async open(raw: unknown): Promise<Result<LocalTokenSession>> {
    const input = parseBridgeInput(openSchema, raw);
    if (!input.ok) return input;
    const choice = input.value;
    try {
      const session = await openTokenSession({
        module: moduleOf(choice),
        token: { label: choice.tokenLabel, serial: choice.tokenSerial },
        certificate: choice.certSerial,
        pin: choice.pin,
        allowFinalTry: choice.confirmFinalTry,
      });
      const sessionId = crypto.randomUUID();
      this.sessions.set(sessionId, { session, timer: this.idleTimer(sessionId) });
      return ok({
        sessionId,
        certificate: session.certificate.toString('base64'),
        chain: session.chain.map((c) => c.toString('base64')),
      });
    } catch (e) {
      return asResult(e);
    }
  }

  /** Signs each input in turn; stops at the first refusal (a token pulled out fails them all). */
  async sign(raw: unknown): Promise<Result<{ signatures: string[] }>> {
    const input = parseBridgeInput(signSchema, raw);
    if (!input.ok) return input;
    const held = this.sessions.get(input.value.sessionId);
    if (!held) return fail('not_found', 'Phiên ký trên máy này đã đóng; hãy nhập lại mã PIN');
    clearTimeout(held.timer);
    held.timer = this.idleTimer(input.value.sessionId);
    const signatures: string[] = [];
    try {
      for (const data of input.value.toBeSigned) {
        signatures.push(Buffer.from(await held.session.sign(Buffer.from(data, 'base64'))).toString('base64'));
      }
      return ok({ signatures });
    } catch (e) {
      return asResult(e);
    }
  }

  close(raw: unknown): Result<null> {
    const input = parseBridgeInput(closeSchema, raw);
    if (!input.ok) return input;
    this.drop(input.value.sessionId);
    return ok(null);
  }

  closeAll(): void {
    for (const id of [...this.sessions.keys()]) this.drop(id);
  }

  get openSessions(): number {
    return this.sessions.size;
  }

  private idleTimer(sessionId: string): NodeJS.Timeout {
    const timer = setTimeout(() => this.drop(sessionId), IDLE_SESSION_MS);
    timer.unref();
    return timer;
  }

  private drop(sessionId: string): void {
    const held = this.sessions.get(sessionId);
    if (!held) return;
    this.sessions.delete(sessionId);
    clearTimeout(held.timer);
    try {
      held.session.close();
    } catch {
      // A token already pulled out has nothing left to close.
    }
  }
}
