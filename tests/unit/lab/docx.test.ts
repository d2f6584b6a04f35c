/**
 * Word files as LibreOffice Writer writes them (the teachers' other word processor, and the one that
 * runs here): the test writes each test as HTML, converts it to .docx with soffice, and reads it back.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipArchive } from '../../../src-main/core/records/xlsx/zip';
import ExcelJS from 'exceljs';
import { NotWordDocumentError, documentBlocks, readDocxBlocks } from '../../../src-main/core/lab/formats/docx';
import { readWordTest } from '../../../src-main/core/lab/formats/wordTest';

const run = promisify(execFile);

// A one-pixel PNG, as a picture inside a question.
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const FILES: Record<string, string> = {
  underlined: `
    <p>TRƯỜNG TIỂU HỌC KIM ĐỒNG – BÀI KIỂM TRA CUỐI HỌC KỲ I</p>
    <p>Câu 1. Kết quả của phép tính 3 + 5 là: <b>(chọn một)</b></p>
    <p>A. 7&nbsp;&nbsp;&nbsp; <u>B. 8</u>&nbsp;&nbsp;&nbsp; C. 9&nbsp;&nbsp;&nbsp; D. 10</p>
    <p>Câu 2. Công thức của nước là:</p>
    <p>A. H<sub>2</sub>O</p><p>B. CO<sub>2</sub></p>
    <p>Câu 3. Hình nào là hình vuông? <img src="data:image/png;base64,${PIXEL}" width="20" height="20"></p>
    <p><span style="color:#ff0000">A. Hình 1</span></p><p>B. Hình 2</p>
    <p>Câu 4. Đúng ghi Đ, sai ghi S:</p>
    <p><u>a) Máy tính cần điện.</u></p><p>b) Chuột để nghe nhạc.</p>
    <p><span style="color:#c00000">c) Bàn phím có phím Enter.</span></p><p>d) Loa để gõ chữ.</p>
    <p>Câu 5. 25 + 17 = ?</p><p>Đáp án: 42</p>
    <p>---------- HẾT ----------</p>`,
  answerTable: `
    <p>Câu 1. Hai cộng hai bằng mấy? <img src="pixel.png" width="20" height="20"></p>
    <p>A. 3&nbsp;&nbsp; B. 4&nbsp;&nbsp; C. 5</p>
    <p>Câu 2. Con gì kêu meo meo?</p><p>A. Chó&nbsp;&nbsp; B. Gà&nbsp;&nbsp; C. Mèo</p>
    <p>Câu 3. Chọn số lẻ:</p><p>A. 2&nbsp;&nbsp; B. 4&nbsp;&nbsp; C. 6</p>
    <p>HẾT</p>
    <p>ĐÁP ÁN</p>
    <table border="1"><tr><td>Câu</td><td>1</td><td>2</td></tr><tr><td>Đáp án</td><td>B</td><td>C</td></tr></table>`,
};

let dir: string;
const blocksOf = async (name: string) =>
  readDocxBlocks(await ZipArchive.open(await readFile(path.join(dir, `${name}.docx`)), { maxInflated: 16 << 20 }));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'docx-'));
  await writeFile(path.join(dir, 'pixel.png'), Buffer.from(PIXEL, 'base64'));
  const sources = await Promise.all(
    Object.entries(FILES).map(async ([name, body]) => {
      const file = path.join(dir, `${name}.html`);
      await writeFile(file, `<html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
      return file;
    }),
  );
  // One soffice run converts them all; its own profile folder so runs never share a lock.
  await run(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      dir,
      ...sources,
    ],
    { timeout: 120_000 },
  );
}, 150_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a .docx written by LibreOffice Writer', () => {
  it('reads underlined and red answers, subscripts, a picture, Đúng/Sai and a typed answer', async () => {
    const reading = readWordTest(await blocksOf('underlined'));
    expect(reading.items.map((i) => [i.label, i.problems, i.draft?.body.kind])).toEqual([
      ['Câu 1', [], 'single'],
      ['Câu 2', [{ code: 'no_correct_answer' }], 'single'],
      ['Câu 3', [], 'single'],
      ['Câu 4', [], 'trueFalseGrid'],
      ['Câu 5', [], 'numeric'],
    ]);
    const [q1, q2, q3, q4, q5] = reading.items.map((i) => i.draft!);
    expect(q1!.stem).toBe('<p>Kết quả của phép tính 3 + 5 là: <strong>(chọn một)</strong></p>');
    expect(q1!.body.kind === 'single' && q1!.body.choices.map((c) => [c.text, c.correct])).toEqual([
      ['7', false],
      ['8', true],
      ['9', false],
      ['10', false],
    ]);
    // Câu 2 has no mark: the subscripts are kept, and the missing answer is the problem reported.
    expect(q2!.body.kind === 'single' && q2!.body.choices.map((c) => c.text)).toEqual([
      'H<sub>2</sub>O',
      'CO<sub>2</sub>',
    ]);
    expect(reading.items[2]!.media).toHaveLength(1);
    expect(reading.items[2]!.media[0]).toMatch(/^word\/media\/.+\.png$/);
    expect(q3!.stem).toMatch(/^<p>Hình nào là hình vuông\? <img src="import:word\/media\/.+\.png"><\/p>$/);
    expect(q3!.body.kind === 'single' && q3!.body.choices.map((c) => c.correct)).toEqual([true, false]);
    expect(q4!.body.kind === 'trueFalseGrid' && q4!.body.statements.map((s) => s.correct)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(q5!.body).toEqual({ kind: 'numeric', answers: [{ value: 42, tolerance: 0 }] });
  });

  it('takes answers from a Word table after HẾT and reports the question it has none for', async () => {
    const reading = readWordTest(await blocksOf('answerTable'));
    expect(reading.items.map((i) => [i.label, i.problems.map((p) => p.code)])).toEqual([
      ['Câu 1', []],
      ['Câu 2', []],
      ['Câu 3', ['no_correct_answer']],
    ]);
    // Writer links the picture (a file beside the HTML) rather than embedding it: a linked picture is a
    // path or URL outside the package, never read.
    expect(reading.items[0]!.media).toEqual([]);
    expect(reading.items[0]!.draft!.stem).toBe('<p>Hai cộng hai bằng mấy?</p>');
  });

  it('refuses a package that is not a Word document, and reads no picture from outside the package', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Câu hỏi').addRow(['Câu 1. Hai cộng hai?', 'A. 3', 'B. 4']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(readDocxBlocks(await ZipArchive.open(xlsx, { maxInflated: 16 << 20 }))).rejects.toThrow(
      NotWordDocumentError,
    );
    const blocks = documentBlocks(
      `<w:document xmlns:w="w" xmlns:a="a" xmlns:r="r"><w:body><w:p><w:r><w:t>Câu 1. Hình?</w:t></w:r>
        <w:r><w:drawing><a:blip r:embed="rId9"/></w:drawing></w:r></w:p></w:body></w:document>`,
      new Map([['rId1', 'word/media/image1.png']]),
    );
    // rId9 is no relationship of the package: nothing is taken for it.
    expect(blocks).toEqual([{ kind: 'paragraph', runs: [{ text: 'Câu 1. Hình?' }] }]);
  });

  it('reads run formatting as Word writes it', () => {
    // The shapes Word itself writes: runs split at proofing marks, toggles switched off with w:val="0",
    // highlight, vertAlign, a tracked deletion, a picture with its VML fallback, a table in a cell.
    const xml = `<w:document xmlns:w="w" xmlns:a="a" xmlns:r="r" xmlns:mc="mc" xmlns:v="v"><w:body>
      <w:p><w:pPr><w:rPr><w:u w:val="single"/></w:rPr></w:pPr>
        <w:r><w:t xml:space="preserve">A. 7 </w:t></w:r><w:proofErr w:type="spellStart"/>
        <w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>B.</w:t></w:r>
        <w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve"> 8</w:t></w:r>
        <w:r><w:tab/><w:t>C. 9</w:t></w:r>
        <w:r><w:rPr><w:b w:val="0"/><w:highlight w:val="yellow"/></w:rPr><w:t>D. 10</w:t></w:r>
        <w:del w:id="1"><w:r><w:delText>E. 11</w:delText></w:r></w:del>
      </w:p>
      <w:p><w:r><w:t>x</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/><w:color w:val="ff0000"/></w:rPr><w:t>2</w:t></w:r>
        <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><a:blip r:embed="rId5"><a:extLst/></a:blip></w:drawing></mc:Choice>
        <mc:Fallback><w:pict><v:imagedata r:id="rId5"/></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Câu</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>lồng</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>
        <w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
    </w:body></w:document>`;
    expect(documentBlocks(xml, new Map([['rId5', 'word/media/image1.png']]))).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'A. 7 ' },
          { text: 'B. 8', underline: true },
          { text: '\tC. 9' },
          { text: 'D. 10', bold: false, highlight: 'yellow' },
        ],
      },
      {
        kind: 'paragraph',
        runs: [
          { text: 'x' },
          { text: '2', vertical: 'superscript', color: 'FF0000' },
          { text: '', image: 'word/media/image1.png' },
        ],
      },
      {
        kind: 'table',
        rows: [[[[{ text: 'Câu' }], [{ text: 'lồng' }]], [[{ text: '1' }]]]],
      },
    ]);
  });

  it('refuses DTD entities rather than expanding them', () => {
    const bomb = `<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    expect(() => documentBlocks(bomb, new Map())).toThrow(/entity/);
  });
});
