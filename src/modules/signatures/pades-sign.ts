import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFCrossRefSection,
  PDFCrossRefStream,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  PDFTrailer,
  PDFTrailerDict,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { createCmsSignature } from './cms-sign.ts';
import type { SigningIdentity } from './pkcs12.ts';
import { signatureErrors } from './signatures.errors.ts';

export interface PadesSignatureInput {
  identity: SigningIdentity;
  /** The approved PDF, byte for byte; it stays the first revision of the signed file. */
  pdf: Uint8Array;
  signingTime: Date;
  /** The signature field's name, shown by PDF readers in the signature panel. */
  fieldName?: string;
  reason?: string;
}

/** Room for the CMS: an RSA-4096 signature with a chain of four certificates fits easily. */
const CONTENTS_BYTES = 16_384;
const BYTE_RANGE_PLACEHOLDER = '/**********';

/**
 * Signs a PDF with a PAdES baseline-B signature (ETSI.CAdES.detached) in an incremental update:
 * the original bytes stay untouched at the start of the signed file, followed by a revision that
 * adds an invisible signature field to the first page. The signature covers the whole file
 * except its own /Contents. pdf-lib reads the document and writes the new objects; the update
 * section (objects, cross-reference in the form the original uses, trailer) is assembled here.
 */
export async function signPdf(input: PadesSignatureInput): Promise<Uint8Array> {
  const { document, previousXref } = await openForUpdate(input.pdf);
  const context = document.context;
  const changed = new Map<PDFRef, PDFObject>();

  const signatureRef = context.register(
    context.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      ByteRange: [0, ...Array(3).fill(PDFName.of(BYTE_RANGE_PLACEHOLDER.slice(1)))],
      Contents: PDFHexString.of('0'.repeat(CONTENTS_BYTES * 2)),
      M: PDFString.fromDate(input.signingTime),
      ...(input.reason ? { Reason: PDFHexString.fromText(input.reason) } : {}),
    }),
  );
  changed.set(signatureRef, context.lookup(signatureRef)!);
  const page = document.getPage(0);
  const widgetRef = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      F: 132, // Print | Locked
      T: PDFHexString.fromText(input.fieldName ?? `Podpis ${input.signingTime.toISOString()}`),
      V: signatureRef,
      P: page.ref,
    }),
  );
  changed.set(widgetRef, context.lookup(widgetRef)!);
  appendToArray(context, page.ref, page.node, 'Annots', widgetRef, changed);

  const catalogRef = context.trailerInfo.Root as PDFRef;
  const catalog = context.lookup(catalogRef, PDFDict);
  let form = catalog.get(PDFName.of('AcroForm'));
  if (!form) {
    form = context.obj({});
    catalog.set(PDFName.of('AcroForm'), form);
    changed.set(catalogRef, catalog);
  }
  const formRef = form instanceof PDFRef ? form : catalogRef;
  const formDict = context.lookup(form, PDFDict);
  appendToArray(context, formRef, formDict, 'Fields', widgetRef, changed);
  formDict.set(PDFName.of('SigFlags'), PDFNumber.of(3)); // SignaturesExist | AppendOnly
  changed.set(formRef, context.lookup(formRef)!);

  const update = writeUpdate(context, input.pdf, changed, previousXref);
  return fillSignature(update, input.identity);
}

interface PreviousXref {
  offset: number;
  /** A cross-reference stream (PDF 1.5) rather than a classic `xref` table. */
  isStream: boolean;
}

async function openForUpdate(pdf: Uint8Array) {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw signatureErrors.pdfNotSignable({ reason: (error as Error).message });
  }
  const tail = Buffer.from(pdf.subarray(-1024)).toString('latin1');
  const offset = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1] ?? NaN);
  if (!Number.isInteger(offset) || offset >= pdf.byteLength || document.getPageCount() === 0) {
    throw signatureErrors.pdfNotSignable({ reason: 'no cross-reference section or no page' });
  }
  const isStream = !Buffer.from(pdf.subarray(offset, offset + 4)).equals(Buffer.from('xref'));
  // /Size of the last trailer (or cross-reference stream): new objects are numbered from it.
  // pdf-lib does not count the cross-reference stream objects among the document's objects.
  const trailer = Buffer.from(pdf.subarray(offset, offset + 65_536)).toString('latin1');
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1] ?? 0);
  const context = document.context;
  context.largestObjectNumber = Math.max(context.largestObjectNumber, size - 1);
  return { document, previousXref: { offset, isStream } };
}

/**
 * Adds `ref` to the array under `key` of `owner`. Whatever object holds the array changes:
 * the owner when the array is written inside it, else the array's own indirect object.
 */
