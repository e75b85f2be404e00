import { channelErrors } from '../channels.errors.ts';
import { child, CRD, escapeXml, parseReceivedXml, parseXmlBytes, text } from '../xml.ts';

/**
 * ePUAP official proofs (urzędowe poświadczenia) in namespace
 * http://crd.gov.pl/xml/schematy/UPO/2008/05/09/: `upo:Dokument` holding `upo:UPP` (the office's
 * box accepted a submission) or `upo:UPD` (the addressee collected the office's letter). Their
 * `upo:DataDoreczenia` is the legal time of delivery. ePUAP signs them with its seal.
 */
export type UpoKind = 'UPP' | 'UPD';

export interface Upo {
  kind: UpoKind;
  id: string;
  deliveredAt: Date;
  documentId?: string | undefined;
  sender?: string | undefined;
  addressee?: string | undefined;
}

export function isUpo(bytes: Uint8Array): boolean {
  try {
    const root = parseXmlBytes(bytes);
    return root.namespaceURI === CRD.upo && root.localName === 'Dokument';
  } catch {
    return false;
  }
}

export function parseUpo(bytes: Uint8Array): Upo {
  const root = parseReceivedXml(bytes, channelErrors.malformedProof);
  const body = child(root, CRD.upo, 'UPP') ?? child(root, CRD.upo, 'UPD');
  const when = text(child(body, CRD.upo, 'DataDoreczenia'));
  const deliveredAt = when ? new Date(when) : undefined;
  if (
    root.namespaceURI !== CRD.upo ||
    !body ||
    !deliveredAt ||
    Number.isNaN(deliveredAt.getTime())
  ) {
    throw channelErrors.malformedProof({ reason: 'no upo:UPP/upo:UPD with upo:DataDoreczenia' });
  }
  return {
    kind: body.localName as UpoKind,
    id: text(child(body, CRD.upo, 'IdentyfikatorPoswiadczenia')) ?? '',
    deliveredAt,
    documentId: text(child(body, CRD.upo, 'IdentyfikatorDokumentu')),
    sender: text(child(child(body, CRD.upo, 'Nadawca'), CRD.upo, 'Nazwa')),
    addressee: text(child(child(body, CRD.upo, 'Adresat'), CRD.upo, 'Nazwa')),
  };
}

export interface UpoInput {
  kind: UpoKind;
  id: string;
  deliveredAt: Date;
  createdAt: Date;
  documentId: string;
  sender: { name: string; box: string };
  addressee: { name: string; box: string };
  note?: string;
}

/** An unsigned UPP/UPD; the simulator signs it enveloped like ePUAP does. */
export function buildUpo(input: UpoInput): string {
  const party = (tag: string, p: { name: string; box: string }) =>
    `<upo:${tag}><upo:Nazwa>${escapeXml(p.name)}</upo:Nazwa><upo:IdentyfikatorPodmiotu TypIdentyfikatora="AdresSkrytki">${escapeXml(p.box)}</upo:IdentyfikatorPodmiotu></upo:${tag}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<upo:Dokument xmlns:upo="${CRD.upo}"><upo:${input.kind}><upo:IdentyfikatorPoswiadczenia>${escapeXml(input.id)}</upo:IdentyfikatorPoswiadczenia>${party('Adresat', input.addressee)}${party('Nadawca', input.sender)}<upo:DataDoreczenia>${input.deliveredAt.toISOString()}</upo:DataDoreczenia><upo:DataWytworzeniaPoswiadczenia>${input.createdAt.toISOString()}</upo:DataWytworzeniaPoswiadczenia><upo:IdentyfikatorDokumentu>${escapeXml(input.documentId)}</upo:IdentyfikatorDokumentu>${input.note ? `<upo:InformacjaUzupelniajaca TypInformacjiUzupelniajacej="Uwagi">${escapeXml(input.note)}</upo:InformacjaUzupelniajaca>` : ''}</upo:${input.kind}></upo:Dokument>`;
}
