/**
 * The serif of official documents (DESIGN §9, Nghị định 30/2020): Times New Roman where the machine has
 * it, else Tinos, which ships as an npm dependency with full Vietnamese coverage and the same metrics, so
 * a page breaks at the same place whichever of the two printed it. The bytes are read once per process
 * (each worker thread keeps its own copy).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

export interface SerifFonts {
  /** What the PDF shows for the family: "Times New Roman" or "Tinos". */
  readonly family: string;
  readonly source: 'system' | 'bundled';
  readonly regular: Buffer;
  readonly bold: Buffer;
  readonly italic: Buffer;
}

export type SerifStyle = 'regular' | 'bold' | 'italic';

/**
 * Letters a font must have to print Vietnamese: the precomposed vowels with tone marks (Latin Extended
 * Additional) and the ones outside it. The old "core fonts for the web" Times New Roman lacks most of
 * these, and some Linux machines still have it.
 */
export const VIETNAMESE_SAMPLE = 'ĐđĂăÂâÊêÔôƠơƯưÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬỀỂỄẾỆỈĨỊỒỔỖỐỘỜỞỠỚỢỦŨỤỪỬỮỨỰỲỶỸỴữặỹđ';

/** File names of Times New Roman by style, as Windows, macOS and the Linux font packages name them. */
const TIMES_NAMES: Record<SerifStyle, readonly string[]> = {
  regular: ['times.ttf', 'times new roman.ttf', 'times_new_roman.ttf', 'timesnewroman.ttf', 'timesnewromanpsmt.ttf'],
  bold: [
    'timesbd.ttf',
    'times new roman bold.ttf',
    'times_new_roman_bold.ttf',
    'timesnewroman-bold.ttf',
    'timesnewromanps-boldmt.ttf',
  ],
  italic: [
    'timesi.ttf',
    'times new roman italic.ttf',
    'times_new_roman_italic.ttf',
    'timesnewroman-italic.ttf',
    'timesnewromanps-italicmt.ttf',
  ],
};

const TINOS_FILES: Record<SerifStyle, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
};

export interface FontSearch {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
}

/** The folders where each system keeps fonts, the machine's before the user's. */
export function systemFontDirs(search: FontSearch): string[] {
  const { platform, env, home } = search;
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local');
    return [path.win32.join(windir, 'Fonts'), path.win32.join(local, 'Microsoft', 'Windows', 'Fonts')];
  }
  if (platform === 'darwin') {
    return [
      '/System/Library/Fonts/Supplemental',
      '/System/Library/Fonts',
      '/Library/Fonts',
      path.join(home, 'Library', 'Fonts'),
    ];
  }
  const dataHome = env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(dataHome, 'fonts'), path.join(home, '.fonts')];
}

/**
 * Font files under the folders by lower-cased file name, the first found winning. Linux packages nest
 * fonts a few levels deep (truetype/msttcorefonts/…); the walk stops at that depth so a huge folder does
 * not slow the first document down.
 */
function fontFiles(dirs: readonly string[], maxDepth = 4): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth) walk(full, depth + 1);
      } else if (/\.ttf$/i.test(entry.name)) {
        const key = entry.name.toLowerCase();
        if (!found.has(key)) found.set(key, full);
      }
    }
  };
  for (const dir of dirs) walk(dir, 0);
  return found;
}

/** Whether the TrueType font in these bytes has a glyph for every letter of the sample. */
export function coversVietnamese(bytes: Buffer, sample: string = VIETNAMESE_SAMPLE): boolean {
  try {
    const font = fontkit.create(bytes);
    if (!('hasGlyphForCodePoint' in font)) return false;
    return [...sample].every((ch) => font.hasGlyphForCodePoint(ch.codePointAt(0)!));
  } catch {
    return false;
  }
}

/**
 * Times New Roman from the system folders, when all three styles are there and print Vietnamese; the
 * styles come as a set so a page never mixes Times New Roman with Tinos.
 */
export function findSystemTimes(dirs: readonly string[]): SerifFonts | null {
  const files = fontFiles(dirs);
  const pick = (style: SerifStyle): Buffer | null => {
    for (const name of TIMES_NAMES[style]) {
      const file = files.get(name);
      if (!file) continue;
      try {
        const bytes = fs.readFileSync(file);
        if (coversVietnamese(bytes)) return bytes;
      } catch {
        // Unreadable (permissions, a broken link): the next name, or the bundled font.
      }
    }
    return null;
  };
  const regular = pick('regular');
  const bold = regular && pick('bold');
  const italic = bold && pick('italic');
  if (!regular || !bold || !italic) return null;
  return { family: 'Times New Roman', source: 'system', regular, bold, italic };
}