function appendToArray(
  context: PDFContext,
  ownerRef: PDFRef,
  owner: PDFDict,
  key: string,
  ref: PDFRef,
  changed: Map<PDFRef, PDFObject>,
) {
  const value = owner.get(PDFName.of(key));
  if (value instanceof PDFRef) {
    context.lookup(value, PDFArray).push(ref);
    changed.set(value, context.lookup(value)!);
  } else {
    const array = value instanceof PDFArray ? value : context.obj([]);
    array.push(ref);
    owner.set(PDFName.of(key), array);
    changed.set(ownerRef, context.lookup(ownerRef)!);
  }
}

/** The original bytes followed by the changed objects, a cross-reference and a trailer. */
function writeUpdate(
  context: PDFContext,
  original: Uint8Array,
  changed: Map<PDFRef, PDFObject>,
  previous: PreviousXref,
): Uint8Array {
  const endsWithEol = original.at(-1) === 0x0a || original.at(-1) === 0x0d;
  const chunks: Uint8Array[] = [original, ...(endsWithEol ? [] : [text('\n')])];
  let size = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    size += chunk.byteLength;
  };
  const offsets: Array<[PDFRef, number]> = [];
  const writeObject = (ref: PDFRef, object: PDFObject) => {
    offsets.push([ref, size]);
    push(text(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    push(serialize(object));
    push(text('\nendobj\n'));
  };
  const sorted = [...changed].sort(([a], [b]) => a.objectNumber - b.objectNumber);
  for (const [ref, object] of sorted) writeObject(ref, object);

  const trailer = context.obj({
    Root: context.trailerInfo.Root,
    ...(context.trailerInfo.Info ? { Info: context.trailerInfo.Info } : {}),
    ...(context.trailerInfo.ID ? { ID: context.trailerInfo.ID } : {}),
    Prev: previous.offset,
  });
  let xrefOffset: number;
  if (previous.isStream) {
    const xrefRef = context.nextRef();
    trailer.set(PDFName.of('Size'), PDFNumber.of(context.largestObjectNumber + 1));
    const stream = PDFCrossRefStream.create(trailer, false);
    for (const [ref, offset] of offsets) stream.addUncompressedEntry(ref, offset);
    xrefOffset = size;
    stream.addUncompressedEntry(xrefRef, xrefOffset);
    writeObject(xrefRef, stream);
  } else {
    trailer.set(PDFName.of('Size'), PDFNumber.of(context.largestObjectNumber + 1));
    const section = PDFCrossRefSection.createEmpty();
    for (const [ref, offset] of offsets) section.addEntry(ref, offset);
    xrefOffset = size;
    push(serialize(section));
    push(text('\n'));
    push(serialize(PDFTrailerDict.of(trailer)));
    push(text('\n'));
  }
  push(serialize(PDFTrailer.forLastCrossRefSectionOffset(xrefOffset)));
  push(text('\n'));
  return Buffer.concat(chunks);
}

/** Writes the byte range over its placeholder, signs those bytes and fills /Contents. */
async function fillSignature(pdf: Uint8Array, identity: SigningIdentity): Promise<Uint8Array> {
  const body = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const contentsHex = `<${'0'.repeat(CONTENTS_BYTES * 2)}>`;
  const contentsAt = body.lastIndexOf(contentsHex, undefined, 'latin1');
  const placeholder = `[ 0 ${Array(3).fill(BYTE_RANGE_PLACEHOLDER).join(' ')} ]`;
  const rangeAt = body.lastIndexOf(placeholder, undefined, 'latin1');
  if (contentsAt < 0 || rangeAt < 0) throw new Error('signature placeholders not found');
  const afterContents = contentsAt + contentsHex.length;
  const byteRange = `[0 ${contentsAt} ${afterContents} ${body.length - afterContents}]`;
  body.write(byteRange.padEnd(placeholder.length, ' '), rangeAt, 'latin1');

  const digest = createHash('sha256')
    .update(body.subarray(0, contentsAt))
    .update(body.subarray(afterContents))
    .digest();
  const cms = await createCmsSignature({ identity, contentDigest: digest });
  if (cms.byteLength > CONTENTS_BYTES) throw new Error('the signature does not fit /Contents');
  body.write(Buffer.from(cms).toString('hex').toUpperCase(), contentsAt + 1, 'latin1');
  return new Uint8Array(body);
}

function serialize(object: {
  sizeInBytes(): number;
  copyBytesInto(b: Uint8Array, o: number): number;
}) {
  const buffer = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return buffer;
}

function text(value: string): Uint8Array {
  return Buffer.from(value, 'latin1');
}
