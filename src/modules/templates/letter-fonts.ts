/**
 * DejaVu Sans, embedded as a subset: it covers Polish letters (and most of Latin, Greek and
 * Cyrillic), which the 14 standard PDF fonts cannot encode (their WinAnsi encoding has no "ł").
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface LetterFonts {
  regular: PDFFont;
  bold: PDFFont;
}

const requireHere = createRequire(import.meta.url);
const FONT_DIRECTORY = path.join(
  path.dirname(requireHere.resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);

/**
 * Fixed subset tags (six capitals + "+", as PDF 32000 §9.6.4 asks of subset fonts) instead of
 * pdf-lib's generated names, so the same letter always gives the same bytes.
 */
const FONT_FILES = {
  regular: { file: 'DejaVuSans.ttf', name: 'OBIEGR+DejaVuSans' },
  bold: { file: 'DejaVuSans-Bold.ttf', name: 'OBIEGB+DejaVuSans-Bold' },
} as const;

/** Font files are read once per process; each letter embeds only the glyphs it uses. */
let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

function loadFontBytes() {
  fontBytes ??= Promise.all([
    readFile(path.join(FONT_DIRECTORY, FONT_FILES.regular.file)),
    readFile(path.join(FONT_DIRECTORY, FONT_FILES.bold.file)),
  ]).then(([regular, bold]) => ({ regular, bold }));
  fontBytes.catch(() => (fontBytes = undefined));
  return fontBytes;
}

export async function embedLetterFonts(doc: PDFDocument): Promise<LetterFonts> {
  const bytes = await loadFontBytes();
  // fontkit is loaded with the first letter, not at every start of the server.
  doc.registerFontkit((await import('@pdf-lib/fontkit')).default);
  // One after the other, so object numbers do not depend on which embedding finishes first.
  const regular = await doc.embedFont(bytes.regular, {
    subset: true,
    customName: FONT_FILES.regular.name,
  });
  const bold = await doc.embedFont(bytes.bold, { subset: true, customName: FONT_FILES.bold.name });
  return { regular, bold };
}

/**
 * Makes any string drawable with the font: NFC (so "z" + combining dot is one "ż" glyph), tabs as
 * spaces, no control characters, and "?" for characters the font has no glyph for.
 */
export function makeTextCleaner(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) =>
    Array.from(text.normalize('NFC').replace(/[\t\n\r]/g, ' '), (character) => {
      const codePoint = character.codePointAt(0)!;
      if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return '';
      return supported.has(codePoint) ? character : '?';
    }).join('');
}
