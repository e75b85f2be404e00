import { z } from '@hono/zod-openapi';
import { documentKinds } from '../documents/documents.schemas.ts';
import { problemCodes } from './validation-problems.ts';

export const credentialKinds = ['personal', 'office_seal'] as const;
export type CredentialKind = (typeof credentialKinds)[number];

export const signatureFormats = ['xades-bes', 'pades'] as const;
export type SignatureFormat = (typeof signatureFormats)[number];

export const signDocumentSchema = z.object({
  /** `personal`: the signer's own certificate; `office_seal`: the office's electronic seal. */
  credential: z.enum(credentialKinds),
  /**
   * `xades-bes` (default): a detached .xades beside the version, for any file; `pades`: the
   * signature inside the PDF, kept as a signed copy (the approved version stays as it is).
   */
  format: z.enum(signatureFormats).default('xades-bes'),
  /** PKCS#12 password; for the seal it may come from the OBIEG_SEAL_PASSWORD setting instead. */
  password: z.string().min(1).max(1024).optional(),
  /** One of the signer's certificates (or seals); default: the newest one valid now. */
  credentialId: z.uuid().optional(),
});
export type SignDocumentInput = z.input<typeof signDocumentSchema>;

export const addCredentialSchema = z.object({
  kind: z.enum(credentialKinds),
  password: z.string().max(1024),
  label: z.string().trim().min(1).max(200).optional(),
});
export type AddCredentialInput = z.input<typeof addCredentialSchema>;

const certificateFields = {
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
};

export const credentialSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(credentialKinds),
    userId: z.uuid().nullable(),
    label: z.string(),
    ...certificateFields,
    createdAt: z.string(),
  })
  .openapi('SigningCredential');

export const trustAnchorSchema = z
  .object({ id: z.uuid(), ...certificateFields, sha256: z.string(), createdAt: z.string() })
  .openapi('SignatureTrustAnchor');

const problemSchema = z.object({
  code: z.enum(problemCodes),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  messagePl: z.string(),
  detail: z.string().optional(),
});

/** What the office learns about one signature: who, when, with what certificate, intact or not. */
export const validationReportSchema = z
  .object({
    valid: z.boolean(),
    /** `pades`: a signature inside a PDF (also adbe.pkcs7 signatures and document timestamps). */
    format: z.enum(['xades-bes', 'xmldsig', 'pades']),
    /** `unknown` when a detached signature is checked without the signed file. */
    integrity: z.enum(['ok', 'broken', 'unknown']),
    signer: z.object({ subject: z.string(), serial: z.string(), issuer: z.string() }).nullable(),
    signingTime: z.string().nullable(),
    certificate: z
      .object({
        notBefore: z.string(),
        notAfter: z.string(),
        validAtSigningTime: z.boolean(),
        chain: z.enum(['trusted', 'untrusted', 'unknown']),
        sha256: z.string(),
      })
      .nullable(),
    references: z.array(
      z.object({ uri: z.string(), status: z.enum(['ok', 'broken', 'not_checked']) }),
    ),
    problems: z.array(problemSchema),
  })
  .openapi('SignatureValidationReport');
export type ValidationReport = z.infer<typeof validationReportSchema>;

export const documentSignatureSchema = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    version: z.number(),
    format: z.enum(signatureFormats),
    fileId: z.uuid(),
    fileName: z.string(),
    signerSubject: z.string(),
    signerSerial: z.string(),
    signingTime: z.string(),
    credentialKind: z.enum(credentialKinds),
    signedBy: z.string(),
    report: validationReportSchema,
  })
  .openapi('DocumentSignature');

/** An approved document waiting for my signature (desk). */
export const documentToSignSchema = z
  .object({
    documentId: z.uuid(),
    title: z.string(),
    kind: z.enum(documentKinds),
    version: z.number().int(),
    caseId: z.uuid(),
    caseSign: z.string(),
    caseTitle: z.string(),
    approvedAt: z.string().nullable(),
  })
  .openapi('DocumentToSign');

export const signResultSchema = documentSignatureSchema
  .omit({ credentialKind: true, signedBy: true, report: true })
  .extend({ status: z.literal('signed') })
  .openapi('SignDocumentResult');

export const incomingFileSignaturesSchema = z
  .object({
    fileId: z.uuid(),
    fileName: z.string(),
    /** For a detached signature: the attachment it was checked against (null: not found). */
    signedFileId: z.uuid().nullable(),
    /** One report per signature in the file; empty for a file without a signature. */
    reports: z.array(validationReportSchema),
    /** Why a file that should hold a signature could not be checked (e.g. broken XML). */
    error: z.object({ code: z.string(), message: z.string(), messagePl: z.string() }).nullable(),
  })
  .openapi('IncomingFileSignatures');
export type IncomingFileSignatures = z.infer<typeof incomingFileSignaturesSchema>;
