import { formatAccessCode } from './access-code.ts';
import { renderPortalPdf } from './portal-pdf.ts';
import { warsawDisplay, warsawIso } from './portal-time.ts';
import { escapeXml } from './xml-text.ts';

/** The namespace of ePUAP's UPP/UPD proofs; the elements are this portal's UPP-like subset. */
export const UPO_NS = 'http://crd.gov.pl/xml/schematy/UPO/2008/05/09/';

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
 * The acknowledgement of submission (urzędowe poświadczenie przedłożenia, UPP): who received
 * what and when, with the RPW number, the SHA-256 of the submitted document and of each
 * attachment, and the access code for the status lookup. Sealed (XAdES, enveloped) by the caller.
 */
export function buildReceiptXml(content: ReceiptContent): string {
  const attachments = content.attachments.map(
    (file) =>
      `      <upo:Zalacznik nazwa="${escapeXml(file.name)}" rozmiar="${file.sizeBytes}"><upo:SkrotZalacznika algorytm="SHA-256">${file.sha256}</upo:SkrotZalacznika></upo:Zalacznik>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<upo:Dokument xmlns:upo="${UPO_NS}">`,
    '  <upo:UPP>',
    `    <upo:IdentyfikatorPoswiadczenia>${content.submissionId}</upo:IdentyfikatorPoswiadczenia>`,
    `    <upo:NazwaPodmiotuOdbierajacego>${escapeXml(content.officeName)}</upo:NazwaPodmiotuOdbierajacego>`,
    '    <upo:NazwaSkrzynki>Portal mieszkańca (e-Urząd)</upo:NazwaSkrzynki>',
    `    <upo:DataZlozenia>${warsawIso(content.receivedAt)}</upo:DataZlozenia>`,
    `    <upo:IdentyfikatorDokumentu>${escapeXml(content.rpwSign)}</upo:IdentyfikatorDokumentu>`,
    `    <upo:Nadawca>${escapeXml(content.senderName)}</upo:Nadawca>`,
    `    <upo:Tytul>${escapeXml(content.title)}</upo:Tytul>`,
    '    <upo:Dokument>',
    `      <upo:NazwaPliku>${escapeXml(content.document.name)}</upo:NazwaPliku>`,
    `      <upo:SkrotDokumentu algorytm="SHA-256">${content.document.sha256}</upo:SkrotDokumentu>`,
    '    </upo:Dokument>',
    '    <upo:Zalaczniki>',
    ...attachments,
    '    </upo:Zalaczniki>',
    `    <upo:KodDostepu>${formatAccessCode(content.accessCode)}</upo:KodDostepu>`,
    '  </upo:UPP>',
    '</upo:Dokument>',
  ].join('\n');
}

export function renderReceiptPdf(
  content: ReceiptContent,
  seal: { subject: string; kind: 'office_seal' | 'portal_seal' },
): Promise<Uint8Array> {
  return renderPortalPdf({
    officeName: content.officeName,
    title: 'Urzędowe poświadczenie przedłożenia (UPP)',
    createdAt: content.receivedAt,
    sections: [
      {
        paragraphs: [
          `${content.officeName} poświadcza, że otrzymał za pośrednictwem portalu mieszkańca pismo opisane poniżej. Datą wpływu pisma jest data jego otrzymania podana w tym poświadczeniu.`,
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
          `Poświadczenie w postaci elektronicznej (plik XML) opatrzono ${seal.kind === 'office_seal' ? 'pieczęcią elektroniczną urzędu' : 'demonstracyjną pieczęcią portalu (urząd nie skonfigurował własnej pieczęci)'}: ${seal.subject}. Ten wydruk jest jego odwzorowaniem.`,
        ],
      },
    ],
  });
}
