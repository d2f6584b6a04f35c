/**
 * Turning the checks of one signature into what a clerk reads: a status and a Vietnamese verdict, the
 * same for PDF signatures and .p7s files. Revocation (CRL/OCSP) is not checked yet: schools often sign
 * offline, and the long-term validation data (PAdES B-LT) that would carry it is a later step.
 *
 * A signature timestamp (B-T) is judged on its own: a valid one gives the trusted signing time, at
 * which the certificate is then checked; a broken one is reported but does not break a signature that is
 * otherwise sound, because the signature never depended on it (it is then read as B-B).
 */
import {
  buildChain,
  certificatesFromPem,
  canSign,
  parseCertificate,
  type CertificateInfo,
  type ParsedCertificate,
} from './certificates';
import type { CmsVerification } from './cms';
import { checkTimestampToken } from './timestamp';
import { formatInstantVn } from '../../../src-shared/domain/dates';

export type SignatureStatus =
  /** Intact, certificate valid at signing time and chained to a trust anchor. */
  | 'valid'
  /** Intact, but the signer could not be chained to a configured trust anchor. */
  | 'valid_untrusted'
  /** Intact for the revision it signed, but the document was changed afterwards beyond adding signatures. */
  | 'modified'
  /** Broken: the content or the signature does not match, or the certificate was not valid then. */
  | 'invalid'
  /** Could not be checked (unsupported or unreadable structure). */
  | 'indeterminate';

export interface SignatureCheck {
  readonly status: SignatureStatus;
  /** One Vietnamese sentence or two. */
  readonly verdict: string;
  /** Each problem found, in Vietnamese. */
  readonly problems: readonly string[];
  readonly signer: CertificateInfo | null;
  /** ISO instant. */
  readonly signingTime: string | null;
  /** Where the time comes from: a timestamp server (trusted time), the CMS or the PDF (the signer's clock). */
  readonly signingTimeSource: 'timestamp' | 'cms' | 'pdf' | null;
  readonly integrity: {
    readonly digestOk: boolean;
    readonly signatureOk: boolean;
    readonly algorithm: string | null;
    readonly signingCertificateV2: boolean;
    readonly signingCertificateOk: boolean | null;
  };
  readonly certificate: { readonly validAtSigningTime: boolean | null; readonly keyUsageOk: boolean | null };
  readonly chain: { readonly trusted: boolean; readonly path: readonly string[]; readonly problem: string | null };
  /** PAdES/CAdES baseline level reached: B-T only with a valid signature timestamp. */
  readonly level: 'B-B' | 'B-T';
  /** The RFC 3161 signature timestamp, when the signature carries one. */
  readonly timestamp?: SignatureTimestamp;
}

export interface SignatureTimestamp {
  /** ISO instant: the TSA's time (empty when the token could not be read that far). */
  readonly time: string;
  /** The timestamp server, by its certificate's name. */
  readonly authority: string;
  /** Signed by a timeStamping certificate, over this signature value. */
  readonly valid: boolean;
  /** The timestamp server's certificate chains to one of the school's trust anchors. */
  readonly trusted: boolean;
  /** Vietnamese; empty when valid. */
  readonly problems: string[];
}

export interface TrustOptions {
  /** Root (and optionally intermediate) CA certificates the school trusts: PEM text or DER. */
  readonly trustAnchors?: readonly (string | Uint8Array)[];
  /** Extra intermediates that help build chains, not trusted themselves. */
  readonly intermediates?: readonly (string | Uint8Array)[];
}

export function parseCertificateList(inputs: readonly (string | Uint8Array)[] = []): ParsedCertificate[] {
  const out: ParsedCertificate[] = [];
  for (const input of inputs) for (const der of certificatesFromPem(input)) out.push(parseCertificate(der));
  return out;
}

const nameOf = (c: CertificateInfo | null | undefined) => c?.subject.commonName ?? c?.subject.text ?? 'không rõ';

export interface AssessInput {
  readonly cms: CmsVerification;
  /** /M of the PDF signature dictionary, when there is one. */
  readonly pdfTime?: Date | null;
  /** PDF only: the byte ranges are sound (start at 0, the gap is exactly /Contents, inside the file). */
  readonly structureProblem?: string | null;
  /** PDF only: what happened to the document after this signature. */
  readonly after?: 'none' | 'signatures' | 'other';
  readonly anchors: readonly ParsedCertificate[];
  readonly intermediates: readonly ParsedCertificate[];
}

