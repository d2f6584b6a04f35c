/**
 * The zip container of an .xlsx, read with yauzl from its central directory. An import needs four or
 * five parts of the archive; exceljs inflated every part before anything was read, which was a sizeable
 * share of reading a large list, so only the parts asked for are inflated, each when first asked for.
 */
import zlib from 'node:zlib';
import yauzl from 'yauzl';

/** Anything wrong with the archive itself: the caller reports the file as damaged. */
export class ZipFormatError extends Error {}

/**
 * The parts read would inflate beyond what the caller allows for the archive: a zip bomb, refused
 * from the sizes the parts declare before any of them is inflated.
 */
export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`the parts read inflate to more than ${limit} bytes`);
  }
}

/** A part is read as one string; V8 holds at most this many characters in one. */
const MAX_PART_BYTES = 0x1fffffe8;

function damaged(e: unknown): ZipFormatError | InflateLimitError {
  if (e instanceof ZipFormatError || e instanceof InflateLimitError) return e;
  return new ZipFormatError(e instanceof Error ? e.message : String(e));
}

export class ZipArchive {
  readonly #zip: yauzl.ZipFile;
  readonly #entries: Map<string, yauzl.Entry>;
  readonly #maxInflated: number;
  #inflated = 0;

  private constructor(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>, maxInflated: number) {
    this.#zip = zip;
    this.#entries = entries;
    this.#maxInflated = maxInflated;
  }

  /**
   * Reads the central directory: a file cut short in transfer loses it first, and fails here.
   * `maxInflated` caps the bytes all parts read may inflate to, together.
   */
  static async open(data: Buffer, options: { maxInflated: number }): Promise<ZipArchive> {
    try {
      // Names are decoded below without yauzl's check for paths unsafe to extract to: nothing is
      // written to disk, and some writers name parts from the root ('/xl/workbook.xml').
      const zip = await yauzl.fromBufferPromise(data, { decodeStrings: false, validateEntrySizes: true });
      const entries = new Map<string, yauzl.Entry>();
      for await (const entry of zip.eachEntry()) {
        const name = yauzl.getFileNameLowLevel(
          entry.generalPurposeBitFlag,
          entry.fileNameRaw,
          entry.extraFields,
          false,
        );
        if (!name.endsWith('/')) entries.set(name.startsWith('/') ? name.slice(1) : name, entry);
      }
      return new ZipArchive(zip, entries, options.maxInflated);
    } catch (e) {
      throw damaged(e);
    }
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /** The names of the parts, as the archive lists them. */
  names(): string[] {
    return [...this.#entries.keys()];
  }

  /** The part as text, or null when the archive does not hold it. */
  async text(name: string): Promise<string | null> {
    const bytes = await this.bytes(name);
    if (bytes === null) return null;
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** The part's bytes (a picture inside a package), or null when the archive does not hold it. */
  async bytes(name: string): Promise<Buffer | null> {
    const entry = this.#entries.get(name);
    if (!entry) return null;
    // Encrypted parts and compression methods other than deflate: Excel encrypts a whole file
    // differently (an OLE2 file), and no spreadsheet program writes the others.
    if (!entry.canDecodeFileData()) throw new ZipFormatError(`${name}: cannot be decoded`);
    // A bomb declares its sizes honestly (yauzl and the inflating below hold every part to what it
    // declares), so the declared sizes are counted against the budget before anything is inflated.
    const size = entry.uncompressedSize;
    if (size > MAX_PART_BYTES) throw new ZipFormatError(`${name}: ${size} bytes`);
    if (this.#inflated + size > this.#maxInflated) throw new InflateLimitError(this.#maxInflated);
    this.#inflated += size;
    const chunks: Buffer[] = [];
    let bytes: Buffer;
    try {
      // yauzl hands over the part as stored and inflates it in a stream, 16 KB at a time through
      // libuv's thread pool; inflating the whole part at once here took a fifth of the time. The cap
      // is the size the part declares, as yauzl's own inflating stream checks it.
      const stream = await this.#zip.openReadStreamPromise(entry, { decodeFileData: false });
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const stored = Buffer.concat(chunks);
      bytes =
        entry.compressionMethod === 0 ? stored : zlib.inflateRawSync(stored, { maxOutputLength: Math.max(size, 1) });
    } catch (e) {
      throw damaged(e);
    }
    if (bytes.length !== size) throw new ZipFormatError(`${name}: ${bytes.length} bytes, not ${size}`);
    return bytes;
  }
}
