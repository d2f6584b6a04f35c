/**
 * Signing with the USB token plugged into this office PC while the documents stay on the school server
 * (DESIGN §6). The PIN is typed once: the desktop app logs in to the token, then for each round of a
 * few documents the server prepares the signatures (`documents.remoteSign.prepare`), the token signs
 * the prepared bytes here, and the server assembles and registers the signed files
 * (`documents.remoteSign.finish`). A round the token refuses (pulled out, locked) ends the run; what
 * earlier rounds signed stays signed and the rest stays in the queue.
 */
import { REMOTE_SIGN_ROUND, type SignResult } from '../../../../src-shared/api/documents';
import type { DesktopBridge, LocalTokenChoice } from '../../../../src-shared/api/bridge';
import type { Api, ProcedureName } from '../../../../src-shared/api';
import type { InputOf, OutputOf } from '../../../../src-shared/api/procedure';
import type { Result } from '../../../../src-shared/api/envelope';

/** What this needs of the procedure client (kept structural so the driver also runs outside a browser). */
export interface ProcedureCaller {
  call<K extends ProcedureName>(name: K, input: InputOf<Api[K]>): Promise<Result<OutputOf<Api[K]>>>;
}

type VisiblePlace = NonNullable<InputOf<Api['documents.remoteSign.prepare']>['visible']>;

export type TokenBridge = Pick<DesktopBridge, 'openTokenSession' | 'signWithToken' | 'closeTokenSession'>;

export interface SignOnThisPcRequest {
  documents: readonly { id: number; title: string }[];
  token: LocalTokenChoice;
  visible: VisiblePlace;
  position: string;
}

export interface SignOnThisPcOutcome {
  result: SignResult;
  /** Why the run stopped before the end (wrong PIN, token removed, server unreachable); null if it did not. */
  stopped: string | null;
}

export async function signOnThisPc(
  client: ProcedureCaller,
  bridge: TokenBridge,
  request: SignOnThisPcRequest,
  onProgress: (done: number, total: number) => void = () => {},
  signal?: AbortSignal,
): Promise<SignOnThisPcOutcome> {
  const result: SignResult = { signed: [], failed: [], timestampNote: null };
  const total = request.documents.length;
  const opened = await bridge.openTokenSession(request.token);
  if (!opened.ok) return { result, stopped: opened.error.message };
  const { sessionId, certificate, chain } = opened.value;
  let done = 0;
  onProgress(done, total);
  try {
    for (let start = 0; start < total; start += REMOTE_SIGN_ROUND) {
      if (signal?.aborted) return { result, stopped: null };
      const round = request.documents.slice(start, start + REMOTE_SIGN_ROUND);
      const prepared = await client.call('documents.remoteSign.prepare', {
        ids: round.map((d) => d.id),
        certificate,
        chain,
        visible: request.visible,
        position: request.position,
      });
      if (!prepared.ok) return { result, stopped: prepared.error.message };
      const { batchId, items, failed } = prepared.value;
      result.failed.push(...failed);
      if (items.length > 0) {
        const signed = await bridge.signWithToken({ sessionId, toBeSigned: items.map((i) => i.toBeSigned) });
        if (!signed.ok) {
          await client.call('documents.remoteSign.cancel', { batchId });
          return { result, stopped: signed.error.message };
        }
        const finished = await client.call('documents.remoteSign.finish', {
          batchId,
          signatures: items.map((item, i) => ({ id: item.id, signature: signed.value.signatures[i]! })),
          failed: [],
        });
        if (!finished.ok) return { result, stopped: finished.error.message };
        result.signed.push(...finished.value.signed);
        result.failed.push(...finished.value.failed);
        result.timestampNote ??= finished.value.timestampNote;
      }
      done += round.length;
      onProgress(done, total);
    }
    return { result, stopped: null };
  } finally {
    await bridge.closeTokenSession({ sessionId });
  }
}
