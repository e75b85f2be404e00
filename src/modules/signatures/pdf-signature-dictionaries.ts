import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFString,
} from 'pdf-lib';

/**
 * Finds the signature dictionaries of a PDF (`/Type /Sig`, or `/DocTimeStamp` for a document
 * timestamp) straight in the file's bytes. A signature dictionary always lies in the file
 * uncompressed: its /ByteRange names the bytes the signature covers and leaves a gap exactly
 * where its /Contents hex string is. Scanning the bytes finds the dictionaries of every
 * revision, also those an incremental update later replaced, which a PDF reader would not show.
 */
export interface PdfSignatureDictionary {
  /** `[offset1, length1, offset2, length2]` as written in /ByteRange. */
  byteRange: [number, number, number, number];
  /** /Contents decoded from hex: a DER CMS SignedData (or timestamp token) with zero padding. */
  contents: Uint8Array;
  /** E.g. `ETSI.CAdES.detached`, `adbe.pkcs7.detached`, `adbe.pkcs7.sha1`, `ETSI.RFC3161`. */
  subFilter: string | null;
  /** /M: the signing time the signing application wrote, not covered by the signature. */
  signingTime: Date | null;
  /** Why the byte range cannot be checked (outside the file, no /Contents in the gap). */
  defect: string | null;
}

export function isPdf(bytes: Uint8Array): boolean {
  // Readers accept the header anywhere in the first 1024 bytes.
  return latin1(bytes.subarray(0, 1024)).includes('%PDF-');
}

const BYTE_RANGE = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;
const HEX_STRING = /^<[0-9A-Fa-f\s]*>$/;

export function findPdfSignatureDictionaries(pdf: Uint8Array): PdfSignatureDictionary[] {
  const text = latin1(pdf);
  const found = new Map<string, PdfSignatureDictionary>();
  for (let at = text.indexOf('/ByteRange'); at >= 0; at = text.indexOf('/ByteRange', at + 1)) {
    const match = BYTE_RANGE.exec(text.slice(at, at + 120));
    if (!match) continue;
    const byteRange = match.slice(1, 5).map(Number) as PdfSignatureDictionary['byteRange'];
    const key = byteRange.join(' ');
    // A later revision may repeat an unchanged signature dictionary: it is the same signature.
    if (found.has(key)) continue;
    const dictionary = readEnclosingDictionary(pdf, text, at, byteRange);
    const gap = readGap(pdf, text, byteRange);
    // `/ByteRange [...]` in the text of a page, not a signature: neither a dictionary nor a gap.
    if (!dictionary && gap.defect) continue;
    found.set(key, {
      byteRange,
      contents: gap.contents,
      subFilter: nameOf(dictionary?.get(PDFName.of('SubFilter'))),
      signingTime: dateOf(dictionary?.get(PDFName.of('M'))),
      defect: gap.defect,
    });
  }
  return [...found.values()];
}

/** The bytes a signature covers: the file without the /Contents gap. */
export function signedRanges(
  pdf: Uint8Array,
  [offset1, length1, offset2, length2]: PdfSignatureDictionary['byteRange'],
): Uint8Array[] {
  return [pdf.subarray(offset1, offset1 + length1), pdf.subarray(offset2, offset2 + length2)];
}

function readGap(
  pdf: Uint8Array,
  text: string,
  [offset1, length1, offset2, length2]: PdfSignatureDictionary['byteRange'],
): { contents: Uint8Array; defect: string | null } {
  const empty = new Uint8Array();
  if (offset1 !== 0) return { contents: empty, defect: 'the signed bytes do not start the file' };
  if (offset2 + length2 > pdf.byteLength) {
    return { contents: empty, defect: 'the signed bytes reach beyond the end of the file' };
  }
  if (offset2 < offset1 + length1) {
    return { contents: empty, defect: 'the byte ranges overlap' };
  }
  const gap = text.slice(offset1 + length1, offset2);
  if (!HEX_STRING.test(gap)) {
    return { contents: empty, defect: 'the unsigned gap is not the /Contents hex string' };
  }
  return { contents: Buffer.from(gap.slice(1, -1).replace(/\s+/g, ''), 'hex'), defect: null };
}

/**
 * The dictionary around a /ByteRange key: the indirect object that starts before it, parsed
 * with pdf-lib's object parser. Null when there is none or it does not hold that byte range.
 */
function readEnclosingDictionary(
  pdf: Uint8Array,
  text: string,
  at: number,
  byteRange: PdfSignatureDictionary['byteRange'],
): PDFDict | null {
  let objAt = text.lastIndexOf('obj', at);
  while (objAt >= 0 && !/\d+\s+\d+\s+$/.test(text.slice(Math.max(0, objAt - 24), objAt))) {
    objAt = text.lastIndexOf('obj', objAt - 1);
  }
  if (objAt < 0) return null;
  try {
    const parser = PDFObjectParser.forBytes(pdf.subarray(objAt + 3), PDFContext.create());
    const object = parser.parseObject();
    if (!(object instanceof PDFDict)) return null;
    // The signature dictionary itself, or written directly into its field's /V.
    const candidates = [object, object.get(PDFName.of('V'))];
    return (
      candidates.find(
        (candidate): candidate is PDFDict =>
          candidate instanceof PDFDict && byteRangeOf(candidate) === byteRange.join(' '),
      ) ?? null
    );
  } catch {
    return null;
  }
}

function byteRangeOf(dictionary: PDFDict): string | null {
  const range = dictionary.get(PDFName.of('ByteRange'));
  if (!(range instanceof PDFArray)) return null;
  return range
    .asArray()
    .map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN))
    .join(' ');
}

function nameOf(value: unknown): string | null {
  return value instanceof PDFName ? value.decodeText() : null;
}

function dateOf(value: unknown): Date | null {
  if (!(value instanceof PDFString || value instanceof PDFHexString)) return null;
  try {
    const date = value.decodeDate();
    return Number.isNaN(date.getTime()) ? null : date;
  } catch {
    return null;
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
