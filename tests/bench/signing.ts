/**
 * Signing figures on a SoftHSM2 token (a software token: a USB token signs far slower, hundreds of
 * milliseconds per RSA signature, so the ratio below tells how much the app adds on top of the token):
 * - the token's raw RSA-2048 signature (C_SignInit + C_Sign with CKM_SHA256_RSA_PKCS), per operation;
 * - batch signing of 500 two-page học bạ PDFs with one login, invisible and with the visible block:
 *   documents per second, and the ratio of our time per document to the token's raw time per signature;
 * - verifying one signed học bạ;
 * - 100 of them with an RFC 3161 timestamp from a local openssl timestamp server (B-T);
 * - 200 of them signed from an office PC's token through the server (tests/bench/remoteSigning.ts).
 * Called from tests/bench/run.ts, or alone:
 *   npx tsx -e "import('./tests/bench/signing.ts').then(m => m.benchSigning())"
 */
import crypto from 'node:crypto';
import pkcs11js from 'pkcs11js';
import { renderHocBaPdf } from '../../src-main/core/assessment/print/hocbaPdf';
import {
  loadModule,
  openTokenSession,
  releaseAllModules,
  signPdfBatch,
  verifyPdf,
  type PdfSignOptions,
  type TokenSession,
} from '../../src-main/core/signing';
import { hocBaDoc, pupilNames } from '../unit/assessment-print/fixtures';
import { testCa } from '../unit/signing/pki';
import { createSoftHsm, USER_PIN } from '../support/softhsm';
import { emit, median, round } from './report';
import { benchRemoteSigning } from './remoteSigning';
import { startTestTsa } from '../support/tsa';

const DOCUMENTS = 500;
const RAW_SIGNATURES = 300;
const LABEL = 'Hiệu trưởng';

async function hocBaPdfs(count: number): Promise<Buffer[]> {
  const names = pupilNames(Math.min(count, 400));
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const { fullName, sex } = names[i % names.length]!;
    out.push(
      await renderHocBaPdf([
        hocBaDoc({ pupil: { fullName, sex, className: '5A', personalId: `0013160${String(i).padStart(5, '0')}` } }),
      ]),
    );
  }
  return out;
}

/** The token alone: a session of our own on the logged-in token, the key found by CKA_ID. */
function rawSignatures(module: string, label: string): number[] {
  const p11 = loadModule(module);
  const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trim() === label)!;
  const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
  try {
    p11.C_FindObjectsInit(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_ID, value: Buffer.from('01', 'hex') },
    ]);
    const [key] = p11.C_FindObjects(session, 1);
    p11.C_FindObjectsFinal(session);
    // The size of a CMS's signed attributes.
    const data = crypto.randomBytes(200);
    const samples: number[] = [];
    for (let i = 0; i < RAW_SIGNATURES; i++) {
      const t0 = performance.now();
      p11.C_SignInit(session, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, key!);
      p11.C_Sign(session, data, Buffer.alloc(512));
      samples.push(performance.now() - t0);
    }
    return samples;
  } finally {
    p11.C_CloseSession(session);
  }
}

async function batch(
  name: string,
  docs: readonly Buffer[],
  session: TokenSession,
  options: PdfSignOptions,
  tokenMs: number,
): Promise<Buffer[]> {
  const gaps: number[] = [];
  let last = performance.now();
  const cpu0 = process.cpuUsage();
  const t0 = last;
  const outcomes = await signPdfBatch(
    docs.map((pdf, i) => ({ id: String(i), pdf })),
    session,
    options,
    {
      onProgress: () => {
        const now = performance.now();
        gaps.push(now - last);
        last = now;
      },
    },
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const failed = outcomes.filter((o) => !o.ok).length;
  if (failed) throw new Error(`${failed} documents failed to sign`);
  const perDoc = ms / docs.length;
  emit(name, gaps, {
    documents: docs.length,
    pages: docs.length * 2,
    total_ms: round(ms),
    documents_per_s: round(docs.length / (ms / 1000)),
    ms_per_document: round(perDoc),
    token_ms_per_signature: round(tokenMs),
    ratio_to_token: round(perDoc / tokenMs),
    cpu_ms: round((cpu.user + cpu.system) / 1000),
  });
  return outcomes.flatMap((o) => (o.ok ? [o.pdf] : []));
}

export async function benchSigning(): Promise<void> {
  process.env.TRUONGSO_SERIF ??= 'bundled';
  const hsm = createSoftHsm();
  let session: TokenSession | undefined;
  try {
    const ca = testCa();
    const signer = ca.leaf({ kind: 'RSA', cn: 'Nguyễn Thị Hằng', title: 'Hiệu trưởng' });
    const serial = hsm.initToken(LABEL);
    hsm.importKey(LABEL, signer.key, signer.cert, '01');
    const docs = await hocBaPdfs(DOCUMENTS);

    session = await openTokenSession({
      module: hsm.module,
      token: { label: LABEL, serial },
      certificate: signer.serial,
      pin: USER_PIN,
    });
    const raw = rawSignatures(hsm.module, LABEL);
    const tokenMs = median(raw);
    emit('signing.token_raw_sign_rsa2048_softhsm', raw, { mechanism: 'CKM_SHA256_RSA_PKCS' });

    // Warm: pdf-lib, the fonts of the visible block.
    await signPdfBatch(
      docs.slice(0, 5).map((pdf, i) => ({ id: String(i), pdf })),
      session,
      { visible: { position: 'Hiệu trưởng' } },
    );

    await batch('signing.batch_500_hocba_invisible', docs, session, {}, tokenMs);
    const visible = await batch(
      'signing.batch_500_hocba_visible_block',
      docs,
      session,
      { visible: { position: 'Hiệu trưởng' } },
      tokenMs,
    );

    const checks: number[] = [];
    for (const pdf of visible.slice(0, 50)) {
      const t0 = performance.now();
      const result = await verifyPdf(pdf, { trustAnchors: [ca.pem] });
      checks.push(performance.now() - t0);
      if (result.status !== 'valid') throw new Error(result.verdict);
    }
    emit('signing.verify_signed_hocba', checks, { kb: Math.round(visible[0]!.length / 1024) });

    const tsa = await startTestTsa(ca);
    try {
      const before = tsa.requests;
      await batch(
        'signing.batch_100_hocba_timestamped',
        docs.slice(0, 100),
        session,
        { timestamp: { url: tsa.url } },
        tokenMs,
      );
      if (tsa.requests - before !== 100) throw new Error('not every document got its timestamp');
    } finally {
      await tsa.close();
    }

    // The office PC's signer opens its own session: one session per token at a time.
    session.close();
    session = undefined;
    await benchRemoteSigning(
      docs.slice(0, 200),
      {
        module: hsm.module,
        label: LABEL,
        serial,
        certSerial: signer.serial,
        pin: USER_PIN,
      },
      tokenMs,
    );
  } finally {
    session?.close();
    releaseAllModules();
    hsm.cleanup();
  }
}
