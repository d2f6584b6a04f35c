/**
 * A test PKI: a root CA and certificates it issues (RSA-2048 or ECDSA P-256), with any validity and key
 * usage, for signing tests. Keys come from node:crypto, certificates are assembled with node-forge's
 * ASN.1 module and signed by node:crypto, so RSA and EC certificates are made the same way.
 */
import crypto, { type KeyObject } from 'node:crypto';
import forge from 'node-forge';

const asn1 = forge.asn1;
type Asn1 = forge.asn1.Asn1;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

const bin = (b: Uint8Array) => Buffer.from(b).toString('binary');
const oid = (id: string) => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);
const der = (node: Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const fromDer = (b: Uint8Array) =>
  (asn1.fromDer as unknown as (s: string, o: object) => Asn1)(bin(b), { decodeBitStrings: false });

export type KeyKind = 'RSA' | 'EC';

export interface Issued {
  readonly cert: Buffer;
  readonly key: KeyObject;
  readonly serial: string;
  readonly pem: string;
}

export const pem = (cert: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(cert).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;

export function newKey(kind: KeyKind): KeyObject {
  return kind === 'RSA'
    ? crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    : crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

const NAME_OIDS: Record<string, string> = {
  CN: '2.5.4.3',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  T: '2.5.4.12',
  L: '2.5.4.7',
  C: '2.5.4.6',
  UID: '0.9.2342.19200300.100.1.1',
};

function name(parts: Record<string, string>): Asn1 {
  return seq(
    Object.entries(parts).map(([k, v]) =>
      asn1.create(U, T.SET, true, [
        seq([
          oid(NAME_OIDS[k]!),
          asn1.create(U, k === 'C' ? T.PRINTABLESTRING : T.UTF8, false, k === 'C' ? v : forge.util.encodeUtf8(v)),
        ]),
      ]),
    ),
  );
}

const USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

function keyUsage(usages: readonly string[]): Asn1 {
  let bits = 0;
  for (const u of usages) bits |= 0x80 >> USAGE_BITS.indexOf(u);
  let unused = 0;
  while (unused < 7 && !(bits & (1 << unused))) unused++;
  return asn1.create(U, T.BITSTRING, false, String.fromCharCode(unused) + String.fromCharCode(bits));
}

function extension(id: string, critical: boolean, value: Asn1): Asn1 {
  const items = [oid(id)];
  if (critical) items.push(asn1.create(U, T.BOOLEAN, false, String.fromCharCode(0xff)));
  items.push(asn1.create(U, T.OCTETSTRING, false, asn1.toDer(value).getBytes()));
  return seq(items);
}

function time(d: Date): Asn1 {
  return asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(d));
}

export interface IssueOptions {
  readonly subject: Record<string, string>;
  readonly key: KeyObject;
  /** Absent: self-signed. */
  readonly issuer?: { readonly cert: Buffer; readonly key: KeyObject; readonly subject: Record<string, string> };
  readonly serial?: string;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly keyUsage?: readonly string[];
  readonly ca?: boolean;
}

export function issue(options: IssueOptions): Issued {
  const serial = options.serial ?? `5A${crypto.randomBytes(15).toString('hex').toUpperCase()}`;
  const publicKey = crypto.createPublicKey(options.key);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const signingKey = options.issuer?.key ?? options.key;
  const sigAlg =
    signingKey.asymmetricKeyType === 'rsa'
      ? seq([oid('1.2.840.113549.1.1.11'), asn1.create(U, T.NULL, false, '')])
      : seq([oid('1.2.840.10045.4.3.2')]);
  const spkiNode = fromDer(spki);
  const keyBits = Buffer.from((spkiNode.value as Asn1[])[1]!.value as string, 'binary').subarray(1);
  const ski = crypto.createHash('sha1').update(keyBits).digest();
  const extensions = [
    extension('2.5.29.19', true, seq(options.ca ? [asn1.create(U, T.BOOLEAN, false, String.fromCharCode(0xff))] : [])),
    extension(
      '2.5.29.15',
      true,
      keyUsage(options.keyUsage ?? (options.ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature', 'nonRepudiation'])),
    ),
    extension('2.5.29.14', false, asn1.create(U, T.OCTETSTRING, false, bin(ski))),
  ];
  const now = Date.now();
  const tbs = seq([
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [
      asn1.create(U, T.INTEGER, false, asn1.integerToDer(2).getBytes()),
    ]),
    asn1.create(U, T.INTEGER, false, bin(Buffer.from(serial, 'hex'))),
    sigAlg,
    name(options.issuer?.subject ?? options.subject),
    seq([
      time(options.notBefore ?? new Date(now - 86400_000)),
      time(options.notAfter ?? new Date(now + 365 * 86400_000)),
    ]),
    name(options.subject),
    spkiNode,
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 3, true, [seq(extensions)]),
  ]);
  const tbsDer = der(tbs);
  const signature = crypto.sign('sha256', tbsDer, signingKey);
  const cert = der(seq([tbs, sigAlg, asn1.create(U, T.BITSTRING, false, `\0${bin(signature)}`)]));
  return { cert, key: options.key, serial, pem: pem(cert) };
}

export interface TestCa extends Issued {
  readonly subject: Record<string, string>;
  /** A certificate for a person of the school, issued by this CA. */
  leaf(options: { kind: KeyKind; cn: string; o?: string; title?: string } & Partial<IssueOptions>): Issued;
}

export function testCa(cn = 'Trường Số Test CA', kind: KeyKind = 'RSA'): TestCa {
  const subject = { C: 'VN', O: 'Trường Số (thử nghiệm)', CN: cn };
  const root = issue({
    subject,
    key: newKey(kind),
    ca: true,
    notBefore: new Date(Date.now() - 30 * 86400_000),
    notAfter: new Date(Date.now() + 3650 * 86400_000),
  });
  return {
    ...root,
    subject,
    leaf: ({ kind: leafKind, cn: leafCn, o, title, ...rest }) =>
      issue({
        subject: { C: 'VN', O: o ?? 'Trường Tiểu học Nguyễn Du', ...(title ? { T: title } : {}), CN: leafCn },
        key: rest.key ?? newKey(leafKind),
        issuer: { cert: root.cert, key: root.key, subject },
        ...rest,
      }),
  };
}
