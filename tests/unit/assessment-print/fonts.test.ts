import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bundledFontPath,
  bundledSerif,
  coversVietnamese,
  findSystemTimes,
  officialSerif,
  officialSerifFaces,
  systemFontDirs,
} from '../../../src-main/core/assessment/print/fonts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-fonts-'));
  made.push(dir);
  return dir;
}

/** A real TrueType font with only the basic Latin letters, like the old core-fonts Times New Roman. */
function latinOnly(): Buffer {
  const font = fontkit.create(fs.readFileSync(bundledFontPath('regular'))) as fontkit.Font;
  const subset = font.createSubset();
  for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
    subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!));
  return Buffer.from(subset.encode());
}

describe('the serif of official documents', () => {
  it('is a full Vietnamese serif in three styles, parsed once per process', () => {
    const fonts = officialSerif();
    expect(['Times New Roman', 'Tinos']).toContain(fonts.family);
    for (const bytes of [fonts.regular, fonts.bold, fonts.italic]) expect(coversVietnamese(bytes)).toBe(true);
    expect(officialSerif()).toBe(fonts);
    expect(officialSerifFaces()).toBe(officialSerifFaces());
    expect(officialSerifFaces().bold.postscriptName).toMatch(/Bold/);
  });

  it('bundles Tinos, metric-compatible with Times New Roman, with every Vietnamese letter', () => {
    const tinos = bundledSerif();
    expect(tinos.source).toBe('bundled');
    for (const bytes of [tinos.regular, tinos.bold, tinos.italic]) {
      expect(coversVietnamese(bytes)).toBe(true);
      expect(coversVietnamese(bytes, 'ữặỹĐơƯ')).toBe(true);
    }
    expect((fontkit.create(tinos.italic) as fontkit.Font).postscriptName).toBe('Tinos-Italic');
  });

  it('tells a Latin-only font from one that prints Vietnamese', () => {
    expect(coversVietnamese(latinOnly())).toBe(false);
    expect(coversVietnamese(Buffer.from('not a font'))).toBe(false);
  });

  it("takes Times New Roman from the system's font folders when all three styles print Vietnamese", () => {
    const dir = tempDir();
    const nested = path.join(dir, 'truetype', 'msttcorefonts');
    fs.mkdirSync(nested, { recursive: true });
    fs.copyFileSync(bundledFontPath('regular'), path.join(nested, 'Times_New_Roman.ttf'));
    fs.copyFileSync(bundledFontPath('bold'), path.join(nested, 'Times_New_Roman_Bold.ttf'));
    expect(findSystemTimes([dir])).toBeNull(); // no italic yet
    fs.copyFileSync(bundledFontPath('italic'), path.join(nested, 'Times_New_Roman_Italic.ttf'));
    const found = findSystemTimes([path.join(dir, 'missing'), dir]);
    expect(found).toMatchObject({ family: 'Times New Roman', source: 'system' });
    expect(found!.italic.equals(fs.readFileSync(bundledFontPath('italic')))).toBe(true);

    // Windows' own names, in the Windows folder.
    const windows = tempDir();
    fs.copyFileSync(bundledFontPath('regular'), path.join(windows, 'times.ttf'));
    fs.copyFileSync(bundledFontPath('bold'), path.join(windows, 'timesbd.ttf'));
    fs.copyFileSync(bundledFontPath('italic'), path.join(windows, 'timesi.ttf'));
    expect(findSystemTimes([windows])?.bold.equals(fs.readFileSync(bundledFontPath('bold')))).toBe(true);
    // An old Latin-only Times New Roman is passed over for the bundled font.
    fs.writeFileSync(path.join(windows, 'times.ttf'), latinOnly());
    expect(findSystemTimes([windows])).toBeNull();
  });

  it('looks in the Windows, macOS and Linux font folders', () => {
    const win = systemFontDirs({ platform: 'win32', env: { WINDIR: 'C:\\Windows' }, home: 'C:\\Users\\gv' });
    expect(win[0]).toBe('C:\\Windows\\Fonts');
    expect(win[1]).toBe('C:\\Users\\gv\\AppData\\Local\\Microsoft\\Windows\\Fonts');
    expect(systemFontDirs({ platform: 'darwin', env: {}, home: '/Users/gv' })).toContain(
      '/System/Library/Fonts/Supplemental',
    );
    const linux = systemFontDirs({ platform: 'linux', env: {}, home: '/home/gv' });
    expect(linux).toContain('/usr/share/fonts');
    expect(linux).toContain('/home/gv/.local/share/fonts');
  });
});
