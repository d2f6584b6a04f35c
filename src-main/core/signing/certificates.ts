/**
 * X.509 certificates as the signing screens show them and as CMS needs them. Node's X509Certificate does
 * the cryptography (public keys, issuer signatures, fingerprints) for RSA and EC alike; node-forge's ASN.1
 * reader gives the parts Node does not expose: the names decoded as Unicode (Vietnamese UTF8String and
 * BMPString values), the raw issuer and serial for CMS, the key usage bits and the validity instants.
 */
import crypto, { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { SigningError } from './errors';

const asn1 = forge.asn1;
type Asn1 = forge.asn1.Asn1;

export type KeyUsage =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

const KEY_USAGE_BITS: readonly KeyUsage[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

export interface DistinguishedName {
  readonly commonName?: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
  readonly title?: string;
  readonly locality?: string;
  readonly state?: string;
  readonly country?: string;
  readonly email?: string;
  /** Vietnamese CAs put the citizen ID or tax code here ("CMND:…", "CCCD:…", "MST:…"). */
  readonly uid?: string;
  readonly serialNumber?: string;
  /** The whole name on one line, most specific first: "CN=…, OU=…, O=…, L=…, C=VN". */
  readonly text: string;
}

export interface CertificateInfo {
  /** Upper-case hex without a sign byte, as CAs print it. */
  readonly serialNumber: string;
  readonly subject: DistinguishedName;
  readonly issuer: DistinguishedName;
  /** ISO instants. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** null when the certificate has no key usage extension (any use allowed). */
  readonly keyUsage: readonly KeyUsage[] | null;
  readonly keyType: 'RSA' | 'EC' | 'other';
  /** RSA modulus length in bits. */
  readonly keySize?: number;
  /** EC curve name, e.g. prime256v1. */
  readonly curve?: string;
  readonly isCA: boolean;
  readonly selfIssued: boolean;
  /** SHA-256 of the DER, lower-case hex. */
  readonly sha256: string;
}

/** A certificate with the pieces CMS and chain building need. */
export interface ParsedCertificate {
  readonly der: Buffer;
  readonly x509: X509Certificate;
  readonly info: CertificateInfo;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The issuer Name and serial INTEGER as ASN.1, for CMS IssuerAndSerialNumber. */
  readonly issuerAsn1: Asn1;
  readonly serialAsn1: Asn1;
  /** DER of the subject and issuer names, to match issuers without trusting printable forms. */
  readonly subjectDer: Buffer;
  readonly issuerDer: Buffer;
}

const NAME_OIDS: Record<string, [keyof Omit<DistinguishedName, 'text'>, string]> = {
  '2.5.4.3': ['commonName', 'CN'],
  '2.5.4.10': ['organization', 'O'],
  '2.5.4.11': ['organizationalUnit', 'OU'],
  '2.5.4.12': ['title', 'T'],
  '2.5.4.7': ['locality', 'L'],
  '2.5.4.8': ['state', 'ST'],
  '2.5.4.6': ['country', 'C'],
  '1.2.840.113549.1.9.1': ['email', 'E'],
  '0.9.2342.19200300.100.1.1': ['uid', 'UID'],
  '2.5.4.5': ['serialNumber', 'SERIALNUMBER'],
};

export const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
export const fromBinary = (s: string): Buffer => Buffer.from(s, 'binary');

function children(node: Asn1): Asn1[] {
  return Array.isArray(node.value) ? node.value : [];
}

/** Decodes a directory string by its ASN.1 type: UTF8String and BMPString carry Vietnamese. */
export function decodeString(node: Asn1): string {
  const raw = typeof node.value === 'string' ? node.value : '';
  if (node.type === asn1.Type.UTF8) return fromBinary(raw).toString('utf8').normalize('NFC');
  if (node.type === asn1.Type.BMPSTRING) return fromBinary(raw).swap16().toString('utf16le').normalize('NFC');
  if ((node.type as number) === 28) {
    // UniversalString: UTF-32BE.
    const b = fromBinary(raw);
    let s = '';
    for (let i = 0; i + 3 < b.length; i += 4) s += String.fromCodePoint(b.readUInt32BE(i));
    return s.normalize('NFC');
  }
  // PrintableString, IA5String, TeletexString: treat as Latin-1.
  return raw;
}

export function parseName(name: Asn1): DistinguishedName {
  const parts: Record<string, string> = {};
  const text: string[] = [];
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [oidNode, valueNode] = children(atv);
      if (!oidNode || !valueNode) continue;
      const oid = asn1.derToOid(oidNode.value as string);
      const value = decodeString(valueNode);
      const known = NAME_OIDS[oid];
      if (known) {
        const [key, short] = known;
        parts[key] = parts[key] ? `${parts[key]}, ${value}` : value;
        text.push(`${short}=${value}`);
      } else {
        text.push(`${oid}=${value}`);
      }
    }
  }
  return { ...parts, text: text.reverse().join(', ') };
}

