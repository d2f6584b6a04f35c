/**
 * A real RFC 3161 timestamp server for the signing tests: node:http on 127.0.0.1 (a free port) in the
 * test process, answering with `openssl ts -reply`. Its key and certificate are made with openssl and
 * issued by the test's CA, with the critical extendedKeyUsage timeStamping that RFC 3161 (and openssl)
 * require. `mode` switches how the next requests are answered, to play the failures a school meets:
 * a server that is down, broken, refusing, stale or silent.
 */
import { execFile, execFileSync } from 'node:child_process';
import type { KeyObject } from 'node:crypto';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';

const run = promisify(execFile);

export type TsaMode =
  /** A genuine reply from openssl. */
  | 'ok'
  /** HTTP 500 with an error page. */
  | 'http500'
  /** HTTP 200 with bytes that are not a TimeStampResp. */
  | 'garbage'
  /** openssl refuses the request (its policy accepts only SHA-512 imprints): PKIStatus rejection, badAlg. */
  | 'reject'
  /** A genuine token, but for another request (another imprint and nonce): a stale or replayed answer. */
  | 'other_request'
  /** Reads the request and never answers. */
  | 'hang';

export interface TestTsa {
  /** http://127.0.0.1:PORT/tsa */
  readonly url: string;
  readonly dir: string;
  /** The TSA certificate (DER) and its common name. */
  readonly cert: Buffer;
  readonly name: string;
  /** PEM of the CA that issued the TSA certificate, for `openssl ts -verify -CAfile`. */
  readonly caFile: string;
  mode: TsaMode;
  /** Requests received so far. */
  readonly requests: number;
  close(): Promise<void>;
}

export const TSA_NAME = 'Máy chủ dấu thời gian thử nghiệm';

const pemOf = (der: Uint8Array, label = 'CERTIFICATE') =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;

function tsConfig(dir: string): string {
  const section = (digests: string) =>
    [
      `dir = ${dir}`,
      'serial = $dir/tsaserial',
      'crypto_device = builtin',
      'signer_cert = $dir/tsa.pem',
      // The CA goes into the token too, as commercial TSAs send their chain.
      'certs = $dir/ca.pem',
      'signer_key = $dir/tsa.key',
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      `digests = ${digests}`,
      'accuracy = secs:1',
      'clock_precision_digits = 0',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
    ].join('\n');
  return `[ tsa ]\ndefault_tsa = tsa_ok\n\n[ tsa_ok ]\n${section('sha256, sha384, sha512')}\n\n[ tsa_strict ]\n${section('sha512')}\n`;
}

/**
 * Starts a TSA whose certificate `ca` issues. `ca.key` signs the TSA certificate (through openssl, from
 * a PEM written to the TSA's folder).
 */
