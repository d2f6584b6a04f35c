/**
 * Signing with a token plugged into an office PC (DESIGN §6): the documents never leave the server.
 * `prepare` builds each signature's placeholder and signed attributes with the certificate the office
 * PC read from its token and hands out only the bytes to be signed (a few hundred bytes of digests per
 * document); the office PC signs them with one PIN entry and sends the signature values to `finish`,
 * which checks each against the certificate, assembles the PDF or .p7s, stores it and numbers it in the
 * register. The office PC works through the queue in small rounds so that progress shows and a lost
 * connection costs at most one round.
 */
import crypto from 'node:crypto';
import type { AppContext, SessionUser } from '../context';
import { AppError } from '../../errors';
import type { Locale } from '../../../src-shared/i18n';
import type { SignResult } from '../../../src-shared/api/documents';
import {
  describeCertificate,
  finishDetachedSignatureDetailed,
  finishPdfSignatureDetailed,
  prepareDetachedSignature,
  preparePdfSignature,
  signingProblem,
  stopAfterTimeout,
  type CertificateInfo,
  type Stamper,
  type PreparedDetachedSignature,
  type PreparedPdfSignature,
} from '../signing';
import {
  errorText,
  isPdf,
  noteTimestamp,
  notPending,
  pendingAmong,
  schoolSignOptions,
  storeSigned,
  type PendingDocument,
  type VisiblePlace,
} from './signedFiles';

/** How long prepared signatures wait for the office PC's signatures. */
export const REMOTE_BATCH_TTL_MS = 10 * 60 * 1000;

type PreparedItem = { doc: PendingDocument; originalName: string } & (
  { pdf: true; prepared: PreparedPdfSignature } | { pdf: false; prepared: PreparedDetachedSignature }
);

interface RemoteBatch {
  userId: number;
  expiresAt: number;
  signer: CertificateInfo;
  items: Map<number, PreparedItem>;
}

// Per app, so that two servers in one process (tests) never see each other's batches.
const batchesByApp = new WeakMap<AppContext, Map<string, RemoteBatch>>();

// The rounds of one office PC's run are separate calls: a timestamp server that timed out in one round
// is not waited for again in the next ones (kept per user for as long as a round may wait).
const stampersByApp = new WeakMap<AppContext, Map<number, { stamp: Stamper; until: number }>>();

function stamperOf(app: AppContext, user: SessionUser): Stamper {
  let stampers = stampersByApp.get(app);
  if (!stampers) {
    stampers = new Map();
    stampersByApp.set(app, stampers);
  }
  const now = Date.now();
  const held = stampers.get(user.id);
  const stamp = held && held.until > now ? held.stamp : stopAfterTimeout();
  stampers.set(user.id, { stamp, until: now + REMOTE_BATCH_TTL_MS });
  return stamp;
}

function batchesOf(app: AppContext): Map<string, RemoteBatch> {
  let batches = batchesByApp.get(app);
  if (!batches) {
    batches = new Map();
    batchesByApp.set(app, batches);
  }
  const now = Date.now();
  for (const [id, batch] of batches) if (batch.expiresAt <= now) batches.delete(id);
  return batches;
}

export interface RemotePrepareInput {
  ids: number[];
  /** The signer's certificate (DER) as read from the token. */
  certificate: Buffer;
  chain: Buffer[];
  visible: VisiblePlace;
  position: string;
}

export interface RemotePrepared {
  batchId: string;
  expiresAt: string;
  items: { id: number; title: string; toBeSigned: string }[];
  failed: SignResult['failed'];
}