/**
 * Where node_modules is, from wherever this code runs: the sources, the CLI bundle, the worker bundle in
 * dist/node, the packaged worker in app.asar.unpacked (electron-builder.yml unpacks the TTFs beside it),
 * and the on-the-fly worker bundle of the tests, which lives in the temporary folder and so can only find
 * the repository through the working directory.
 */
function resolvers(): NodeRequire[] {
  const bases = [import.meta.url, path.join(process.cwd(), 'package.json')];
  return bases.map((base) => createRequire(base));
}

export function bundledFontPath(style: SerifStyle): string {
  const errors: string[] = [];
  for (const req of resolvers()) {
    try {
      return req.resolve(TINOS_FILES[style]);
    } catch (e) {
      errors.push((e as Error).message.split('\n')[0]!);
    }
  }
  throw new Error(`The bundled serif font ${TINOS_FILES[style]} is missing: ${errors.join('; ')}`);
}

export function bundledSerif(): SerifFonts {
  return {
    family: 'Tinos',
    source: 'bundled',
    regular: fs.readFileSync(bundledFontPath('regular')),
    bold: fs.readFileSync(bundledFontPath('bold')),
    italic: fs.readFileSync(bundledFontPath('italic')),
  };
}

let cached: SerifFonts | null = null;
let cachedFaces: SerifFaces | null = null;

/** The parsed fonts, by style. */
export type SerifFaces = Readonly<Record<SerifStyle, fontkit.Font>>;

/**
 * The fonts every official document of this process uses. TRUONGSO_SERIF=bundled skips the system
 * fonts, so a test or a school can get the same bytes on every machine.
 */
export function officialSerif(): SerifFonts {
  if (cached) return cached;
  const system =
    process.env.TRUONGSO_SERIF === 'bundled'
      ? null
      : findSystemTimes(systemFontDirs({ platform: process.platform, env: process.env, home: os.homedir() }));
  cached = system ?? bundledSerif();
  return cached;
}

/** Printable ASCII, every Vietnamese letter and the punctuation of official documents. */
function preferredCodePoints(): number[] {
  const vowels = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  let text = 'đĐ–—…“”‘’•·°';
  for (let c = 0x20; c < 0x7f; c++) text += String.fromCharCode(c);
  for (const v of vowels) for (const t of tones) text += (v + t).normalize('NFC');
  return [...text].map((ch) => ch.codePointAt(0)!);
}

/**
 * fontkit keeps one glyph object per glyph, with the code points it was first asked for; pdfkit maps each
 * glyph back to text (the PDF's ToUnicode) from those. Subsetting one document creates the components of
 * composite letters (ơ inside ờ) with none, and a font shared by documents would then print ơ without
 * its Unicode mapping in the next one, whose text would not extract. Asking for every mapped character
 * first, the letters of Vietnamese text before other characters that share their glyph, settles each
 * glyph's code points before any document, so every document maps the same way whatever came before it.
 */
function primeGlyphs(font: fontkit.Font): void {
  for (const cp of preferredCodePoints()) if (font.hasGlyphForCodePoint(cp)) font.glyphForCodePoint(cp);
  for (const cp of [...font.characterSet].sort((a, b) => a - b)) font.glyphForCodePoint(cp);
}

function parseFace(bytes: Buffer): fontkit.Font {
  const font = fontkit.create(bytes);
  if (!('hasGlyphForCodePoint' in font)) throw new Error('The serif font is a collection, not a single font');
  primeGlyphs(font);
  return font;
}

/**
 * The parsed fonts, shared by every document of the process: decoding a TrueType file's tables costs far
 * more than laying out a page, and pdfkit takes a parsed font as well as bytes. Each PDF keeps its own
 * subset, and a worker renders one document at a time.
 */
export function officialSerifFaces(): SerifFaces {
  if (!cachedFaces) {
    const fonts = officialSerif();
    cachedFaces = { regular: parseFace(fonts.regular), bold: parseFace(fonts.bold), italic: parseFace(fonts.italic) };
  }
  return cachedFaces;
}
