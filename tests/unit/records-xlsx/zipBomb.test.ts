/**
 * Decompression bombs: an .xlsx whose parts inflate to far more than any real list is refused from the
 * sizes its parts declare, before they are inflated, with a message that says what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { parseImport, previewImport } from '../../../src-main/core/records/xlsx';
import { xlsxErrorOf } from './helpers';
import { zipBombXlsx } from './zipBomb';

const MAPPING = { sheet: 'DanhSach', headerRow: 1, fields: { fullName: 1 } };

describe('decompression bombs', () => {
  it('three parts of 500 MB each from a file of a few MB: preview and import refuse it', async () => {
    const bomb = await zipBombXlsx();
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    for (const reading of [previewImport(bomb, 'pupils'), parseImport(bomb, 'pupils', MAPPING)]) {
      const e = await xlsxErrorOf(reading);
      expect(e.key).toBe('file.inflatesTooMuch');
      expect(e.message).toMatch(
        /^Tệp Excel bất thường: nội dung giải nén quá lớn \(hơn [\d.]+ MB từ một tệp [\d.]+ MB\)/,
      );
    }
  }, 60_000);

  it('the cap holds for the parts read together, not each alone', async () => {
    // A file of some kilobytes may inflate to 16 MB: a 10 MB worksheet passes, its 10 MB strings do not.
    const e = await xlsxErrorOf(previewImport(await zipBombXlsx(10 * 1024 * 1024), 'pupils'));
    expect(e.key).toBe('file.inflatesTooMuch');
  });
});
