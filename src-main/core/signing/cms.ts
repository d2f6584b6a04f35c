/**
 * CMS SignedData (RFC 5652) for PAdES and detached .p7s signatures, built and read with node-forge's
 * ASN.1 module. forge's pkcs7 helper is not used: it cannot add signing-certificate-v2, cannot make ECDSA
 * signatures and signs inside the call, where the signature here comes from a token, maybe on another PC.
 * So the work is split: `buildSignedAttributes` gives the bytes to be signed (they hold only digests),
 * the token signs them, `buildSignedData` wraps the signature. Hashes and signature checks use node:crypto.
 */
import crypto, { type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { derOf, fromBinary, parseCertificate, readDer, toBinary, type ParsedCertificate } from './certificates';
import { SigningError } from './errors';

const asn1 = forge.asn1;
type Asn1 = forge.asn1.Asn1;
const { UNIVERSAL, CONTEXT_SPECIFIC } = asn1.Class;
const T = asn1.Type;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha224: '2.16.840.1.101.3.4.2.4',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
} as const;

/** Node's hash names by digest algorithm OID. */
export const HASH_BY_OID: Record<string, string> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha224]: 'sha224',
};

/** Signature algorithms that name their hash. */
const SIGNATURE_OIDS: Record<string, { key: 'RSA' | 'EC'; hash: string }> = {
  '1.2.840.113549.1.1.5': { key: 'RSA', hash: 'sha1' },
  '1.2.840.113549.1.1.11': { key: 'RSA', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { key: 'RSA', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { key: 'RSA', hash: 'sha512' },
  '1.2.840.113549.1.1.14': { key: 'RSA', hash: 'sha224' },
  '1.2.840.10045.4.1': { key: 'EC', hash: 'sha1' },
  '1.2.840.10045.4.3.1': { key: 'EC', hash: 'sha224' },
  '1.2.840.10045.4.3.2': { key: 'EC', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { key: 'EC', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { key: 'EC', hash: 'sha512' },
};

// ---------------------------------------------------------------------------------------------------
// Encoding helpers

const oid = (id: string) => asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: Asn1[]) => asn1.create(UNIVERSAL, T.SEQUENCE, true, items);
const set = (items: Asn1[]) => asn1.create(UNIVERSAL, T.SET, true, items);
const octets = (bytes: Uint8Array) => asn1.create(UNIVERSAL, T.OCTETSTRING, false, toBinary(bytes));
const nullValue = () => asn1.create(UNIVERSAL, T.NULL, false, '');
const integer = (n: number) => asn1.create(UNIVERSAL, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const algorithm = (id: string, withNull = false) => seq(withNull ? [oid(id), nullValue()] : [oid(id)]);

/** An unsigned big-endian number as a DER INTEGER: no superfluous leading zeros, a zero when the top bit is set. */
function unsignedInteger(bytes: Uint8Array): Asn1 {
  let b = Buffer.from(bytes);
  while (b.length > 1 && b[0] === 0) b = b.subarray(1);
  if (b[0]! & 0x80) b = Buffer.concat([Buffer.alloc(1), b]);
  return asn1.create(UNIVERSAL, T.INTEGER, false, toBinary(b));
}

function time(date: Date): Asn1 {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(UNIVERSAL, T.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(UNIVERSAL, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** DER SET OF: the elements sorted by their encodings, which verifiers such as OpenSSL re-create before checking. */
function derSetOf(elements: Buffer[]): Buffer {
  const sorted = [...elements].sort(Buffer.compare);
  const body = Buffer.concat(sorted);
  return Buffer.concat([Buffer.from([0x31]), lengthBytes(body.length), body]);
}

/** The whole length of the DER value at the start of `bytes` (tag, length and contents). */
export function derLength(bytes: Uint8Array): number {
  if (bytes.length < 2) return 0;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4) return 0;
  let len = 0;
  for (let i = 0; i < count; i++) len = len * 256 + bytes[2 + i]!;
  return 2 + count + len;
}

/** The ECDSA signature of a PKCS#11 token (r‖s, each half the length) as CMS wants it: SEQUENCE { r, s }. */
export function ecdsaRawToDer(raw: Uint8Array): Buffer {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new Error('ECDSA signature of odd length');
  const half = raw.length / 2;
  return derOf(seq([unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half))]));
}

// ---------------------------------------------------------------------------------------------------
// Building

export interface SignedAttributesInput {
  /** SHA-256 of the signed content (the PDF's ByteRange, or the whole file for .p7s). */
  readonly contentDigest: Uint8Array;
  readonly certificate: ParsedCertificate | Uint8Array;
  /**
   * The CMS signing-time attribute. PAdES baseline signatures must not carry it (ETSI EN 319 142-1: the
   * time goes in the signature dictionary's /M); CAdES .p7s files do.
   */
  readonly signingTime?: Date;
}

function attribute(type: string, value: Asn1): Buffer {
  return derOf(seq([oid(type), set([value])]));
}

/**
 * The DER of the signed attributes as a SET OF (tag 0x31): the exact bytes the token signs. They hold the
 * content-type, the content's digest, signing-certificate-v2 (the SHA-256 of the signer's certificate,
 * which binds the certificate to the signature) and, when asked, the signing time.
 */
export function buildSignedAttributes(input: SignedAttributesInput): Buffer {
  const cert = input.certificate instanceof Uint8Array ? parseCertificate(input.certificate) : input.certificate;
  const certHash = crypto.createHash('sha256').update(cert.der).digest();
  // ESSCertIDv2 { hashAlgorithm DEFAULT sha256 (so omitted), certHash }; CAdES baseline advises leaving
  // out issuerSerial, the signer identifier already names issuer and serial.
  const signingCertificateV2 = seq([seq([seq([octets(certHash)])])]);
  const attrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(input.contentDigest)),
    attribute(OID.signingCertificateV2, signingCertificateV2),
  ];
  if (input.signingTime) attrs.push(attribute(OID.signingTime, time(input.signingTime)));
  return derSetOf(attrs);
}

function signatureAlgorithmOf(cert: ParsedCertificate): Asn1 {
  if (cert.info.keyType === 'RSA') return algorithm(OID.rsaEncryption, true);
  if (cert.info.keyType === 'EC') return algorithm('1.2.840.10045.4.3.2');
  throw new SigningError('certificate_invalid', 'Chỉ hỗ trợ khóa RSA và ECDSA.');
}

export interface SignedDataInput {
  /** From buildSignedAttributes. */
  readonly signedAttributes: Uint8Array;
  /** The token's signature over the signed attributes: PKCS#1 v1.5 for RSA, DER SEQUENCE { r, s } for ECDSA. */
  readonly signature: Uint8Array;
  readonly certificate: ParsedCertificate | Uint8Array;
  /** Intermediate CA certificates to carry, so a verifier can reach the root. */
  readonly chain?: readonly Uint8Array[];
  /**
   * An RFC 3161 TimeStampToken (DER) over `signature`, carried as the unsigned attribute
   * id-aa-timeStampToken: that is what makes the signature PAdES/CAdES B-T. Unsigned, because the
   * token can only exist once the signature value does.
   */
  readonly timestampToken?: Uint8Array;
}

/** The detached CMS ContentInfo (DER) wrapping a signature made over `signedAttributes`. */
export function buildSignedData(input: SignedDataInput): Buffer {
  const cert = input.certificate instanceof Uint8Array ? parseCertificate(input.certificate) : input.certificate;
  const signedAttrs = readDer(input.signedAttributes);
  // The same SET, tagged [0] IMPLICIT inside SignerInfo.
  signedAttrs.tagClass = CONTEXT_SPECIFIC;
  signedAttrs.type = 0 as forge.asn1.Type;
  const signerInfo = seq([
    integer(1),
    seq([cert.issuerAsn1, cert.serialAsn1]),
    algorithm(OID.sha256),
    signedAttrs,
    signatureAlgorithmOf(cert),
    octets(input.signature),
    ...(input.timestampToken
      ? [
          asn1.create(CONTEXT_SPECIFIC, 1, true, [
            seq([oid(OID.signatureTimeStampToken), set([readDer(input.timestampToken)])]),
          ]),
        ]
      : []),
  ]);
  const certs = [cert.der, ...(input.chain ?? []).map((c) => Buffer.from(c))].filter(
    (c, i, all) => all.findIndex((o) => o.equals(c)) === i,
  );
  const signedData = seq([
    integer(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(
      CONTEXT_SPECIFIC,
      0,
      true,
      certs.map((c) => readDer(c)),
    ),
    set([signerInfo]),
  ]);
  return derOf(seq([oid(OID.signedData), asn1.create(CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

/** Whether `signature` is the signer's signature over `data` (the signed attributes), RSA or ECDSA, SHA-256. */
export function checkSignatureValue(cert: ParsedCertificate, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return crypto.verify('sha256', data, cert.x509.publicKey, signature);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading and verifying

export interface CmsVerification {
  readonly signer: ParsedCertificate | null;
  readonly certificates: readonly ParsedCertificate[];
  /** Node's hash name: sha256, sha1, … */
  readonly digestAlgorithm: string | null;
  readonly signatureAlgorithm: string | null;
  readonly contentTypeOk: boolean;
  readonly messageDigestOk: boolean;
  readonly signatureOk: boolean;
  readonly signingTime: Date | null;
  readonly hasSigningCertificateV2: boolean;
  /** Whether the ESS signing-certificate(-v2) attribute names the signer's certificate; null without one. */
  readonly signingCertificateOk: boolean | null;
  /** The value of the SignerInfo's signature, which a signature timestamp covers. */
  readonly signatureValue: Buffer | null;
  /** The first id-aa-timeStampToken unsigned attribute (DER), unchecked: timestamp.ts checks it. */
  readonly timestampToken: Buffer | null;
  /** Vietnamese: why the structure could not be checked. */
  readonly error: string | null;
}

function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? node.value : [];
}

const oidOf = (node: Asn1 | undefined) => (node ? asn1.derToOid(node.value as string) : '');

function octetValue(node: Asn1): Buffer {
  if (Array.isArray(node.value)) return Buffer.concat(node.value.map(octetValue));
  return fromBinary(node.value as string);
}

function timeValue(node: Asn1): Date {
  return node.type === T.UTCTIME
    ? asn1.utcTimeToDate(node.value as string)
    : asn1.generalizedTimeToDate(node.value as string);
}

export interface ParsedSignerInfo {
  sid: { issuer?: Buffer; serial?: Buffer; ski?: Buffer };
  digestOid: string;
  signedAttrs: Asn1 | null;
  signatureAlgorithm: Asn1;
  signature: Buffer;
  unsignedAttrs: Asn1 | null;
}

export interface ParsedSignedData {
  eContentType: string;
  eContent: Buffer | null;
  certificates: ParsedCertificate[];
  signerInfo: ParsedSignerInfo;
}

/** Reads a ContentInfo holding SignedData; throws (with a Vietnamese message) when it is not one. */
/** The SignedData's fields, its certificates (DER) and where its SignerInfos are. */
function signedDataParts(der: Uint8Array): { parts: Asn1[]; certificates: Buffer[]; signerInfosAt: number } {
  const contentInfo = readDer(der, false);
  const [typeNode, wrapped] = children(contentInfo);
  if (oidOf(typeNode) !== OID.signedData) throw new Error('không phải CMS SignedData');
  const parts = children(children(wrapped)[0]);
  const certificates: Buffer[] = [];
  let index = 3;
  while (parts[index] && parts[index]!.tagClass === CONTEXT_SPECIFIC) {
    if (parts[index]!.type === 0) {
      for (const c of children(parts[index])) {
        if (c.tagClass === UNIVERSAL && c.type === T.SEQUENCE) certificates.push(derOf(c));
      }
    }
    index++;
  }
  return { parts, certificates, signerInfosAt: index };
}

/** The certificates (DER) a SignedData carries: a signature's, or a certificate bundle's (.p7b, no signer). */
export function signedDataCertificates(der: Uint8Array): Buffer[] {
  return signedDataParts(der).certificates;
}

export function parseSignedData(der: Uint8Array): ParsedSignedData {
  const { parts, certificates: ders, signerInfosAt: index } = signedDataParts(der);
  const encap = parts[2];
  const eContentNode = children(encap)[1];
  const certificates: ParsedCertificate[] = [];
  for (const c of ders) {
    try {
      certificates.push(parseCertificate(c));
    } catch {
      // An unreadable extra certificate does not make the signature unreadable.
    }
  }
  const signerInfos = children(parts[index]);
  if (signerInfos.length === 0) throw new Error('không có thông tin người ký (SignerInfo)');
  const si = children(signerInfos[0]);
  const sidNode = si[1]!;
  const sid: ParsedSignerInfo['sid'] =
    sidNode.tagClass === CONTEXT_SPECIFIC
      ? { ski: fromBinary(sidNode.value as string) }
      : { issuer: derOf(children(sidNode)[0]!), serial: fromBinary(children(sidNode)[1]!.value as string) };
  let i = 3;
  let signedAttrs: Asn1 | null = null;
  if (si[i]?.tagClass === CONTEXT_SPECIFIC && si[i]?.type === 0) signedAttrs = si[i++]!;
  const signatureAlgorithm = si[i++]!;
  const signature = octetValue(si[i++]!);
  const unsignedAttrs = si[i]?.tagClass === CONTEXT_SPECIFIC ? si[i]! : null;
  return {
    eContentType: oidOf(children(encap)[0]),
    eContent: eContentNode ? octetValue(children(eContentNode)[0]!) : null,
    certificates,
    signerInfo: {
      sid,
      digestOid: oidOf(children(si[2])[0]),
      signedAttrs,
      signatureAlgorithm,
      signature,
      unsignedAttrs,
    },
  };
}

function findSigner(sd: ParsedSignedData, extra: readonly ParsedCertificate[]): ParsedCertificate | null {
  const { sid } = sd.signerInfo;
  const all = [...sd.certificates, ...extra];
  if (sid.ski) {
    return all.find((c) => subjectKeyIdentifier(c)?.equals(sid.ski!) ?? false) ?? null;
  }
  return (
    all.find((c) => c.issuerDer.equals(sid.issuer!) && fromBinary(c.serialAsn1.value as string).equals(sid.serial!)) ??
    null
  );
}

function subjectKeyIdentifier(cert: ParsedCertificate): Buffer | null {
  const tbs = children(children(readDer(cert.der))[0]);
  const extensions = tbs.find((n) => n.tagClass === CONTEXT_SPECIFIC && n.type === 3);
  for (const ext of children(children(extensions)[0])) {
    const parts = children(ext);
    if (oidOf(parts[0]) !== '2.5.29.14') continue;
    return octetValue(readDer(fromBinary(parts[parts.length - 1]!.value as string)));
  }
  return null;
}

function attributeValues(attrs: Asn1 | null, type: string): Asn1[] | null {
  for (const attr of children(attrs ?? undefined)) {
    const [t, values] = children(attr);
    if (oidOf(t) === type) return children(values);
  }
  return null;
}

function verifyWithKey(
  key: KeyObject,
  algorithmNode: Asn1,
  digestName: string,
  data: Uint8Array,
  signature: Uint8Array,
): { ok: boolean; name: string } {
  const algOid = oidOf(children(algorithmNode)[0]);
  try {
    if (algOid === OID.rsaEncryption) {
      return { ok: crypto.verify(digestName, data, key, signature), name: `${digestName}WithRSA` };
    }
    if (algOid === OID.ecPublicKey) {
      return { ok: crypto.verify(digestName, data, key, signature), name: `ecdsa-with-${digestName}` };
    }
    if (algOid === OID.rsaPss) {
      const params = children(children(algorithmNode)[1]);
      let hash = 'sha1';
      let saltLength = 20;
      for (const p of params) {
        if (p.type === 0) hash = HASH_BY_OID[oidOf(children(children(p)[0])[0])] ?? hash;
        if (p.type === 2) saltLength = asn1.derToInteger(children(p)[0]!.value as string);
      }
      const ok = crypto.verify(
        hash,
        data,
        { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength },
        signature,
      );
      return { ok, name: `rsassa-pss-${hash}` };
    }
    const known = SIGNATURE_OIDS[algOid];
    if (known) {
      return {
        ok: crypto.verify(known.hash, data, key, signature),
        name: known.key === 'RSA' ? `${known.hash}WithRSA` : `ecdsa-with-${known.hash}`,
      };
    }
    return { ok: false, name: algOid };
  } catch {
    return { ok: false, name: algOid };
  }
}

export interface VerifyCmsOptions {
  /** Digest of the detached content with the CMS's own digest algorithm (Node's hash name). */
  readonly digestContent?: (hash: string) => Buffer;
  /** Certificates that may be the signer's when the CMS does not carry it. */
  readonly extraCertificates?: readonly ParsedCertificate[];
}

/** Checks a CMS SignedData: structure, message digest, signature value, ESS certificate binding, timestamp. */
export function verifyCms(der: Uint8Array, options: VerifyCmsOptions = {}): CmsVerification {
  const empty: CmsVerification = {
    signer: null,
    certificates: [],
    digestAlgorithm: null,
    signatureAlgorithm: null,
    contentTypeOk: false,
    messageDigestOk: false,
    signatureOk: false,
    signingTime: null,
    hasSigningCertificateV2: false,
    signingCertificateOk: null,
    signatureValue: null,
    timestampToken: null,
    error: null,
  };
  let sd: ParsedSignedData;
  try {
    sd = parseSignedData(der);
  } catch (e) {
    return { ...empty, error: `Cấu trúc chữ ký (CMS) không đọc được: ${(e as Error).message}` };
  }
  const si = sd.signerInfo;
  const digestName = HASH_BY_OID[si.digestOid] ?? null;
  const signer = findSigner(sd, options.extraCertificates ?? []);
  const base = { ...empty, certificates: sd.certificates, signer, digestAlgorithm: digestName };
  if (!digestName) return { ...base, error: `Thuật toán băm không được hỗ trợ (${si.digestOid}).` };
  if (!signer) return { ...base, error: 'Chữ ký không kèm chứng thư số của người ký.' };

  const contentDigest = sd.eContent
    ? crypto.createHash(digestName).update(sd.eContent).digest()
    : (options.digestContent?.(digestName) ?? null);

  let signedBytes: Buffer;
  let messageDigestOk: boolean;
  let contentTypeOk = true;
  let signingTime: Date | null = null;
  let hasV2 = false;
  let signingCertificateOk: boolean | null = null;
  if (si.signedAttrs) {
    const set = { ...si.signedAttrs, tagClass: UNIVERSAL, type: T.SET } as Asn1;
    signedBytes = derOf(set);
    const md = attributeValues(si.signedAttrs, OID.messageDigest);
    messageDigestOk = !!md?.[0] && !!contentDigest && octetValue(md[0]).equals(contentDigest);
    const ct = attributeValues(si.signedAttrs, OID.contentType);
    contentTypeOk = !!ct?.[0] && oidOf(ct[0]) === sd.eContentType;
    const st = attributeValues(si.signedAttrs, OID.signingTime);
    if (st?.[0]) signingTime = timeValue(st[0]);
    const v2 = attributeValues(si.signedAttrs, OID.signingCertificateV2);
    const v1 = attributeValues(si.signedAttrs, OID.signingCertificate);
    if (v2?.[0]) {
      hasV2 = true;
      const first = children(children(v2[0])[0])[0];
      const fields = children(first);
      const hasAlg = fields[0]?.type === T.SEQUENCE;
      const hash = hasAlg ? (HASH_BY_OID[oidOf(children(fields[0])[0])] ?? 'sha256') : 'sha256';
      const certHash = octetValue(fields[hasAlg ? 1 : 0]!);
      signingCertificateOk = crypto.createHash(hash).update(signer.der).digest().equals(certHash);
    } else if (v1?.[0]) {
      const first = children(children(v1[0])[0])[0];
      const certHash = octetValue(children(first)[0]!);
      signingCertificateOk = crypto.createHash('sha1').update(signer.der).digest().equals(certHash);
    }
  } else {
    signedBytes = sd.eContent ?? Buffer.alloc(0);
    messageDigestOk = true;
  }
  if (!si.signedAttrs && !sd.eContent) {
    // A detached signature without signed attributes signs the content itself, which only the caller has.
    return { ...base, error: 'Chữ ký không có thuộc tính ký (signed attributes): không hỗ trợ.' };
  }
  const verified = verifyWithKey(signer.x509.publicKey, si.signatureAlgorithm, digestName, signedBytes, si.signature);

  const tst = attributeValues(si.unsignedAttrs, OID.signatureTimeStampToken);

  return {
    ...base,
    signatureAlgorithm: verified.name,
    contentTypeOk,
    messageDigestOk,
    signatureOk: verified.ok,
    signingTime,
    hasSigningCertificateV2: hasV2,
    signingCertificateOk,
    signatureValue: si.signature,
    timestampToken: tst?.[0] ? derOf(tst[0]) : null,
  };
}
