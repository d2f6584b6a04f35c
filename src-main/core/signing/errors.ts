/**
 * The one error signing throws: a stable `code` from the procedure envelope (DESIGN §3), a finer
 * `reason` the UI can act on (ask for the PIN again, show the remaining tries, pick another file), and a
 * Vietnamese message that names the cause, ready to show as it is.
 */
import type { ErrorCode } from '../../../src-shared/api/envelope';

export type SigningErrorReason =
  // The PKCS#11 module.
  | 'no_module'
  | 'module_not_found'
  | 'module_not_pkcs11'
  | 'module_wrong_architecture'
  | 'module_dependency_missing'
  | 'module_load_failed'
  | 'module_init_failed'
  // Tokens, PINs, keys.
  | 'token_not_found'
  | 'token_ambiguous'
  | 'token_busy'
  | 'token_not_present'
  | 'device_removed'
  | 'device_error'
  | 'pin_required'
  | 'pin_incorrect'
  | 'pin_locked'
  | 'pin_final_try'
  | 'pin_invalid'
  | 'pin_expired'
  | 'cancelled'
  | 'certificate_not_found'
  | 'key_not_found'
  | 'mechanism_unsupported'
  | 'token_failed'
  | 'session_closed'
  | 'signature_mismatch'
  // The certificate chosen to sign with.
  | 'certificate_invalid'
  | 'certificate_expired'
  | 'certificate_not_yet_valid'
  | 'certificate_key_usage'
  // Documents.
  | 'pdf_damaged'
  | 'pdf_encrypted'
  | 'pdf_docmdp'
  | 'pdf_too_large'
  | 'pdf_field'
  | 'page_out_of_range'
  | 'bad_image'
  | 'placeholder_too_small'
  | 'cms_invalid';

const CODE_OF: Record<SigningErrorReason, ErrorCode> = {
  no_module: 'token_error',
  module_not_found: 'token_error',
  module_not_pkcs11: 'token_error',
  module_wrong_architecture: 'token_error',
  module_dependency_missing: 'token_error',
  module_load_failed: 'token_error',
  module_init_failed: 'token_error',
  token_not_found: 'token_error',
  token_ambiguous: 'token_error',
  token_busy: 'token_error',
  token_not_present: 'token_error',
  device_removed: 'token_error',
  device_error: 'token_error',
  pin_required: 'token_error',
  pin_incorrect: 'token_error',
  pin_locked: 'token_error',
  pin_final_try: 'token_error',
  pin_invalid: 'token_error',
  pin_expired: 'token_error',
  cancelled: 'token_error',
  certificate_not_found: 'token_error',
  key_not_found: 'token_error',
  mechanism_unsupported: 'token_error',
  token_failed: 'token_error',
  session_closed: 'token_error',
  signature_mismatch: 'token_error',
  certificate_invalid: 'rule_violation',
  certificate_expired: 'rule_violation',
  certificate_not_yet_valid: 'rule_violation',
  certificate_key_usage: 'rule_violation',
  pdf_damaged: 'rule_violation',
  pdf_encrypted: 'rule_violation',
  pdf_docmdp: 'rule_violation',
  pdf_too_large: 'rule_violation',
  pdf_field: 'invalid_input',
  page_out_of_range: 'invalid_input',
  bad_image: 'invalid_input',
  placeholder_too_small: 'internal',
  cms_invalid: 'invalid_input',
};

export class SigningError extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly reason: SigningErrorReason,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SigningError';
    this.code = CODE_OF[reason];
  }
}

export function isSigningError(e: unknown): e is SigningError {
  return e instanceof SigningError;
}