export async function prepareRemoteSigning(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  input: RemotePrepareInput,
): Promise<RemotePrepared> {
  const now = new Date();
  let signer: CertificateInfo;
  try {
    signer = describeCertificate(input.certificate);
  } catch {
    throw new AppError('invalid_input', 'documents.remote.badCertificate');
  }
  const problem = signingProblem(input.certificate, now);
  if (problem !== null) throw new AppError('rule_violation', 'documents.remote.certificateUnusable', { problem });
  // Documents withdrawn since the queue was shown are reported, not a reason to stop the other rounds.
  const docs = pendingAmong(app.store, input.ids);
  const options = {
    ...schoolSignOptions(app, user, input),
    chain: input.chain,
    signingTime: now,
  };
  const items = new Map<number, PreparedItem>();
  const failed = notPending(app.store, locale, input.ids, docs);
  for (const doc of docs) {
    try {
      const file = app.files.read(doc.fileId);
      const originalName = file.record.name;
      items.set(
        doc.id,
        isPdf(file.data)
          ? { doc, originalName, pdf: true, prepared: await preparePdfSignature(file.data, input.certificate, options) }
          : {
              doc,
              originalName,
              pdf: false,
              prepared: prepareDetachedSignature(file.data, input.certificate, options),
            },
      );
    } catch (e) {
      failed.push({ id: doc.id, title: doc.title, message: errorText(e, locale) });
    }
  }
  const batchId = crypto.randomUUID();
  const expiresAt = now.getTime() + REMOTE_BATCH_TTL_MS;
  if (items.size > 0) batchesOf(app).set(batchId, { userId: user.id, expiresAt, signer, items });
  return {
    batchId,
    expiresAt: new Date(expiresAt).toISOString(),
    items: [...items.values()].map((i) => ({
      id: i.doc.id,
      title: i.doc.title,
      toBeSigned: Buffer.from(i.prepared.toBeSigned).toString('base64'),
    })),
    failed,
  };
}

export interface RemoteFinishInput {
  batchId: string;
  signatures: { id: number; signature: Buffer }[];
  /** Documents the office PC could not sign (the token said no), with its reason. */
  failed: { id: number; message: string }[];
}

/**
 * Assembles and stores every document whose signature came back and matches the certificate. The
 * batch is used up either way: a document left out stays in the queue to be signed again.
 */
export async function finishRemoteSigning(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  input: RemoteFinishInput,
  /** Runs in the transaction that stores the signed documents: the call's audit row says what it did. */
  noteResult?: (result: SignResult) => void,
): Promise<SignResult> {
  const batches = batchesOf(app);
  const batch = batches.get(input.batchId);
  // Someone else's batch is as unknown as an expired one.
  if (!batch || batch.userId !== user.id) throw new AppError('not_found', 'documents.remote.batchExpired');
  batches.delete(input.batchId);
  const result: SignResult = { signed: [], failed: [], timestampNote: null };
  const answered = new Set<number>();
  const answers = input.signatures.flatMap(({ id, signature }) => {
    const item = batch.items.get(id);
    if (!item || answered.has(id)) return [];
    answered.add(id);
    return [{ id, item, signature }];
  });
  // Finished together — each may wait on the timestamp server (a round is at most REMOTE_SIGN_ROUND) —
  // then stored one after another, so the register numbers follow the queue's order.
  const stamp = stamperOf(app, user);
  const finished = await Promise.all(
    answers.map(({ item, signature }) =>
      (item.pdf
        ? finishPdfSignatureDetailed(item.prepared, signature, stamp).then((s) => ({
            bytes: s.pdf,
            timestamp: s.timestamp,
          }))
        : finishDetachedSignatureDetailed(item.prepared, signature, stamp).then((s) => ({
            bytes: s.p7s,
            timestamp: s.timestamp,
          }))
      ).then(
        (done) => ({ ok: true as const, ...done }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
    ),
  );
  // One transaction: a document that fails is rolled back alone (its own savepoint), and the call's audit
  // row commits with the documents it records.
  app.store.transaction(() => {
    for (const [i, { id, item }] of answers.entries()) {
      const done = finished[i]!;
      try {
        if (!done.ok) throw done.error;
        result.signed.push(
          storeSigned(app, user, locale, item.doc, {
            bytes: done.bytes,
            pdf: item.pdf,
            originalName: item.originalName,
            signer: batch.signer,
            timestamp: done.timestamp,
          }),
        );
        noteTimestamp(result, done.timestamp);
      } catch (e) {
        result.failed.push({ id, title: item.doc.title, message: errorText(e, locale) });
      }
    }
    for (const { id, message } of input.failed) {
      const item = batch.items.get(id);
      if (item && !answered.has(id)) {
        answered.add(id);
        result.failed.push({ id, title: item.doc.title, message });
      }
    }
    noteResult?.(result);
  });
  return result;
}

/** The office PC gave up (PIN refused, token pulled out): drop what was prepared. */
export function cancelRemoteSigning(app: AppContext, user: SessionUser, batchId: string): void {
  const batches = batchesOf(app);
  if (batches.get(batchId)?.userId === user.id) batches.delete(batchId);
}
