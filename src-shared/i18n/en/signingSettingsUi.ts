import type { signingSettingsUi as vi } from '../vi/signingSettingsUi';

export const signingSettingsUi: Record<keyof typeof vi, string> = {
  'signingSettingsUi.section': 'Signing settings',
  'signingSettingsUi.description': 'Trusted root certificates for verifying signatures, the timestamp server',
  'signingSettingsUi.title': 'Signing settings',

  // Trusted root CAs.
  'signingSettingsUi.anchors.title': 'Trusted root certificates (root CAs)',
  'signingSettingsUi.anchors.intro':
    'A signature on a received document is verified as of known origin only when the signer’s certificate was issued by a certification authority below. Import the root certificate of the National Electronic Certification Centre (Vietnam Root CA) and those of the signature providers (VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA…) the school receives documents from.',
  'signingSettingsUi.anchors.tableLabel': 'Trusted root certificates',
  'signingSettingsUi.anchors.empty':
    'No root certificate yet: signatures on received documents will show “Origin not verified”.',
  'signingSettingsUi.anchors.count': '{count} root certificates',
  'signingSettingsUi.anchors.import': 'Import a root certificate',
  'signingSettingsUi.anchors.importHint': 'A .cer, .crt, .pem or .p7b file from the certification authority',
  'signingSettingsUi.anchors.importing': 'Importing “{name}”…',
  'signingSettingsUi.anchors.wrongType': 'The file “{name}” is not a certificate file (.cer, .crt, .pem, .p7b)',
  'signingSettingsUi.anchors.tooLarge': 'The file “{name}” is too large to be a certificate file',
  'signingSettingsUi.anchors.imported': 'Imported {count} root certificates from “{file}”',
  'signingSettingsUi.anchors.importedNone': 'No new root certificate in “{file}”',
  'signingSettingsUi.anchors.skippedDuplicate': '“{name}” is already in the list, skipped',
  'signingSettingsUi.anchors.skippedNotCa': '“{name}” is not a certification authority certificate, skipped',
  'signingSettingsUi.anchors.remove': 'Remove',
  'signingSettingsUi.anchors.removeOf': 'Remove “{name}”',
  'signingSettingsUi.anchors.removeConfirm': 'Remove the root certificate “{name}”?',
  'signingSettingsUi.anchors.removeDetail': 'Signatures issued under it will no longer be verified as of known origin.',
  'signingSettingsUi.anchors.removed': 'Removed “{name}”',

  // The table's columns and tags.
  'signingSettingsUi.col.name': 'Certificate',
  'signingSettingsUi.col.organization': 'Organisation',
  'signingSettingsUi.col.issuer': 'Issued by',
  'signingSettingsUi.col.serial': 'Serial',
  'signingSettingsUi.col.validity': 'Valid',
  'signingSettingsUi.col.kind': 'Type',
  'signingSettingsUi.col.fingerprint': 'SHA-256 fingerprint',
  'signingSettingsUi.validity': '{from} – {to}',
  'signingSettingsUi.expired': 'Expired',
  'signingSettingsUi.kind.root': 'Root CA',
  'signingSettingsUi.kind.intermediate': 'Intermediate CA',

  // The timestamp server.
  'signingSettingsUi.tsa.title': 'Timestamp server (RFC 3161)',
  'signingSettingsUi.tsa.intro':
    'With a server address, every signature carries a timestamp from this server, proving the signing time independently of the PC’s clock. Leave it empty to use none.',
  'signingSettingsUi.tsa.url': 'Timestamp server address',
  'signingSettingsUi.tsa.urlPlaceholder': 'http://tsa.example.vn',
  'signingSettingsUi.tsa.urlInvalid': 'The address must start with http:// or https://, e.g. http://tsa.example.vn',
  'signingSettingsUi.tsa.timeout': 'Timeout (seconds)',
  'signingSettingsUi.tsa.timeoutInvalid': 'The timeout is between 1 and 60 seconds',
  'signingSettingsUi.tsa.save': 'Save settings',
  'signingSettingsUi.tsa.saved': 'Saved: signatures get a timestamp from {url}',
  'signingSettingsUi.tsa.savedNone': 'Saved: signatures get no timestamp',

  // Advanced: the USB token's library.
  'signingSettingsUi.advanced.title': 'Advanced: USB token library (PKCS#11)',
  'signingSettingsUi.module.intro':
    'The app finds the token software of the usual Vietnamese CAs by itself. Only when a token is not found should whoever installed it give the path of the vendor’s PKCS#11 library here.',
  'signingSettingsUi.module.server': 'PKCS#11 library on the school server',
  'signingSettingsUi.module.serverHint': 'Leave empty when the token is found by itself.',
  'signingSettingsUi.module.thisPc': 'PKCS#11 library on this PC',
  'signingSettingsUi.module.thisPcHint': 'For a USB token plugged into this PC; remembered by this PC only.',
  'signingSettingsUi.module.placeholder': 'e.g. C:\\Windows\\System32\\vnpt-ca_csp11.dll',
  'signingSettingsUi.module.save': 'Save the path',
  'signingSettingsUi.module.saved': 'USB token library path saved',
  'signingSettingsUi.module.cleared': 'Path removed: the app looks for the token library by itself',
  'signingSettingsUi.module.found': 'Libraries found on the server',
  'signingSettingsUi.module.noneFound': 'No USB token library found on the server.',
};
