import { UPO_NS } from './receipt-document.ts';
import { warsawIso } from './portal-time.ts';
import { escapeXml } from './xml-text.ts';

/**
 * Proof that the citizen received a letter through the portal (UPD-like: urzędowe poświadczenie
 * doręczenia): which letter, its SHA-256, to whom and when it was downloaded. Sealed by the caller
 * and filed with the delivery in the outgoing register and the case.
 */
export function buildDeliveryProofXml(content: {
  officeName: string;
  rkwSign: string;
  caseSign: string | null;
  title: string;
  fileName: string;
  sha256: string;
  recipientName: string;
  availableAt: Date;
  downloadedAt: Date;
}): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<upo:Dokument xmlns:upo="${UPO_NS}">`,
    '  <upo:UPD>',
    `    <upo:NazwaPodmiotuDoreczajacego>${escapeXml(content.officeName)}</upo:NazwaPodmiotuDoreczajacego>`,
    '    <upo:NazwaSkrzynki>Portal mieszkańca (e-Urząd)</upo:NazwaSkrzynki>',
    `    <upo:IdentyfikatorDokumentu>${escapeXml(content.rkwSign)}</upo:IdentyfikatorDokumentu>`,
    content.caseSign
      ? `    <upo:IdentyfikatorSprawy>${escapeXml(content.caseSign)}</upo:IdentyfikatorSprawy>`
      : null,
    `    <upo:Tytul>${escapeXml(content.title)}</upo:Tytul>`,
    `    <upo:NazwaPliku>${escapeXml(content.fileName)}</upo:NazwaPliku>`,
    `    <upo:SkrotDokumentu algorytm="SHA-256">${content.sha256}</upo:SkrotDokumentu>`,
    `    <upo:Adresat>${escapeXml(content.recipientName)}</upo:Adresat>`,
    `    <upo:DataUdostepnienia>${warsawIso(content.availableAt)}</upo:DataUdostepnienia>`,
    `    <upo:DataDoreczenia>${warsawIso(content.downloadedAt)}</upo:DataDoreczenia>`,
    '  </upo:UPD>',
    '</upo:Dokument>',
  ]
    .filter((line) => line !== null)
    .join('\n');
}
