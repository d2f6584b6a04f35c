import type { signingSettings as vi } from '../vi/signingSettings';

export const signingSettings: Record<keyof typeof vi, string> = {
  'signingSettings.validation.timestampUrl':
    'The timestamp server address must start with http:// or https:// (leave it empty to use none)',
  'signingSettings.validation.timestampTimeout': 'The timestamp server timeout must be between 1 and 60 seconds',
  'signingSettings.validation.modulePath': 'The PKCS#11 library path is longer than 500 characters',
  'signingSettings.moduleMissing': 'There is no PKCS#11 library file at “{path}” on the server',
  'signingSettings.validation.fingerprint': 'A SHA-256 fingerprint has 64 hexadecimal digits',
  'signingSettings.notCertificate':
    'The file “{name}” is not a certificate file (.cer, .crt, .pem or .p7b) or is damaged',
  'signingSettings.noCertificates': 'The file “{name}” holds no certificate',
  'signingSettings.notCa':
    'The file “{name}” holds the certificate of “{subject}”, not a certification authority (CA) certificate; only root or intermediate CA certificates can be imported',
  'signingSettings.fileTooLarge': 'The file “{name}” is too large to be a certificate file (at most {max})',
  'signingSettings.anchorNotFound':
    'No trusted root certificate has the fingerprint {fingerprint}; it may have been removed',

  'action.signing.trustAnchors.import': 'Import trusted root certificates',
  'action.signing.trustAnchors.remove': 'Remove a trusted root certificate',
  'action.signing.tokenModule.get': 'View the server’s USB token library',
  'action.signing.tokenModule.set': 'Set the server’s USB token library',
  'action.signing.settings.set': 'Change the timestamp server settings',
  'capability.signing': 'Signing',
};
