/**
 * Any question file a teacher brings, read by what it is rather than by its name (schools rename files):
 * a Word test (.docx), the bank's Excel template (.xlsx, .xls), a QTI package or item, Moodle XML, GIFT.
 * Each reader reports per question; this says which format it took, and refuses what is none of them.
 */
import { UPLOAD_LIMITS } from '../../../../src-shared/domain/uploads';
import type { ImportedItem } from '../../../../src-shared/domain/lab/imports';
import { inflateBudget } from '../../records/xlsx/read';
import { ZipArchive } from '../../records/xlsx/zip';
import { readDocxBlocks } from './docx';
import { readItemsWorkbook } from './excelItems';
import { readGift } from './gift';
import { readMoodleXml } from './moodleXml';
import { readQtiItem } from './qtiItem';
import { readQtiArchive } from './qtiPackage';
import { readWordTest } from './wordTest';

export type QuestionFileFormat = 'docx' | 'excel' | 'qti' | 'moodle' | 'gift';

export class UnknownQuestionFileError extends Error {}

export interface QuestionFileReading {
  readonly format: QuestionFileFormat;
  readonly items: readonly ImportedItem[];
  /** Pictures and sounds the file carries, by the keys its items' `import:KEY` references use. */
  readonly files: ReadonlyMap<string, Buffer>;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function readQuestionFile(data: Buffer): Promise<QuestionFileReading> {
  if (data.length > UPLOAD_LIMITS.import) throw new UnknownQuestionFileError('too large');
  if (data.subarray(0, 4).equals(OLE)) {
    return { format: 'excel', items: (await readItemsWorkbook(data)).items, files: new Map() };
  }
  if (data.subarray(0, 4).equals(ZIP)) {
    const zip = await ZipArchive.open(data, { maxInflated: inflateBudget(data.length) });
    if (zip.has('word/document.xml')) {
      const reading = readWordTest(await readDocxBlocks(zip));
      const files = new Map<string, Buffer>();
      for (const key of new Set(reading.items.flatMap((i) => i.media))) {
        const bytes = await zip.bytes(key);
        if (bytes) files.set(key, bytes);
      }
      return { format: 'docx', items: reading.items, files };
    }
    if (zip.has('xl/workbook.xml'))
      return { format: 'excel', items: (await readItemsWorkbook(data)).items, files: new Map() };
    const reading = await readQtiArchive(zip);
    return { format: 'qti', items: reading.items, files: reading.files };
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw new UnknownQuestionFileError('not UTF-8 text');
  const head = text.trimStart().slice(0, 2000);
  if (head.startsWith('<')) {
    if (/<quiz[\s>]/.test(head)) {
      const reading = readMoodleXml(text);
      return { format: 'moodle', items: reading.items, files: reading.files };
    }
    if (/<(qti-assessment-item|assessmentItem)[\s>]/.test(head)) {
      // A lone item file has no package to hold its pictures: only its text and answers are read.
      return {
        format: 'qti',
        items: [readQtiItem(text, { label: 'Câu 1', number: 1, media: () => null })],
        files: new Map(),
      };
    }
    throw new UnknownQuestionFileError('an XML file that is neither Moodle XML nor QTI');
  }
  if (/\{[^}]*\}/s.test(text)) return { format: 'gift', items: readGift(text).items, files: new Map() };
  throw new UnknownQuestionFileError('not a question file');
}