function timeOf(node: Asn1): Date {
  const value = node.value as string;
  return node.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(value) : asn1.generalizedTimeToDate(value);
}

/** Reads DER without forge's habit of trying to decode BIT STRING contents as ASN.1. */
export function readDer(bytes: Uint8Array | string, parseAllBytes = true): Asn1 {
  const input = typeof bytes === 'string' ? bytes : toBinary(bytes);
  return (asn1.fromDer as unknown as (b: string, o: object) => Asn1)(input, { parseAllBytes, decodeBitStrings: false });
}

export function derOf(node: Asn1): Buffer {
  return fromBinary(asn1.toDer(node).getBytes());
}

function keyUsageOf(extensions: Asn1 | undefined): KeyUsage[] | null {
  if (!extensions) return null;
  for (const ext of children(children(extensions)[0]!)) {
    const [oidNode, ...rest] = children(ext);
    if (!oidNode || asn1.derToOid(oidNode.value as string) !== '2.5.29.15') continue;
    const octets = rest[rest.length - 1]!;
    const bitString = readDer(octets.value as string);
    const bits = fromBinary(bitString.value as string).subarray(1);
    const usages: KeyUsage[] = [];
    KEY_USAGE_BITS.forEach((usage, i) => {
      const byte = bits[i >> 3] ?? 0;
      if (byte & (0x80 >> (i & 7))) usages.push(usage);
    });
    return usages;
  }
  return null;
}

export function serialHex(serialNode: Asn1): string {
  let bytes = fromBinary(serialNode.value as string);
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  return bytes.toString('hex').toUpperCase();
}

/** For matching what a user typed: no separators, no case, no leading zeros. */
export function normalizeSerial(serial: string): string {
  return serial
    .replace(/[^0-9a-f]/gi, '')
    .toLowerCase()
    .replace(/^0+(?=.)/, '');
}

export function parseCertificate(input: Uint8Array): ParsedCertificate {
  const der = Buffer.from(input);
  let x509: X509Certificate;
  let tbs: Asn1[];
  try {
    x509 = new X509Certificate(der);
    tbs = children(children(readDer(der))[0]!);
  } catch (e) {
    throw new SigningError('certificate_invalid', `Chứng thư số không đọc được: ${(e as Error).message}`);
  }
  // The version is an explicit [0] tag, absent for v1 certificates.
  const offset = tbs[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serialAsn1 = tbs[offset]!;
  const issuerAsn1 = tbs[offset + 2]!;
  const validity = children(tbs[offset + 3]!);
  const subjectAsn1 = tbs[offset + 4]!;
  const extensions = tbs.find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 3);
  const notBefore = timeOf(validity[0]!);
  const notAfter = timeOf(validity[1]!);
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const keyType = key.asymmetricKeyType === 'rsa' ? 'RSA' : key.asymmetricKeyType === 'ec' ? 'EC' : 'other';
  const subjectDer = derOf(subjectAsn1);
  const issuerDer = derOf(issuerAsn1);
  const info: CertificateInfo = {
    serialNumber: serialHex(serialAsn1),
    subject: parseName(subjectAsn1),
    issuer: parseName(issuerAsn1),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    keyUsage: keyUsageOf(extensions),
    keyType,
    ...(keyType === 'RSA' && details.modulusLength ? { keySize: details.modulusLength } : {}),
    ...(keyType === 'EC' && details.namedCurve ? { curve: details.namedCurve } : {}),
    isCA: x509.ca,
    selfIssued: subjectDer.equals(issuerDer),
    sha256: crypto.createHash('sha256').update(der).digest('hex'),
  };
  return { der, x509, info, notBefore, notAfter, issuerAsn1, serialAsn1, subjectDer, issuerDer };
}

/**
 * The extended key usage purposes (OIDs) and whether the extension is critical; null without the
 * extension. Only a certificate whose EKU says timeStamping may sign RFC 3161 timestamps.
 */
export function extendedKeyUsage(
  cert: ParsedCertificate,
): { readonly purposes: string[]; readonly critical: boolean } | null {
  const tbs = children(children(readDer(cert.der))[0]!);
  const extensions = tbs.find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 3);
  if (!extensions) return null;
  for (const ext of children(children(extensions)[0]!)) {
    const [oidNode, ...rest] = children(ext);
    if (!oidNode || asn1.derToOid(oidNode.value as string) !== '2.5.29.37') continue;
    const critical = rest.length > 1 && rest[0]!.type === asn1.Type.BOOLEAN && rest[0]!.value !== '\x00';
    const purposes = children(readDer(rest[rest.length - 1]!.value as string)).map((p) =>
      asn1.derToOid(p.value as string),
    );
    return { purposes, critical };
  }
  return null;
}