export async function startTestTsa(ca: { cert: Buffer; key: KeyObject }): Promise<TestTsa> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-tsa-'));
  const file = (name: string) => path.join(dir, name);
  fs.writeFileSync(file('ca.pem'), pemOf(ca.cert));
  fs.writeFileSync(file('ca.key'), ca.key.export({ type: 'pkcs8', format: 'pem' }));
  fs.writeFileSync(file('tsaserial'), '01\n');
  fs.writeFileSync(
    file('ext.cnf'),
    [
      '[ tsa_ext ]',
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature, nonRepudiation',
      'extendedKeyUsage = critical, timeStamping',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(file('tsa.cnf'), tsConfig(dir));
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  openssl([
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-utf8',
    '-keyout',
    'tsa.key',
    '-subj',
    `/C=VN/O=Trường Số (thử nghiệm)/CN=${TSA_NAME}`,
    '-out',
    'tsa.csr',
  ]);
  openssl([
    'x509',
    '-req',
    '-in',
    'tsa.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-set_serial',
    `0x${crypto.randomBytes(8).toString('hex')}`,
    '-days',
    '365',
    '-sha256',
    '-extfile',
    'ext.cnf',
    '-extensions',
    'tsa_ext',
    '-out',
    'tsa.pem',
  ]);
  const cert = Buffer.from(
    fs
      .readFileSync(file('tsa.pem'), 'latin1')
      .replace(/-----[^-]+-----/g, '')
      .replace(/\s+/g, ''),
    'base64',
  );

  // openssl ts -reply keeps a serial number file: one reply at a time.
  let queue: Promise<unknown> = Promise.resolve();
  let n = 0;
  const reply = (query: Buffer, section: string): Promise<Buffer> => {
    const job = queue.then(async () => {
      const id = ++n;
      fs.writeFileSync(file(`q${id}.tsq`), query);
      await run(
        'openssl',
        ['ts', '-reply', '-config', 'tsa.cnf', '-section', section, '-queryfile', `q${id}.tsq`, '-out', `r${id}.tsr`],
        { cwd: dir },
      );
      return fs.readFileSync(file(`r${id}.tsr`));
    });
    queue = job.catch(() => undefined);
    return job;
  };
  const otherQuery = async (): Promise<Buffer> => {
    await run(
      'openssl',
      ['ts', '-query', '-digest', crypto.randomBytes(32).toString('hex'), '-sha256', '-cert', '-out', 'other.tsq'],
      { cwd: dir },
    );
    return fs.readFileSync(file('other.tsq'));
  };

  let requests = 0;
  const state = { mode: 'ok' as TsaMode };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const query = Buffer.concat(chunks);
      const send = (status: number, type: string, body: Buffer | string) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      const answer = async () => {
        switch (state.mode) {
          case 'hang':
            return;
          case 'http500':
            return send(500, 'text/html; charset=utf-8', '<html><body>Lỗi máy chủ</body></html>');
          case 'garbage':
            return send(200, 'application/timestamp-reply', '<html><body>Đang bảo trì</body></html>');
          case 'reject':
            return send(200, 'application/timestamp-reply', await reply(query, 'tsa_strict'));
          case 'other_request':
            return send(200, 'application/timestamp-reply', await reply(await otherQuery(), 'tsa_ok'));
          case 'ok':
            return send(200, 'application/timestamp-reply', await reply(query, 'tsa_ok'));
        }
      };
      answer().catch((e: unknown) => send(500, 'text/plain', String(e)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    dir,
    cert,
    name: TSA_NAME,
    caFile: file('ca.pem'),
    get mode() {
      return state.mode;
    },
    set mode(m: TsaMode) {
      state.mode = m;
    },
    get requests() {
      return requests;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An address where nothing listens: a port taken from the system and released again. */
export async function closedPortUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/tsa`;
}

// ---------------------------------------------------------------------------------------------------
// Reading a CMS the way an outside tool would, without the engine's code

type Asn1 = forge.asn1.Asn1;
const kids = (n: Asn1 | undefined): Asn1[] => (n && Array.isArray(n.value) ? n.value : []);

/**
 * The first SignerInfo's signature value and its id-aa-timeStampToken (DER), read with node-forge from a
 * CMS ContentInfo; token null when there is none.
 */
export function signatureTimestampOf(cms: Uint8Array): { signatureValue: Buffer; token: Buffer | null } {
  const fromDer = forge.asn1.fromDer as unknown as (s: string, o: object) => Asn1;
  const root = fromDer(Buffer.from(cms).toString('binary'), { decodeBitStrings: false });
  const signedData = kids(kids(kids(root)[1])[0]);
  const signerInfo = kids(signedData.at(-1))[0];
  const fields = kids(signerInfo);
  const unsigned = fields.find((f) => f.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && f.type === 1);
  const octets = unsigned ? fields[fields.indexOf(unsigned) - 1]! : fields.at(-1)!;
  const signatureValue = Buffer.from(octets.value as string, 'binary');
  for (const attr of kids(unsigned)) {
    const [type, values] = kids(attr);
    if (forge.asn1.derToOid(type!.value as string) === '1.2.840.113549.1.9.16.2.14') {
      return {
        signatureValue,
        token: Buffer.from(forge.asn1.toDer(kids(values)[0]!).getBytes(), 'binary'),
      };
    }
  }
  return { signatureValue, token: null };
}
