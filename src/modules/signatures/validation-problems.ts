/**
 * Findings of a signature validation report. They are data, like errors: a stable code, a
 * severity and a message in English and Polish. Any `error` makes the signature invalid;
 * a `warning` is shown but does not.
 */
export type ProblemSeverity = 'error' | 'warning';

export interface ValidationProblem {
  code: ProblemCode;
  severity: ProblemSeverity;
  message: string;
  messagePl: string;
  detail?: string;
}

const PROBLEMS = {
  content_missing: {
    severity: 'error',
    en: 'The signed file was not supplied, so its integrity could not be checked.',
    pl: 'Nie przekazano podpisanego pliku, więc nie sprawdzono jego integralności.',
  },
  digest_mismatch: {
    severity: 'error',
    en: 'The signed content was changed after signing.',
    pl: 'Podpisana treść została zmieniona po złożeniu podpisu.',
  },
  signature_value_invalid: {
    severity: 'error',
    en: 'The signature value does not match the signed data: the signature was altered.',
    pl: 'Wartość podpisu nie zgadza się z podpisanymi danymi: podpis został zmieniony.',
  },
  document_modified_after_signing: {
    severity: 'error',
    en: 'The PDF was changed after signing (a later incremental update no signature covers); the signature covers an earlier version only.',
    pl: 'Plik PDF zmieniono po podpisaniu (późniejsza aktualizacja przyrostowa nieobjęta żadnym podpisem); podpis obejmuje tylko wcześniejszą wersję.',
  },
  later_revision_signed: {
    severity: 'warning',
    en: 'The PDF was changed after this signature by a later signed revision (e.g. another signature or a timestamp); this signature covers the earlier version.',
    pl: 'Plik PDF zmieniono po tym podpisie w kolejnej podpisanej wersji (np. kolejny podpis lub znacznik czasu); ten podpis obejmuje wcześniejszą wersję.',
  },
  malformed_signature: {
    severity: 'error',
    en: 'The signature cannot be processed.',
    pl: 'Nie można przetworzyć podpisu.',
  },
  signer_certificate_missing: {
    severity: 'error',
    en: "The signature does not contain the signer's certificate.",
    pl: 'Podpis nie zawiera certyfikatu podpisującego.',
  },
  signing_certificate_mismatch: {
    severity: 'error',
    en: 'The certificate named in the signed properties is not in the signature.',
    pl: 'Certyfikat wskazany we właściwościach podpisu nie występuje w podpisie.',
  },
  signed_properties_not_covered: {
    severity: 'error',
    en: 'The signing time and signer certificate are not covered by the signature.',
    pl: 'Czas podpisu i certyfikat podpisującego nie są objęte podpisem.',
  },
  signing_time_missing: {
    severity: 'warning',
    en: 'The signature states no signing time; the certificate was checked against the current time.',
    pl: 'Podpis nie zawiera czasu złożenia; certyfikat sprawdzono na chwilę obecną.',
  },
  certificate_not_valid_at_signing_time: {
    severity: 'error',
    en: "The signer's certificate was not valid at the signing time (expired or not yet valid).",
    pl: 'Certyfikat podpisującego nie był ważny w chwili podpisu (wygasł lub nie był jeszcze ważny).',
  },
  certificate_not_for_signing: {
    severity: 'error',
    en: "The signer's certificate is not meant for signatures.",
    pl: 'Certyfikat podpisującego nie jest przeznaczony do podpisu.',
  },
  chain_untrusted: {
    severity: 'error',
    en: "The signer's certificate does not lead to a trusted certification authority.",
    pl: 'Certyfikat podpisującego nie prowadzi do zaufanego urzędu certyfikacji.',
  },
  issuer_not_valid_at_signing_time: {
    severity: 'error',
    en: 'A certificate of the issuing authority was not valid at the signing time.',
    pl: 'Certyfikat urzędu certyfikacji nie był ważny w chwili podpisu.',
  },
} as const satisfies Record<string, { severity: ProblemSeverity; en: string; pl: string }>;

export type ProblemCode = keyof typeof PROBLEMS;
export const problemCodes = Object.keys(PROBLEMS) as [ProblemCode, ...ProblemCode[]];

export function problem(code: ProblemCode, detail?: string): ValidationProblem {
  const { severity, en, pl } = PROBLEMS[code];
  return { code, severity, message: en, messagePl: pl, ...(detail ? { detail } : {}) };
}