export function describeCertificate(der: Uint8Array): CertificateInfo {
  return parseCertificate(der).info;
}

/** Every certificate in PEM text (one or many blocks), or a single DER certificate. */
export function certificatesFromPem(input: string | Uint8Array): Buffer[] {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (blocks.length > 0) return blocks.map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
  if (typeof input !== 'string' && input[0] === 0x30) return [Buffer.from(input)];
  return [];
}

export function canSign(info: CertificateInfo): boolean {
  return (
    info.keyUsage === null || info.keyUsage.includes('digitalSignature') || info.keyUsage.includes('nonRepudiation')
  );
}

const vnDate = (d: Date) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
    .format(d)
    .replace(/-/g, '/');

/** Refuses a certificate that cannot make a valid signature at `at`, naming why. */
export function assertUsableForSigning(cert: ParsedCertificate, at: Date): void {
  const who = cert.info.subject.commonName ?? cert.info.subject.text;
  if (at < cert.notBefore) {
    throw new SigningError(
      'certificate_not_yet_valid',
      `Chứng thư số của ${who} chưa có hiệu lực (hiệu lực từ ${vnDate(cert.notBefore)}).`,
      { notBefore: cert.info.notBefore },
    );
  }
  if (at > cert.notAfter) {
    throw new SigningError(
      'certificate_expired',
      `Chứng thư số của ${who} đã hết hạn ngày ${vnDate(cert.notAfter)}; hãy gia hạn chứng thư số với nhà cung cấp.`,
      { notAfter: cert.info.notAfter },
    );
  }
  if (!canSign(cert.info)) {
    throw new SigningError(
      'certificate_key_usage',
      `Chứng thư số của ${who} không được phép dùng để ký số (thiếu mục đích "chữ ký số"); hãy chọn chứng thư số khác trên token.`,
      { keyUsage: cert.info.keyUsage },
    );
  }
}

/** Why a certificate cannot sign at `at` (Vietnamese), or null when it can: for listing certificates. */
export function signingProblem(der: Uint8Array, at: Date = new Date()): string | null {
  try {
    const cert = parseCertificate(der);
    if (cert.info.isCA) return 'Đây là chứng thư của tổ chức chứng thực (CA), không dùng để ký văn bản.';
    assertUsableForSigning(cert, at);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export interface ChainResult {
  /** From the signer's certificate up to the last one found (the trust anchor when trusted). */
  readonly path: ParsedCertificate[];
  readonly trusted: boolean;
  /** Vietnamese, when not trusted or a certificate on the path was not valid at the time. */
  readonly problem?: string;
  readonly validAtTime: boolean;
}

/**
 * Builds the path from `leaf` to one of `anchors` through `pool` (the certificates the signature carries
 * and any intermediates the school configured), checking each issuer's signature and validity at `at`.
 */
export function buildChain(
  leaf: ParsedCertificate,
  pool: readonly ParsedCertificate[],
  anchors: readonly ParsedCertificate[],
  at: Date,
): ChainResult {
  const path: ParsedCertificate[] = [leaf];
  const isAnchor = (c: ParsedCertificate) => anchors.some((a) => a.info.sha256 === c.info.sha256);
  const candidates = [...anchors, ...pool];
  const validAt = (c: ParsedCertificate) => at >= c.notBefore && at <= c.notAfter;
  let current = leaf;
  let trusted = isAnchor(leaf);
  while (!trusted && path.length < 10) {
    const issuer = candidates.find(
      (c) =>
        c.subjectDer.equals(current.issuerDer) &&
        !path.includes(c) &&
        current.x509.checkIssued(c.x509) &&
        current.x509.verify(c.x509.publicKey),
    );
    if (!issuer) break;
    path.push(issuer);
    current = issuer;
    trusted = isAnchor(issuer);
  }
  const invalid = path.find((c) => !validAt(c));
  const notCA = path.slice(1).find((c) => !c.info.isCA);
  let problem: string | undefined;
  if (!trusted) {
    problem =
      anchors.length === 0
        ? 'Chưa cấu hình chứng thư gốc tin cậy (root CA) để xác minh người ký.'
        : `Chứng thư số không dẫn tới tổ chức chứng thực được tin cậy (tổ chức cấp: ${current.info.issuer.commonName ?? current.info.issuer.text}).`;
  } else if (notCA) {
    problem = `Chứng thư ${notCA.info.subject.commonName ?? notCA.info.subject.text} không phải chứng thư của tổ chức chứng thực.`;
  } else if (invalid) {
    problem = `Chứng thư ${invalid.info.subject.commonName ?? invalid.info.subject.text} không còn hiệu lực tại thời điểm ký.`;
  }
  return { path, trusted: trusted && !notCA, validAtTime: !invalid, ...(problem ? { problem } : {}) };
}
