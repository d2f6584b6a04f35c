import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { NotQtiPackageError, readQtiPackage, writeQtiPackage } from '../../../src-main/core/lab/formats/qtiPackage';
import { InflateLimitError } from '../../../src-main/core/records/xlsx/zip';
import { SAMPLE_ITEMS } from './sampleItems';

const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const LIMIT = { maxInflated: 16 << 20 };

async function zipOf(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(parts))
    zip.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const item = (id: string, body: string) => `<?xml version="1.0"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="${id}" title="${id}">
<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>a</qti-value></qti-correct-response></qti-response-declaration>
<qti-item-body>${body}<qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
<qti-simple-choice identifier="a">A</qti-simple-choice><qti-simple-choice identifier="b">B</qti-simple-choice></qti-choice-interaction></qti-item-body>
<qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/></qti-assessment-item>`;

describe('QTI content packages', () => {
  it('exports the bank as a QTI 3.0 package and imports it back unchanged, pictures included', async () => {
    const entries = Object.entries(SAMPLE_ITEMS);
    const data = await writeQtiPackage(
      entries.map(([kind, draft]) => ({ identifier: `item-${kind}`, title: `Câu ${kind}`, draft })),
      (id) => (id === 3 ? { name: 'hình 3.png', data: PIXEL } : null),
    );
    const reading = await readQtiPackage(data, LIMIT);
    expect(reading.items.map((i) => i.identifier)).toEqual(entries.map(([kind]) => `item-${kind}`));
    const [key] = [...reading.files.keys()];
    expect(key).toBe('media/3-hình_3.png');
    expect(reading.files.get(key!)).toEqual(PIXEL);
    for (const [i, [kind, draft]] of entries.entries()) {
      const back = reading.items[i]!;
      expect(back.problems, kind).toEqual([]);
      const restored = JSON.parse(JSON.stringify(back.draft).split(`import:${key}`).join('media:3'));
      expect(restored, kind).toEqual(draft);
    }
  });

  it('reads the items a manifest lists, and nothing outside the package', async () => {
    const manifest = `<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"><resources>
      <resource identifier="r1" type="imsqti_item_xmlv2p1" href="q/one.xml"/>
      <resource identifier="r2" type="imsqti_item_xmlv3p0" href="../../etc/passwd"/>
      <resource identifier="r3" type="webcontent" href="q/style.css"/>
      <resource identifier="r4" type="imsqti_item_xmlv3p0" href="q/two.xml"/></resources></manifest>`;
    const data = await zipOf({
      'imsmanifest.xml': manifest,
      'q/one.xml': item('one', '<p>Một <img src="img/a.png"/> <img src="../../../secret.png"/></p>'),
      'q/two.xml': item('two', '<p>Hai <img src="https://tracker.example/x.png"/> <img src="img/fake.png"/></p>'),
      'q/img/a.png': PIXEL,
      'q/img/fake.png': '<script>alert(1)</script>',
      'q/style.css': 'p{}',
    });
    const reading = await readQtiPackage(data, LIMIT);
    expect(reading.items.map((i) => i.identifier)).toEqual(['one', 'two']);
    const [one, two] = reading.items;
    expect(one!.problems).toEqual([]);
    expect(one!.media).toEqual(['q/img/a.png']);
    expect(one!.draft!.stem).toBe('<p>Một <img src="import:q/img/a.png"> </p>');
    // A file whose content is not the picture its name says is reported on its item.
    expect(two!.problems).toEqual([{ code: 'unreadable', reason: 'img/fake.png: unknown_kind' }]);
    expect(two!.draft!.stem).not.toContain('tracker');
    expect([...reading.files.keys()]).toEqual(['q/img/a.png']);
  });

  it('refuses a package with no items, and a bomb before inflating it', async () => {
    await expect(readQtiPackage(await zipOf({ 'readme.txt': 'x' }), LIMIT)).rejects.toThrow(NotQtiPackageError);
    const bomb = await zipOf({ 'imsmanifest.xml': ' '.repeat(40 << 20) });
    expect(bomb.length).toBeLessThan(1 << 20);
    await expect(readQtiPackage(bomb, LIMIT)).rejects.toThrow(InflateLimitError);
  });
});
