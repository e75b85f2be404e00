import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { loadSigningIdentity } from '../../src/modules/signatures/pkcs12.ts';
import { signPdf } from '../../src/modules/signatures/pades-sign.ts';
import type { TestIdentity } from '../../src/modules/signatures/throwaway-ca.ts';

/**
 * Signed PDFs for tests, made at test time: pdf-lib draws a one-page letter, and the PAdES
 * signer puts a CMS signature (built by pkijs) with a throw-away CA's certificate into it.
 */
export async function buildTestPdf(
  text = 'Wniosek o wydanie zaswiadczenia o niezaleganiu w podatkach',
  options: { useObjectStreams?: boolean } = {},
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage().drawText(text, { x: 50, y: 760, size: 12, font });
  document.setCreationDate(new Date('2026-03-01T10:00:00Z'));
  document.setModificationDate(new Date('2026-03-01T10:00:00Z'));
  return document.save({ useObjectStreams: options.useObjectStreams ?? false });
}

export async function signTestPdf(
  pdf: Uint8Array,
  signer: TestIdentity,
  signingTime = new Date('2026-03-02T08:00:00Z'),
): Promise<Uint8Array> {
  const identity = await loadSigningIdentity(signer.p12, signer.password);
  return signPdf({ identity, pdf, signingTime, reason: 'Wniosek' });
}

/**
 * An unsigned incremental update, as an editor saving the file after it was signed writes it:
 * a new document information dictionary, a cross-reference section and a trailer.
 */
export function appendUnsignedUpdate(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1];
  const root = [...text.matchAll(/\/Root (\d+ \d+ R)/g)].at(-1)![1];
  const size = Math.max(...[...text.matchAll(/\/Size (\d+)/g)].map((m) => Number(m[1])));
  const objectAt = pdf.byteLength;
  const object = `${size} 0 obj\n<< /Title (Zmieniono po podpisaniu) >>\nendobj\n`;
  const xrefAt = objectAt + object.length;
  const update =
    object +
    `xref\n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${previous} >>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

const SHA256 = '2.16.840.1.101.3.4.2.1';
const TST_INFO = '1.2.840.113549.1.9.16.1.4';

/**
 * Turns a signed PDF into one holding a document timestamp instead: the /Contents of its
 * signature is replaced by an RFC 3161 token (a TSTInfo with the hash of the same byte ranges,
 * signed by `tsa`), as a timestamping authority would return it.
 */
export async function replaceWithDocumentTimestamp(
  signedPdf: Uint8Array,
  tsa: TestIdentity,
  genTime: Date,
): Promise<Uint8Array> {
  const pdf = Buffer.from(signedPdf);
  const [offset1, length1, offset2, length2] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)/
    .exec(pdf.toString('latin1'))!
    .slice(1)
    .map(Number) as [number, number, number, number];
  const imprint = createHash('sha256')
    .update(pdf.subarray(offset1, offset1 + length1))
    .update(pdf.subarray(offset2, offset2 + length2))
    .digest();
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: '1.2.3.4.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    serialNumber: new asn1js.Integer({ value: 1 }),
    genTime,
  })
    .toSchema()
    .toBER();
  const identity = await loadSigningIdentity(tsa.p12, tsa.password);
  const certificate = pkijs.Certificate.fromBER(identity.certificate.raw);
  const attribute = (type: string, value: asn1js.AsnType) =>
    new pkijs.Attribute({ type, values: [value] });
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: TST_INFO,
      eContent: new asn1js.OctetString({ valueHex: tstInfo }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: certificate.issuer,
          serialNumber: certificate.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            attribute('1.2.840.113549.1.9.3', new asn1js.ObjectIdentifier({ value: TST_INFO })),
            attribute(
              '1.2.840.113549.1.9.4',
              new asn1js.OctetString({
                valueHex: createHash('sha256').update(Buffer.from(tstInfo)).digest(),
              }),
            ),
          ],
        }),
      }),
    ],
    certificates: [certificate],
  });
  await signedData.sign(identity.privateKey, 0, 'SHA-256');
  const token = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  const hex = Buffer.from(token.toSchema().toBER()).toString('hex').toUpperCase();
  pdf.write(hex.padEnd(offset2 - length1 - 2, '0'), length1 + 1, 'latin1');
  return new Uint8Array(pdf);
}
