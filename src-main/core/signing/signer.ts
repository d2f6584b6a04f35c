/**
 * What signs: anything that can turn the DER signed attributes of a CMS into a signature value with the
 * private key of `certificate`. A token session is one (token/tokens.ts); a signer on another PC is one
 * when the server hands it `toBeSigned` and gets the signature back; `keySigner` wraps a key held in
 * software (tests, and a school that keeps a seal key in a file).
 */
import crypto, { KeyObject } from 'node:crypto';

export interface Signer {
  /** DER of the signer's certificate. */
  readonly certificate: Uint8Array;
  /** Intermediate CA certificates (DER) to put in the CMS. */
  readonly chain?: readonly Uint8Array[];
  /** RSA: PKCS#1 v1.5 over SHA-256 of the input; ECDSA: the DER SEQUENCE { r, s } over SHA-256 of it. */
  sign(toBeSigned: Uint8Array): Promise<Uint8Array>;
}

export function keySigner(
  privateKey: KeyObject | string | Buffer,
  certificate: Uint8Array,
  chain: readonly Uint8Array[] = [],
): Signer {
  const key = privateKey instanceof KeyObject ? privateKey : crypto.createPrivateKey(privateKey);
  return {
    certificate,
    chain,
    sign: async (data) => crypto.sign('sha256', data, key),
  };
}
