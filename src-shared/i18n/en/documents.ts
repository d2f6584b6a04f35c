import type { documents as vi } from '../vi/documents';

export const documents: Record<keyof typeof vi, string> = {
  'documents.returnReason': 'Give the reason for returning it (at least 3 characters)',
  'documents.notFound': 'Document not found',
  'documents.fileNotFound': 'The file to submit was not found; upload it again',
  'documents.notYourFile': 'You can only submit a file you uploaded or generated',
  'documents.notPending': 'The document "{title}" is no longer waiting for signature (status: {status})',
  'documents.notSubmitter': 'Only the person who submitted a document can withdraw it',
  'documents.conflict': 'The document "{title}" has just been changed by someone else; reload it',
  'documents.status.submitted': 'Waiting for signature',
  'documents.status.signed': 'Signed',
  'documents.status.returned': 'Returned',
  'documents.status.withdrawn': 'Withdrawn',
  'documents.kind.hocba': 'Transcript',
  'documents.kind.report': 'Report',
  'documents.kind.decision': 'Decision',
  'documents.kind.plan': 'Plan',
  'documents.kind.letter': 'Official letter',
  'documents.kind.other': 'Other',
  'documents.register.title': 'REGISTER OF SIGNED DOCUMENTS',
  'documents.register.sheet': 'Register',

  'action.documents.submit': 'Submit a document for signature',
  'action.documents.withdraw': 'Withdraw a submitted document',
  'action.documents.return': 'Return a submitted document',
  'action.documents.register.export': 'Export the document register',
  'capability.documents': 'Documents and signing',
};
