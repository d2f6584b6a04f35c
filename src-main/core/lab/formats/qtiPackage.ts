/**
 * QTI content packages (IMS Content Packaging: imsmanifest.xml listing the items and their files, in a
 * zip), read from QTI 2.1, 2.2 and 3.0 exports, and written as QTI 3.0. Items are read with qtiItem.ts;
 * pictures and sounds are taken from the package only (paths that leave it are refused), recognised by
 * their content and size (media.ts).
 */
import yazl from 'yazl';
import type { ItemDraft } from '../../../../src-shared/domain/lab/items';
import { ZipArchive } from '../../records/xlsx/zip';
import { escapeHtml } from '../richText';
import { checkMedia } from '../media';
import type { ImportReading, ImportedItem } from '../../../../src-shared/domain/lab/imports';
import { resolvePart } from './packagePaths';
import { readQtiItem, writeQtiItem } from './qtiItem';
import { childElements, firstChild, localName, parseXmlTree, type XmlElement } from './xmlTree';

export const QTI3_CP_NAMESPACE = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';

export class NotQtiPackageError extends Error {}

export interface QtiImportedItem extends ImportedItem {
  readonly identifier: string;
  readonly title: string;
}

export interface QtiReading extends ImportReading {
  readonly items: readonly QtiImportedItem[];
  /** The pictures and sounds the items use, by the key in their `import:KEY` references. */
  readonly files: ReadonlyMap<string, Buffer>;
}

function descendants(element: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of childElements(element)) {
    if (localName(c) === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The item files a manifest lists, in its order; without a manifest, every item-looking XML part. */
async function itemParts(zip: ZipArchive): Promise<string[]> {
  const manifest = await zip.text('imsmanifest.xml');
  if (manifest === null) {
    const parts: string[] = [];
    for (const name of zip
      .names()
      .filter((n) => n.toLowerCase().endsWith('.xml'))
      .sort()) {
      const text = await zip.text(name);
      if (text && /<(qti-)?assessment-?[iI]tem[\s>]/.test(text)) parts.push(name);
    }
    return parts;
  }
  const root = parseXmlTree(manifest);
  const parts: string[] = [];
  for (const resource of descendants(root, 'resource')) {
    const type = resource.attributes['type'] ?? '';
    if (!/^imsqti_item_xmlv(2p1|2p2|3p0)$/.test(type)) continue;
    const href = resource.attributes['href'] ?? firstChild(resource, 'file')?.attributes['href'];
    const part = href ? resolvePart('imsmanifest.xml', href) : null;
    if (part && zip.has(part)) parts.push(part);
  }
  return parts;
}

export async function readQtiPackage(data: Buffer, options: { maxInflated: number }): Promise<QtiReading> {
  return readQtiArchive(await ZipArchive.open(data, options));
}

/** The package once its archive is open (the caller may have opened it to tell what it is). */
export async function readQtiArchive(zip: ZipArchive): Promise<QtiReading> {
  const parts = await itemParts(zip);
  if (parts.length === 0) throw new NotQtiPackageError('no QTI items in the package');
  const files = new Map<string, Buffer>();
  const items: QtiImportedItem[] = [];
  for (const [index, part] of parts.entries()) {
    const xml = (await zip.text(part))!;
    const media = new Map<string, string>();
    const item = readQtiItem(xml, {
      label: `Câu ${index + 1}`,
      number: index + 1,
      media: (src) => {
        const resolved = resolvePart(part, src);
        if (!resolved || !zip.has(resolved)) return null;
        media.set(resolved, src);
        return resolved;
      },
    });
    const problems = [...item.problems];
    for (const key of item.media) {
      const bytes = await zip.bytes(key);
      const check = bytes ? checkMedia(key, bytes) : ({ ok: false, reason: 'unknown_kind' } as const);
      if (!check.ok || !bytes) {
        problems.push({
          code: 'unreadable',
          reason: `${media.get(key) ?? key}: ${check.ok ? 'missing' : check.reason}`,
        });
      } else files.set(key, bytes);
    }
    items.push({ ...item, label: item.title ? `Câu ${index + 1} (${item.title})` : item.label, problems });
  }
  return { items, warnings: [], files };
}

// ------------------------------------------------------------------------------------------ writing

export interface QtiExportItem {
  readonly identifier: string;
  readonly title: string;
  readonly draft: ItemDraft;
}

export interface PackageMedia {
  readonly name: string;
  readonly data: Buffer;
}

/** The items as a QTI 3.0 content package: one file per item, their media, and the manifest. */
export async function writeQtiPackage(
  items: readonly QtiExportItem[],
  media: (id: number) => PackageMedia | null,
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mediaFiles = new Map<number, string>();
  const resources: string[] = [];
  for (const item of items) {
    const href = `items/${item.identifier}.xml`;
    const used: string[] = [];
    const xml = writeQtiItem({
      identifier: item.identifier,
      title: item.title,
      draft: item.draft,
      mediaPath: (id) => {
        let path = mediaFiles.get(id);
        if (!path) {
          const file = media(id);
          path = `media/${id}-${(file?.name ?? `${id}`).replace(/[^\p{L}\p{N}._-]+/gu, '_')}`;
          mediaFiles.set(id, path);
          if (file) zip.addBuffer(file.data, path);
        }
        used.push(path);
        return `../${path}`;
      },
    });
    zip.addBuffer(Buffer.from(xml, 'utf8'), href);
    resources.push(
      `<resource identifier="${escapeHtml(item.identifier)}" type="imsqti_item_xmlv3p0" href="${escapeHtml(href)}"><file href="${escapeHtml(
        href,
      )}"/>${[...new Set(used)].map((p) => `<file href="${escapeHtml(p)}"/>`).join('')}</resource>`,
    );
  }
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="${QTI3_CP_NAMESPACE}" identifier="truongso-export"><metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata><organizations/><resources>${resources.join(
    '',
  )}</resources></manifest>
`;
  zip.addBuffer(Buffer.from(manifest, 'utf8'), 'imsmanifest.xml');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
