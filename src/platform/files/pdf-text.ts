/**
 * Reads back what a letter PDF says, the way a viewer or a text search does: each shown glyph
 * string is decoded through its font's ToUnicode map. Used by the tests to prove that Polish
 * letters survive the round trip, which fails if the font is not embedded or the map is wrong.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';

export interface PdfFontInfo {
  resourceName: string;
  baseFont: string;
  /** True when the font program itself is in the file (FontFile2 of the descendant font). */
  embedded: boolean;
}

export interface PdfText {
  /** Per page, the text runs in drawing order joined by single spaces. */
  pages: string[];
  fonts: PdfFontInfo[];
}

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts = new Map<string, PdfFontInfo>();
  const pages = doc.getPages().map((page) => {
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    const maps = new Map<string, Map<number, string>>();
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const font = doc.context.lookup(ref, PDFDict);
      maps.set(name.decodeText(), readToUnicode(doc, font));
      fonts.set(name.decodeText(), describeFont(doc, name.decodeText(), font));
    }
    const runs: string[] = [];
    let current: Map<number, string> | undefined;
    const content = readContent(doc, page.node.Contents());
    for (const token of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (token[1] !== undefined) current = maps.get(token[1]);
      else runs.push(decodeGlyphs(token[2]!, current));
    }
    return runs.join(' ');
  });
  return { pages, fonts: [...fonts.values()] };
}

function readContent(doc: PDFDocument, contents: PDFObject | undefined): string {
  const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return streams
    .map((item) => (item instanceof PDFRef ? doc.context.lookup(item) : item))
    .filter((item): item is PDFRawStream => item instanceof PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
    .join('\n');
}

/** Glyph ids (2 bytes each, Identity-H) → text; an unmapped glyph shows as U+FFFD. */
function decodeGlyphs(hex: string, map: Map<number, string> | undefined): string {
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) {
    text += map?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
  }
  return text;
}

function readToUnicode(doc: PDFDocument, font: PDFDict): Map<number, string> {
  const stream = font.lookup(PDFName.of('ToUnicode'));
  const map = new Map<number, string>();
  if (!(stream instanceof PDFRawStream)) return map;
  const cmap = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, unicode] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(parseInt(code!, 16), utf16beHex(unicode!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const ranges = block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g);
    for (const [, from, to, start] of ranges) {
      const first = parseInt(start!, 16);
      for (let code = parseInt(from!, 16); code <= parseInt(to!, 16); code++) {
        map.set(code, String.fromCharCode(first + code - parseInt(from!, 16)));
      }
    }
  }
  return map;
}

function utf16beHex(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function describeFont(doc: PDFDocument, resourceName: string, font: PDFDict): PdfFontInfo {
  const baseFont = font.lookup(PDFName.of('BaseFont'))?.toString().replace(/^\//, '') ?? '';
  const descendants = font.lookup(PDFName.of('DescendantFonts'));
  const descendant =
    descendants instanceof PDFArray ? doc.context.lookup(descendants.get(0), PDFDict) : font;
  const descriptor = descendant.lookup(PDFName.of('FontDescriptor'));
  const embedded =
    descriptor instanceof PDFDict &&
    descriptor.lookup(PDFName.of('FontFile2')) instanceof PDFRawStream;
  return { resourceName, baseFont, embedded };
}
