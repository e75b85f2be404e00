import { defineErrors } from '../../platform/errors.ts';

export const signatureErrors = defineErrors('signature', {
  invalidPkcs12: {
    code: 'invalid_pkcs12',
    status: 422,
    en: 'The certificate file (PKCS#12) cannot be opened: it is damaged or holds no single signing key with its certificate.',
    pl: 'Nie można otworzyć pliku certyfikatu (PKCS#12): plik jest uszkodzony albo nie zawiera jednego klucza z certyfikatem.',
  },
  wrongPassword: {
    code: 'wrong_password',
    status: 422,
    en: 'The password of the certificate file (PKCS#12) is wrong.',
    pl: 'Hasło do pliku certyfikatu (PKCS#12) jest błędne.',
  },
  passwordRequired: {
    code: 'password_required',
    status: 400,
    en: 'Give the password of your certificate file to sign.',
    pl: 'Podaj hasło do pliku certyfikatu, aby podpisać.',
  },
  sealPasswordMissing: {
    code: 'seal_password_missing',
    status: 422,
    en: 'The office seal password is not configured (OBIEG_SEAL_PASSWORD); give it with the request.',
    pl: 'Nie skonfigurowano hasła pieczęci urzędu (OBIEG_SEAL_PASSWORD); podaj je w żądaniu.',
  },
  invalidCertificate: {
    code: 'invalid_certificate',
    status: 422,
    en: 'The file is not an X.509 certificate (DER or PEM).',
    pl: 'Plik nie jest certyfikatem X.509 (DER lub PEM).',
  },
  certificateExpired: {
    code: 'certificate_expired',
    status: 422,
    en: 'The certificate has expired.',
    pl: 'Certyfikat utracił ważność.',
  },
  certificateNotYetValid: {
    code: 'certificate_not_yet_valid',
    status: 422,
    en: 'The certificate is not valid yet.',
    pl: 'Certyfikat nie jest jeszcze ważny.',
  },
  notSigningCertificate: {
    code: 'not_signing_certificate',
    status: 422,
    en: 'This certificate may not be used for signatures (a CA certificate or a key usage other than signing).',
    pl: 'Tego certyfikatu nie można użyć do podpisu (certyfikat urzędu certyfikacji lub inne przeznaczenie klucza).',
  },
  credentialExists: {
    code: 'credential_exists',
    status: 409,
    en: 'This certificate is already registered.',
    pl: 'Ten certyfikat jest już zarejestrowany.',
  },
  noCredential: {
    code: 'no_credential',
    status: 422,
    en: 'There is no valid signing certificate for this signature.',
    pl: 'Brak ważnego certyfikatu do złożenia tego podpisu.',
  },
  forbidden: {
    code: 'forbidden',
    status: 403,
    en: 'You may not do this.',
    pl: 'Nie masz uprawnień do tej czynności.',
  },
  mayNotSign: {
    code: 'may_not_sign',
    status: 403,
    en: 'Only the case handler, the last approver or a person authorised to sign may sign this document.',
    pl: 'Dokument może podpisać tylko prowadzący sprawę, ostatni akceptujący lub osoba upoważniona do podpisu.',
  },
  documentNotApproved: {
    code: 'document_not_approved',
    status: 409,
    en: 'Only an approved document can be signed.',
    pl: 'Podpisać można tylko zaakceptowany dokument.',
  },
  signatureNotFound: {
    code: 'not_found',
    status: 404,
    en: 'Signature not found.',
    pl: 'Nie znaleziono podpisu.',
  },
  unsupportedFormat: {
    code: 'unsupported_format',
    status: 422,
    en: 'Only XML signatures (XAdES, XMLDSig) and signatures inside PDF files (PAdES) can be verified.',
    pl: 'Weryfikowane są tylko podpisy XML (XAdES, XMLDSig) i podpisy w plikach PDF (PAdES).',
  },
  noSignature: {
    code: 'no_signature',
    status: 422,
    en: 'The file contains no electronic signature.',
    pl: 'Plik nie zawiera podpisu elektronicznego.',
  },
  invalidXml: {
    code: 'invalid_xml',
    status: 422,
    en: 'The document is not well-formed XML.',
    pl: 'Dokument nie jest poprawnym dokumentem XML.',
  },
  pdfNotSignable: {
    code: 'pdf_not_signable',
    status: 422,
    en: 'This PDF cannot be signed in PAdES (it is encrypted, damaged or has no pages); sign it with XAdES instead.',
    pl: 'Tego pliku PDF nie można podpisać w formacie PAdES (jest zaszyfrowany, uszkodzony albo nie ma stron); podpisz go w formacie XAdES.',
  },
  notPdf: {
    code: 'not_pdf',
    status: 422,
    en: 'Only a PDF document can be signed in PAdES; sign other files with XAdES.',
    pl: 'W formacie PAdES można podpisać tylko dokument PDF; inne pliki podpisz w formacie XAdES.',
  },
  trustAnchorExists: {
    code: 'trust_anchor_exists',
    status: 409,
    en: 'This CA certificate is already trusted.',
    pl: 'Ten certyfikat urzędu certyfikacji jest już zaufany.',
  },
});