export function assessSignature(input: AssessInput): SignatureCheck {
  const { cms } = input;
  const problems: string[] = [];
  const signer = cms.signer;
  const stamp =
    cms.timestampToken && cms.signatureValue ? checkTimestampToken(cms.timestampToken, cms.signatureValue) : null;
  const trustedTime = stamp?.valid && stamp.time ? stamp.time : null;
  // The timestamp server is judged against the same anchors as the signer.
  const stampChain =
    trustedTime && stamp?.tsaCertificate
      ? buildChain(stamp.tsaCertificate, [...stamp.certificates, ...input.intermediates], input.anchors, trustedTime)
      : null;
  const stampTrusted = !!stampChain && stampChain.trusted && stampChain.validAtTime;
  const time = trustedTime ?? cms.signingTime ?? input.pdfTime ?? null;
  const source = trustedTime ? 'timestamp' : cms.signingTime ? 'cms' : input.pdfTime ? 'pdf' : null;
  const at = time ?? new Date();

  if (input.structureProblem) problems.push(input.structureProblem);
  if (cms.error) problems.push(cms.error);
  const digestOk = cms.messageDigestOk && cms.contentTypeOk;
  if (!cms.error && !cms.messageDigestOk)
    problems.push('Nội dung tài liệu đã bị thay đổi sau khi ký (giá trị băm không khớp).');
  if (!cms.error && !cms.contentTypeOk) problems.push('Thuộc tính loại nội dung (content-type) của chữ ký không khớp.');
  if (!cms.error && !cms.signatureOk) problems.push('Giá trị chữ ký không khớp với chứng thư số của người ký.');
  if (cms.signingCertificateOk === false)
    problems.push('Thuộc tính chứng thư ký (signing-certificate) không khớp với chứng thư số kèm theo.');

  let validAtSigningTime: boolean | null = null;
  let keyUsageOk: boolean | null = null;
  let chain: SignatureCheck['chain'] = { trusted: false, path: [], problem: null };
  if (signer) {
    validAtSigningTime = at >= signer.notBefore && at <= signer.notAfter;
    if (!validAtSigningTime) {
      problems.push(
        at < signer.notBefore
          ? 'Chứng thư số của người ký chưa có hiệu lực tại thời điểm ký.'
          : 'Chứng thư số của người ký đã hết hạn tại thời điểm ký.',
      );
    }
    keyUsageOk = canSign(signer.info);
    if (!keyUsageOk) problems.push('Chứng thư số của người ký không được phép dùng để ký số.');
    const built = buildChain(signer, [...cms.certificates, ...input.intermediates], input.anchors, at);
    chain = {
      trusted: built.trusted && built.validAtTime,
      path: built.path.map((c) => nameOf(c.info)),
      problem: built.problem ?? null,
    };
  }

  const broken =
    !!input.structureProblem ||
    !digestOk ||
    !cms.signatureOk ||
    cms.signingCertificateOk === false ||
    validAtSigningTime === false ||
    keyUsageOk === false;
  const who = nameOf(signer?.info);
  const when = time ? ` lúc ${formatInstantVn(time)}` : '';
  let status: SignatureStatus;
  let verdict: string;
  if (cms.error && !signer) {
    status = 'indeterminate';
    verdict = `Không kiểm tra được chữ ký: ${cms.error}`;
  } else if (broken) {
    status = 'invalid';
    verdict = `Chữ ký của ${who} KHÔNG hợp lệ: ${problems[0] ?? 'chữ ký bị hỏng.'}`;
  } else if (input.after === 'other') {
    status = 'modified';
    verdict = `Chữ ký của ${who}${when} còn nguyên vẹn với phiên bản đã ký, nhưng tài liệu đã bị sửa đổi sau khi ký.`;
    problems.push('Tài liệu có thay đổi sau khi ký (không chỉ thêm chữ ký).');
  } else {
    const later = input.after === 'signatures' ? ' Sau lần ký này, tài liệu chỉ được ký thêm.' : '';
    if (chain.trusted) {
      status = 'valid';
      verdict = `Chữ ký hợp lệ: ${who} ký${when}; tài liệu không bị thay đổi từ khi ký; chứng thư số do ${signer!.info.issuer.commonName ?? signer!.info.issuer.text} cấp, còn hiệu lực tại thời điểm ký.${later}`;
    } else {
      status = 'valid_untrusted';
      verdict =
        `Chữ ký toàn vẹn: ${who} ký${when}, tài liệu không bị thay đổi từ khi ký; nhưng chưa xác minh được nguồn gốc chứng thư số. ${chain.problem ?? ''}${later}`.trim();
      if (chain.problem) problems.push(chain.problem);
    }
  }
  // After the verdict's first problem is chosen: a bad timestamp is never the reason a signature fails.
  if (stamp && !stamp.valid) {
    problems.push(`Dấu thời gian kèm chữ ký không hợp lệ nên không được dùng: ${stamp.problems.join(' ')}`);
  }
  if (status !== 'indeterminate') {
    if (trustedTime) {
      verdict += ` Dấu thời gian: ${formatInstantVn(trustedTime)}, do ${stamp!.authority || 'máy chủ cấp dấu thời gian'} xác nhận${stampTrusted ? '' : ' (chưa xác minh được nguồn gốc của máy chủ cấp dấu thời gian)'}.`;
    } else if (stamp) {
      verdict += ' Dấu thời gian kèm theo không hợp lệ; thời điểm ký chỉ theo đồng hồ máy người ký.';
    }
  }
  return {
    status,
    verdict,
    problems,
    signer: signer?.info ?? null,
    signingTime: time?.toISOString() ?? null,
    signingTimeSource: source,
    integrity: {
      digestOk,
      signatureOk: cms.signatureOk,
      algorithm: cms.signatureAlgorithm,
      signingCertificateV2: cms.hasSigningCertificateV2,
      signingCertificateOk: cms.signingCertificateOk,
    },
    certificate: { validAtSigningTime, keyUsageOk },
    chain,
    level: trustedTime ? 'B-T' : 'B-B',
    ...(stamp
      ? {
          timestamp: {
            time: stamp.time?.toISOString() ?? '',
            authority: stamp.authority,
            valid: stamp.valid,
            trusted: stampTrusted,
            problems: [...stamp.problems],
          },
        }
      : {}),
  };
}
