import { formatAccessCode } from '../incoming/access-code.ts';
import { warsawDisplay, warsawIso } from './portal-time.ts';
import { escapeXml } from './xml-text.ts';

/**
 * The portal's own receipts are the office's documents, not ePUAP's official proofs: they must
 * not imitate the UPP/UPD of http://crd.gov.pl/xml/schematy/UPO/2008/05/09/ (an urzędowe
 * poświadczenie odbioru is issued by ePUAP, art. 3 pkt 20 of the ustawa o informatyzacji). They
 * live in this namespace of the office's system and are called by what they are:
 * "potwierdzenie złożenia pisma" and "potwierdzenie odbioru w portalu".
 */
export const PORTAL_RECEIPTS_NS = 'urn:obieg:portal:potwierdzenia:1';
export const SUBMISSION_RECEIPT_NAME = 'Potwierdzenie złożenia pisma';

export interface ReceiptContent {
  submissionId: string;
  officeName: string;
  receivedAt: Date;
  rpwSign: string;
  senderName: string;
  title: string;
  document: { name: string; sha256: string };
  attachments: ReadonlyArray<{ name: string; sha256: string; sizeBytes: number }>;
  accessCode: string;
}

/**
 * The potwierdzenie złożenia pisma: who received what and when, with the RPW number, the SHA-256
 * of the submitted document and of each attachment, and the access code for the status lookup.
 * Sealed (XAdES, enveloped) by the caller.
 */
export function buildReceiptXml(content: ReceiptContent): string {
  const attachments = content.attachments.map(
    (file) =>
      `      <pp:Zalacznik nazwa="${escapeXml(file.name)}" rozmiar="${file.sizeBytes}"><pp:Skrot algorytm="SHA-256">${file.sha256}</pp:Skrot></pp:Zalacznik>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<pp:PotwierdzenieZlozeniaPisma xmlns:pp="${PORTAL_RECEIPTS_NS}">`,
    `  <pp:Identyfikator>${content.submissionId}</pp:Identyfikator>`,
    `  <pp:Urzad>${escapeXml(content.officeName)}</pp:Urzad>`,
    '  <pp:Kanal>Portal mieszkańca (e-Urząd)</pp:Kanal>',
    `  <pp:DataWplywu>${warsawIso(content.receivedAt)}</pp:DataWplywu>`,
    `  <pp:NumerRPW>${escapeXml(content.rpwSign)}</pp:NumerRPW>`,
    `  <pp:Nadawca>${escapeXml(content.senderName)}</pp:Nadawca>`,
    `  <pp:Tytul>${escapeXml(content.title)}</pp:Tytul>`,
    '  <pp:Pismo>',
    `    <pp:NazwaPliku>${escapeXml(content.document.name)}</pp:NazwaPliku>`,
    `    <pp:Skrot algorytm="SHA-256">${content.document.sha256}</pp:Skrot>`,
    '  </pp:Pismo>',
    '  <pp:Zalaczniki>',
    ...attachments,
    '  </pp:Zalaczniki>',
    `  <pp:KodDostepu>${formatAccessCode(content.accessCode)}</pp:KodDostepu>`,
    '</pp:PotwierdzenieZlozeniaPisma>',
  ].join('\n');
}

export async function renderReceiptPdf(
  content: ReceiptContent,
  seal: { subject: string; kind: 'office_seal' | 'portal_seal' },
): Promise<Uint8Array> {
  // pdf-lib loads with the first PDF a process renders (see bin/server-bundle.js).
  const { renderPortalPdf } = await import('./portal-pdf.ts');
  return renderPortalPdf({
    officeName: content.officeName,
    title: SUBMISSION_RECEIPT_NAME,
    createdAt: content.receivedAt,
    sections: [
      {
        paragraphs: [
          `${content.officeName} potwierdza, że otrzymał za pośrednictwem portalu mieszkańca pismo opisane poniżej. Datą wpływu pisma jest data jego otrzymania podana w tym potwierdzeniu.`,
        ],
        rows: [
          ['Data i godzina otrzymania', warsawDisplay(content.receivedAt)],
          ['Numer w rejestrze przesyłek wpływających (RPW)', content.rpwSign],
          ['Nadawca', content.senderName],
          ['Tytuł pisma', content.title],
          ['Skrót SHA-256 pisma (' + content.document.name + ')', content.document.sha256],
        ],
      },
      {
        heading: 'Załączniki',
        paragraphs:
          content.attachments.length === 0
            ? ['Brak załączników.']
            : content.attachments.map(
                (file, index) =>
                  `${index + 1}. ${file.name} (${file.sizeBytes} B), SHA-256: ${file.sha256}`,
              ),
      },
      {
        heading: 'Kod dostępu',
        rows: [['Kod dostępu do sprawdzania statusu sprawy', formatAccessCode(content.accessCode)]],
        paragraphs: [
          'Status sprawy sprawdzisz w portalu mieszkańca, w części „Sprawdź status sprawy”, podając numer RPW albo znak sprawy oraz ten kod. Nie udostępniaj kodu osobom trzecim.',
        ],
      },
      {
        heading: 'Pieczęć',
        paragraphs: [
          `Potwierdzenie w postaci elektronicznej (plik XML) opatrzono ${seal.kind === 'office_seal' ? 'pieczęcią elektroniczną urzędu' : 'demonstracyjną pieczęcią portalu (urząd nie skonfigurował własnej pieczęci)'}: ${seal.subject}. Ten wydruk jest jego odwzorowaniem.`,
        ],
      },
    ],
  });
}
