import * as pkijs from 'pkijs';
import {
  CmsFormatError,
  digestName,
  digestOf,
  hashChunks,
  namesSigningCertificate,
  OID,
  readCmsSignature,
  verifySignatureValue,
  type CmsSignature,
} from './cms-signed-data.ts';
import {
  findPdfSignatureDictionaries,
  signedRanges,
  type PdfSignatureDictionary,
} from './pdf-signature-dictionaries.ts';
import { checkSignerCertificate, signerFields, type VerifyOptions } from './signer-report.ts';
import { signatureErrors } from './signatures.errors.ts';
import type { ValidationReport } from './signatures.schemas.ts';
import { problem, type ValidationProblem } from './validation-problems.ts';

type Status = ValidationReport['references'][number]['status'];

/**
 * Verifies every signature of a PDF (PAdES, or the older adbe.pkcs7 signatures, and document
 * timestamps): the digest of the signed byte ranges, the signature value over the signed
 * attributes, the signer's certificate at the signing time and its chain to the office's trust
 * anchors, and whether the signature covers the whole file. Bytes appended by a later
 * incremental update are not covered: the report says so, and an update no later signature
 * covers makes the signature invalid for the document as it is now.
 */
export async function verifyPdfSignatures(
  pdf: Uint8Array,
  options: VerifyOptions = {},
): Promise<ValidationReport[]> {
  const dictionaries = findPdfSignatureDictionaries(pdf);
  if (dictionaries.length === 0) throw signatureErrors.noSignature();
  const end = contentEnd(pdf);
  return dictionaries.map((dictionary) => {
    const laterSignatureCoversEnd = dictionaries.some(
      (other) => other !== dictionary && !other.defect && coveredEnd(other) >= end,
    );
    return verifyDictionary(pdf, dictionary, { end, laterSignatureCoversEnd }, options);
  });
}

function verifyDictionary(
  pdf: Uint8Array,
  dictionary: PdfSignatureDictionary,
  file: { end: number; laterSignatureCoversEnd: boolean },
  options: VerifyOptions,
): ValidationReport {
  const uri = `ByteRange [${dictionary.byteRange.join(' ')}]`;
  if (dictionary.defect) return malformedReport(uri, dictionary, dictionary.defect);
  const problems: ValidationProblem[] = [];
  const ranges = signedRanges(pdf, dictionary.byteRange);
  let cms: CmsSignature;
  let timestamp: pkijs.TSTInfo | null;
  let status: Status;
  let signatureValueOk = false;
  try {
    cms = readCmsSignature(dictionary.contents);
    timestamp = readTimestamp(cms);
    status = checkDigests(cms, dictionary, ranges, timestamp);
    if (cms.signer) {
      const signedContent = cms.eContent ? [cms.eContent] : ranges;
      signatureValueOk = verifySignatureValue(cms, cms.signer, signedContent);
    }
  } catch (error) {
    if (error instanceof CmsFormatError) return malformedReport(uri, dictionary, error.message);
    throw error;
  }
  if (cms.signer && !namesSigningCertificate(cms, cms.signer)) {
    problems.push(problem('signing_certificate_mismatch'));
  }
  // Without signed attributes the signature value is computed over the byte ranges directly.
  if (status === 'not_checked' && cms.signer) status = signatureValueOk ? 'ok' : 'broken';
  if (status === 'broken' && cms.signedAttributes) problems.push(problem('digest_mismatch'));
  if (!cms.signer) problems.push(problem('signer_certificate_missing'));
  else if (!signatureValueOk) problems.push(problem('signature_value_invalid'));
  if (coveredEnd(dictionary) < file.end) {
    problems.push(
      file.laterSignatureCoversEnd
        ? problem('later_revision_signed')
        : problem('document_modified_after_signing', `${file.end - coveredEnd(dictionary)} bytes`),
    );
  }

  const signingTime =
    timestamp?.genTime ?? cms.signedAttributes?.signingTime ?? dictionary.signingTime;
  const check = checkSignerCertificate(
    cms.signer,
    { signingTime, certificates: cms.certificates },
    options,
    problems,
  );
  const integrity: ValidationReport['integrity'] =
    status === 'broken' ? 'broken' : !cms.signer ? 'unknown' : signatureValueOk ? 'ok' : 'broken';
  return {
    valid: integrity === 'ok' && !problems.some((p) => p.severity === 'error'),
    format: 'pades',
    integrity,
    ...signerFields(check),
    signingTime: signingTime?.toISOString() ?? null,
    references: [{ uri, status }],
    problems,
  };
}

/**
 * Whether the signed bytes are unchanged. A detached signature's signed attributes hold the
 * digest of the byte ranges. A document timestamp (and the legacy adbe.pkcs7.sha1) signs an
 * encapsulated content instead, which in turn holds the hash of the byte ranges.
 */
function checkDigests(
  cms: CmsSignature,
  dictionary: PdfSignatureDictionary,
  ranges: Uint8Array[],
  timestamp: pkijs.TSTInfo | null,
): Status {
  const signedContent = cms.eContent ? [cms.eContent] : ranges;
  if (cms.signedAttributes) {
    const expected = cms.signedAttributes.messageDigest;
    if (!expected) throw new CmsFormatError('the signed attributes hold no message digest');
    if (!same(expected, digestOf(cms, signedContent))) return 'broken';
  }
  if (!cms.eContent) return cms.signedAttributes ? 'ok' : 'not_checked';
  if (timestamp) {
    const imprint = timestamp.messageImprint;
    const hash = digestName(imprint.hashAlgorithm.algorithmId);
    if (!hash) throw new CmsFormatError('unsupported timestamp digest');
    const actual = hashChunks(hash, ranges);
    return same(new Uint8Array(imprint.hashedMessage.getValue()), actual) ? 'ok' : 'broken';
  }
  if (dictionary.subFilter === 'adbe.pkcs7.sha1') {
    const actual = hashChunks('sha1', ranges);
    return same(cms.eContent, actual) ? 'ok' : 'broken';
  }
  throw new CmsFormatError(`unexpected encapsulated content ${cms.eContentType}`);
}

function readTimestamp(cms: CmsSignature): pkijs.TSTInfo | null {
  if (cms.eContentType !== OID.tstInfo || !cms.eContent) return null;
  try {
    return pkijs.TSTInfo.fromBER(cms.eContent);
  } catch (error) {
    throw new CmsFormatError(`unreadable timestamp: ${(error as Error).message}`);
  }
}

function coveredEnd(dictionary: PdfSignatureDictionary): number {
  const [, , offset2, length2] = dictionary.byteRange;
  return offset2 + length2;
}

/** The end of the file without trailing white space, which some writers add after %%EOF. */
function contentEnd(pdf: Uint8Array): number {
  let end = pdf.byteLength;
  while (end > 0 && [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(pdf[end - 1]!)) end--;
  return end;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

function malformedReport(
  uri: string,
  dictionary: PdfSignatureDictionary,
  reason: string,
): ValidationReport {
  return {
    valid: false,
    format: 'pades',
    integrity: 'broken',
    signer: null,
    signingTime: dictionary.signingTime?.toISOString() ?? null,
    certificate: null,
    references: [{ uri, status: 'not_checked' }],
    problems: [problem('malformed_signature', reason)],
  };
}
