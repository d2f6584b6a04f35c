/**
 * What an upload to POST /files is for, named in its `x-file-purpose` header, and the largest file of
 * that kind the server takes: a real file of each kind is far smaller, and nothing larger is stored.
 */
const MB = 1024 * 1024;

export const UPLOAD_LIMITS = {
  /** A pupil or staff list (.xlsx): 20,000 pupils take under 2 MB. */
  import: 20 * MB,
  /** A document submitted for signing or checked for signatures: a PDF or any office file. */
  document: 50 * MB,
  /** Trust anchors and detached signatures (.cer, .p7b, .p7s): a few kilobytes each. */
  certificate: 1 * MB,
  /** A handwritten signature's picture (PNG, JPEG). */
  image: 5 * MB,
  /** A database backup to restore. */
  backup: 200 * MB,
} as const;

export type UploadPurpose = keyof typeof UPLOAD_LIMITS;

export const UPLOAD_PURPOSES = Object.keys(UPLOAD_LIMITS) as UploadPurpose[];

/** An upload that names no purpose (a client older than the header) gets the largest limit. */
export const DEFAULT_UPLOAD_PURPOSE: UploadPurpose = 'backup';

export function isUploadPurpose(value: string): value is UploadPurpose {
  return Object.hasOwn(UPLOAD_LIMITS, value);
}

/** A limit as people read it: "20 MB", "512 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
