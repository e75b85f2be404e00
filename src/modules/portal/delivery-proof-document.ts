import { PORTAL_RECEIPTS_NS } from './receipt-document.ts';
import { warsawIso } from './portal-time.ts';
import { escapeXml } from './xml-text.ts';

export const DELIVERY_PROOF_NAME = 'Potwierdzenie odbioru w portalu';

/**
 * The potwierdzenie odbioru w portalu: which letter, its SHA-256, to whom and when it was
 * downloaded — the moment of delivery through the office's own system (KPA art. 39 § 1). The
 * office's document in its own namespace, not an ePUAP UPD. Sealed by the caller and filed with
 * the delivery in the outgoing register and the case.
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
    `<pp:PotwierdzenieOdbioruWPortalu xmlns:pp="${PORTAL_RECEIPTS_NS}">`,
    `  <pp:Urzad>${escapeXml(content.officeName)}</pp:Urzad>`,
    '  <pp:Kanal>Portal mieszkańca (e-Urząd)</pp:Kanal>',
    `  <pp:NumerRKW>${escapeXml(content.rkwSign)}</pp:NumerRKW>`,
    content.caseSign ? `  <pp:ZnakSprawy>${escapeXml(content.caseSign)}</pp:ZnakSprawy>` : null,
    `  <pp:Tytul>${escapeXml(content.title)}</pp:Tytul>`,
    `  <pp:NazwaPliku>${escapeXml(content.fileName)}</pp:NazwaPliku>`,
    `  <pp:Skrot algorytm="SHA-256">${content.sha256}</pp:Skrot>`,
    `  <pp:Adresat>${escapeXml(content.recipientName)}</pp:Adresat>`,
    `  <pp:DataUdostepnienia>${warsawIso(content.availableAt)}</pp:DataUdostepnienia>`,
    `  <pp:DataPobrania>${warsawIso(content.downloadedAt)}</pp:DataPobrania>`,
    '</pp:PotwierdzenieOdbioruWPortalu>',
  ]
    .filter((line) => line !== null)
    .join('\n');
}
