/**
 * Pictures and sounds inside items, as they arrive in imported files: recognised by their first bytes,
 * never by their names, since a renamed file or a script named .png must not reach a pupil's page. The
 * kinds are those every lab PC's browser shows and plays.
 */

export interface MediaKind {
  readonly mime: string;
  /** The name endings a file of this kind may carry. */
  readonly extensions: readonly string[];
}

const KINDS: readonly (MediaKind & { readonly test: (b: Buffer) => boolean })[] = [
  {
    mime: 'image/png',
    extensions: ['png'],
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', extensions: ['gif'], test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  {
    mime: 'image/webp',
    extensions: ['webp'],
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  {
    mime: 'audio/wav',
    extensions: ['wav'],
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE',
  },
  {
    mime: 'audio/mpeg',
    extensions: ['mp3'],
    // An ID3 tag, or an MPEG audio frame's sync bits.
    test: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  },
  { mime: 'audio/ogg', extensions: ['ogg', 'oga'], test: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  {
    mime: 'audio/mp4',
    extensions: ['m4a'],
    test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' && /^M4A/.test(b.subarray(8, 11).toString('latin1')),
  },
];

/** The largest picture or sound an item may carry. */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

export type MediaCheck =
  | { readonly ok: true; readonly kind: MediaKind }
  | { readonly ok: false; readonly reason: 'too_large' | 'unknown_kind' | 'name_mismatch' };

/** Whether `data`, named `name`, may be an item's picture or sound. */
export function checkMedia(name: string, data: Buffer): MediaCheck {
  if (data.length > MAX_MEDIA_BYTES) return { ok: false, reason: 'too_large' };
  const kind = KINDS.find((k) => k.test(data));
  if (!kind) return { ok: false, reason: 'unknown_kind' };
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  if (ext !== undefined && !kind.extensions.includes(ext)) return { ok: false, reason: 'name_mismatch' };
  return { ok: true, kind: { mime: kind.mime, extensions: kind.extensions } };
}
